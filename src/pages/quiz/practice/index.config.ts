export default definePageConfig({ navigationBarTitleText: '练习' })
