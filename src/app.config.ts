export default defineAppConfig({
  // The main package holds the two tab pages and what starts the app (services, sync); WeChat downloads it before the
  // first paint, so everything else is a subpackage under the page's own path (links and shares are unchanged).
  pages: ['pages/library/index', 'pages/me/index'],
  subPackages: [
    // The reader: the contents of an issue and the article page (with 听, sharing and the type panel). Preloaded from
    // the shelf on any network, and downloaded with the main package when a shared link opens an article cold.
    { root: 'pages/issue', pages: ['index'] },
    { root: 'pages/article', pages: ['index'] },
    // The quiz: members who only read never download it.
    {
      root: 'pages/quiz',
      pages: ['home/index', 'practice/index', 'contest/index', 'result/index']
    },
    // 我的数据 (what is stored about the member): opened rarely, so it is not in the main package.
    {
      root: 'pages/privacy',
      pages: ['data/index']
    },
    // 组织情况 (figures, ranking, admins' member lines and export): only members who open it download it.
    { root: 'pages/org', pages: ['index'] },
    // The campaign page (读党史、守初心、担使命): its own subpackage, opened from the shelf.
    { root: 'pages/campaign', pages: ['index/index'] },
    // 发布简报 (organization admins): preview an issue file, then publish it.
    { root: 'pages/publish', pages: ['index'] },
    // 搜索 with its index code: only members who search download it.
    { root: 'pages/search', pages: ['index'] },
    // 离线内容 (the downloads and the space they take), opened from 我的: out of the main package (same path).
    { root: 'pages/offline', pages: ['index'] },
    // 账号与设备 (name, organization, pairing, devices, signing out), opened from 我的.
    { root: 'pages/account', pages: ['index'] }
  ],
  // Once a member is on the shelf, the reader, the quiz, the campaign and 搜索 (opened from it) are fetched in the
  // background; 账号与设备, 组织情况 and 离线内容 (opened from 我的) once on 我的. On any network: the reader, 搜索 and 离线内容 must
  // open on a train with no signal. A new subpackage is one more entry in a list here.
  preloadRule: {
    'pages/library/index': {
      network: 'all',
      packages: ['pages/issue', 'pages/article', 'pages/quiz', 'pages/campaign', 'pages/search']
    },
    'pages/me/index': { network: 'all', packages: ['pages/account', 'pages/offline', 'pages/org'] }
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#FAF7F0',
    navigationBarTitleText: '党史阅读',
    navigationBarTextStyle: 'black',
    backgroundColor: '#FAF7F0'
  },
  tabBar: {
    color: '#4A4A4A',
    selectedColor: '#9C1016',
    backgroundColor: '#FAF7F0',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/library/index',
        text: '书架',
        iconPath: 'assets/tab-library.png',
        selectedIconPath: 'assets/tab-library-active.png'
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab-me.png',
        selectedIconPath: 'assets/tab-me-active.png'
      }
    ]
  },
  lazyCodeLoading: 'requiredComponents',
  // 听: attached audio keeps playing with the screen locked (BackgroundAudioManager).
  requiredBackgroundModes: ['audio'],
  // 听, read-aloud: WeChat's 同声传译 plugin, only in builds made with LISTEN_WECHATSI=1 (README, 听).
  ...(process.env.LISTEN_WECHATSI === '1'
    ? { plugins: { WechatSI: { version: process.env.WECHATSI_VERSION || '0.3.6', provider: 'wx069ba97219f66d99' } } }
    : {}),
  // Privacy APIs wait for the member's agreement to the 用户隐私保护指引 (docs/privacy.md); the app's popup asks.
  __usePrivacyCheck__: true
})
