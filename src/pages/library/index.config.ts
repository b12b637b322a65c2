export default definePageConfig({
  navigationBarTitleText: '书架',
  enablePullDownRefresh: true
})
