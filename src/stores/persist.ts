import type { StateCreator } from 'zustand/vanilla'
import type { KeyValueStore } from '../platform/kv'

/** Told when a persisted write failed (storage full even after dropping caches); the state stays in memory. */
let onWriteError: (key: string, err: unknown) => void = () => undefined
export function setPersistErrorHandler(handler: (key: string, err: unknown) => void): void {
  onWriteError = handler
}

export interface PersistOptions<S, P> {
  /** The storage key. */
  name: string
  /** Stored with the state; a record of another version is not read. */
  version: number
  /** The platform's synchronous store (never window.localStorage directly). */
  kv: KeyValueStore
  /** What of the state is stored. */
  partialize(state: S): P
  /** The state at start: the stored record (unknown: absent, damaged or foreign) folded into the initial state. */
  merge(stored: unknown, initial: S): S
}

/**
 * A store kept in platform storage: read once, synchronously, when the store is created, and written after every
 * change, as `{"state": …, "version": n}` (zustand's persist format, which H5's pre-paint reads before the app
 * boots and which earlier versions of the app wrote). The platform stores are synchronous, so zustand's own
 * middleware, with its asynchronous storage and hydration API, is not needed: this is all of it.
 */
export function persist<S, P>(create: StateCreator<S>, options: PersistOptions<S, P>): StateCreator<S> {
  return (_set, get, api) => {
    const save = () => {
      // A failed write must not break the action that changed the state: the reader keeps what they did.
      try {
        options.kv.setItem(
          options.name,
          JSON.stringify({ state: options.partialize(api.getState()), version: options.version })
        )
      } catch (err) {
        onWriteError(options.name, err)
      }
    }
    const setState = api.setState
    const setAndSave: typeof setState = (...args) => {
      setState(...(args as Parameters<typeof setState>))
      save()
    }
    api.setState = setAndSave
    return options.merge(read(options), create(setAndSave, get, api))
  }
}

function read(options: { name: string; version: number; kv: KeyValueStore }): unknown {
  try {
    const raw = options.kv.getItem(options.name)
    if (raw === null) return undefined
    const record = JSON.parse(raw) as { state?: unknown; version?: unknown } | null
    return record !== null && typeof record === 'object' && record.version === options.version
      ? record.state
      : undefined
  } catch {
    return undefined
  }
}
