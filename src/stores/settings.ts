import { createStore, type StoreApi } from 'zustand/vanilla'
import { persist } from 'zustand/middleware'
import { clampFontStep, DEFAULT_FONT_STEP, FONT_STEPS } from '../domain/reading/typography'
import type { KeyValueStore } from '../platform/kv'
import { storageFor } from './persist'

export interface SettingsState {
  fontStep: number
  careMode: boolean
  nightMode: boolean
  setFontStep(step: number): void
  biggerText(): void
  smallerText(): void
  setCareMode(on: boolean): void
  setNightMode(on: boolean): void
}

type Persisted = Pick<SettingsState, 'fontStep' | 'careMode' | 'nightMode'>

/** Reading settings, persisted under `settings` so they survive the app being killed. */
export function createSettingsStore(kv: KeyValueStore): StoreApi<SettingsState> {
  return createStore<SettingsState>()(
    persist(
      (set, get) => ({
        fontStep: DEFAULT_FONT_STEP,
        careMode: false,
        nightMode: false,
        setFontStep: (step) => set({ fontStep: clampFontStep(step) }),
        biggerText: () => set({ fontStep: clampFontStep(Math.min(get().fontStep + 1, FONT_STEPS.length - 1)) }),
        smallerText: () => set({ fontStep: clampFontStep(Math.max(get().fontStep - 1, 0)) }),
        setCareMode: (careMode) => set({ careMode }),
        setNightMode: (nightMode) => set({ nightMode })
      }),
      {
        name: 'settings',
        version: 1,
        storage: storageFor<Persisted>(kv),
        partialize: (s) => ({ fontStep: s.fontStep, careMode: s.careMode, nightMode: s.nightMode }),
        // A damaged entry must not break start-up: keep only valid fields.
        merge: (persisted, current) => {
          const p = (persisted ?? {}) as Partial<Persisted>
          return {
            ...current,
            fontStep: clampFontStep(p.fontStep ?? current.fontStep),
            careMode: typeof p.careMode === 'boolean' ? p.careMode : current.careMode,
            nightMode: typeof p.nightMode === 'boolean' ? p.nightMode : current.nightMode
          }
        }
      }
    )
  )
}
