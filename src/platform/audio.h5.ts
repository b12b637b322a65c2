import type { AudioEvent, AudioOutput, AudioTrack, SpeechOutput } from './audio.types'

/**
 * H5: one <audio> element for the whole app, with Media Session metadata and actions so the lock screen and the
 * notification show what plays and can pause, seek and stop it.
 */
function createH5Audio(): AudioOutput {
  const listeners = new Set<(e: AudioEvent) => void>()
  const emit = (e: AudioEvent) => {
    for (const l of [...listeners]) l(e)
  }
  let el: HTMLAudioElement | null = null
  let pendingStart = 0

  const session = typeof navigator !== 'undefined' && 'mediaSession' in navigator ? navigator.mediaSession : null
  const action = (name: MediaSessionAction, handler: MediaSessionActionHandler | null) => {
    try {
      session?.setActionHandler(name, handler)
    } catch {
      // An action this browser does not know.
    }
  }

  function element(): HTMLAudioElement {
    if (el) return el
    const a = document.createElement('audio')
    a.preload = 'auto'
    a.setAttribute('data-testid', 'listen-audio')
    a.style.display = 'none'
    document.body.appendChild(a)
    a.addEventListener('loadedmetadata', () => {
      if (pendingStart > 0 && pendingStart < (a.duration || Infinity)) a.currentTime = pendingStart
      pendingStart = 0
    })
    a.addEventListener('play', () => emit({ type: 'play' }))
    a.addEventListener('pause', () => {
      if (!a.ended) emit({ type: 'pause' })
    })
    a.addEventListener('timeupdate', () => {
      emit({ type: 'time', position: a.currentTime, duration: Number.isFinite(a.duration) ? a.duration : 0 })
      try {
        if (Number.isFinite(a.duration) && a.duration > 0)
          session?.setPositionState({
            duration: a.duration,
            position: Math.min(a.currentTime, a.duration),
            playbackRate: a.playbackRate
          })
      } catch {
        // Position state is a nicety.
      }
    })
    a.addEventListener('ended', () => emit({ type: 'ended' }))
    a.addEventListener('error', () => {
      if (a.getAttribute('src')) emit({ type: 'error', message: '音频无法播放，请检查网络后重试' })
    })
    el = a
    return a
  }

  const out: AudioOutput = {
    play(track: AudioTrack) {
      const a = element()
      pendingStart = track.startAt
      a.src = track.src
      a.defaultPlaybackRate = track.rate
      a.playbackRate = track.rate
      if (session && typeof MediaMetadata !== 'undefined') {
        session.metadata = new MediaMetadata({
          title: track.title,
          artist: track.artist,
          album: track.album,
          artwork: track.cover ? [{ src: track.cover }] : []
        })
        action('play', () => out.resume())
        action('pause', () => out.pause())
        action('seekbackward', (d) => out.seek(out.position() - (d.seekOffset ?? 15)))
        action('seekforward', (d) => out.seek(out.position() + (d.seekOffset ?? 15)))
        action('seekto', (d) => d.seekTime !== undefined && out.seek(d.seekTime))
        action('stop', () => {
          out.stop()
          emit({ type: 'stop' })
        })
        action('previoustrack', () => emit({ type: 'previous' }))
        action('nexttrack', () => emit({ type: 'next' }))
      }
      void a.play().catch((e: unknown) => {
        if ((e as { name?: string }).name === 'NotAllowedError')
          emit({ type: 'error', message: '浏览器没有允许播放，请再点一次播放' })
        else if ((e as { name?: string }).name !== 'AbortError') emit({ type: 'error', message: '音频无法播放' })
      })
    },
    resume() {
      if (el?.getAttribute('src')) void el.play().catch(() => emit({ type: 'error', message: '音频无法播放' }))
    },
    pause() {
      el?.pause()
    },
    seek(seconds: number) {
      if (!el) return
      const d = Number.isFinite(el.duration) ? el.duration : Infinity
      el.currentTime = Math.max(0, Math.min(seconds, d))
    },
    setRate(rate: number) {
      if (!el) return
      el.defaultPlaybackRate = rate
      el.playbackRate = rate
    },
    stop() {
      if (!el) return
      el.pause()
      el.removeAttribute('src')
      el.load()
      if (session) session.metadata = null
    },
    position: () => el?.currentTime ?? 0,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
  return out
}

const NO_VOICE = '本机没有中文朗读语音，无法朗读。请在系统设置中添加中文（普通话）语音，或换用带中文语音的浏览器。'

/** A Chinese voice, mainland first. */
function chineseVoice(): SpeechSynthesisVoice | null {
  const voices = window.speechSynthesis.getVoices()
  return voices.find((v) => /^zh[-_](CN|Hans)/i.test(v.lang)) ?? voices.find((v) => /^(zh|cmn)/i.test(v.lang)) ?? null
}

/** H5 read-aloud: speechSynthesis with a zh-CN voice where the system has one. */
function createH5Speech(): SpeechOutput {
  const has =
    typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined'
  // Kept referenced while speaking: some browsers drop an unreferenced utterance and never fire its end.
  let current: SpeechSynthesisUtterance | null = null
  return {
    supported: has,
    async ready() {
      if (!has) return { ok: false, message: '这个浏览器不支持朗读。' }
      if (chineseVoice()) return { ok: true }
      // Voices often arrive a moment after the page loads.
      await new Promise<void>((resolve) => {
        const done = () => {
          window.speechSynthesis.removeEventListener('voiceschanged', done)
          resolve()
        }
        window.speechSynthesis.addEventListener('voiceschanged', done)
        setTimeout(done, 1500)
      })
      return chineseVoice() ? { ok: true } : { ok: false, message: NO_VOICE }
    },
    speak(text, rate, on) {
      const synth = window.speechSynthesis
      current = null
      synth.cancel()
      const u = new SpeechSynthesisUtterance(text)
      u.lang = 'zh-CN'
      const voice = chineseVoice()
      if (voice) u.voice = voice
      u.rate = rate
      u.onend = () => {
        if (current !== u) return
        current = null
        on.end()
      }
      u.onerror = (e) => {
        if (current !== u || e.error === 'interrupted' || e.error === 'canceled') return
        current = null
        on.error(e.error === 'not-allowed' ? '浏览器没有允许朗读，请再点一次' : '朗读出错，请重试')
      }
      u.onboundary = (e) => {
        if (current === u) on.boundary?.(e.charIndex)
      }
      current = u
      synth.speak(u)
    },
    pause: () => window.speechSynthesis.pause(),
    resume: () => window.speechSynthesis.resume(),
    cancel() {
      current = null
      window.speechSynthesis.cancel()
    }
  }
}

export type { AudioEvent, AudioOutput, AudioTrack, SpeechOutput } from './audio.types'
export const audio = createH5Audio()
export const speech = createH5Speech()
