// Asks before privacy APIs (weapp): WeChat's question goes to the app's own popup (pages/privacy-prompt). Only the
// pages that call a privacy API import this module (我的数据: the clipboard; 发布简报: wx.chooseMessageFile), so the
// handler is registered when the first of them loads, before it can call one, and none of it is in the main package.
import { privacy } from '../platform/privacy'
import { privacyStore } from '../stores'
import { createPrivacyService } from './privacy'

export const privacyService = createPrivacyService(privacy, privacyStore)
privacyService.start()
