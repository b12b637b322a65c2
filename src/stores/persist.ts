import { createJSONStorage, type PersistStorage } from 'zustand/middleware'
import type { KeyValueStore } from '../platform/kv'

/** Told when a persisted write failed (storage full even after dropping caches); the state stays in memory. */
let onWriteError: (key: string, err: unknown) => void = () => undefined
export function setPersistErrorHandler(handler: (key: string, err: unknown) => void): void {
  onWriteError = handler
}

/** zustand persistence through an explicit platform store (never zustand's default, window.localStorage). */
export function storageFor<S>(kv: KeyValueStore): PersistStorage<S> {
  const storage = createJSONStorage<S>(() => ({
    getItem: (name) => kv.getItem(name),
    setItem: (name, value) => {
      // A failed write must not break the action that changed the state: the reader keeps what they did.
      try {
        kv.setItem(name, value)
      } catch (err) {
        onWriteError(name, err)
      }
    },
    removeItem: (name) => kv.removeItem(name)
  }))
  if (!storage) throw new Error('storage unavailable')
  return storage
}
