import { ScrollView, Text, View } from '@tarojs/components'
import './SectionBar.css'

export interface SectionBarProps {
  titles: string[]
  active: number
  onSelect(index: number): void
}

/** The sticky bar of section pills: jumps to a section and shows the one in view. */
export function SectionBar({ titles, active, onSelect }: SectionBarProps) {
  return (
    <View className="section-bar" data-testid="section-bar">
      <ScrollView scrollX enhanced showScrollbar={false} className="section-bar__scroll">
        <View className="section-bar__row">
          {titles.map((t, i) => (
            <Text
              key={t}
              id={`pill-${i}`}
              className={`section-pill${i === active ? ' section-pill--active' : ''}`}
              onClick={() => onSelect(i)}
            >
              {t}
            </Text>
          ))}
        </View>
      </ScrollView>
    </View>
  )
}
