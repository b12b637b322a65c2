export default definePageConfig({ navigationBarTitleText: '读党史活动' })
