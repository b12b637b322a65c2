export default definePageConfig({
  navigationBarTitleText: '',
  enableShareAppMessage: true,
  enableShareTimeline: true,
  // The loading skeleton at once on the next opening (useRenderingCache).
  initialRenderingCache: 'dynamic'
})
