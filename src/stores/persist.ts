import { createJSONStorage, type PersistStorage } from 'zustand/middleware'
import type { KeyValueStore } from '../platform/kv'

/** zustand persistence through an explicit platform store (never zustand's default, window.localStorage). */
export function storageFor<S>(kv: KeyValueStore): PersistStorage<S> {
  const storage = createJSONStorage<S>(() => ({
    getItem: (name) => kv.getItem(name),
    setItem: (name, value) => kv.setItem(name, value),
    removeItem: (name) => kv.removeItem(name)
  }))
  if (!storage) throw new Error('storage unavailable')
  return storage
}
