import { createStore, type StoreApi } from 'zustand/vanilla'
import {
  emptyProgress,
  mergeProgress,
  progressKey,
  recordReading,
  type ArticleProgress,
  type ProgressMap
} from '../domain/progress/progress'
import { STORAGE_KEYS } from '../domain/reading/storage-keys'
import { matchingEntries } from '../domain/api/check'
import { ArticleProgressSchema, type ProgressRecord } from '../domain/api/persisted'
import type { KeyValueStore } from '../platform/kv'
import { persist } from './persist'

export interface ProgressState {
  articles: ProgressMap
  /** Records a reading session of one article (position, time, read mark). */
  record(
    issueId: string,
    articleId: string,
    input: { position: number; addedMs: number; markRead: boolean },
    now: number
  ): ArticleProgress
  /** Folds in progress from elsewhere (another device, the server) without losing anything. */
  mergeIn(other: ProgressMap): void
  /** Forgets all progress on this device (sign-out on a shared device). */
  reset(): void
}

/** Reading progress, persisted under its own key `progress`: the content cache never evicts it. */
export function createProgressStore(kv: KeyValueStore): StoreApi<ProgressState> {
  return createStore<ProgressState>()(
    persist(
      (set, get) => ({
        articles: {},
        record(issueId, articleId, input, now) {
          const key = progressKey(issueId, articleId)
          const next = recordReading(get().articles[key] ?? emptyProgress(issueId, articleId), { ...input, now })
          set({ articles: { ...get().articles, [key]: next } })
          return next
        },
        mergeIn: (other) => set({ articles: mergeProgress(get().articles, other) }),
        reset: () => set({ articles: {} })
      }),
      {
        // Read before the app boots by H5's pre-paint: the key is defined there, once.
        name: STORAGE_KEYS.progress,
        version: 1,
        kv,
        partialize: (s): ProgressRecord => ({ articles: s.articles }),
        // Records are checked one by one: a damaged one is dropped, the reader's other progress stays.
        merge: (persisted, current) => ({
          ...current,
          articles: matchingEntries(ArticleProgressSchema, (persisted as { articles?: unknown } | undefined)?.articles)
        })
      }
    )
  )
}
