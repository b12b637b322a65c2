import { describe, expect, it } from 'vitest'
import { createMemoryKeyValueStore } from '../../platform/kv.memory'
import { createSessionStore } from '../../stores/session'
import type { Member } from '../../domain/account'
import { ApiError, type AccountApi } from './api'
import { createAccountManagement, describeError, type AccountManagementApi } from './manage'
import { createSessionService } from './session'

const member = (id: string): Member => ({ id, displayName: `党员${id}`, org: null, devices: [] })

function fakeApi() {
  const calls: string[] = []
  let n = 0
  const api = {
    signInDevice: async () => {
      calls.push('device')
      n++
      return { token: `t${n}`, member: member(`m${n}`) }
    },
    signInWechat: async (code: string) => {
      calls.push(`wechat:${code}`)
      return { token: 'tw', member: member('w') }
    },
    claimPairing: async (code: string) => {
      calls.push(`claim:${code}`)
      if (code !== 'ABCD2345') throw new ApiError(404, 'invalid_pairing_code', 'no')
      return { token: 'tp', member: member('m1') }
    },
    me: async () => {
      throw new ApiError(401, 'unauthorized', 'no')
    }
  } as unknown as AccountApi
  return { api, calls }
}

describe('session service', () => {
  it('signs a device in once, even when asked twice at the same time, and remembers it', async () => {
    const { api, calls } = fakeApi()
    const kv = createMemoryKeyValueStore()
    const store = createSessionStore(kv)
    const s = createSessionService(api, { kind: 'device', code: async () => null, deviceName: () => 'x' }, store)
    await Promise.all([s.ensureSignedIn(), s.ensureSignedIn()])
    expect(calls).toEqual(['device'])
    expect(createSessionStore(kv).getState().token).toBe('t1')
  })
  it('uses the WeChat login code on weapp', async () => {
    const { api, calls } = fakeApi()
    const s = createSessionService(
      api,
      { kind: 'wechat', code: async () => 'c1', deviceName: () => 'x' },
      createSessionStore(createMemoryKeyValueStore())
    )
    await s.ensureSignedIn()
    expect(calls).toEqual(['wechat:c1'])
  })
  it('claims a pairing code typed with spaces and lower case; a wrong one says so in Chinese', async () => {
    const { api, calls } = fakeApi()
    const store = createSessionStore(createMemoryKeyValueStore())
    const s = createAccountManagement(
      api as unknown as AccountManagementApi,
      { kind: 'device', code: async () => null, deviceName: () => 'x' },
      store
    )
    await s.claimPairing('abcd 2345')
    expect(calls).toEqual(['claim:ABCD2345'])
    expect(store.getState().member?.id).toBe('m1')
    const err = await s.claimPairing('zzzz').catch((e: unknown) => e)
    expect(describeError(err)).toContain('配对码无效')
    expect(describeError(new TypeError('fetch failed'))).toContain('网络')
  })
  it('signs in again when the token was revoked', async () => {
    const { api } = fakeApi()
    const store = createSessionStore(createMemoryKeyValueStore())
    store.getState().signIn('old', member('old'))
    const s = createSessionService(api, { kind: 'device', code: async () => null, deviceName: () => 'x' }, store)
    await s.refresh()
    expect(store.getState().token).toBe('t1')
  })
})
