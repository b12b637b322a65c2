import { Text, View } from '@tarojs/components'
import { Action } from './Action'
import './ArticleRow.css'

export interface ArticleRowProps {
  id: string
  title: string
  source: string | null
  read: boolean
  fontPx: number
  onOpen(id: string): void
}

/** A contents entry: title and attribution; read ones dimmed with a check mark. */
export function ArticleRow({ id, title, source, read, fontPx, onOpen }: ArticleRowProps) {
  return (
    <Action
      className={`article-row${read ? ' article-row--read' : ''}`}
      testId="article-row"
      onPress={() => onOpen(id)}
    >
      <Text className="article-row__title" style={{ fontSize: `${fontPx}px` }}>
        {title}
      </Text>
      <View className="article-row__meta">
        {source ? <Text className="article-row__source">（{source}）</Text> : <Text />}
        {read ? <Text className="article-row__check">✓ 已读</Text> : null}
      </View>
    </Action>
  )
}
