import { createStore, type StoreApi } from 'zustand/vanilla'
import type { IssueSummary } from '../domain/issue/types'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface LibraryState {
  issues: IssueSummary[]
  status: LoadStatus
  error: string | null
  setLoading(): void
  setIssues(issues: IssueSummary[]): void
  setError(message: string): void
}

/** The issue index as last loaded (from the network or the offline store). */
export function createLibraryStore(): StoreApi<LibraryState> {
  return createStore<LibraryState>()((set) => ({
    issues: [],
    status: 'idle',
    error: null,
    setLoading: () => set({ status: 'loading', error: null }),
    setIssues: (issues) =>
      set({
        issues: [...issues].sort((a, b) => b.publishedOn.localeCompare(a.publishedOn)),
        status: 'ready',
        error: null
      }),
    setError: (error) => set({ status: 'error', error })
  }))
}
