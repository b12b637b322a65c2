// The base library version each wx API the fake implements first appeared in ("需要基础库" in WeChat's API docs,
// as carried by WeChat's own miniprogram-api-typings 3.12). APIs present since 1.0.0 are not listed.

/** The floor the app declares in project.config.json (libVersion); calls to newer APIs fail the tests. */
export const BASE_LIBRARY_FLOOR = '2.30.4'

export const API_SINCE: Record<string, string> = {
  getFileSystemManager: '1.9.9',
  chooseMessageFile: '2.5.0',
  onNetworkStatusChange: '1.1.0',
  offNetworkStatusChange: '2.9.3',
  showShareMenu: '1.1.0',
  hideShareMenu: '1.1.0',
  updateShareMenu: '1.2.0',
  getWindowInfo: '2.20.1',
  getAppBaseInfo: '2.20.1',
  getDeviceInfo: '2.20.1',
  getSystemSetting: '2.20.1',
  getLaunchOptionsSync: '2.1.2',
  getEnterOptionsSync: '2.9.4',
  reLaunch: '1.1.0',
  showLoading: '1.1.0',
  hideLoading: '1.1.0',
  setClipboardData: '1.1.0',
  getClipboardData: '1.1.0',
  stopPullDownRefresh: '1.5.0',
  startPullDownRefresh: '1.5.0',
  nextTick: '2.2.3',
  createSelectorQuery: '1.4.0',
  createIntersectionObserver: '1.9.3',
  pageScrollTo: '1.4.0',
  setNavigationBarColor: '1.4.0',
  getUpdateManager: '1.9.90',
  onAppShow: '2.1.2',
  onAppHide: '2.1.2',
  offAppShow: '2.1.2',
  offAppHide: '2.1.2',
  onError: '2.1.2',
  onUnhandledRejection: '2.10.0',
  onPageNotFound: '2.1.2',
  getMenuButtonBoundingClientRect: '2.1.0',
  canIUse: '1.1.1',
  getAccountInfoSync: '2.2.2',
  onThemeChange: '2.11.0',
  onWindowResize: '2.3.0',
  offWindowResize: '2.3.0',
  getGroupEnterInfo: '2.10.4',
  getPrivacySetting: '2.32.3',
  onNeedPrivacyAuthorization: '2.32.3',
  openPrivacyContract: '2.32.3',
  requirePrivacyAuthorize: '2.32.3',
  getSkylineInfoSync: '2.26.2',
  getRendererUserAgent: '2.26.3',
  getApiCategory: '2.33.0',
  getBackgroundAudioManager: '1.2.0',
  // FileSystemManager.mkdir's `recursive` option and the Page handler onShareTimeline.
  'FileSystemManager.mkdir.recursive': '2.3.0',
  'Page.onShareTimeline': '2.11.3'
}

/** -1, 0 or 1 as version a is older than, equal to or newer than b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d < 0 ? -1 : 1
  }
  return 0
}
