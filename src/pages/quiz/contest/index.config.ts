export default definePageConfig({ navigationBarTitleText: '百题竞答' })
