// Offline copies of attached audio (听): fetched with the issue download, within their own budget, and removed with
// the last downloaded issue that needs them. The catalog (which file, how big, for which issues) is in kv.
import type { AudioRef, Issue } from '../domain/api/issue'
import { audioFileName } from '../domain/publish/audio'
import type { AudioFileStore } from '../platform/audiofiles.types'
import { StorageFullError, type KeyValueStore } from '../platform/kv.types'

/** Downloaded audio may take this much (the weapp user data area is 200 MB with the issues). */
export const AUDIO_BUDGET_BYTES = 100 * 1024 * 1024

const KEY = 'listen.offline'

type Catalog = Record<string, { bytes: number; issues: string[] }>

export interface AudioDownload {
  saved: number
  /** Files left out because the audio budget (or the phone) is full. */
  skipped: number
  failed: number
}

export function createOfflineAudio(deps: {
  files: AudioFileStore
  kv: KeyValueStore
  apiBase: string
  budgetBytes?: number
}) {
  const budget = deps.budgetBytes ?? AUDIO_BUDGET_BYTES
  const read = (): Catalog => {
    try {
      const v = JSON.parse(deps.kv.getItem(KEY) ?? '{}') as unknown
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Catalog) : {}
    } catch {
      return {}
    }
  }
  let catalog = read()
  const save = () => {
    try {
      deps.kv.setItem(KEY, JSON.stringify(catalog))
    } catch {
      // The files stay; a lost catalog only forgets them.
    }
  }
  const usage = () => Object.values(catalog).reduce((n, e) => n + e.bytes, 0)

  return {
    usage,
    /** Keeps every audio file of a downloaded issue offline, as far as the budget allows. */
    async downloadFor(issue: Issue): Promise<AudioDownload> {
      const out: AudioDownload = { saved: 0, skipped: 0, failed: 0 }
      const refs = issue.sections.flatMap((s) => s.articles.flatMap((a) => (a.audio ? [a.audio] : [])))
      for (const ref of refs) {
        const name = audioFileName(ref)
        if (name === null) continue
        const known = catalog[name]
        if (known) {
          if (!known.issues.includes(issue.id))
            catalog = { ...catalog, [name]: { ...known, issues: [...known.issues, issue.id] } }
          continue
        }
        if (usage() + ref.bytes > budget) {
          out.skipped++
          continue
        }
        try {
          const bytes = await deps.files.save(`${deps.apiBase}${ref.url}`, name)
          catalog = { ...catalog, [name]: { bytes, issues: [issue.id] } }
          out.saved++
        } catch (e) {
          if (e instanceof StorageFullError) out.skipped++
          else out.failed++
        }
      }
      save()
      return out
    },
    /** Forgets the issue's claim on its audio; a file no downloaded issue needs any more is deleted. */
    async removeFor(issueId: string): Promise<void> {
      for (const [name, e] of Object.entries(catalog)) {
        if (!e.issues.includes(issueId)) continue
        const issues = e.issues.filter((i) => i !== issueId)
        if (issues.length > 0) catalog = { ...catalog, [name]: { ...e, issues } }
        else {
          await deps.files.remove(name).catch(() => undefined)
          // Copy and delete rather than a rest pattern with a computed key: that pulls four Babel helpers into the
          // weapp main package.
          const rest = { ...catalog }
          delete rest[name]
          catalog = rest
        }
      }
      save()
    },
    /** The offline copy to play, or null to stream. */
    async src(ref: AudioRef): Promise<string | null> {
      const name = audioFileName(ref)
      return name !== null && catalog[name] ? deps.files.src(name) : null
    }
  }
}

export type OfflineAudio = ReturnType<typeof createOfflineAudio>
