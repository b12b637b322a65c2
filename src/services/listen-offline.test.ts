import { describe, expect, it } from 'vitest'
import type { AudioRef, Issue } from '../domain/api/issue'
import { createMemoryAudioFiles } from '../platform/audiofiles'
import { createMemoryKeyValueStore } from '../platform/kv.memory'
import { StorageFullError } from '../platform/kv.types'
import { createOfflineAudio } from './listen-offline'

const ref = (c: string, bytes: number): AudioRef => ({
  url: `/media/audio/${c.repeat(64)}.mp3`,
  mime: 'audio/mpeg',
  bytes,
  sha256: c.repeat(64)
})
const issue = (id: string, refs: AudioRef[]): Issue =>
  ({
    id,
    sections: [
      {
        title: 's',
        articles: refs.map((audio, i) => ({ id: `a${i}`, title: 't', paragraphs: ['p'], source: null, audio }))
      }
    ]
  }) as unknown as Issue

describe('offline audio (听, with the issue download)', () => {
  it('keeps each file once within the budget, shared between issues, deleted with the last issue needing it', async () => {
    const a = ref('a', 40)
    const b = ref('b', 50)
    const c = ref('c', 30)
    const files = createMemoryAudioFiles({
      [`https://x${a.url}`]: 40,
      [`https://x${b.url}`]: 50,
      [`https://x${c.url}`]: 30
    })
    const kv = createMemoryKeyValueStore()
    const offline = createOfflineAudio({ files, kv, apiBase: 'https://x', budgetBytes: 100 })
    expect(await offline.downloadFor(issue('i1', [a, b]))).toEqual({ saved: 2, skipped: 0, failed: 0 })
    // c does not fit in what is left of the budget; a is kept already.
    expect(await offline.downloadFor(issue('i2', [a, c]))).toEqual({ saved: 0, skipped: 1, failed: 0 })
    expect(offline.usage()).toBe(90)
    expect(await offline.src(a)).toBe(`memory://audio/${'a'.repeat(64)}.mp3`)
    expect(await offline.src(c)).toBeNull()

    await offline.removeFor('i1')
    expect(files.names()).toEqual([`${'a'.repeat(64)}.mp3`]) // still needed by i2
    // The catalog is on the device: a new run of the app knows it.
    const again = createOfflineAudio({ files, kv, apiBase: 'https://x', budgetBytes: 100 })
    expect(again.usage()).toBe(40)
    await again.removeFor('i2')
    expect(files.names()).toEqual([])
    expect(again.usage()).toBe(0)
  })

  it('a full phone or a failed download never fails the issue download', async () => {
    const files = createMemoryAudioFiles()
    const failing = {
      ...files,
      save: async (url: string) => {
        if (url.includes('a'.repeat(64))) throw new StorageFullError('x')
        throw new Error('network')
      }
    }
    const offline = createOfflineAudio({ files: failing, kv: createMemoryKeyValueStore(), apiBase: '' })
    expect(await offline.downloadFor(issue('i', [ref('a', 10), ref('b', 10)]))).toEqual({
      saved: 0,
      skipped: 1,
      failed: 1
    })
    expect(offline.usage()).toBe(0)
  })
})
