export default definePageConfig({ navigationBarTitleText: '组织情况' })
