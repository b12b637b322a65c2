import { Text, View } from '@tarojs/components'

export interface SyncStatusLineProps {
  text: string
  /** 'error' and 'offline' are shown in the accent colour, so a member notices progress waiting on this device. */
  tone: 'ok' | 'warn'
}

/** 我的: where this device's reading and quiz progress stands with the server (已同步 · 刚刚, 待同步 3 条, 离线). */
export function SyncStatusLine({ text, tone }: SyncStatusLineProps) {
  return (
    <View className="me-row hairline" data-testid="sync-status" aria-live="polite">
      <Text>同步</Text>
      <Text className={tone === 'warn' ? 'accent' : 'muted'}>{text}</Text>
    </View>
  )
}
