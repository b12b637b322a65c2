// 听: the one audio player of the app, above any page, so an attached audio keeps playing (and keeps its position
// and its listening time) when the member leaves the article or locks the screen. No React: pages subscribe.
import type { AudioRef } from '../domain/api/issue'
import { clampRate, newClock, resumeAt, tickClock, type ListenClock } from '../domain/listen/player'
import type { ListenKind } from '../domain/sync/facts'
import type { AudioOutput } from '../platform/audio.types'
import type { KeyValueStore } from '../platform/kv.types'

/** What to play: an article's attached audio or a campaign lecture's recording, with what the lock screen shows. */
export interface ListenTarget {
  /** 'article': parentId is the issue, itemId the article; 'lecture': the campaign and the lecture. */
  kind: ListenKind
  parentId: string
  itemId: string
  ref: AudioRef
  title: string
  album: string
  artist: string
  cover: string
}

export interface ListenState {
  /** The article or lecture whose audio is loaded (playing or paused), or null. */
  target: { kind: ListenKind; parentId: string; itemId: string; sha256: string } | null
  playing: boolean
  position: number
  duration: number
  rate: number
  error: string | null
}

export interface ListenDeps {
  audio: AudioOutput
  kv: KeyValueStore
  apiBase: string
  now(): number
  newId(): string
  /** Records listening time (SPEC F6): listenArticle or listenLecture; may throw when storage is full. */
  record(session: ListenSession): void
  /** An offline copy of the file (weapp local path, H5 blob: URL), or null to stream it. */
  localSrc?(ref: AudioRef): Promise<string | null>
}

/** One listening session's time so far, for the sync mutation of its kind. */
export interface ListenSession {
  kind: ListenKind
  parentId: string
  itemId: string
  sessionId: string
  seconds: number
  at: number
}

const RATE_KEY = 'listen.rate'
const positionKey = (sha256: string) => `listen.position.${sha256}`
/** Position is saved at most this often while playing (and at every pause, end and stop). */
const SAVE_EVERY_MS = 2000
/** Listening time is recorded at most this often while playing (and at every pause, end and stop). */
const RECORD_EVERY_MS = 10_000

export function createListenService(deps: ListenDeps) {
  const listeners = new Set<() => void>()
  const restoredRate = Number(deps.kv.getItem(RATE_KEY))
  let state: ListenState = {
    target: null,
    playing: false,
    position: 0,
    duration: 0,
    rate: restoredRate > 0 ? clampRate(restoredRate) : 1,
    error: null
  }
  let clock: ListenClock = newClock()
  let session: { id: string; kind: ListenKind; parentId: string; itemId: string; recorded: number } | null = null
  let savedAt = 0
  let recordedAt = 0

  const set = (next: Partial<ListenState>) => {
    state = { ...state, ...next }
    for (const l of [...listeners]) l()
  }

  function savePosition(force = false) {
    const t = state.target
    if (!t) return
    const now = deps.now()
    if (!force && now - savedAt < SAVE_EVERY_MS) return
    savedAt = now
    try {
      deps.kv.setItem(positionKey(t.sha256), JSON.stringify({ position: state.position, at: now }))
    } catch {
      // A full storage loses the position, never the playing.
    }
  }

  /** Records the session's time so far (F6): one growing mutation per session. */
  function recordTime(force = false) {
    if (!session) return
    const now = deps.now()
    if (!force && now - recordedAt < RECORD_EVERY_MS) return
    recordedAt = now
    const seconds = Math.round(clock.ms / 1000)
    if (seconds <= session.recorded) return
    try {
      deps.record({
        kind: session.kind,
        parentId: session.parentId,
        itemId: session.itemId,
        sessionId: session.id,
        seconds,
        at: now
      })
      session.recorded = seconds
    } catch {
      // Full storage: the time is counted again at the next record, which carries the whole session.
    }
  }

  /** Where the audio was left (0 when never played or finished). */
  function savedPosition(ref: AudioRef): number {
    try {
      const saved = JSON.parse(deps.kv.getItem(positionKey(ref.sha256)) ?? 'null') as { position?: unknown } | null
      return resumeAt(typeof saved?.position === 'number' ? saved.position : null, ref.durationSec)
    } catch {
      return 0
    }
  }

  deps.audio.subscribe((e) => {
    if (!state.target) return
    const now = deps.now()
    switch (e.type) {
      case 'play':
        clock = tickClock(clock, now, true)
        set({ playing: true, error: null })
        break
      case 'time':
        clock = tickClock(clock, now, state.playing)
        set({ position: e.position, duration: e.duration || state.duration })
        savePosition()
        recordTime()
        break
      case 'pause':
        clock = tickClock(clock, now, false)
        set({ playing: false, position: deps.audio.position() || state.position })
        savePosition(true)
        recordTime(true)
        break
      case 'ended':
        clock = tickClock(clock, now, false)
        set({ playing: false, position: state.duration || state.position })
        savePosition(true)
        recordTime(true)
        break
      case 'stop':
        clock = tickClock(clock, now, false)
        savePosition(true)
        recordTime(true)
        set({ playing: false, target: null })
        break
      case 'error':
        clock = tickClock(clock, now, false)
        set({ playing: false, error: e.message })
        break
      default:
        break
    }
  })

  return {
    state: (): ListenState => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    savedPosition,

    /** Plays the audio from where it was left; the same audio paused is resumed. */
    async play(t: ListenTarget): Promise<void> {
      if (state.target?.sha256 === t.ref.sha256 && state.target.itemId === t.itemId && state.target.kind === t.kind) {
        deps.audio.resume()
        return
      }
      recordTime(true)
      savePosition(true)
      const startAt = savedPosition(t.ref)
      session = { id: deps.newId(), kind: t.kind, parentId: t.parentId, itemId: t.itemId, recorded: 0 }
      clock = newClock()
      set({
        target: { kind: t.kind, parentId: t.parentId, itemId: t.itemId, sha256: t.ref.sha256 },
        playing: false,
        position: startAt,
        duration: t.ref.durationSec ?? 0,
        error: null
      })
      const local = deps.localSrc ? await deps.localSrc(t.ref).catch(() => null) : null
      deps.audio.play({
        src: local ?? `${deps.apiBase}${t.ref.url}`,
        title: t.title,
        album: t.album,
        artist: t.artist,
        cover: t.cover,
        startAt,
        rate: state.rate
      })
    },
    pause: () => deps.audio.pause(),
    resume: () => deps.audio.resume(),
    seekBy(delta: number) {
      const to = Math.max(0, Math.min(state.position + delta, state.duration || Infinity))
      deps.audio.seek(to)
      set({ position: to })
      savePosition(true)
    },
    /** The speed for audio and read-aloud alike, kept on the device. */
    setRate(rate: number) {
      const r = clampRate(rate)
      deps.audio.setRate(r)
      try {
        deps.kv.setItem(RATE_KEY, String(r))
      } catch {
        // Kept for this run only.
      }
      set({ rate: r })
    },
    stop() {
      if (!state.target) return
      clock = tickClock(clock, deps.now(), false)
      state = { ...state, position: deps.audio.position() || state.position }
      savePosition(true)
      recordTime(true)
      deps.audio.stop()
      session = null
      set({ playing: false, target: null })
    }
  }
}

export type ListenService = ReturnType<typeof createListenService>
