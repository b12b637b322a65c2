import { createStore, type StoreApi } from 'zustand/vanilla'

export type SyncPhase = 'synced' | 'pending' | 'syncing' | 'offline' | 'error'

export interface SyncStatusState {
  state: SyncPhase
  pending: number
  lastSyncedAt: number | null
  error: string | null
  /** Whether this device syncs at all (signed in, not 单页模式). */
  enabled: boolean
  set(next: Partial<Omit<SyncStatusState, 'set'>>): void
}

/** The sync engine's status for 我的; the engine's own storage holds what matters, this is display only. */
export function createSyncStatusStore(): StoreApi<SyncStatusState> {
  return createStore<SyncStatusState>()((set) => ({
    state: 'synced',
    pending: 0,
    lastSyncedAt: null,
    error: null,
    enabled: false,
    set: (next) => set(next)
  }))
}
