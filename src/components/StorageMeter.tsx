import { Text, View } from '@tarojs/components'
import './StorageMeter.css'

export interface StorageMeterProps {
  /** Already formatted sizes (e.g. 1.2 MB). */
  downloaded: string
  cached: string
  cacheBudget: string
  downloadCount: number
  /** Share of the cache budget in use, 0..1. */
  cacheFraction: number
}

/** Space used on the device: downloads (kept until deleted) and the cache of issues read (within its budget). */
export function StorageMeter(p: StorageMeterProps) {
  const percent = Math.min(100, Math.max(0, Math.round(p.cacheFraction * 100)))
  return (
    <View className="storage-meter" data-testid="storage-meter">
      <View className="storage-meter__row">
        <Text>已下载</Text>
        <Text className="storage-meter__value" data-testid="storage-downloaded">
          {p.downloadCount} 期 · {p.downloaded}
        </Text>
      </View>
      <View className="storage-meter__row">
        <Text>阅读缓存</Text>
        <Text className="storage-meter__value" data-testid="storage-cached">
          {p.cached} / {p.cacheBudget}
        </Text>
      </View>
      <View className="storage-meter__bar">
        <View className="storage-meter__fill" style={{ width: `${percent}%` }} />
      </View>
      <Text className="storage-meter__note muted">
        读过但未下载的期刊缓存在 {p.cacheBudget} 以内，超出时自动清理最早读过的；已下载的期刊保留到你删除为止。
      </Text>
    </View>
  )
}
