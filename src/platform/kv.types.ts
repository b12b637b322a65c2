/**
 * A small synchronous key-value store: the zustand persist port (getItem/setItem/removeItem).
 * Synchronous so persisted state is restored before the first render.
 */
export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
  keys(): string[]
}

/** Thrown by setItem when the platform refuses a write because storage is full. */
export class StorageFullError extends Error {
  constructor(
    readonly key: string,
    cause?: unknown
  ) {
    super(`storage full while writing ${key}`)
    this.name = 'StorageFullError'
    this.cause = cause
  }
}
