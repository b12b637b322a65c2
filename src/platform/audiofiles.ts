// Default implementation (tests, Node): kept in memory. Taro picks audiofiles.weapp.ts / audiofiles.h5.ts.
import type { AudioFileStore } from './audiofiles.types'

export type { AudioFileStore } from './audiofiles.types'

/** Keeps "downloaded" files as their declared sizes; `sizes` says how big each URL is (default 1,000 bytes). */
export function createMemoryAudioFiles(sizes: Record<string, number> = {}): AudioFileStore & { names(): string[] } {
  const kept = new Map<string, number>()
  return {
    async save(url, name) {
      const bytes = sizes[url] ?? 1000
      kept.set(name, bytes)
      return bytes
    },
    src: async (name) => (kept.has(name) ? `memory://audio/${name}` : null),
    async remove(name) {
      kept.delete(name)
    },
    names: () => [...kept.keys()]
  }
}

export const audioFiles: AudioFileStore = createMemoryAudioFiles()
