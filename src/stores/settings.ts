import { createStore, type StoreApi } from 'zustand/vanilla'
import { matches } from '../domain/api/check'
import { SettingsRecordSchema, type SettingsRecord } from '../domain/api/persisted'
import { STORAGE_KEYS } from '../domain/reading/storage-keys'
import { clampFontStep, DEFAULT_FONT_STEP, FONT_STEPS } from '../domain/reading/typography'
import type { KeyValueStore } from '../platform/kv'
import { persist } from './persist'

export interface SettingsState extends SettingsRecord {
  setFontStep(step: number): void
  biggerText(): void
  smallerText(): void
  setCareMode(on: boolean): void
  setNightMode(on: boolean): void
}

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
        // Read before the app boots by H5's pre-paint: the key is defined there, once.
        name: STORAGE_KEYS.settings,
        version: 1,
        kv,
        partialize: (s) => ({ fontStep: s.fontStep, careMode: s.careMode, nightMode: s.nightMode }),
        // A damaged or foreign record must not break start-up: the defaults stay. Fields are picked, so extra
        // keys in storage can never replace an action.
        merge: (persisted, current) => {
          if (!matches(SettingsRecordSchema, persisted)) return current
          return {
            ...current,
            fontStep: persisted.fontStep,
            careMode: persisted.careMode,
            nightMode: persisted.nightMode
          }
        }
      }
    )
  )
}
