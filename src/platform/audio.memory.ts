import type { AudioEvent, AudioOutput, AudioTrack, SpeechOutput } from './audio.types'

/** An audio output that plays nothing: it records calls and lets tests move time (tests, Node). */
export function createMemoryAudio(): AudioOutput & {
  calls: string[]
  track: AudioTrack | null
  playing: boolean
  rate: number
  advance(seconds: number, duration?: number): void
  emit(e: AudioEvent): void
} {
  const listeners = new Set<(e: AudioEvent) => void>()
  let at = 0
  const self = {
    calls: [] as string[],
    track: null as AudioTrack | null,
    playing: false,
    rate: 1,
    emit(e: AudioEvent) {
      for (const l of [...listeners]) l(e)
    },
    play(track: AudioTrack) {
      self.calls.push(`play ${track.src} @${track.startAt}`)
      self.track = track
      self.rate = track.rate
      at = track.startAt
      self.playing = true
      self.emit({ type: 'play' })
    },
    resume() {
      self.calls.push('resume')
      self.playing = true
      self.emit({ type: 'play' })
    },
    pause() {
      self.calls.push('pause')
      self.playing = false
      self.emit({ type: 'pause' })
    },
    seek(seconds: number) {
      self.calls.push(`seek ${seconds}`)
      at = seconds
    },
    setRate(rate: number) {
      self.calls.push(`rate ${rate}`)
      self.rate = rate
    },
    stop() {
      self.calls.push('stop')
      self.playing = false
      self.track = null
      at = 0
    },
    position: () => at,
    subscribe(listener: (e: AudioEvent) => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    advance(seconds: number, duration = 600) {
      at += seconds
      self.emit({ type: 'time', position: at, duration })
    }
  }
  return self
}

/** No speech here: read-aloud is not offered. */
export const noSpeech: SpeechOutput = {
  supported: false,
  ready: async () => ({ ok: false, message: '此环境不支持朗读' }),
  speak: (_t, _r, on) => on.error('此环境不支持朗读'),
  pause: () => undefined,
  resume: () => undefined,
  cancel: () => undefined
}
