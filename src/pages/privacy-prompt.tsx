import { PrivacyPopup } from '../components/PrivacyPopup'
import { privacyService } from '../services/privacy-consent'
import { AGREE_BUTTON_ID } from '../services/privacy'
import { usePrivacy } from '../stores'

/**
 * The privacy popup, connected: render it on every page that may call a privacy API (我的数据, whose 导出 uses the
 * clipboard; 发布简报, whose file comes from wx.chooseMessageFile). It shows when WeChat asks
 * (onNeedPrivacyAuthorization) and answers WeChat.
 */
export function PrivacyPrompt() {
  const asking = usePrivacy((s) => s.asking)
  const contractName = usePrivacy((s) => s.contractName)
  return (
    <PrivacyPopup
      visible={asking}
      contractName={contractName}
      agreeButtonId={AGREE_BUTTON_ID}
      onOpenContract={() => void privacyService.openContract()}
      onAgree={privacyService.agree}
      onDisagree={privacyService.disagree}
    />
  )
}
