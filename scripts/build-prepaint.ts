// Puts H5's pre-paint into dist/h5/index.html after `taro build --type h5` (and before the service worker is built,
// so the worker precaches the final page): src/platform/prepaint.boot.ts bundled with the domain module it shares
// with the app (src/domain/reading/prepaint.ts) as an inline <script> right after the app's root element (the
// server's CSP allows it by its hash), which also starts the app's bundle (preloaded from <head>) once the pre-painted
// frame is on screen, and the article page's own CSS as an inline <style>, so the pre-painted article is laid out by
// the same rules as the page that takes it over.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const ENTRY = 'src/platform/prepaint.boot.ts'
const ROOT_ELEMENT = '<div id="app"></div>'
/** A rule only the article page's stylesheet has: it names the chunk to inline. */
const ARTICLE_CSS_MARK = '.article-title{'
const STYLE_OPEN = '<style data-prepaint>'

export interface PrepaintBuild {
  scriptBytes: number
  styleBytes: number
  cssFile: string
}

/** The pre-paint script, minified, as one inline-safe string. */
export async function bundlePrepaint(): Promise<string> {
  const out = await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2018',
    charset: 'utf8',
    write: false,
    legalComments: 'none'
  })
  // Never end the inline element early.
  return out.outputFiles[0].text.trim().replace(/<\/(script)/gi, '<\\/$1')
}

/** The app's deferred bundle as Taro's template writes it. */
const APP_SCRIPT = /<script defer="defer" src="([^"]+)"><\/script>/g
/** The same, fetched at once but run by the pre-paint (after its first frame): a preload in its place. */
const preload = (src: string) => `<link rel="preload" as="script" href="${src}" data-prepaint>`
const PRELOAD = /<link rel="preload" as="script" href="([^"]+)" data-prepaint>/g

/**
 * index.html with the pre-paint's <style> and <script> put in (replacing earlier ones). The app's deferred scripts
 * become preloads, and the pre-paint script starts them (its `data-app`, in order): after the first frame when it
 * painted an article, so that frame is not held back by the bundle's evaluation; at once otherwise.
 */
export function injectPrepaint(html: string, script: string, style: string): string {
  // Undo an earlier run first: its script and style go, its preloads become the deferred scripts again.
  const clean = html
    .replace(/<script data-prepaint[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<style data-prepaint>[\s\S]*?<\/style>/g, '')
    .replace(PRELOAD, (_, src: string) => `<script defer="defer" src="${src}"></script>`)
  if (!clean.includes(ROOT_ELEMENT)) throw new Error(`index.html has no ${ROOT_ELEMENT} to put the pre-paint after`)
  if (!clean.includes('</head>')) throw new Error('index.html has no </head>')
  const app = [...clean.matchAll(APP_SCRIPT)].map((m) => m[1])
  if (app.length === 0) throw new Error('index.html has no <script defer="defer" src="…"> of the app to start')
  return clean
    .replace(APP_SCRIPT, (_, src: string) => preload(src))
    .replace('</head>', `${STYLE_OPEN}${style}</style></head>`)
    .replace(ROOT_ELEMENT, `${ROOT_ELEMENT}<script data-prepaint data-app="${app.join(' ')}">${script}</script>`)
}

export async function buildPrepaint(distDir: string): Promise<PrepaintBuild> {
  const cssDir = join(distDir, 'css')
  const matches = readdirSync(cssDir).filter(
    (f) => f.endsWith('.css') && readFileSync(join(cssDir, f), 'utf8').includes(ARTICLE_CSS_MARK)
  )
  if (matches.length !== 1)
    throw new Error(`expected one stylesheet with ${ARTICLE_CSS_MARK} in ${cssDir}, found ${matches.length}`)
  const style = readFileSync(join(cssDir, matches[0]), 'utf8').replace(/<\/(style)/gi, '<\\/$1')
  const script = await bundlePrepaint()
  const index = join(distDir, 'index.html')
  writeFileSync(index, injectPrepaint(readFileSync(index, 'utf8'), script, style))
  return {
    scriptBytes: Buffer.byteLength(script),
    styleBytes: Buffer.byteLength(style),
    cssFile: `css/${matches[0]}`
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildPrepaint(process.argv[2] ?? 'dist/h5').then(
    (r) =>
      console.log(
        `pre-paint: inline script ${r.scriptBytes} bytes, article styles ${r.styleBytes} bytes (from ${r.cssFile})`
      ),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e)
      process.exitCode = 1
    }
  )
}
