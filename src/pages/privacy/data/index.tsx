// 我的数据: everything the server holds about the member and what this phone keeps, in readable groups, with an
// export (the clipboard, a privacy API on weapp: the popup asks first).
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import type { MyDataReply } from '../../../domain/api/privacy'
import {
  localDataGroups,
  serverDataGroups,
  utf8Bytes,
  type DataGroup,
  type LocalEntry
} from '../../../domain/privacy/summary'
import { kv } from '../../../platform/kv'
import { privacyService } from '../../../services/privacy-consent'
import { ApiError } from '../../../services/api/client'
import { fetchMyData } from '../../../services/my-data'
import { useOffline } from '../../../stores'
import { PrivacyPrompt } from '../../privacy-prompt'
import { useThemeClass } from '../../theme'
import '../../me/index.css'
import './index.css'
import { Action } from '../../../components/Action'

const time = (ms: number) => dayjs(ms).format('YYYY-MM-DD HH:mm')

/** This phone's key-value store: each key with the bytes its value takes. */
function localEntries(): LocalEntry[] {
  return kv.keys().map((key) => ({ key, bytes: utf8Bytes(kv.getItem(key) ?? '') }))
}

function Groups(props: { groups: DataGroup[] }) {
  return (
    <View>
      {props.groups.map((g) => (
        <View key={g.title} className="data-group">
          <Text className="me-group muted">{g.title}</Text>
          {g.rows.map((r, i) => (
            <View key={`${r.label}-${i}`} className="data-row hairline">
              <Text className="data-row__label">{r.label}</Text>
              <Text className="data-row__value">{r.value}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}

export default function MyDataPage() {
  const theme = useThemeClass()
  const online = useOffline((s) => s.online)
  const downloads = useOffline((s) => s.storage.downloads.length)
  const downloadedBytes = useOffline((s) => s.storage.downloadedBytes)
  const [server, setServer] = useState<MyDataReply | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [entries] = useState(localEntries)

  useEffect(() => {
    let live = true
    fetchMyData().then(
      (data) => live && setServer(data),
      (err: unknown) => {
        if (!live) return
        setError(
          err instanceof ApiError && err.offline
            ? '没有网络：连接网络后可查看服务器上保存的数据。'
            : err instanceof ApiError
              ? err.message
              : '暂时无法读取服务器上的数据，请稍后再试'
        )
      }
    )
    return () => {
      live = false
    }
  }, [online])

  const exportData = async () => {
    // Tapped before the page finished reading: the export waits for the server's part (null when offline).
    const data = server ?? (await fetchMyData().catch(() => null))
    const text = JSON.stringify({ server: data, device: entries }, null, 2)
    const copied = await privacyService.copy(text)
    void Taro.showToast({ title: copied ? '已复制到剪贴板' : '未能复制', icon: 'none' })
  }

  return (
    <View className={theme}>
      <View className="page-pad">
        <Text className="h1">我的数据</Text>
        <Text className="muted data-intro">
          这里列出服务器为你保存的全部信息，以及这台设备上保存的内容。需要删除账号时，请联系所在组织的管理员。
        </Text>
        <View data-testid="server-data">
          <Text className="data-heading">服务器上保存的</Text>
          {server ? (
            <Groups groups={serverDataGroups(server, time)} />
          ) : (
            <Text className="muted data-intro">{error ?? '正在读取…'}</Text>
          )}
        </View>
        <View data-testid="local-data">
          <Text className="data-heading">这台设备上保存的</Text>
          <Groups groups={localDataGroups(entries, { count: downloads, bytes: downloadedBytes })} />
        </View>
        <Action className="btn ghost data-export" testId="export-my-data" onPress={() => void exportData()}>
          导出我的数据（复制）
        </Action>
      </View>
      <PrivacyPrompt />
    </View>
  )
}
