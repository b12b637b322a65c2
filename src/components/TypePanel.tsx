import { Text, View } from '@tarojs/components'
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

/** Reading comfort: A−/A+ steps, 关怀模式 (large type, high contrast) and night mode. */
export function TypePanel(p: TypePanelProps) {
  if (!p.visible) return null
  return (
    <View className="type-panel-mask" onClick={p.onClose}>
      <View className="type-panel" data-testid="type-panel" onClick={(e) => e.stopPropagation()}>
        <View className="type-panel__row">
          <Text className={`type-btn${p.fontStep <= 0 ? ' type-btn--off' : ''}`} onClick={p.onSmaller}>
            A−
          </Text>
          <View className="type-steps">
            {Array.from({ length: p.maxStep + 1 }, (_, i) => (
              <View key={i} className={`type-dot${i <= p.fontStep ? ' type-dot--on' : ''}`} />
            ))}
          </View>
          <Text
            className={`type-btn type-btn--big${p.fontStep >= p.maxStep ? ' type-btn--off' : ''}`}
            onClick={p.onBigger}
          >
            A+
          </Text>
        </View>
        <View className="type-panel__row">
          <Text
            className={`type-toggle${p.careMode ? ' type-toggle--on' : ''}`}
            onClick={() => p.onCareMode(!p.careMode)}
          >
            关怀模式
          </Text>
          <Text
            className={`type-toggle${p.nightMode ? ' type-toggle--on' : ''}`}
            onClick={() => p.onNightMode(!p.nightMode)}
          >
            夜间模式
          </Text>
        </View>
      </View>
    </View>
  )
}
