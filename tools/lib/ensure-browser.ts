// The end-to-end tests need Debian's Chromium and a CJK font (or Chinese renders as boxes).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { CHROMIUM } from './browser'

function hasCjkFont(): boolean {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' })
  return r.status === 0 && r.stdout.trim().length > 0
}

/** Installs Chromium and fonts-noto-cjk with apt-get when missing and we are root; otherwise says what to install. */
export function ensureBrowser(): { ok: boolean; message: string } {
  if (existsSync(CHROMIUM) && hasCjkFont()) return { ok: true, message: '' }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const how = 'apt-get install -y chromium fonts-noto-cjk'
  if (!isRoot)
    return { ok: false, message: `The end-to-end tests need Chromium and a CJK font. Install them with: sudo ${how}` }
  console.log(`Installing Chromium and CJK fonts (${how}) ...`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  const r = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env })
  if (r.status === 0 && existsSync(CHROMIUM)) return { ok: true, message: '' }
  return { ok: false, message: `Could not install Chromium; run: ${how}` }
}
