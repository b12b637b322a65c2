export default definePageConfig({ navigationBarTitleText: '离线内容' })
