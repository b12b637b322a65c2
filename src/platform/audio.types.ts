/** What the lock screen and the player show (weapp BackgroundAudioManager; H5 Media Session). */
export interface AudioTrack {
  /** A URL, or a local file (weapp) / blob: URL (H5) for an offline copy. */
  src: string
  title: string
  /** weapp epname: the album line (the issue). */
  album: string
  /** weapp singer: who reads or speaks. */
  artist: string
  /** An absolute image URL, or '' for none. */
  cover: string
  /** Where to start, in seconds. */
  startAt: number
  rate: number
}

export type AudioEvent =
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'time'; position: number; duration: number }
  | { type: 'ended' }
  /** Stopped from outside the app (weapp: the lock screen's or the floating window's close). */
  | { type: 'stop' }
  | { type: 'error'; message: string }
  /** The lock screen's previous/next track buttons (weapp) or Media Session's. */
  | { type: 'previous' }
  | { type: 'next' }

/**
 * One audio output for the whole app (the platform's background audio): playing goes on with the screen locked
 * and shows lock-screen controls. A new `play` replaces what was playing.
 */
export interface AudioOutput {
  play(track: AudioTrack): void
  resume(): void
  pause(): void
  seek(seconds: number): void
  setRate(rate: number): void
  stop(): void
  /** The position now, in seconds (0 when nothing is loaded). */
  position(): number
  subscribe(listener: (e: AudioEvent) => void): () => void
}

/** Speaking text (read-aloud): H5 speechSynthesis; weapp the WechatSI plugin, where the build enables it. */
export interface SpeechOutput {
  /** Whether read-aloud can be offered at all on this build (weapp without the plugin: no, the button is hidden). */
  supported: boolean
  /** Whether a Chinese voice is there; otherwise the message to show. */
  ready(): Promise<{ ok: true } | { ok: false; message: string }>
  /** Speaks one piece; `end` when it is done, `boundary` as it moves through the text (where the platform tells). */
  speak(
    text: string,
    rate: number,
    on: { end(): void; error(message: string): void; boundary?(charIndex: number): void }
  ): void
  pause(): void
  resume(): void
  /** Stops and forgets the current piece (its `end` is not called). */
  cancel(): void
}
