// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { configFromEnv } from './config'

describe('configFromEnv', () => {
  it('defaults to 127.0.0.1:8080, data/, the H5 build and no WeChat', () => {
    const c = configFromEnv({}, '/srv/app')
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8080 })
    expect(c.app).toMatchObject({
      dataDir: '/srv/app/data',
      contentDir: '/srv/app/content/issues',
      staticDir: '/srv/app/dist/h5',
      wechat: null,
      corsOrigins: [],
      trustProxy: false
    })
  })

  it('reads every variable', () => {
    const c = configFromEnv(
      {
        PORT: '9000',
        HOST: '0.0.0.0',
        DATA_DIR: '/var/lib/dangshi',
        WECHAT_APPID: 'wx1',
        WECHAT_SECRET: 's',
        WECHAT_API_BASE: 'http://127.0.0.1:1',
        WECHAT_TIMEOUT_MS: '2000',
        CORS_ORIGINS: 'https://a.example, https://b.example',
        TRUST_PROXY: '127.0.0.1',
        LOG_LEVEL: 'warn',
        H5_DIR: 'build'
      },
      '/srv/app'
    )
    expect(c).toMatchObject({ host: '0.0.0.0', port: 9000 })
    expect(c.app).toMatchObject({
      dataDir: '/var/lib/dangshi',
      staticDir: '/srv/app/build',
      wechat: { apiBase: 'http://127.0.0.1:1', appid: 'wx1', secret: 's', timeoutMs: 2000 },
      corsOrigins: ['https://a.example', 'https://b.example'],
      trustProxy: ['127.0.0.1'],
      logger: { level: 'warn' }
    })
    expect(configFromEnv({ WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' }).app.wechat?.apiBase).toBe(
      'https://api.weixin.qq.com'
    )
  })

  it('takes TRUST_PROXY as proxy addresses, CIDRs or a hop count, and refuses true', () => {
    const trust = (v: string) => configFromEnv({ TRUST_PROXY: v }).app.trustProxy
    expect(trust('false')).toBe(false)
    expect(trust('1')).toBe(1)
    expect(trust('127.0.0.1, 10.0.0.0/8,::1,fd00::/8')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8'])
    expect(() => trust('true')).toThrow(/TRUST_PROXY=true .*TRUST_PROXY=127\.0\.0\.1.*TRUST_PROXY=1/)
    for (const bad of ['*', 'yes', '0', '99', '10.0.0.0/33', 'proxy.example', '127.0.0.1,', '1.2.3.4/8/1']) {
      expect(() => trust(bad), bad).toThrow(/TRUST_PROXY/)
    }
  })

  it('a trusted proxy passes the client IP on; a forged X-Forwarded-For from anyone else is ignored', async () => {
    const { buildApp } = await import('./app')
    const { tempDir } = await import('./test-support')
    const dir = tempDir()
    let app = await buildApp({
      dataDir: dir.path,
      trustProxy: configFromEnv({ TRUST_PROXY: '10.0.0.1' }).app.trustProxy,
      rateLimits: { signIn: { max: 1, windowMs: 60_000 } }
    })
    try {
      // One sign-in a minute per client IP: the proxy's two clients are told apart, a forger's two claims are not.
      const signIn = async (remoteAddress: string, forwardedFor: string) =>
        (
          await app.inject({
            method: 'POST',
            url: '/api/auth/device',
            remoteAddress,
            headers: { 'x-forwarded-for': forwardedFor }
          })
        ).statusCode
      expect(await signIn('10.0.0.1', '198.51.100.1')).toBe(200)
      expect(await signIn('10.0.0.1', '198.51.100.2')).toBe(200)
      expect(await signIn('192.0.2.7', '198.51.100.3')).toBe(200)
      expect(await signIn('192.0.2.7', '198.51.100.4')).toBe(429)
      await app.close()
      app = await buildApp({ dataDir: dir.path, trustProxy: 1, rateLimits: { signIn: { max: 1, windowMs: 60_000 } } })
      expect(await signIn('127.0.0.1', '198.51.100.5')).toBe(200)
      expect(await signIn('127.0.0.1', '198.51.100.6')).toBe(200)
      expect(await signIn('127.0.0.1', '198.51.100.6')).toBe(429)
    } finally {
      await app.close()
      dir.remove()
    }
  })

  it('lets the mock WeChat start only on a loopback HOST, unless ALLOW_MOCK_WECHAT=1', async () => {
    const { mockWechatRefusal } = await import('./config')
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2'])
      expect(mockWechatRefusal({}, host)).toBeNull()
    for (const host of ['0.0.0.0', '::', '192.168.1.5', 'example.org']) {
      expect(mockWechatRefusal({}, host)).toMatch(/ALLOW_MOCK_WECHAT=1/)
      expect(mockWechatRefusal({ ALLOW_MOCK_WECHAT: '1' }, host)).toBeNull()
    }
  })

  it('refuses a bad PORT', () => {
    expect(() => configFromEnv({ PORT: 'http' })).toThrow(/PORT/)
  })
})
