import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Device } from '../../domain/api/account'
import { Action } from '../../components/Action'
import { accountManagement } from '../../services/account'
import { describeError } from '../../services/account/manage'
import { useSession } from '../../stores'
import { dayOf, daysSince } from '../me/dates'

const NO_DEVICES: Device[] = []
const KIND_LABELS: Record<Device['kind'], string> = { wechat: '微信', device: '浏览器', paired: '配对设备' }

/** When a device was last used, to the day (the server renews it at most daily). */
function lastUse(device: Device): string {
  const at = device.lastUsedAt ?? device.createdAt
  const days = daysSince(at, Date.now())
  return days <= 0 ? '今天使用过' : days === 1 ? '昨天使用过' : `${dayOf(at)} 最后使用`
}

/**
 * 我的 → 账号与设备 → 登录设备: every device signed in to this account with its last use; one can be signed out (a lost phone),
 * or all but this one. A signed-out device has to sign in again; what it read stays on it.
 */
export function DevicesSection() {
  const devices = useSession((s) => s.member?.devices ?? NO_DEVICES)
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const run = async (confirmText: string, work: () => Promise<string>) => {
    const { confirm } = await Taro.showModal({ title: '退出设备', content: confirmText, confirmText: '退出' })
    if (!confirm) return
    setBusy(true)
    setError(null)
    try {
      void Taro.showToast({ title: await work(), icon: 'none' })
    } catch (err) {
      setError(describeError(err))
    } finally {
      setBusy(false)
    }
  }
  const signOutOne = (d: Device) =>
    void run(`让“${d.name}”退出登录？该设备需要重新登录才能同步。`, async () => {
      await accountManagement.signOutDevice(d.id)
      return '已退出该设备'
    })
  const signOutOthers = () =>
    void run('让本机以外的所有设备退出登录？', async () => {
      const n = await accountManagement.signOutOtherDevices()
      return n > 0 ? `已退出 ${n} 台设备` : '没有其他设备'
    })

  if (devices.length === 0) return null
  return (
    <View className="devices" data-testid="devices">
      <View className="me-actions">
        <Action className="me-action" testId="devices-toggle" onPress={() => setOpen(!open)}>
          {open ? '收起登录设备' : `登录设备（${devices.length}）`}
        </Action>
      </View>
      {open ? (
        <View className="devices__list">
          {devices.map((d) => (
            <View key={d.id} className="devices__item" data-testid="device">
              <View className="devices__info">
                <Text className="devices__name">
                  {d.name}
                  {d.current ? '（本机）' : ''}
                </Text>
                <Text className="muted">
                  {KIND_LABELS[d.kind]} · {lastUse(d)}
                </Text>
              </View>
              {d.current ? null : (
                <Action
                  className="me-action"
                  testId="device-sign-out"
                  label={`让 ${d.name} 退出登录`}
                  disabled={busy}
                  onPress={() => signOutOne(d)}
                >
                  退出
                </Action>
              )}
            </View>
          ))}
          {devices.length > 1 ? (
            <Action className="me-action" testId="devices-sign-out-others" disabled={busy} onPress={signOutOthers}>
              退出其他所有设备
            </Action>
          ) : null}
          {error ? (
            <View className="notice" data-testid="devices-error">
              {error}
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
