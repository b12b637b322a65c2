import { useRef } from 'react'
import { ScrollView, View } from '@tarojs/components'
import { Action } from './Action'
import './SectionBar.css'

export interface SectionBarProps {
  titles: string[]
  active: number
  onSelect(index: number): void
}

const isH5 = process.env.TARO_ENV === 'h5'

/**
 * The sticky bar of section pills: jumps to a section and shows the one in view. A tab list to assistive
 * technology: one Tab stop (the section in view), ←/→ (and Home/End) move between sections on H5.
 */
export function SectionBar({ titles, active, onSelect }: SectionBarProps) {
  const tabs = useRef<Array<{ focus?: () => void } | null>>([])
  const move = (to: number) => {
    const i = (to + titles.length) % titles.length
    onSelect(i)
    tabs.current[i]?.focus?.()
  }
  const onKey = (i: number) => (key: string) => {
    if (key === 'ArrowRight') move(i + 1)
    else if (key === 'ArrowLeft') move(i - 1)
    else if (key === 'Home') move(0)
    else if (key === 'End') move(titles.length - 1)
    else return false
    return true
  }
  return (
    <View className="section-bar" data-testid="section-bar">
      <ScrollView scrollX enhanced showScrollbar={false} className="section-bar__scroll">
        <View
          className="section-bar__row"
          {...(isH5 ? { role: 'tablist', 'aria-label': '栏目' } : { 'aria-role': 'tablist', 'aria-label': '栏目' })}
        >
          {titles.map((t, i) => (
            <Action
              key={t}
              id={`pill-${i}`}
              className={`section-pill${i === active ? ' section-pill--active' : ''}`}
              label={t}
              tab={{ selected: i === active }}
              elementRef={(el) => {
                tabs.current[i] = el
              }}
              onKey={onKey(i)}
              onPress={() => onSelect(i)}
            >
              {t}
            </Action>
          ))}
        </View>
      </ScrollView>
    </View>
  )
}
