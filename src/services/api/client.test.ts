import { describe, expect, it } from 'vitest'
import { API } from '../../domain/api/routes'
import { NetworkError, type HttpClient, type HttpResponse } from '../../platform/http.types'
import { ApiError, createApiClient } from './client'

/** An http that answers every request with one response (or throws), recording what was asked. */
function answering(res: Partial<HttpResponse> | Error) {
  const asked: Array<{ url: string; method?: string; headers?: Record<string, string>; body?: unknown }> = []
  const http: HttpClient = async (req) => {
    asked.push(req)
    if (res instanceof Error) throw res
    return { status: 200, headers: {}, data: undefined, ...res } as never
  }
  return { http, asked }
}

const member = { id: 'm1', displayName: '党员0001', org: null, devices: [] }

describe('ApiClient', () => {
  it('returns an answer that matches its route, sending the token only to routes that need one', async () => {
    const { http, asked } = answering({ data: { member } })
    const client = createApiClient(http, 'https://api.example', () => 'tok')
    expect(await client.call(API.me)).toEqual({ member })
    await client.call(API.signInDevice, { body: {} }).catch(() => undefined)
    expect(asked[0]).toMatchObject({
      url: 'https://api.example/api/me',
      method: 'GET',
      headers: { authorization: 'Bearer tok' }
    })
    expect(asked[1]).toMatchObject({
      url: 'https://api.example/api/auth/device',
      method: 'POST',
      headers: {},
      body: {}
    })
  })

  it('fills path parameters, encoded', async () => {
    const { http, asked } = answering({ status: 404, data: { error: 'not_found', message: 'No issue' } })
    await createApiClient(http, '')
      .call(API.getIssue, { params: { id: 'a/b c' } })
      .catch(() => undefined)
    expect(asked[0].url).toBe('/api/issues/a%2Fb%20c')
  })

  it('turns a malformed answer into an ApiError with a clear Chinese message', async () => {
    const malformed = [
      { member: { id: 1 } },
      '<html>oops</html>',
      null,
      { member: { ...member, devices: [{ id: 'd' }] } }
    ]
    for (const data of malformed) {
      const err = await createApiClient(answering({ data }).http, '')
        .call(API.me)
        .catch((e: unknown) => e)
      expect(err).toBeInstanceOf(ApiError)
      expect(err).toMatchObject({ status: 200, code: 'bad_response', offline: false })
      expect((err as ApiError).message).toBe('服务器返回的数据无法识别，请稍后再试或更新小程序')
      expect((err as ApiError).detail).toContain('GET /api/me')
    }
  })

  it('gives the server error code with the app sentence, and keeps the server message as detail', async () => {
    const { http } = answering({ status: 404, data: { error: 'unknown_join_code', message: 'no such code' } })
    const err = await createApiClient(http, '')
      .call(API.joinOrg, { body: { joinCode: 'X' } })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({
      status: 404,
      code: 'unknown_join_code',
      message: '没有找到这个组织，请核对加入码',
      detail: 'no such code'
    })
  })

  it('falls back on the status for answers that are not an error body (a proxy page)', async () => {
    const { http } = answering({ status: 502, data: '<html>Bad Gateway</html>' })
    const err = await createApiClient(http, '')
      .call(API.health)
      .catch((e: unknown) => e)
    expect(err).toMatchObject({
      status: 502,
      code: 'http_502',
      message: '服务器暂时不可用，请稍后再试',
      offline: false
    })
  })

  it('marks a request that never reached the server as offline', async () => {
    const { http } = answering(new NetworkError('network unavailable'))
    const err = await createApiClient(http, '')
      .call(API.listIssues)
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ status: 0, code: 'network', offline: true, message: '网络不可用，请连接网络后重试' })
  })
})
