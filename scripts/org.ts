// npm run org -- create NAME | list: manage party organizations (党组织) in the database at DATA_DIR.
import { resolve } from 'node:path'
import { openSqliteStore } from '../server/db/sqlite/open'
import { createOrg } from '../server/services/members'

/** Runs the command; returns the process exit code. */
export async function main(args: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<number> {
  const [command, ...rest] = args
  if (command !== 'create' && command !== 'list') {
    console.error('usage: npm run org -- create NAME\n       npm run org -- list')
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
    } else {
      for (const org of await store.orgs.list()) {
        console.log(`${org.joinCode}  ${String(org.memberCount).padStart(4)} members  ${org.name}`)
      }
    }
  } finally {
    await store.close()
  }
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
