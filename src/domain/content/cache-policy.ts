import type { CacheEntry } from '../api/persisted'

export type { CacheEntry }

/**
 * Which cached (not downloaded) issues to evict so that `incoming` more bytes fit in `budget`,
 * least recently read first. Returns null when even evicting every cached issue is not enough.
 */
export function planEviction(entries: CacheEntry[], budget: number, incoming: number, keep: string[] = []): string[] | null {
  const used = entries.reduce((n, e) => n + e.size, 0)
  let over = used + incoming - budget
  if (over <= 0) return []
  const candidates = entries
    .filter((e) => !e.downloaded && !keep.includes(e.id))
    .sort((a, b) => a.lastReadAt - b.lastReadAt || a.savedAt - b.savedAt || a.id.localeCompare(b.id))
  const evict: string[] = []
  for (const e of candidates) {
    if (over <= 0) break
    evict.push(e.id)
    over -= e.size
  }
  return over <= 0 ? evict : null
}

/** The next cached issue to give up when the platform itself reports storage full (least recently read). */
export function nextToEvict(entries: CacheEntry[], keep: string[] = []): string | null {
  const plan = entries
    .filter((e) => !e.downloaded && !keep.includes(e.id))
    .sort((a, b) => a.lastReadAt - b.lastReadAt || a.savedAt - b.savedAt || a.id.localeCompare(b.id))
  return plan[0]?.id ?? null
}
