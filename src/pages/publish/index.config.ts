export default definePageConfig({ navigationBarTitleText: '发布简报' })
