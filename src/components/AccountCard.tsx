import { Text, View } from '@tarojs/components'
import type { Member } from '../domain/account'

export interface AccountCardProps {
  member: Member | null
  signingIn: boolean
}

/** Who is reading: name, party organization, and how many devices share the account. */
export function AccountCard({ member, signingIn }: AccountCardProps) {
  if (!member) {
    return (
      <View className="account-card" data-testid="account-card">
        <Text className="muted">{signingIn ? '正在登录…' : '未登录，连接网络后自动登录'}</Text>
      </View>
    )
  }
  return (
    <View className="account-card" data-testid="account-card">
      <View className="account-card__avatar">
        <Text>{member.displayName.slice(0, 1)}</Text>
      </View>
      <View className="account-card__text">
        <Text className="account-card__name" data-testid="member-name">
          {member.displayName}
        </Text>
        <Text className="account-card__org muted" data-testid="member-org">
          {member.org ? member.org.name : '未加入党组织'}
        </Text>
        <Text className="account-card__devices muted" data-testid="member-devices">
          {member.devices.length} 台设备已登录
        </Text>
      </View>
    </View>
  )
}
