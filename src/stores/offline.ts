import { createStore, type StoreApi } from 'zustand/vanilla'
import type { IssueSummary } from '../domain/issue/types'

/** A downloaded issue: its size on the device and what the index said of it (null if the index never did). */
export interface StoredDownload {
  id: string
  size: number
  summary: IssueSummary | null
}

/** What the offline store holds: downloads, and the space taken by downloads and by the cache (bytes). */
export interface OfflineStorage {
  downloads: StoredDownload[]
  downloadedBytes: number
  cachedBytes: number
  cacheBudget: number
}

export interface OfflineState {
  online: boolean
  /** Issues available offline (downloaded on purpose). */
  downloaded: Record<string, boolean>
  /** Download progress 0..1 per issue while downloading. */
  downloading: Record<string, number>
  storage: OfflineStorage
  error: string | null
  setOnline(online: boolean): void
  /** Sets the storage summary, and `downloaded` from it. */
  setStorage(storage: OfflineStorage): void
  setProgress(id: string, fraction: number | null): void
  setError(message: string | null): void
}

/** Network state and what is available offline, for the banner, the badges and the download buttons. */
export function createOfflineStore(): StoreApi<OfflineState> {
  return createStore<OfflineState>()((set, get) => ({
    online: true,
    downloaded: {},
    downloading: {},
    storage: { downloads: [], downloadedBytes: 0, cachedBytes: 0, cacheBudget: 0 },
    error: null,
    setOnline: (online) => set({ online }),
    setStorage: (storage) =>
      set({ storage, downloaded: Object.fromEntries(storage.downloads.map((d) => [d.id, true])) }),
    setProgress(id, fraction) {
      const downloading = { ...get().downloading }
      if (fraction === null) delete downloading[id]
      else downloading[id] = fraction
      set({ downloading })
    },
    setError: (error) => set({ error })
  }))
}
