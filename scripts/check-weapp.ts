// `npm run check:weapp`: WeChat's own quality checks (miniprogram-ci, offline) plus our build and size budgets on
// dist/weapp, with no WeChat DevTools. Ends with `weapp-check: N passed, N failed` (scripts/test.ts reads it).
// miniprogram-ci lives in tools/wxci (~1,000 packages) so the app's own install stays lean; it is installed on first use.
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { human, MB } from '../tools/lib/fs-size'
import { run, tail } from '../tools/lib/run'
import { allPages, missingPageFiles, packageSizes, readAppJson } from '../tools/lib/weapp'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = join(ROOT, 'dist', 'weapp')
const WXCI = join(ROOT, 'tools', 'wxci')
const MAIN_BUDGET = 1 * MB // ours: half of WeChat's 2 MB, so there is room to grow
const SUB_LIMIT = 2 * MB // WeChat
const TOTAL_LIMIT = 30 * MB // WeChat

/** The slice of miniprogram-ci's API used here (its own typings are not installed when the root type-checks). */
interface QualityItem {
  name: string
  success: boolean
  text: string
  docURL?: string
  detail?: unknown
}
interface AnalyseDep {
  error?: unknown
  request?: string
}
interface AnalyseModule {
  id: string
  errors?: unknown[]
  deps?: AnalyseDep[]
}
interface MiniprogramCi {
  Project: new (opts: {
    appid: string
    type: 'miniProgram'
    projectPath: string
    privateKeyPath: string
    ignores?: string[]
  }) => object
  checkCodeQuality(project: object): Promise<QualityItem[]>
  analyseCode(
    project: object,
    opts?: { silent: boolean }
  ): Promise<{ files: Array<{ path: string; size: number }>; modules: AnalyseModule[] } | undefined>
}

/** What to change when a quality check fails; miniprogram-ci's own `text` only names the problem. */
const FIX: Record<string, string> = {
  JS_COMPRESS_OPEN: 'set "setting.minified": true in project.config.json',
  WXML_COMPRESS_OPEN: 'set "setting.minifyWXML": true in project.config.json',
  WXSS_COMPRESS_OPEN: 'set "setting.minifyWXSS": true in project.config.json',
  LAZYCODE_LOADING_OPEN:
    "set lazyCodeLoading: 'requiredComponents' in src/app.config.ts (it must reach dist/weapp/app.json)",
  PACKAGE_SIZE_LIMIT: 'main package over 1.5 MB: move pages into subPackages or load data at run time',
  IMAGE_AND_AUDIO_LIMIT: 'images/audio over 200 KB in the package: compress them or load them from the server',
  CONTAINS_OTHER_PKG_JS: 'move JS used only by a subpackage into that subpackage',
  CONTAINS_OTHER_PKG_COMPONENTS: 'move components used only by a subpackage into that subpackage',
  CONTAINS_UNUSED_PLUGINS: 'remove unused plugins from app.json',
  CONTAINS_UNUSED_COMPONENTS: 'remove unused usingComponents entries',
  CONTAINS_UNUSED_CODES: 'remove files under dist/weapp that nothing depends on'
}

interface Check {
  name: string
  ok: boolean
  detail: string
}
const checks: Check[] = []
function record(name: string, ok: boolean, detail: string): void {
  checks.push({ name, ok, detail })
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`)
}

function finish(): never {
  const failed = checks.filter((c) => !c.ok)
  if (failed.length) console.log(`\nfailed: ${failed.map((c) => c.name).join(', ')}`)
  console.log(`weapp-check: ${checks.length - failed.length} passed, ${failed.length} failed`)
  // miniprogram-ci leaves a file watcher running, so the process would never end on its own.
  process.exit(failed.length ? 1 : 0)
}

/** Builds dist/weapp when it is missing. build:weapp regenerates content first; if that step fails, build the app alone. */
async function ensureBuild(): Promise<void> {
  if (existsSync(join(DIST, 'app.json'))) return
  console.log('dist/weapp/app.json missing: building (npm run build:weapp)…')
  let r = await run('npm', ['run', 'build:weapp'], { cwd: ROOT })
  if (r.code !== 0) {
    console.log(`npm run build:weapp exited ${r.code}; trying npx taro build --type weapp\n${tail(r.output, 8)}`)
    r = await run('npx', ['taro', 'build', '--type', 'weapp'], { cwd: ROOT })
  }
  if (r.code !== 0) console.log(tail(r.output, 25))
}

/** Loads miniprogram-ci from tools/wxci, running `npm install` there the first time (about 40 s, ~1,000 packages). */
async function loadCi(): Promise<MiniprogramCi> {
  if (!existsSync(join(WXCI, 'node_modules', 'miniprogram-ci', 'package.json'))) {
    console.log('installing miniprogram-ci in tools/wxci (first run only)…')
    const r = await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: WXCI })
    if (r.code !== 0) throw new Error(`npm install in tools/wxci exited ${r.code}:\n${tail(r.output, 15)}`)
    console.log(`installed in ${(r.ms / 1000).toFixed(0)} s`)
  }
  return createRequire(join(WXCI, 'package.json'))('miniprogram-ci') as MiniprogramCi
}

/** Build integrity: app.json exists and every page it lists has the files WeChat loads. Returns false if unusable. */
function checkBuild(): boolean {
  const hasApp = existsSync(join(DIST, 'app.json'))
  record('build: dist/weapp/app.json exists', hasApp, hasApp ? '' : 'the weapp build failed or was not run')
  if (!hasApp) return false
  const pages = allPages(readAppJson(DIST))
  record('build: app.json lists pages', pages.length > 0, `${pages.length} pages`)
  for (const page of pages) {
    const missing = missingPageFiles(DIST, page)
    record(
      `build: page ${page}`,
      missing.length === 0,
      missing.length ? `missing ${missing.join(', ')}` : '.js .wxml .json present'
    )
  }
  return true
}

/** Our own size count from the files on disk, so the budget does not depend on how miniprogram-ci counts. */
function checkSizes(): void {
  const sizes = packageSizes(DIST)
  console.log(
    `main package: ${sizes.main} bytes (${human(sizes.main)}); total ${sizes.total} bytes (${human(sizes.total)})`
  )
  record('size: main package < 1 MB', sizes.main < MAIN_BUDGET, `${human(sizes.main)} of ${human(MAIN_BUDGET)}`)
  const subs = Object.entries(sizes.subpackages)
  const over = subs.filter(([, bytes]) => bytes >= SUB_LIMIT)
  record(
    'size: each subpackage < 2 MB',
    over.length === 0,
    subs.length ? subs.map(([root, bytes]) => `${root} ${human(bytes)}`).join(', ') : 'no subpackages'
  )
  record('size: all packages < 30 MB', sizes.total < TOTAL_LIMIT, human(sizes.total))
}

function summarise(detail: unknown): string {
  if (detail === undefined || detail === null) return ''
  const s = JSON.stringify(detail)
  return s === '[]' || s === '{}' ? '' : s.length > 300 ? `${s.slice(0, 300)}…` : s
}

async function checkWithCi(): Promise<void> {
  const ci = await loadCi()
  const config = JSON.parse(readFileSync(join(ROOT, 'project.config.json'), 'utf8')) as { appid?: string }
  // The checks run offline and read no key, but Project insists on a key file: a throwaway one in a temp dir.
  const keyDir = mkdtempSync(join(tmpdir(), 'wxci-key-'))
  const keyPath = join(keyDir, 'private.dummy.key')
  writeFileSync(
    keyPath,
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' })
  )
  try {
    // projectPath is the repo root: its project.config.json points miniprogramRoot at dist/weapp/ and carries the
    // minify settings the checks read. 'touristappid' works offline; a dummy wx… id stands in only if none is set.
    const project = new ci.Project({
      appid: config.appid || 'wx0000000000000000',
      type: 'miniProgram',
      projectPath: ROOT,
      privateKeyPath: keyPath,
      ignores: ['node_modules/**/*']
    })

    const quality = await ci.checkCodeQuality(project)
    if (!quality.length) record('miniprogram-ci checkCodeQuality', false, 'returned no checks')
    for (const item of quality) {
      const sizes = item.name === 'PACKAGE_SIZE_LIMIT' ? ` (miniprogram-ci counts ${summarise(item.detail)})` : ''
      const detail = item.success
        ? `ok${sizes}`
        : `${item.text}; fix: ${FIX[item.name] ?? 'see docs'}${summarise(item.detail) ? `; detail ${summarise(item.detail)}` : ''} (${item.docURL ?? ''})`
      record(`quality: ${item.name}`, item.success, detail)
    }

    const analysis = await ci.analyseCode(project, { silent: true })
    if (!analysis) {
      record('analyse: dependency graph', false, 'analyseCode returned nothing')
      return
    }
    const broken = analysis.modules.flatMap((m) => [
      ...(m.errors ?? []).map((e) => `${m.id}: ${String(e)}`),
      ...(m.deps ?? []).filter((d) => d.error).map((d) => `${m.id} -> ${d.request ?? '?'}: ${String(d.error)}`)
    ])
    record(
      'analyse: every dependency resolves',
      broken.length === 0,
      broken.length
        ? broken.slice(0, 10).join('; ')
        : `${analysis.modules.length} modules, ${analysis.files.length} files`
    )
    const ids = new Set(analysis.modules.map((m) => m.id))
    const unseen = allPages(readAppJson(DIST)).filter((p) => !ids.has(`Page:${p}.json`))
    record(
      'analyse: every app.json page is in the graph',
      unseen.length === 0,
      unseen.length ? `not found: ${unseen.join(', ')}` : ''
    )
  } finally {
    rmSync(keyDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  await ensureBuild()
  if (!checkBuild()) finish()
  checkSizes()
  try {
    await checkWithCi()
  } catch (e) {
    record('miniprogram-ci', false, e instanceof Error ? e.message : String(e))
  }
  finish()
}

void main()
