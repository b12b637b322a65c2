import { createStore, type StoreApi } from 'zustand/vanilla'

export interface OfflineState {
  online: boolean
  /** Issues available offline (downloaded on purpose). */
  downloaded: Record<string, boolean>
  /** Download progress 0..1 per issue while downloading. */
  downloading: Record<string, number>
  error: string | null
  setOnline(online: boolean): void
  setDownloaded(ids: string[]): void
  setProgress(id: string, fraction: number | null): void
  setError(message: string | null): void
}

/** Network state and what is available offline, for the banner, the badges and the download buttons. */
export function createOfflineStore(): StoreApi<OfflineState> {
  return createStore<OfflineState>()((set, get) => ({
    online: true,
    downloaded: {},
    downloading: {},
    error: null,
    setOnline: (online) => set({ online }),
    setDownloaded: (ids) => set({ downloaded: Object.fromEntries(ids.map((id) => [id, true])) }),
    setProgress(id, fraction) {
      const downloading = { ...get().downloading }
      if (fraction === null) delete downloading[id]
      else downloading[id] = fraction
      set({ downloading })
    },
    setError: (error) => set({ error })
  }))
}
