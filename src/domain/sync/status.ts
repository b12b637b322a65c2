/** The sync line of 我的: 已同步 · 刚刚, 待同步 3 条, 离线 · 待同步 3 条, or the error sentence. */
export function syncStatusText(
  s: {
    state: 'synced' | 'pending' | 'syncing' | 'offline' | 'error'
    pending: number
    lastSyncedAt: number | null
    error: string | null
  },
  now: number,
  clock: (ms: number) => string
): string {
  const waiting = s.pending > 0 ? `待同步 ${s.pending} 条` : ''
  switch (s.state) {
    case 'syncing':
      return '正在同步…'
    case 'offline':
      return waiting ? `离线 · ${waiting}` : '离线'
    case 'error':
      return [s.error ?? '同步失败，稍后自动重试', waiting].filter(Boolean).join(' · ')
    case 'pending':
      return waiting || '待同步'
    case 'synced': {
      if (s.lastSyncedAt === null) return waiting || '尚未同步'
      const ago = now - s.lastSyncedAt
      const when = ago < 60_000 ? '刚刚' : ago < 3600_000 ? `${Math.floor(ago / 60_000)} 分钟前` : clock(s.lastSyncedAt)
      return `已同步 · ${when}`
    }
  }
}
