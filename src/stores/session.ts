import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Member } from '../domain/account'
import { matches } from '../domain/api/check'
import { SessionRecordSchema, type SessionRecord } from '../domain/api/persisted'
import type { KeyValueStore } from '../platform/kv'
import { persist } from './persist'

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
        kv,
        partialize: (s) => ({ token: s.token, member: s.member }) as SessionRecord,
        // A damaged record signs this device out; it signs in again on its own.
        merge: (persisted, current) =>
          matches(SessionRecordSchema, persisted)
            ? { ...current, token: persisted.token, member: persisted.member }
            : current
      }
    )
  )
}
