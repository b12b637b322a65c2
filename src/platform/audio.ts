// Default implementation (tests, Node). Taro picks audio.weapp.ts / audio.h5.ts in the builds.
import { createMemoryAudio, noSpeech } from './audio.memory'

export type { AudioEvent, AudioOutput, AudioTrack, SpeechOutput } from './audio.types'
export const audio = createMemoryAudio()
export const speech = noSpeech
