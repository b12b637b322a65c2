// npm start: build the H5 app if it is missing, then run the server with the H5 app at / and the API at /api
// (the server publishes content/issues/ as it starts). Without WECHAT_APPID it starts the mock WeChat service on
// loopback and signs in against it.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { startMockWechat } from '../mock/wechat'
import { configFromEnv, mockWechatRefusal } from '../server/config'
import { closeOnSignals, startServer } from '../server/server'

const root = process.cwd()

function run(script: string): void {
  console.log(`> npm run ${script}`)
  const result = spawnSync('npm', ['run', '-s', script], { stdio: 'inherit', cwd: root })
  if (result.status !== 0) {
    console.error(`npm run ${script} failed (exit ${result.status ?? result.signal})`)
    process.exit(1)
  }
}

async function main(): Promise<void> {
  const config = configFromEnv()
  const h5Index = join(config.app.staticDir ?? join(root, 'dist/h5'), 'index.html')
  if (!existsSync(h5Index)) run('build:h5')

  let closeMock = async (): Promise<void> => {}
  if (config.app.wechat === null || config.app.wechat === undefined) {
    const refusal = mockWechatRefusal(process.env, config.host)
    if (refusal !== null) {
      console.error(refusal)
      process.exit(1)
    }
    const mock = await startMockWechat()
    closeMock = mock.close
    config.app.wechat = { apiBase: mock.url, appid: 'mock-appid', secret: 'mock-secret' }
    console.log(`WECHAT_APPID is not set: using the mock WeChat service at ${mock.url}`)
    console.log(`  (sign in with codes like "mock-alice", or get a fresh one from ${mock.url}/mock/login?user=alice)`)
  }

  const server = await startServer(config.app, config)
  closeOnSignals(server, closeMock)
  console.log(`党史阅读 running at ${server.url}  (API at ${server.url}api/, data in ${config.app.dataDir})`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
