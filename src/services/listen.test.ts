import { describe, expect, it } from 'vitest'
import type { AudioRef } from '../domain/api/issue'
import { createMemoryAudio } from '../platform/audio.memory'
import { createMemoryKeyValueStore } from '../platform/kv.memory'
import { createListenService, type ListenSession, type ListenTarget } from './listen'

const ref: AudioRef = { url: '/media/audio/abc.wav', mime: 'audio/wav', bytes: 1000, sha256: 'abc', durationSec: 300 }
const target: ListenTarget = {
  kind: 'article',
  parentId: 'i',
  itemId: 'a',
  ref,
  title: '标题',
  album: '重庆党史工作 第2期',
  artist: '市委党史研究室',
  cover: ''
}

function setup(kv = createMemoryKeyValueStore(), record?: (a: ListenSession) => void) {
  const audio = createMemoryAudio()
  let t = 1_000_000
  const recorded: Array<ListenSession> = []
  let n = 0
  const listen = createListenService({
    audio,
    kv,
    apiBase: 'https://api.example',
    now: () => t,
    newId: () => `s${++n}`,
    record: record ?? ((a) => recorded.push(a))
  })
  /** Plays `seconds` of audio in one-second ticks. */
  const playFor = (seconds: number) => {
    for (let k = 0; k < seconds; k++) {
      t += 1000
      audio.advance(1, 300)
    }
  }
  return { audio, kv, listen, recorded, playFor, later: (ms: number) => (t += ms) }
}

describe('listen service (听, audio)', () => {
  it('plays the attached file with the lock-screen fields at the saved speed', async () => {
    const kv = createMemoryKeyValueStore()
    kv.setItem('listen.rate', '1.5')
    const { audio, listen } = setup(kv)
    await listen.play(target)
    expect(audio.track).toMatchObject({
      src: 'https://api.example/media/audio/abc.wav',
      title: '标题',
      album: '重庆党史工作 第2期',
      artist: '市委党史研究室',
      startAt: 0,
      rate: 1.5
    })
    expect(listen.state()).toMatchObject({ playing: true, target: { sha256: 'abc' } })
  })

  it('remembers the position per audio and resumes there in a new run of the app', async () => {
    const kv = createMemoryKeyValueStore()
    const first = setup(kv)
    await first.listen.play(target)
    first.playFor(42)
    first.listen.pause()
    const second = setup(kv)
    expect(second.listen.savedPosition(ref)).toBe(42)
    await second.listen.play(target)
    expect(second.audio.calls).toEqual(['play https://api.example/media/audio/abc.wav @42'])
    // Another audio starts at its own beginning.
    expect(second.listen.savedPosition({ ...ref, sha256: 'other' })).toBe(0)
  })

  it('records listening time as one growing session (F6), only while playing', async () => {
    const { listen, recorded, playFor, later } = setup()
    await listen.play(target)
    playFor(25)
    listen.pause()
    later(600_000) // paused for ten minutes: not listening
    listen.resume()
    playFor(5)
    listen.stop()
    const last = recorded[recorded.length - 1]
    expect(last).toMatchObject({ kind: 'article', parentId: 'i', itemId: 'a', sessionId: 's1', seconds: 30 })
    expect(new Set(recorded.map((r) => r.sessionId))).toEqual(new Set(['s1']))
    expect(recorded.map((r) => r.seconds)).toEqual([...recorded.map((r) => r.seconds)].sort((a, b) => a - b))
  })

  it('keeps the speed between 0.75× and 2× and on the device; seeks within the file', async () => {
    const { audio, listen, kv } = setup()
    await listen.play(target)
    listen.setRate(5)
    expect(audio.rate).toBe(2)
    expect(kv.getItem('listen.rate')).toBe('2')
    listen.setRate(0.75)
    expect(listen.state().rate).toBe(0.75)
    listen.seekBy(-15)
    expect(listen.state().position).toBe(0)
    listen.seekBy(400)
    expect(listen.state().position).toBe(300)
  })

  it('plays an offline copy when there is one', async () => {
    const audio = createMemoryAudio()
    const listen = createListenService({
      audio,
      kv: createMemoryKeyValueStore(),
      apiBase: '',
      now: () => 1,
      newId: () => 'x',
      record: () => undefined,
      localSrc: async (r) => `wxfile://usr/audio/${r.sha256}.wav`
    })
    await listen.play(target)
    expect(audio.track?.src).toBe('wxfile://usr/audio/abc.wav')
  })

  it('a full storage never stops the playing', async () => {
    const { listen, playFor } = setup(createMemoryKeyValueStore(10), () => {
      throw new Error('full')
    })
    await listen.play(target)
    playFor(15)
    listen.pause()
    expect(listen.state()).toMatchObject({ playing: false, position: 15 })
  })
})
