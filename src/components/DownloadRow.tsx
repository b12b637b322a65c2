import { Text, View } from '@tarojs/components'
import { Action } from './Action'
import './DownloadRow.css'

export interface DownloadRowProps {
  id: string
  title: string
  /** 第2期 · 总第197期 */
  issueLine: string
  date: string
  /** Already formatted (e.g. 356 KB). */
  size: string
  onDelete(id: string): void
}

/** One downloaded issue in 离线内容: what it is, how much space it takes, and 删除. */
export function DownloadRow(p: DownloadRowProps) {
  return (
    <View className="download-row hairline" data-testid="download-row">
      <View className="download-row__text">
        <Text className="download-row__title">{p.title}</Text>
        <Text className="download-row__line">{p.issueLine}</Text>
        <Text className="download-row__meta muted">
          {p.date ? `${p.date} · ` : ''}
          <Text data-testid="download-size">{p.size}</Text>
        </Text>
      </View>
      <Action
        className="download-row__delete"
        testId="delete-download"
        label={`删除 ${p.title} ${p.issueLine}`}
        onPress={() => p.onDelete(p.id)}
      >
        删除
      </Action>
    </View>
  )
}
