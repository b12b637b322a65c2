import { Value } from '@sinclair/typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Issue } from '../../../../src/domain/issue/types'
import { PullReplySchema, PushReplySchema } from '../../../../src/domain/api/sync'
import { bearer, dumpDatabase, SAMPLE_ID, signInDevice, testEnv, type TestEnv } from '../../../test-support'

let env: TestEnv
let articleId: string
beforeAll(async () => {
  env = await testEnv()
  const issue = JSON.parse((await env.app.services.content.issue(SAMPLE_ID))!.body) as Issue
  articleId = issue.sections[0].articles[0].id
})
afterAll(async () => env.close())

const read = (clientId: string, id: number) => ({
  clientId,
  id,
  name: 'markRead',
  args: { issueId: SAMPLE_ID, articleId, at: 1 },
  at: 1
})
const push = (token: string | null, payload: unknown) =>
  env.app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: token ? bearer(token) : {},
    payload: payload as object
  })
const pull = (token: string, cookie: number) =>
  env.app.inject({ method: 'POST', url: '/api/sync/pull', headers: bearer(token), payload: { cookie } })

describe('POST /api/sync/push and /pull', () => {
  it('round-trips: what one device pushes, the member pulls, in the shapes the client checks', async () => {
    const { token } = await signInDevice(env.app)
    const res = await push(token, { mutations: [read('r-1', 1)] })
    expect(res.statusCode).toBe(200)
    expect(Value.Check(PushReplySchema, res.json())).toBe(true)
    expect(res.json()).toMatchObject({ applied: 1, lastMutationIds: { 'r-1': 1 } })
    const pulled = await pull(token, 0)
    expect(Value.Check(PullReplySchema, pulled.json())).toBe(true)
    expect(Object.keys(pulled.json().facts.reads)).toEqual([`${SAMPLE_ID}/${articleId}`])
  })

  it('needs a session', async () => {
    expect((await push(null, { mutations: [read('x', 1)] })).statusCode).toBe(401)
  })

  it('refuses malformed batches with 400 and the error shape', async () => {
    const { token } = await signInDevice(env.app)
    for (const payload of [
      {},
      { mutations: [] },
      { mutations: [{ ...read('y', 1), id: 0 }] },
      { mutations: Array.from({ length: 201 }, (_, i) => read('y', i + 1)) }
    ]) {
      const res = await push(token, payload)
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) })
    }
  })

  it('P5: another member’s client is refused with 403 and nothing changes', async () => {
    const a = await signInDevice(env.app)
    const b = await signInDevice(env.app)
    expect((await push(a.token, { mutations: [read('a-dev', 1)] })).statusCode).toBe(200)
    const before = dumpDatabase(env.dataDir)
    const res = await push(b.token, { mutations: [read('a-dev', 2)] })
    expect(res.statusCode).toBe(403)
    expect(res.json().error).toBe('foreign_client')
    expect(dumpDatabase(env.dataDir)).toBe(before)
    expect((await pull(b.token, 0)).json().facts.reads).toEqual({})
  })
})
