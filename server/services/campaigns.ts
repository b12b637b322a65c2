import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Campaign } from '../../src/domain/api/campaign'
import { contestWindow, type DayWindow } from '../../src/domain/campaign/timeline'
import { parseCampaign } from '../../src/domain/campaign/validate'

/** What loading a folder of definitions gave: the campaigns, and each refused file with its problems. */
export interface CampaignLoad {
  loaded: Campaign[]
  failed: Array<{ file: string; errors: string[] }>
}

/** Reads every *.json in `dir` (sorted by name) through the domain's validation; a missing folder is no campaigns. */
export function loadCampaignDir(dir: string): CampaignLoad {
  let files: string[]
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { loaded: [], failed: [] }
    throw e
  }
  const loaded: Campaign[] = []
  const failed: CampaignLoad['failed'] = []
  const ids = new Map<string, string>()
  for (const file of files) {
    const path = join(dir, file)
    const r = parseCampaign(readFileSync(path, 'utf8'))
    if (!r.ok) {
      failed.push({ file: path, errors: r.errors })
      continue
    }
    const first = ids.get(r.campaign.id)
    if (first !== undefined) {
      failed.push({ file: path, errors: [`id: “${r.campaign.id}” 已由 ${first} 使用`] })
      continue
    }
    ids.set(r.campaign.id, file)
    loaded.push(r.campaign)
  }
  return { loaded, failed }
}

/** The campaigns the server serves, and the questions sync and the quiz ask about them. */
export class CampaignService {
  private campaigns: Campaign[] = []
  private body = JSON.stringify({ campaigns: [] })

  set(campaigns: readonly Campaign[]): void {
    this.campaigns = campaigns.slice()
    this.body = JSON.stringify({ campaigns: this.campaigns })
  }

  list(): Campaign[] {
    return this.campaigns
  }

  /** GET /api/campaigns, serialized once. */
  json(): string {
    return this.body
  }

  /** For sync (SPEC F5, P4): a campaign, or a book or lecture it lists. */
  itemExists(campaignId: string, kind: 'campaign' | 'book' | 'lecture', id: string): boolean {
    const c = this.campaigns.find((x) => x.id === campaignId)
    if (c === undefined) return false
    if (kind === 'campaign') return true
    return (kind === 'book' ? c.books : c.lectures).some((item) => item.id === id)
  }

  /** The window of a bank's scored quiz on `today` (China's calendar day), or null when no campaign names it. */
  contestWindow(bankId: string, today: string): DayWindow | null {
    return contestWindow(this.campaigns, bankId, today)
  }
}
