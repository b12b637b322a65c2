import { View } from '@tarojs/components'
import { LiveRegion } from '../../components/LiveRegion'
import { useStatusAnnouncement } from '../announce'
import { useThemeClass } from '../theme'
import { AccountSection } from './account'
import '../me/index.css'
import './index.css'

/**
 * 我的 → 账号与设备: name, party organization, pairing another device, the devices signed in, signing out. A
 * subpackage on weapp: members open it now and then, so its code is not in the main package.
 */
export default function AccountPage() {
  const theme = useThemeClass()
  const announcement = useStatusAnnouncement()
  return (
    <View className={theme}>
      <LiveRegion message={announcement} />
      <View className="page-pad" data-testid="account-page">
        <AccountSection />
      </View>
    </View>
  )
}
