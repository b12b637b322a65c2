export default definePageConfig({
  navigationBarTitleText: '',
  enableShareAppMessage: true,
  enableShareTimeline: true,
  // The loading skeleton at once on the next opening (useRenderingCache).
  initialRenderingCache: 'dynamic',
  // Left on an article, the next start without a path opens 书架 with this article on top, as on H5.
  restartStrategy: 'homePageAndLatestPage'
})
