import { Text, View } from '@tarojs/components'
import { Action } from './Action'
import './UpdateBanner.css'

export interface UpdateBannerProps {
  visible: boolean
  /** The user accepts the new version: the page reloads once with it. */
  onApply(): void
  /** Hides the banner until the next visit; without it there is no 稍后 button. */
  onDismiss?(): void
  night?: boolean
}

/** Offers a waiting new version of the H5 app. The user decides when the page reloads, never the app. */
export function UpdateBanner({ visible, onApply, onDismiss, night }: UpdateBannerProps) {
  if (!visible) return null
  return (
    <View className={night ? 'update-banner update-banner--night' : 'update-banner'} data-testid="update-banner">
      <Action className="update-banner__apply" label="有新版本，点击更新" onPress={onApply}>
        <Text className="update-banner__dot" />
        <Text className="update-banner__text">有新版本，点击更新</Text>
      </Action>
      {onDismiss ? (
        <Action className="update-banner__later" label="稍后更新" onPress={onDismiss}>
          <Text>稍后</Text>
        </Action>
      ) : null}
    </View>
  )
}
