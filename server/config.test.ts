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
      trustProxy: '127.0.0.1',
      logger: { level: 'warn' }
    })
    expect(configFromEnv({ WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' }).app.wechat?.apiBase).toBe(
      'https://api.weixin.qq.com'
    )
    expect(configFromEnv({ TRUST_PROXY: 'true' }).app.trustProxy).toBe(true)
  })

  it('refuses a bad PORT', () => {
    expect(() => configFromEnv({ PORT: 'http' })).toThrow(/PORT/)
  })
})
