export default definePageConfig({ navigationBarTitleText: '目录', enableShareAppMessage: true })
