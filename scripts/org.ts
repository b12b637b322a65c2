// npm run org -- create NAME | list | admin ORG MEMBER | rotate ORG [--expires 30d]: manage party organizations
// (党组织) in the database at DATA_DIR.
import { resolve } from 'node:path'
import type { OrgRepo, Store } from '../server/db/repos'
import { openSqliteStore } from '../server/db/sqlite/open'
import { createOrg, joinCodeLive, parseDuration, rotateJoinCode } from '../server/services/members'
import { OrgStatsService } from '../server/services/org-stats'
import { normalizeCode } from '../src/domain/account'

const USAGE = `usage: npm run org -- create NAME
       npm run org -- list
       npm run org -- admin ORG MEMBER
       npm run org -- rotate ORG [--expires 30d]   (ORG: id, current join code or exact name; expiry in d/h/m)`

/**
 * Makes MEMBER an admin of ORG. ORG is a join code or an organization's exact name; MEMBER a member id or an exact
 * display name (of a member in that organization). Returns an error sentence, or null when done.
 */
async function makeAdmin(store: Store, orgArg: string, memberArg: string): Promise<string | null> {
  const all = await store.orgs.list()
  const byCode = all.find((o) => o.joinCode === normalizeCode(orgArg))
  const byName = all.filter((o) => o.name === orgArg.trim())
  if (byCode === undefined && byName.length > 1)
    return `${byName.length} organizations are named ${orgArg}; use the join code`
  const org = byCode ?? byName[0]
  if (org === undefined) return `no organization with join code or name ${orgArg}`
  const byId = await store.accounts.getMember(memberArg)
  const named =
    byId === null ? (await store.accounts.findMembersByName(memberArg.trim())).filter((m) => m.orgId === org.id) : []
  if (byId === null && named.length > 1)
    return `${named.length} members of ${org.name} are named ${memberArg}; use the member id`
  const member = byId ?? named[0]
  if (member === undefined || member.orgId !== org.id) return `${memberArg} is not a member of ${org.name}`
  await new OrgStatsService(store.stats, store.accounts, Date.now).makeAdmin(org.id, member.id)
  console.log(`${member.displayName} (${member.id}) is now an admin of ${org.name}`)
  return null
}

/** Runs the command; returns the process exit code. */
export async function main(args: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<number> {
  const [command, ...rest] = args
  if (command !== 'create' && command !== 'list' && command !== 'admin' && command !== 'rotate') {
    console.error(USAGE)
    return 2
  }
  if (command === 'admin' && rest.length !== 2) {
    console.error(USAGE)
    return 2
  }
  const store = openSqliteStore(resolve(cwd, env.DATA_DIR || 'data'))
  try {
    if (command === 'create') {
      const name = rest.join(' ')
      try {
        const org = await createOrg(store.orgs, name, Date.now())
        console.log(`created ${org.name}\njoin code: ${org.joinCode}`)
      } catch (err) {
        console.error(`cannot create: ${(err as Error).message}`)
        return 1
      }
    } else if (command === 'admin') {
      const problem = await makeAdmin(store, rest[0], rest[1])
      if (problem !== null) {
        console.error(`cannot make admin: ${problem}`)
        return 1
      }
    } else if (command === 'rotate') {
      return await rotate(store.orgs, rest)
    } else {
      const now = Date.now()
      for (const org of await store.orgs.list()) {
        const expiry =
          org.joinCodeExpiresAt === null
            ? ''
            : joinCodeLive(org, now)
              ? `  (code expires ${new Date(org.joinCodeExpiresAt).toISOString()})`
              : '  (code expired)'
        console.log(`${org.joinCode}  ${String(org.memberCount).padStart(4)} members  ${org.name}${expiry}`)
      }
    }
  } finally {
    await store.close()
  }
  return 0
}

/** `rotate ORG [--expires 30d]`: a fresh join code; the old one stops working at once. */
async function rotate(orgs: OrgRepo, args: string[]): Promise<number> {
  const flag = args.indexOf('--expires')
  let ttlMs: number | null = null
  if (flag !== -1) {
    ttlMs = parseDuration(args[flag + 1] ?? '')
    if (ttlMs === null) {
      console.error(`--expires needs a duration such as 30d, 12h or 90m\n${USAGE}`)
      return 2
    }
    args = [...args.slice(0, flag), ...args.slice(flag + 2)]
  }
  const key = args.join(' ').trim()
  const all = await orgs.list()
  const matches = all.filter((o) => o.id === key || o.joinCode === key.toUpperCase() || o.name === key)
  if (key === '' || matches.length !== 1) {
    console.error(
      matches.length > 1 ? `"${key}" names ${matches.length} organizations; use the id` : `no organization "${key}"`
    )
    return 1
  }
  const at = Date.now()
  const { joinCode, expiresAt } = await rotateJoinCode(orgs, matches[0].id, at, ttlMs)
  console.log(
    `rotated ${matches[0].name}\njoin code: ${joinCode}` +
      (expiresAt === null ? '' : `\nexpires: ${new Date(expiresAt).toISOString()}`)
  )
  return 0
}

if (process.argv[1] !== undefined && /org\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err)
      process.exit(1)
    }
  )
}
