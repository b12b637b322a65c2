import Taro from '@tarojs/taro'
import type { AudioEvent, AudioOutput, AudioTrack, SpeechOutput } from './audio.types'

/**
 * weapp: the BackgroundAudioManager, so playing goes on with the screen locked and WeChat shows lock-screen and
 * floating-window controls (app.config's requiredBackgroundModes: ['audio']). Setting `src` starts playing.
 */
function createWeappAudio(): AudioOutput {
  const listeners = new Set<(e: AudioEvent) => void>()
  const emit = (e: AudioEvent) => {
    for (const l of [...listeners]) l(e)
  }
  let manager: Taro.BackgroundAudioManager | null = null
  let loaded = false

  function get(): Taro.BackgroundAudioManager {
    if (manager) return manager
    const m = Taro.getBackgroundAudioManager()
    m.onPlay(() => emit({ type: 'play' }))
    m.onPause(() => emit({ type: 'pause' }))
    m.onTimeUpdate(() => emit({ type: 'time', position: m.currentTime || 0, duration: m.duration || 0 }))
    m.onEnded(() => emit({ type: 'ended' }))
    m.onStop(() => {
      loaded = false
      emit({ type: 'stop' })
    })
    // Typed without arguments in Taro's declarations; WeChat passes { errMsg, errCode }.
    const onError = m.onError as unknown as (cb: (e?: { errMsg?: string }) => void) => void
    onError.call(m, (e) => emit({ type: 'error', message: `音频无法播放（${e?.errMsg ?? '未知原因'}）` }))
    m.onPrev?.(() => emit({ type: 'previous' }))
    m.onNext?.(() => emit({ type: 'next' }))
    manager = m
    return m
  }

  return {
    play(track: AudioTrack) {
      const m = get()
      // Lock-screen fields first: WeChat requires a title before src, and src starts playing.
      m.title = track.title
      m.epname = track.album
      m.singer = track.artist
      if (track.cover) m.coverImgUrl = track.cover
      m.startTime = Math.max(0, track.startAt)
      m.playbackRate = track.rate
      m.src = track.src
      loaded = true
    },
    resume() {
      if (loaded) get().play()
    },
    pause() {
      if (loaded) get().pause()
    },
    seek(seconds: number) {
      if (loaded) get().seek(Math.max(0, seconds))
    },
    setRate(rate: number) {
      get().playbackRate = rate
    },
    stop() {
      if (!loaded) return
      loaded = false
      get().stop()
    },
    position: () => (loaded ? get().currentTime || 0 : 0),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

interface WechatSI {
  textToSpeech(o: {
    lang: string
    tts: boolean
    content: string
    success(res: { retcode: number; filename: string }): void
    fail(res: { retcode?: number; msg?: string }): void
  }): void
}

/**
 * weapp read-aloud: WeChat's 同声传译 plugin (WechatSI) turns each piece into an audio file that the background
 * audio plays. Only where the build enables it (LISTEN_WECHATSI=1 with the plugin in app.config); otherwise read-aloud
 * is not offered and its button is hidden.
 */
function createWeappSpeech(out: AudioOutput): SpeechOutput {
  const enabled = typeof LISTEN_WECHATSI === 'boolean' && LISTEN_WECHATSI
  let plugin: WechatSI | null = null
  let turn = 0
  let unsubscribe: (() => void) | null = null
  const load = (): WechatSI | null => {
    if (!enabled) return null
    try {
      plugin ??= Taro.requirePlugin('WechatSI') as WechatSI
    } catch {
      plugin = null
    }
    return plugin
  }
  return {
    supported: enabled,
    ready: async () => (load() ? { ok: true } : { ok: false, message: '朗读插件（同声传译）没有配置，无法朗读。' }),
    speak(text, rate, on) {
      const si = load()
      if (!si) return on.error('朗读插件（同声传译）没有配置，无法朗读。')
      const mine = ++turn
      unsubscribe?.()
      unsubscribe = out.subscribe((e) => {
        if (mine !== turn) return
        if (e.type === 'ended') {
          turn++
          on.end()
        } else if (e.type === 'error') on.error(e.message)
      })
      si.textToSpeech({
        lang: 'zh_CN',
        tts: true,
        content: text,
        success: (res) => {
          if (mine !== turn) return
          if (res.retcode !== 0 || !res.filename) return on.error('朗读语音合成失败，请重试')
          out.play({ src: res.filename, title: '朗读', album: '党史阅读', artist: '', cover: '', startAt: 0, rate })
        },
        fail: () => {
          if (mine === turn) on.error('朗读语音合成失败，请检查网络后重试')
        }
      })
    },
    pause: () => out.pause(),
    resume: () => out.resume(),
    cancel() {
      turn++
      unsubscribe?.()
      unsubscribe = null
      out.stop()
    }
  }
}

export type { AudioEvent, AudioOutput, AudioTrack, SpeechOutput } from './audio.types'
export const audio = createWeappAudio()
export const speech = createWeappSpeech(audio)
