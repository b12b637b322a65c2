export default definePageConfig({
  navigationBarTitleText: '目录',
  enableShareAppMessage: true,
  // The loading skeleton at once on the next opening (useRenderingCache).
  initialRenderingCache: 'dynamic'
})
