// Generates dist/h5/sw.js after `taro build --type h5` (Taro has no PWA support of its own).
// The worker makes the app shell load offline; issues stay readable offline through the app's own store,
// because iOS WeChat (WKWebView) has no service workers at all.
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { generateSW, type GenerateSWOptions } from 'workbox-build'

const DAY = 24 * 60 * 60

/** Same-origin or a configured API origin: RegExp routes must match the whole href from its start. */
const API_INDEX = /^https?:\/\/[^/]+\/api\/issues\/?(?:\?.*)?$/
const API_ISSUE = /^https?:\/\/[^/]+\/api\/issues\/[^/?#]+(?:\?.*)?$/

// Taro emits static/ only when the app imports images or fonts, assets/ only for files config copies there;
// root icons come with a web manifest.
const MEDIA = '{png,jpg,jpeg,gif,svg,webp,ico,woff,woff2,ttf}'
const OPTIONAL_PATTERNS = [`static/**/*.${MEDIA}`, `assets/**/*.${MEDIA}`, '*.{ico,png,svg,webmanifest}']

/** The generateSW options for an H5 build folder. Exported for the test. */
export function swOptions(distDir: string): GenerateSWOptions {
  return {
    globDirectory: distDir,
    swDest: join(distDir, 'sw.js'),
    // Only the shell. Content comes from /api and is cached at run time (and by the app's own store).
    globPatterns: ['index.html', 'js/*.js', 'css/*.css', ...OPTIONAL_PATTERNS],
    globIgnores: ['**/*.map', '**/*.LICENSE.txt', 'content/**', 'api/**'],
    // Webpack already puts a content hash in these names; a second revision would only bloat the manifest.
    dontCacheBustURLsMatching: /\.[0-9a-f]{8}\./,
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [/^\/api\//],
    cacheId: 'dangshi',
    cleanupOutdatedCaches: true,
    // The user accepts an update from the banner (workbox-window messageSkipWaiting); never swap code under them.
    skipWaiting: false,
    clientsClaim: true,
    sourcemap: false,
    mode: 'production',
    runtimeCaching: [
      {
        // The index must show new issues when online; the cache only answers offline or on a slow network.
        urlPattern: API_INDEX,
        method: 'GET',
        handler: 'NetworkFirst',
        options: {
          cacheName: 'dangshi-api-index',
          networkTimeoutSeconds: 3,
          cacheableResponse: { statuses: [200] },
          expiration: { maxEntries: 4 }
        }
      },
      {
        // NetworkFirst, not StaleWhileRevalidate: an issue can be re-published under the same id with corrections.
        urlPattern: API_ISSUE,
        method: 'GET',
        handler: 'NetworkFirst',
        options: {
          cacheName: 'dangshi-api-issues',
          networkTimeoutSeconds: 5,
          cacheableResponse: { statuses: [200] },
          expiration: { maxEntries: 60, maxAgeSeconds: 180 * DAY, purgeOnQuotaError: true }
        }
      }
      // Every other /api route (auth, sync, me) has no route here, so it always goes to the network.
    ]
  }
}

export interface SwBuildResult {
  swPath: string
  count: number
  size: number
  warnings: string[]
}

/** Writes sw.js and the workbox runtime into distDir; throws when the H5 build is missing. */
export async function buildServiceWorker(distDir: string): Promise<SwBuildResult> {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`${join(distDir, 'index.html')} is missing: run \`taro build --type h5\` first.`)
  }
  // A previous run's runtime (workbox-<hash>.js) would otherwise linger next to the new one.
  for (const name of readdirSync(distDir)) {
    if (/^workbox-[0-9a-f]+\.js(\.map)?$/.test(name) || /^sw\.js(\.map)?$/.test(name)) rmSync(join(distDir, name))
  }
  const { count, size, warnings } = await generateSW(swOptions(distDir))
  // An optional pattern that matches nothing is normal, not worth a warning on every build.
  const real = warnings.filter((w) => !OPTIONAL_PATTERNS.some((p) => w.includes(JSON.stringify(p))))
  return { swPath: join(distDir, 'sw.js'), count, size, warnings: real }
}

async function main(): Promise<void> {
  const distDir = resolve(process.argv[2] ?? 'dist/h5')
  try {
    const { swPath, count, size, warnings } = await buildServiceWorker(distDir)
    for (const w of warnings) console.warn(`build-sw: warning: ${w}`)
    console.log(
      `build-sw: ${relative(process.cwd(), swPath)} precaches ${count} files, ${(size / 1024).toFixed(1)} KiB`
    )
  } catch (err) {
    console.error(`build-sw: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  }
}

// Run only as a command, not when the test imports the module.
if (/build-sw\.ts$/.test(process.argv[1] ?? '')) void main()
