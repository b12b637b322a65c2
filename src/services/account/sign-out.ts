import type { StoreApi } from 'zustand/vanilla'
import type { KeyValueStore } from '../../platform/kv'
import type { ProgressState } from '../../stores/progress'
import type { SyncEngine } from '../sync/engine'

export interface SignOutDeps {
  sync: Pick<SyncEngine, 'syncNow' | 'clear'>
  account: { signOut(): Promise<void> }
  progress: StoreApi<ProgressState>
  kv: KeyValueStore
}

/**
 * Signs this device out and keeps nothing of the member on it (a shared device): what waits is pushed first when
 * the network allows, then the outbox, the synced facts and the reading progress are cleared. (账号与设备 only, so
 * not in the weapp main package.)
 */
export async function signOutOfDevice({ sync, account, progress, kv }: SignOutDeps): Promise<void> {
  await sync.syncNow().catch(() => undefined)
  await account.signOut()
  sync.clear()
  progress.getState().reset()
  // The member's quiz (attempts, 错题本, a practice round); the banks stay, they are the organizers' content.
  for (const key of kv.keys()) if (key.startsWith('quiz.') && !key.startsWith('quiz.bank.')) kv.removeItem(key)
  kv.setItem('sync.imported', '1')
}
