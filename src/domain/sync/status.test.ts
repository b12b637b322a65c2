import { describe, expect, it } from 'vitest'
import { syncStatusText } from './status'

const clock = () => '6月9日 08:30'
const at = (
  state: Parameters<typeof syncStatusText>[0]['state'],
  pending = 0,
  lastSyncedAt: number | null = 1000,
  error: string | null = null
) => syncStatusText({ state, pending, lastSyncedAt, error }, 31_000, clock)

describe('sync status line', () => {
  it('says when it last synced, what waits, and when it is offline', () => {
    expect(at('synced')).toBe('已同步 · 刚刚')
    expect(syncStatusText({ state: 'synced', pending: 0, lastSyncedAt: 0, error: null }, 5 * 60_000, clock)).toBe(
      '已同步 · 5 分钟前'
    )
    expect(syncStatusText({ state: 'synced', pending: 0, lastSyncedAt: 0, error: null }, 5 * 3600_000, clock)).toBe(
      '已同步 · 6月9日 08:30'
    )
    expect(at('pending', 3)).toBe('待同步 3 条')
    expect(at('offline', 3)).toBe('离线 · 待同步 3 条')
    expect(at('offline')).toBe('离线')
    expect(at('error', 2, 1000, '服务器暂时不可用，稍后自动重试')).toBe('服务器暂时不可用，稍后自动重试 · 待同步 2 条')
    expect(at('syncing', 1)).toBe('正在同步…')
    expect(at('synced', 0, null)).toBe('尚未同步')
  })
})
