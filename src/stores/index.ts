// The app's store instances, bound to the platform storage, and their React hooks.
import { useStore } from 'zustand'
import { kv } from '../platform/kv'
import { createSettingsStore, type SettingsState } from './settings'
import { createLibraryStore, type LibraryState } from './library'
import { createProgressStore, type ProgressState } from './progress'
import { createOfflineStore, type OfflineState } from './offline'
import { createSessionStore, type SessionState } from './session'
import { setPersistErrorHandler } from './persist'
import { createSyncStatusStore, type SyncStatusState } from './sync'
import { createPrivacyStore, type PrivacyState } from './privacy'

export const settingsStore = createSettingsStore(kv)
export const libraryStore = createLibraryStore()
export const progressStore = createProgressStore(kv)
export const offlineStore = createOfflineStore()
export const sessionStore = createSessionStore(kv)
export const syncStatusStore = createSyncStatusStore()
export const privacyStore = createPrivacyStore()

setPersistErrorHandler(() =>
  offlineStore.getState().setError('手机存储空间已满：阅读进度暂时只保存在本次打开中，请清理空间后继续')
)

export const useSettings = <T>(selector: (s: SettingsState) => T): T => useStore(settingsStore, selector)
export const useLibrary = <T>(selector: (s: LibraryState) => T): T => useStore(libraryStore, selector)
export const useProgress = <T>(selector: (s: ProgressState) => T): T => useStore(progressStore, selector)
export const useOffline = <T>(selector: (s: OfflineState) => T): T => useStore(offlineStore, selector)
export const useSession = <T>(selector: (s: SessionState) => T): T => useStore(sessionStore, selector)
export const useSyncStatus = <T>(selector: (s: SyncStatusState) => T): T => useStore(syncStatusStore, selector)
export const usePrivacy = <T>(selector: (s: PrivacyState) => T): T => useStore(privacyStore, selector)
