import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { formatBytes, formatChineseDate, formatIssueNumber } from '../../domain/format'
import { DownloadRow } from '../../components/DownloadRow'
import { StorageMeter } from '../../components/StorageMeter'
import { services } from '../../services'
import { useOffline } from '../../stores'
import type { StoredDownload } from '../../stores/offline'
import { useThemeClass } from '../theme'
import './index.css'
import { Action } from '../../components/Action'

const nameOf = (d: StoredDownload) =>
  d.summary ? `《${d.summary.title}》${formatIssueNumber(d.summary.number, null, d.summary.supplement)}` : '这一期'

/** Asks before deleting: a download is gone for reading offline until downloaded again. */
async function confirm(title: string, content: string): Promise<boolean> {
  try {
    const res = await Taro.showModal({
      title,
      content,
      confirmText: '删除',
      confirmColor: '#C8161D',
      cancelText: '取消'
    })
    return res.confirm
  } catch {
    return false
  }
}

/** 我的 → 离线内容: the downloads with their size, the space used, and deleting one or all. */
export default function OfflinePage() {
  const theme = useThemeClass()
  const storage = useOffline((s) => s.storage)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const { downloads } = storage

  const run = async (question: string, detail: string, work: () => Promise<void>) => {
    if (busy || !(await confirm(question, detail))) return
    setBusy(true)
    setError(null)
    try {
      await work()
      void Taro.showToast({ title: '已删除', icon: 'none' })
    } catch {
      setError('删除没有完成，请稍后再试')
    } finally {
      setBusy(false)
    }
  }
  const deleteOne = (id: string) => {
    const d = downloads.find((x) => x.id === id)
    if (d)
      void run(`删除${nameOf(d)}？`, '删除后释放手机空间，没有网络时将无法阅读这一期。阅读进度会保留。', () =>
        services.removeDownload(id)
      )
  }
  const deleteAll = () => {
    void run(
      `删除全部 ${downloads.length} 期下载？`,
      `将释放 ${formatBytes(storage.downloadedBytes)} 空间，没有网络时将无法阅读这些期刊。阅读进度会保留。`,
      services.removeAllDownloads
    )
  }

  return (
    <View className={theme}>
      <View className="page-pad">
        <Text className="h1">离线内容</Text>
        <StorageMeter
          downloaded={formatBytes(storage.downloadedBytes)}
          cached={formatBytes(storage.cachedBytes)}
          cacheBudget={formatBytes(storage.cacheBudget)}
          downloadCount={downloads.length}
          cacheFraction={storage.cacheBudget > 0 ? storage.cachedBytes / storage.cacheBudget : 0}
        />
        {error ? <View className="notice offline-notice">{error}</View> : null}
        <View className="offline-head">
          <Text className="offline-group muted">已下载的期刊</Text>
          {downloads.length > 0 ? (
            <Action className="offline-delete-all" testId="delete-all-downloads" onPress={deleteAll}>
              全部删除
            </Action>
          ) : null}
        </View>
        {downloads.map((d) => (
          <DownloadRow
            key={d.id}
            id={d.id}
            title={d.summary?.title ?? d.id}
            issueLine={
              d.summary ? formatIssueNumber(d.summary.number, d.summary.totalNumber, d.summary.supplement) : ''
            }
            date={d.summary ? formatChineseDate(d.summary.publishedOn) : ''}
            size={formatBytes(d.size)}
            onDelete={deleteOne}
          />
        ))}
        {downloads.length === 0 ? (
          <View className="empty-state muted" data-testid="no-downloads">
            还没有下载的期刊。在期刊目录中点“下载离线阅读”，没有网络时也能阅读。
          </View>
        ) : null}
      </View>
    </View>
  )
}
