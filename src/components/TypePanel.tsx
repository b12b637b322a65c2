import { useEffect, useRef } from 'react'
import { View } from '@tarojs/components'
import { Action } from './Action'
import './TypePanel.css'

export interface TypePanelProps {
  visible: boolean
  fontStep: number
  maxStep: number
  careMode: boolean
  nightMode: boolean
  onSmaller(): void
  onBigger(): void
  onCareMode(on: boolean): void
  onNightMode(on: boolean): void
  onClose(): void
}

const isH5 = process.env.TARO_ENV === 'h5'

/** Reading comfort: A−/A+ steps, 关怀模式 (large type, high contrast) and night mode. */
export function TypePanel(p: TypePanelProps) {
  const panel = useRef<{ focus?: () => void } | null>(null)
  const opener = useRef<{ focus?: () => void; isConnected?: boolean } | null>(null)
  // H5: keyboard focus moves into the panel when it opens (its first button is one Tab away); Escape closes it, and
  // focus goes back to what opened it (Aa), so a keyboard or screen reader user goes on from where they were.
  useEffect(() => {
    if (!isH5) return
    if (p.visible) {
      opener.current = document.activeElement as typeof opener.current
      panel.current?.focus?.()
    } else if (opener.current) {
      if (opener.current.isConnected) opener.current.focus?.()
      opener.current = null
    }
  }, [p.visible])
  if (!p.visible) return null
  const dialog = isH5
    ? {
        role: 'dialog',
        'aria-modal': 'true',
        'aria-label': '字号与显示设置',
        tabindex: -1,
        onKeyDown: (e: KeyboardEvent) => {
          if (e.key === 'Escape') p.onClose()
        }
      }
    : {}
  const step = `字号 ${p.fontStep + 1}/${p.maxStep + 1}`
  return (
    <View className="type-panel-mask" onClick={p.onClose}>
      <View
        ref={panel as never}
        className="type-panel"
        data-testid="type-panel"
        {...dialog}
        onClick={(e) => e.stopPropagation()}
      >
        <View className="type-panel__row">
          <Action
            className="type-btn"
            label="缩小字号 A−"
            disabled={p.fontStep <= 0}
            testId="font-smaller"
            onPress={p.onSmaller}
          >
            A−
          </Action>
          <View className="type-steps" {...(isH5 ? { role: 'img' } : {})} aria-label={step}>
            {Array.from({ length: p.maxStep + 1 }, (_, i) => (
              <View key={i} className={`type-dot${i <= p.fontStep ? ' type-dot--on' : ''}`} />
            ))}
          </View>
          <Action
            className="type-btn type-btn--big"
            label="放大字号 A+"
            disabled={p.fontStep >= p.maxStep}
            testId="font-bigger"
            onPress={p.onBigger}
          >
            A+
          </Action>
        </View>
        <View className="type-panel__row">
          <Action
            className={`type-toggle${p.careMode ? ' type-toggle--on' : ''}`}
            label="关怀模式"
            pressed={p.careMode}
            testId="care-toggle"
            onPress={() => p.onCareMode(!p.careMode)}
          >
            关怀模式
          </Action>
          <Action
            className={`type-toggle${p.nightMode ? ' type-toggle--on' : ''}`}
            label="夜间模式"
            pressed={p.nightMode}
            testId="night-toggle"
            onPress={() => p.onNightMode(!p.nightMode)}
          >
            夜间模式
          </Action>
        </View>
      </View>
    </View>
  )
}
