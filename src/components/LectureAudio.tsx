import { Text, View } from '@tarojs/components'
import { clockLabel } from '../domain/listen/player'
import { Action } from './Action'
import './ListenBar.css'

export interface LectureAudioProps {
  topic: string
  /** Seconds, 0 when unknown. */
  duration: number
  position: number
  playing: boolean
  onPlay(): void
  onPause(): void
}

/** 听: a campaign lecture's recording, played with the app's background audio (it goes on with the screen locked). */
export function LectureAudio(p: LectureAudioProps) {
  return (
    <View className="lecture-audio listen-row" data-testid="lecture-audio">
      {p.playing ? (
        <Action className="listen-btn listen-btn--main" label={`暂停录音：${p.topic}`} onPress={p.onPause}>
          暂停
        </Action>
      ) : (
        <Action className="listen-choice" label={`收听录音：${p.topic}`} onPress={p.onPlay}>
          ▶ 收听录音
        </Action>
      )}
      <Text className="listen-status">
        {clockLabel(p.position)} / {p.duration > 0 ? clockLabel(p.duration) : '--:--'}
      </Text>
    </View>
  )
}
