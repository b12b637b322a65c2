import { utf8Length } from '../domain/issue/hash'
import { StorageFullError } from './kv.types'
import type { FileStore } from './files.types'

/** An in-memory FileStore with a byte quota: the default implementation and the test double. */
export function createMemoryFileStore(
  quotaBytes = Infinity
): FileStore & { usedBytes(): number; corrupt(name: string, text: string): void } {
  const files = new Map<string, string>()
  // Counted by hand: the mini-program's JavaScript has no TextEncoder.
  const bytes = utf8Length
  const used = () => [...files.values()].reduce((n, v) => n + bytes(v), 0)
  return {
    read: async (name) => files.get(name) ?? null,
    async write(name, text) {
      const previous = files.get(name)
      if (used() - (previous === undefined ? 0 : bytes(previous)) + bytes(text) > quotaBytes)
        throw new StorageFullError(name)
      files.set(name, text)
    },
    remove: async (name) => {
      files.delete(name)
    },
    list: async () => [...files.keys()],
    usedBytes: used,
    corrupt: (name, text) => {
      files.set(name, text)
    }
  }
}
