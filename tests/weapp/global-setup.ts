// The weapp tests run the built bundle: build it when it is missing (npm test builds it just before).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export default function setup(): void {
  if (existsSync('dist/weapp/app.js')) return
  const r = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { stdio: 'inherit' })
  if (r.status !== 0) throw new Error('the weapp build failed: the weapp runtime tests need dist/weapp')
}
