/**
 * Time to the article text painted, opening an article whose issue sits in the offline store (IndexedDB, downloaded),
 * in Chromium at 375×812. Baseline: a static HTML page with the same paragraphs, served by the same server from the
 * same folder, in the same run. Goal ≤ 1.5×. The text is first painted by H5's pre-paint (index.html's inline script,
 * before the app's bundle runs); a second row times the hand-over, when the app's own page shows the article and the
 * pre-paint is gone (the app's start-up, which the reader no longer waits for). A third row times an empty Taro 4 app (bench/fixtures/empty-taro) painting
 * its one word against the same static page: the framework's own floor, which no app code can go below.
 * Builds both apps fresh every run (a stale dist/h5 would time yesterday's code) and says so in the row's note.
 * Run alone: npx tsx bench/article-paint.bench.ts
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, BrowserContext } from 'playwright-core'
import { readIssueFile } from '../server/services/issue-files'
import { startApp } from '../tools/lib/app'
import { verdict, type BenchRow } from '../tools/lib/bench-row'
import { launchBrowser, PHONE } from '../tools/lib/browser'
import { runOrThrow } from '../tools/lib/run'
import { syncFixtureConfig } from './lib/fixture'

const ISSUE = 'chongqing-dangshi-gongzuo-2020-02'
const RUNS = 7
const FIXTURE_APP = 'bench/fixtures/empty-taro'
const FIXTURE = `${FIXTURE_APP}/dist/h5`
const GOAL = 1.5

// Records when the text exists and a frame has been produced after it: the same probe on every page.
const probe = (ready: string) => `window.__paint = null;
new MutationObserver(function () {
  if (window.__paint === null && (${ready})) {
    window.__paint = -1;
    requestAnimationFrame(function () { requestAnimationFrame(function () { window.__paint = performance.now(); }); });
  }
}).observe(document, { subtree: true, childList: true });`

// The hand-over: the app's page holds the article and the pre-painted node is gone, then a frame is produced.
const HANDED_OVER = "document.querySelector('.taro_page .para') && !document.getElementById('prepaint')"
const handOverProbe = `window.__handOver = null;
new MutationObserver(function () {
  if (window.__handOver === null && (${HANDED_OVER})) {
    window.__handOver = -1;
    requestAnimationFrame(function () { requestAnimationFrame(function () { window.__handOver = performance.now(); }); });
  }
}).observe(document, { subtree: true, childList: true });`

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** When the probe named `key` (`__paint`, `__handOver`) fired, waiting for each of `keys` in turn. */
async function timeTo(context: BrowserContext, url: string, keys: string[] = ['__paint']): Promise<number[]> {
  const page = await context.newPage()
  await page.goto(url, { waitUntil: 'commit' })
  const out: number[] = []
  for (const key of keys) {
    await page.waitForFunction(
      (k) => {
        const v = (window as unknown as Record<string, unknown>)[k]
        return typeof v === 'number' && v > 0
      },
      key,
      { timeout: 20000 }
    )
    out.push(await page.evaluate((k) => (window as unknown as Record<string, number>)[k], key))
  }
  await page.close()
  return out
}

/** The empty fixture app served by the same server, against the same static page (served by the main run's server). */
async function emptyAppTimes(browser: Browser, staticUrl: string): Promise<{ app: number[]; static: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'paint-floor-'))
  cpSync(FIXTURE, dir, { recursive: true })
  const empty = await startApp({ H5_DIR: dir })
  try {
    const context = await browser.newContext(PHONE)
    await context.addInitScript(probe("document.body && document.body.innerText.indexOf('Hello') >= 0"))
    const plain = await browser.newContext(PHONE)
    await plain.addInitScript(probe("document.querySelector('.para')"))
    await timeTo(context, empty.url)
    await timeTo(plain, staticUrl)
    const out = { app: [] as number[], static: [] as number[] }
    for (let i = 0; i < RUNS; i++) {
      out.app.push((await timeTo(context, empty.url))[0])
      out.static.push((await timeTo(plain, staticUrl))[0])
    }
    await Promise.all([context.close(), plain.close()])
    return out
  } finally {
    await empty.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Builds the app (content + H5 + service worker) and the empty fixture from the current source; returns a note. */
async function buildBoth(): Promise<string> {
  const app = await runOrThrow('npm', ['run', '-s', 'build:h5'])
  syncFixtureConfig(process.cwd(), FIXTURE_APP)
  rmSync(FIXTURE, { recursive: true, force: true })
  const fixture = await runOrThrow('npx', ['taro', 'build', '--type', 'h5'], { cwd: FIXTURE_APP })
  return `fresh builds: app ${(app.ms / 1000).toFixed(0)} s, empty app ${(fixture.ms / 1000).toFixed(0)} s`
}

export async function run(): Promise<BenchRow[]> {
  const built = await buildBoth()
  const dir = mkdtempSync(join(tmpdir(), 'paint-bench-'))
  // Everything started is stopped in reverse order, each on its own, so one failing close cannot leave the others.
  const cleanups: Array<() => Promise<unknown>> = [async () => rmSync(dir, { recursive: true, force: true })]
  try {
    cpSync('dist/h5', dir, { recursive: true })
    // The static page must exist before the server starts: it indexes its static folder once.
    const result = readIssueFile(`content/issues/${ISSUE}.txt`)
    if (!result.ok) throw new Error(`content/issues/${ISSUE}.txt: ${result.problem.message}`)
    const { issue } = result.published
    const article = issue.sections[0].articles[0]
    writeFileSync(
      join(dir, 'bench-static.html'),
      `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(article.title ?? '')}</title>
<style>body{margin:0;padding:16px 20px;background:#FAF7F0;color:#1F1F1F;font-size:17px;line-height:1.8}.para{display:block;text-indent:2em;margin-bottom:.8em}</style></head>
<body><h1>${escape(article.title ?? '')}</h1>${article.paragraphs.map((p) => `<p class="para">${escape(p)}</p>`).join('')}</body></html>`
    )
    const app = await startApp({ H5_DIR: dir })
    cleanups.push(() => app.stop())
    const browser = await launchBrowser()
    cleanups.push(() => browser.close())

    const context = await browser.newContext(PHONE)
    await context.addInitScript(probe("document.querySelector('.para')"))
    await context.addInitScript(handOverProbe)
    // Download the issue into the offline store through the app itself, and let the service worker take over.
    // Without either, the bench would time the network path: that is a failed bench, not a number.
    const setup = await context.newPage()
    await setup.goto(`${app.url}#/pages/issue/index?id=${ISSUE}`)
    await setup.locator('[data-testid=download-issue]').click()
    await setup.locator('[data-testid=offline-badge]').waitFor({ timeout: 20000 })
    await setup
      .waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 20000 })
      .catch((e: unknown) => {
        throw new Error(
          `the service worker never controlled the page, so the offline path cannot be timed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`
        )
      })
    await setup.close()

    const appUrl = `${app.url}#/pages/article/index?issue=${ISSUE}&article=${article.id}`
    const staticUrl = `${app.url}bench-static.html`
    // The baseline gets its own context: the app's service worker would answer its navigation with the app shell.
    const plain = await browser.newContext(PHONE)
    await plain.addInitScript(probe("document.querySelector('.para')"))
    // Warm both once (service worker / HTTP cache; the app keeps the article it showed for the next start).
    await timeTo(context, appUrl, ['__paint', '__handOver'])
    await timeTo(plain, staticUrl)
    const appTimes: number[] = []
    const handOverTimes: number[] = []
    const staticTimes: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const [painted, handedOver] = await timeTo(context, appUrl, ['__paint', '__handOver'])
      appTimes.push(painted)
      handOverTimes.push(handedOver)
      staticTimes.push((await timeTo(plain, staticUrl))[0])
    }
    await Promise.all([context.close(), plain.close()])
    const floor = await emptyAppTimes(browser, `${app.url}bench-static.html`)
    return [
      {
        measure: `article text painted from the offline store: pre-paint (median of ${RUNS})`,
        value: Math.round(median(appTimes)),
        baseline: Math.round(median(staticTimes)),
        unit: 'ms',
        goal: { of: 'ratio', max: GOAL },
        note: built
      },
      {
        measure: `hand-over: the app's page shows the article, pre-paint removed (median of ${RUNS})`,
        value: Math.round(median(handOverTimes)),
        baseline: Math.round(median(staticTimes)),
        unit: 'ms',
        note: 'no goal: the app catching up behind the pre-painted text'
      },
      {
        measure: `empty Taro app: its text painted (framework floor, median of ${RUNS})`,
        value: Math.round(median(floor.app)),
        baseline: Math.round(median(floor.static)),
        unit: 'ms',
        note: 'no goal: what Taro H5 itself costs'
      }
    ]
  } finally {
    const failures: unknown[] = []
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e: unknown) => failures.push(e))
    if (failures.length) console.error('article-paint: cleanup failed:', ...failures)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then(
    (rows) => {
      for (const r of rows)
        console.log(
          `${r.measure}: ${r.value} ${r.unit} vs ${r.baseline} ${r.unit} = ${(r.value / r.baseline).toFixed(2)}× (${verdict(r) || 'no goal'})`
        )
      process.exit(rows.some((r) => verdict(r) === 'FAIL') ? 1 : 0)
    },
    (e) => {
      console.error(e)
      process.exit(1)
    }
  )
}
