import { createStore, type StoreApi } from 'zustand/vanilla'
import { persist } from 'zustand/middleware'
import type { Member } from '../domain/account'
import type { KeyValueStore } from '../platform/kv'
import { storageFor } from './persist'

export interface SessionState {
  token: string | null
  member: Member | null
  signIn(token: string, member: Member): void
  setMember(member: Member): void
  signOut(): void
}

/** Who is signed in on this device: the session token and the member it belongs to. */
export function createSessionStore(kv: KeyValueStore): StoreApi<SessionState> {
  return createStore<SessionState>()(
    persist(
      (set) => ({
        token: null,
        member: null,
        signIn: (token, member) => set({ token, member }),
        setMember: (member) => set({ member }),
        signOut: () => set({ token: null, member: null })
      }),
      {
        name: 'session',
        version: 1,
        storage: storageFor<{ token: string | null; member: Member | null }>(kv),
        partialize: (s) => ({ token: s.token, member: s.member }),
        merge: (persisted, current) => {
          const p = (persisted ?? {}) as { token?: unknown; member?: unknown }
          return typeof p.token === 'string' && p.member && typeof p.member === 'object'
            ? { ...current, token: p.token, member: p.member as Member }
            : current
        }
      }
    )
  )
}
