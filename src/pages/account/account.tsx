import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { formatCode } from '../../domain/account'
import { orgPath } from '../../domain/routes'
import type { PairingReply } from '../../domain/api/account-actions'
import { Action } from '../../components/Action'
import { AccountCard } from '../../components/AccountCard'
import { services } from '../../services'
import { accountManagement, signOut } from '../../services/account'
import { describeError } from '../../services/account/manage'
import { syncStatusStore, useSession } from '../../stores'
import { clock } from '../me/dates'
import { DevicesSection } from './devices'

type Panel = null | 'rename' | 'join' | 'claim'

/** 账号与设备: sign-in state, name, organization, pairing a second device, signing out, and the devices. */
export function AccountSection() {
  const member = useSession((s) => s.member)
  const [panel, setPanel] = useState<Panel>(null)
  const [value, setValue] = useState('')
  const [pairing, setPairing] = useState<PairingReply | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  // Devices and organization may have changed elsewhere (another device paired, an organizer's change).
  useDidShow(() => void services.account.update())

  const run = async (work: () => Promise<void>, done?: string) => {
    setBusy(true)
    setError(null)
    try {
      await work()
      setPanel(null)
      setValue('')
      if (done) void Taro.showToast({ title: done, icon: 'none' })
    } catch (err) {
      setError(describeError(err))
    } finally {
      setBusy(false)
    }
  }
  const open = (p: Panel) => {
    setPanel(panel === p ? null : p)
    setValue('')
    setError(null)
  }
  const submit = () => {
    if (panel === 'rename') void run(() => accountManagement.rename(value), '已保存')
    if (panel === 'join') void run(() => accountManagement.joinOrg(value), '已加入党组织')
    if (panel === 'claim') void run(() => accountManagement.claimPairing(value), '已登录为同一账号')
  }
  // On a shared device nothing of the member stays: progress waiting to sync is sent first when possible, and the
  // member is told plainly if some of it could not be.
  const confirmSignOut = async () => {
    const pending = syncStatusStore.getState().pending
    const { confirm } = await Taro.showModal({
      title: '退出登录',
      content:
        pending > 0
          ? `退出后本机不再保留你的阅读记录。还有 ${pending} 条记录未同步，将先尝试同步；无网络时这些记录会丢失。`
          : '退出后本机不再保留你的阅读记录，已同步的记录保存在账号中，下次登录即可找回。',
      confirmText: '退出',
      cancelText: '取消'
    })
    if (!confirm) return
    await run(async () => {
      await signOut()
      await services.account.ensureSignedIn()
    }, '已退出登录')
  }
  const confirmLeaveOrg = async () => {
    if (!member?.org) return
    const { confirm } = await Taro.showModal({
      title: '退出党组织',
      content: `确定退出“${member.org.name}”吗？你的阅读和答题记录仍保存在账号中，之后可以用加入码重新加入。`,
      confirmText: '退出组织',
      cancelText: '取消'
    })
    if (!confirm) return
    await run(() => accountManagement.leaveOrg(), '已退出党组织')
  }
  const placeholder =
    panel === 'rename' ? '你的名字（1–20 个字）' : panel === 'join' ? '党组织加入码' : '另一台设备上显示的配对码'

  return (
    <View>
      <AccountCard member={member} signingIn={!member} />
      {pairing ? (
        <View className="pairing-code" data-testid="pairing-code">
          <Text className="muted">在另一台设备的“我的 → 账号与设备 → 输入配对码”中输入：</Text>
          <Text className="pairing-code__value accent" data-testid="pairing-code-value">
            {formatCode(pairing.code)}
          </Text>
          <Text className="muted">{clock(pairing.expiresAt)} 前有效，只能使用一次</Text>
        </View>
      ) : null}
      <View className="me-actions">
        <Action className="me-action" onPress={() => open('rename')}>
          修改名字
        </Action>
        <Action className="me-action" onPress={() => open('join')}>
          加入党组织
        </Action>
        {member?.org ? (
          <Action className="me-action" testId="leave-org" onPress={() => void confirmLeaveOrg()}>
            退出组织
          </Action>
        ) : null}
        {member?.org ? (
          <Action className="me-action" testId="open-org" onPress={() => void Taro.navigateTo({ url: orgPath() })}>
            组织情况
          </Action>
        ) : null}
        <Action
          className="me-action"
          testId="create-pairing"
          onPress={() => {
            void run(async () => setPairing(await accountManagement.createPairing()))
          }}
        >
          在另一台设备登录
        </Action>
        <Action className="me-action" testId="enter-pairing" onPress={() => open('claim')}>
          输入配对码
        </Action>
        {member ? (
          <Action className="me-action" testId="sign-out" onPress={() => void confirmSignOut()}>
            退出登录
          </Action>
        ) : null}
      </View>
      {panel ? (
        <View className="me-form">
          <Input
            className="me-input"
            data-testid="me-input"
            value={value}
            placeholder={placeholder}
            maxlength={panel === 'rename' ? 20 : 16}
            onInput={(e) => setValue(e.detail.value)}
            onConfirm={submit}
          />
          <Action
            className="btn small"
            testId="me-submit"
            label={busy ? '请稍候' : '确定'}
            disabled={busy}
            onPress={submit}
          >
            {busy ? '请稍候…' : '确定'}
          </Action>
        </View>
      ) : null}
      {error ? (
        <View className="notice" data-testid="me-error">
          {error}
        </View>
      ) : null}
      <DevicesSection />
    </View>
  )
}
