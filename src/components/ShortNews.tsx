import { Text, View } from '@tarojs/components'

export interface ShortNewsProps {
  paragraphs: string[]
  source: string | null
  fontPx: number
}

/** A 信息短波 item, readable in place: its paragraph and attribution. */
export function ShortNews({ paragraphs, source, fontPx }: ShortNewsProps) {
  return (
    <View className="short-news" data-testid="short-news">
      {paragraphs.map((p, i) => (
        <Text key={i} className="para" style={{ fontSize: `${fontPx}px` }} userSelect>
          {p}
        </Text>
      ))}
      {source ? <Text className="attribution">（{source}）</Text> : null}
    </View>
  )
}
