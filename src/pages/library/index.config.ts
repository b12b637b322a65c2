export default definePageConfig({
  navigationBarTitleText: '书架',
  enablePullDownRefresh: true,
  // Shown at once on the next start, before the logic layer runs; live parts are left out (useRenderingCache).
  initialRenderingCache: 'dynamic'
})
