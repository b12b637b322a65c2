import { HttpError } from '../errors'

/** Where and as whom the server calls WeChat's jscode2session. */
export interface WechatConfig {
  /** e.g. https://api.weixin.qq.com, or the mock's loopback URL. */
  apiBase: string
  appid: string
  secret: string
  /** Abort the call after this many milliseconds (default 5000). */
  timeoutMs?: number
}

/** What the server keeps from a successful code exchange (session_key is dropped here on purpose). */
export interface WechatIdentity {
  openid: string
  unionid: string | null
}

/** The signature of the code exchange, so tests and other backends can swap it. */
export type CodeExchange = (code: string) => Promise<WechatIdentity>

/** Builds the jscode2session call: exchanges a wx.login code for the member's openid, or throws HttpError. */
export function wechatCodeExchange(config: WechatConfig, fetchImpl: typeof fetch = fetch): CodeExchange {
  return async (code) => {
    const url = new URL('/sns/jscode2session', config.apiBase)
    url.search = new URLSearchParams({
      appid: config.appid,
      secret: config.secret,
      js_code: code,
      grant_type: 'authorization_code'
    }).toString()
    let data: Record<string, unknown>
    try {
      const res = await fetchImpl(url, { signal: AbortSignal.timeout(config.timeoutMs ?? 5000) })
      // WeChat answers errors with HTTP 200 and sometimes a text/plain content type, so read the text.
      data = JSON.parse(await res.text()) as Record<string, unknown>
      if (typeof data !== 'object' || data === null) throw new Error('not an object')
    } catch {
      throw new HttpError(502, 'wechat_unavailable', 'WeChat sign-in service could not be reached; try again')
    }
    const errcode = typeof data.errcode === 'number' ? data.errcode : 0
    if (errcode === 0 && typeof data.openid === 'string' && data.openid !== '') {
      return { openid: data.openid, unionid: typeof data.unionid === 'string' ? data.unionid : null }
    }
    switch (errcode) {
      case 40029: // invalid code
      case 40163: // code already used
        throw new HttpError(
          401,
          'invalid_code',
          'The WeChat login code is invalid, used or expired; call wx.login again'
        )
      case 45011:
        throw new HttpError(429, 'rate_limited', 'Too many WeChat sign-ins; wait a minute and try again', {
          'retry-after': '60'
        })
      case 40226:
        throw new HttpError(403, 'wechat_blocked', 'WeChat refused the sign-in for this account')
      default:
        // -1 (busy), a bad appid/secret or a malformed answer: our side or theirs, never the client's fault.
        throw new HttpError(502, 'wechat_unavailable', `WeChat sign-in failed (errcode ${errcode}); try again later`)
    }
  }
}
