import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'

/** The policy for the H5 app; script-src gains the hashes of index.html's inline scripts. */
const DIRECTIVES: Array<[string, string]> = [
  ['default-src', "'self'"],
  ['base-uri', "'self'"],
  ['script-src', "'self'"],
  ['script-src-attr', "'none'"],
  // Taro and React set style attributes and inject <style> at run time.
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  // Attached audio (听) plays from the server, or from an offline copy handed to <audio> as a blob: URL.
  ['media-src', "'self' blob:"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'self'"]
  // No upgrade-insecure-requests: TLS ends at the reverse proxy, and over plain http on loopback it would
  // break every asset.
]

/** The Content-Security-Policy header for a list of extra script-src sources. */
export function buildPolicy(scriptSources: string[]): string {
  return DIRECTIVES.map(([name, value]) =>
    name === 'script-src' && scriptSources.length > 0
      ? `${name} ${value} ${scriptSources.join(' ')}`
      : `${name} ${value}`
  ).join('; ')
}

/**
 * A getter for the CSP header, allowing the inline <script>s of the H5 index.html (Taro's template sizes the
 * root font with one) by hash. Re-read when the file changes, so a rebuild needs no restart; the file is looked
 * at no more than once a second, and the header string is reused in between (it is sent with every response).
 */
export function contentSecurityPolicy(indexHtml: string | null, now: () => number = Date.now): () => string {
  let checkedAt = -Infinity
  let mtime = -1
  let header = buildPolicy([])
  return () => {
    if (indexHtml === null || now() - checkedAt < 1000) return header
    checkedAt = now()
    try {
      const m = statSync(indexHtml).mtimeMs
      if (m !== mtime) {
        mtime = m
        header = buildPolicy(hashInlineScripts(readFileSync(indexHtml, 'utf8')))
      }
    } catch {
      header = buildPolicy([])
    }
    return header
  }
}

/** 'sha256-…' sources for every inline script in an HTML document. */
export function hashInlineScripts(html: string): string[] {
  const out: string[] = []
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1]) || m[2] === '') continue
    out.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`)
  }
  return out
}
