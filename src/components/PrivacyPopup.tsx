import { Button, Text, View } from '@tarojs/components'
import { Action } from './Action'
import './PrivacyPopup.css'

export interface PrivacyPopupProps {
  visible: boolean
  /** The guide's name as WeChat reports it; a generic name until it is known. */
  contractName: string
  /** The agree button's id: WeChat takes the agreement only from that open-type button. */
  agreeButtonId: string
  onOpenContract(): void
  onAgree(): void
  onDisagree(): void
}

/**
 * Asks the member to agree to the 用户隐私保护指引 before a privacy API runs (WeChat's onNeedPrivacyAuthorization).
 * 同意 is an `open-type="agreePrivacyAuthorization"` button: WeChat records the agreement from its tap.
 */
export function PrivacyPopup(props: PrivacyPopupProps) {
  if (!props.visible) return null
  const name = props.contractName || '《用户隐私保护指引》'
  return (
    <View className="privacy-popup" data-testid="privacy-popup">
      <View className="privacy-popup__card">
        <Text className="privacy-popup__title">隐私保护提示</Text>
        <View className="privacy-popup__body">
          <Text>使用这项功能前，请阅读</Text>
          <Action className="privacy-popup__link" testId="privacy-contract" label={name} onPress={props.onOpenContract}>
            {name}
          </Action>
          <Text>。我们只为阅读同步、答题和党组织管理使用你的信息，不收集位置、通讯录、照片或手机号。</Text>
        </View>
        <View className="privacy-popup__actions">
          <Button className="privacy-popup__btn" data-testid="privacy-disagree" onClick={props.onDisagree}>
            拒绝
          </Button>
          <Button
            id={props.agreeButtonId}
            className="privacy-popup__btn privacy-popup__btn--agree"
            data-testid="privacy-agree"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={props.onAgree}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  )
}
