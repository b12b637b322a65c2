// The weapp build replaces TypeBox's builders with plain objects (type.weapp.ts). Every schema the contracts export,
// built both ways, must carry the same JSON Schema keywords: the mini-program checks answers and stored records
// with them (check.ts), so a difference would accept or refuse data the H5 app and the server judge otherwise.
import { describe, expect, it, vi } from 'vitest'

const MODULES = {
  account: () => import('./account'),
  campaign: () => import('./campaign'),
  errors: () => import('./errors'),
  issue: () => import('./issue'),
  orgs: () => import('./orgs'),
  persisted: () => import('./persisted'),
  privacy: () => import('./privacy'),
  publish: () => import('./publish'),
  quiz: () => import('./quiz'),
  sync: () => import('./sync'),
  quizSchema: () => import('../quiz/schema'),
  mutations: () => import('../sync/mutations'),
  facts: () => import('../sync/facts')
}

type Exports = Record<string, unknown>
const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x))
const isSchema = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x)

async function load(): Promise<Record<string, Exports>> {
  const out: Record<string, Exports> = {}
  for (const [name, imp] of Object.entries(MODULES)) out[name] = (await imp()) as Exports
  return out
}

describe('the weapp schema builders', () => {
  it('build every contract with the same keywords as TypeBox', async () => {
    const real = await load()
    vi.resetModules()
    vi.doMock('./type', async () => ({ Type: (await import('./type.weapp')).Type }))
    const weapp = await load()
    vi.doUnmock('./type')
    let compared = 0
    for (const name of Object.keys(real))
      for (const [key, value] of Object.entries(real[name])) {
        if (!isSchema(value)) continue
        expect(json(weapp[name][key]), `${name}.${key}`).toEqual(json(value))
        expect(weapp[name][key]).not.toBe(value)
        compared++
      }
    expect(compared).toBeGreaterThan(40)
  })
})
