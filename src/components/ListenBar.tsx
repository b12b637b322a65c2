import { Text, View } from '@tarojs/components'
import { clockLabel } from '../domain/listen/player'
import { Action } from './Action'
import './ListenBar.css'

export interface ListenBarProps {
  /** What is going on: choosing, the attached audio, or read-aloud. */
  mode: 'choose' | 'audio' | 'aloud'
  /** The article has an attached audio (duration in seconds, 0 when unknown). */
  audio: { duration: number } | null
  /** Read-aloud is offered on this build (hidden on weapp without the WechatSI plugin). */
  canReadAloud: boolean
  playing: boolean
  position: number
  duration: number
  rate: number
  /** Read-aloud: the paragraph being read (0-based) and how many there are. */
  paragraph: number | null
  paragraphs: number
  aloudDone: boolean
  /** A sentence to show (no Chinese voice, a playing error). */
  message: string | null
  onPlayAudio(): void
  onReadAloud(): void
  onPause(): void
  onResume(): void
  /** Audio: seconds back or forward; read-aloud: a paragraph back or forward. */
  onSkip(by: -1 | 1): void
  onRate(): void
  onClose(): void
  /** The reader's toolbar is hidden (scrolling): the bar moves down into its place. */
  lowered?: boolean
}

const rateLabel = (r: number) => `${Number.isInteger(r) ? r.toFixed(1) : String(r)}×`

/** 听: the bar above the reader's toolbar that plays the article's audio or reads the article aloud. */
export function ListenBar(p: ListenBarProps) {
  const close = (
    <Action className="listen-btn listen-btn--close" label="关闭收听" testId="listen-close" onPress={p.onClose}>
      ✕
    </Action>
  )
  const message = p.message ? (
    <Text className="listen-message" data-testid="listen-message" aria-live="polite">
      {p.message}
    </Text>
  ) : null

  if (p.mode === 'choose')
    return (
      <View className={`listen-bar${p.lowered ? ' listen-bar--lowered' : ''}`} data-testid="listen-bar">
        <View className="listen-row">
          <Text className="listen-title">听</Text>
          {p.audio ? (
            <Action className="listen-choice" testId="listen-audio-play" label="播放本文音频" onPress={p.onPlayAudio}>
              ▶ 播放音频{p.audio.duration > 0 ? ` ${clockLabel(p.audio.duration)}` : ''}
            </Action>
          ) : null}
          {p.canReadAloud ? (
            <Action className="listen-choice" testId="listen-aloud-start" label="朗读全文" onPress={p.onReadAloud}>
              朗读全文
            </Action>
          ) : null}
          {!p.audio && !p.canReadAloud ? <Text className="listen-none">本文没有音频</Text> : null}
          {close}
        </View>
        {message}
      </View>
    )

  const isAudio = p.mode === 'audio'
  const status = isAudio
    ? `${clockLabel(p.position)} / ${p.duration > 0 ? clockLabel(p.duration) : '--:--'}`
    : p.aloudDone
      ? '朗读完毕'
      : p.paragraph !== null
        ? `朗读第 ${p.paragraph + 1}/${p.paragraphs} 段`
        : '朗读'
  const fraction = isAudio && p.duration > 0 ? Math.min(1, p.position / p.duration) : 0
  return (
    <View className={`listen-bar${p.lowered ? ' listen-bar--lowered' : ''}`} data-testid="listen-bar">
      <View className="listen-row listen-row--status">
        <Text className="listen-title">{isAudio ? '音频' : '朗读'}</Text>
        <Text className="listen-status" data-testid="listen-status">
          {status}
        </Text>
      </View>
      {isAudio ? (
        <View className="listen-track">
          <View className="listen-track__fill" style={{ width: `${Math.round(fraction * 1000) / 10}%` }} />
        </View>
      ) : null}
      <View className="listen-row">
        <Action
          className="listen-btn"
          label={isAudio ? '后退 15 秒' : '上一段'}
          testId="listen-back"
          onPress={() => p.onSkip(-1)}
        >
          {isAudio ? '−15秒' : '上一段'}
        </Action>
        {p.playing ? (
          <Action className="listen-btn listen-btn--main" label="暂停" testId="listen-pause" onPress={p.onPause}>
            暂停
          </Action>
        ) : (
          <Action
            className="listen-btn listen-btn--main"
            label={p.aloudDone ? '从头朗读' : '继续'}
            testId="listen-resume"
            onPress={p.aloudDone ? p.onReadAloud : p.onResume}
          >
            {p.aloudDone ? '重读' : '继续'}
          </Action>
        )}
        <Action
          className="listen-btn"
          label={isAudio ? '前进 15 秒' : '下一段'}
          testId="listen-forward"
          onPress={() => p.onSkip(1)}
        >
          {isAudio ? '+15秒' : '下一段'}
        </Action>
        <Action
          className="listen-btn"
          label={`播放速度 ${rateLabel(p.rate)}，点按切换`}
          testId="listen-rate"
          onPress={p.onRate}
        >
          {rateLabel(p.rate)}
        </Action>
        {close}
      </View>
      {message}
    </View>
  )
}
