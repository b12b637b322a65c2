import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface FirstLoad {
  scripts: string[]
  styles: string[]
  external: string[]
}

/**
 * The JS and CSS files that dist/h5/index.html itself loads (<script src>, <link rel=stylesheet href>): the
 * first-load payload before the router fetches the current page's chunk. Paths are resolved against the dist dir
 * after removing the public path; URLs to other hosts are listed in `external` and not counted.
 */
export function firstLoadAssets(distDir: string, publicPath = '/'): FirstLoad {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const attr = (tag: string, name: string) =>
    new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  const value = (m: RegExpExecArray | null) => (m ? (m[1] ?? m[2] ?? m[3]) : undefined)
  const result: FirstLoad = { scripts: [], styles: [], external: [] }
  const local = (url: string): string | undefined => {
    if (/^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:')) {
      result.external.push(url)
      return undefined
    }
    const clean = url.split(/[?#]/)[0]
    const rel = clean.startsWith(publicPath) ? clean.slice(publicPath.length) : clean.replace(/^\.?\//, '')
    const file = join(distDir, rel)
    if (!existsSync(file)) throw new Error(`index.html loads ${url} but ${file} does not exist`)
    return file
  }
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = value(attr(m[0], 'src'))
    const file = src ? local(src) : undefined
    if (file) result.scripts.push(file)
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/\srel\s*=\s*["']?stylesheet/i.test(m[0])) continue
    const href = value(attr(m[0], 'href'))
    const file = href ? local(href) : undefined
    if (file) result.styles.push(file)
  }
  return result
}
