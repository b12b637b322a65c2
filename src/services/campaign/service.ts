// The campaign page's data: the campaigns (kept on the device for offline), the member's bank list for 答, and the
// member's marks (books read, lectures attended, talks given) recorded as sync mutations like reading.
import { createStore, type StoreApi } from 'zustand/vanilla'
import { CampaignsReplySchema, type Campaign } from '../../domain/api/campaign'
import { QuizBanksReplySchema, type QuizBankInfo } from '../../domain/api/quiz'
import type { KeyValueStore } from '../../platform/kv'
import { ApiError } from '../api/client'
import { readJson } from '../kv-json'
import type { SyncEngine } from '../sync/engine'
import type { CampaignApi } from './api'

export interface CampaignState {
  campaigns: Campaign[]
  /** Where the list came from: the server now, what this device kept, or nothing yet. */
  source: 'none' | 'online' | 'offline'
  /** The member's bank list (for 答), or null when not known (signed out, offline before it was ever loaded). */
  banks: QuizBankInfo[] | null
  error: string | null
}

export interface CampaignServiceDeps {
  api: CampaignApi
  kv: KeyValueStore
  sync: SyncEngine
  signedIn(): boolean
  now(): number
}

const KEYS = {
  campaigns: 'campaign.list',
  /** The quiz subpackage's copy of the bank list: read when offline, never written here. */
  quizBanks: 'quiz.banks'
}

export function createCampaignService({ api, kv, sync, signedIn, now }: CampaignServiceDeps) {
  const read = <T>(key: string, schema: Parameters<typeof readJson>[2]): T | null =>
    readJson(kv, key, schema) as T | null
  const kept = read<{ campaigns: Campaign[] }>(KEYS.campaigns, CampaignsReplySchema)
  const keptBanks = () => read<{ banks: QuizBankInfo[] }>(KEYS.quizBanks, QuizBanksReplySchema)?.banks ?? null
  const store: StoreApi<CampaignState> = createStore<CampaignState>()(() => ({
    campaigns: kept?.campaigns ?? [],
    source: kept ? 'offline' : 'none',
    banks: keptBanks(),
    error: null
  }))

  /** The campaigns and the member's bank list from the server, or what the device kept when that fails. */
  async function load(): Promise<void> {
    const [campaigns, banks] = await Promise.allSettled([
      api.campaigns(),
      signedIn() ? api.banks() : Promise.reject(new Error('signed out'))
    ])
    if (campaigns.status === 'fulfilled') {
      store.setState({ campaigns: campaigns.value.campaigns, source: 'online', error: null })
      try {
        kv.setItem(KEYS.campaigns, JSON.stringify(campaigns.value))
      } catch {
        // Storage full: shown now, only the offline copy is missing.
      }
    } else if (store.getState().source === 'none') {
      const err = campaigns.reason as unknown
      store.setState({ error: err instanceof ApiError ? err.message : '活动加载失败，请连接网络后重试' })
    }
    store.setState({ banks: banks.status === 'fulfilled' ? banks.value.banks : keptBanks() })
  }

  /** Records a mark; false when the device's storage is full (nothing changed). */
  function recordSafely(fn: () => void): boolean {
    try {
      fn()
      return true
    } catch {
      return false
    }
  }

  return {
    store,
    load,
    markBookRead: (campaignId: string, bookId: string) =>
      recordSafely(() => sync.record('markBookRead', { campaignId, bookId, at: now() })),
    attendLecture: (campaignId: string, lectureId: string) =>
      recordSafely(() => sync.record('attendLecture', { campaignId, lectureId, at: now() })),
    /** 讲: a talk the member gave, with its date (YYYY-MM-DD) and title. */
    recordTalk: (campaignId: string, title: string, on: string) =>
      recordSafely(() =>
        sync.record('recordTalk', {
          campaignId,
          talkId: `${sync.clientId()}-${now().toString(36)}`,
          title: title.trim(),
          on,
          at: now()
        })
      )
  }
}

export type CampaignService = ReturnType<typeof createCampaignService>
