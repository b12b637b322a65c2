import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { listFiles } from './fs-size'

/** The parts of a built app.json that package sizes and page checks need. */
export interface AppJson {
  pages?: string[]
  subPackages?: Array<{ root: string; pages?: string[]; independent?: boolean }>
  subpackages?: Array<{ root: string; pages?: string[]; independent?: boolean }>
  lazyCodeLoading?: string
}

export function readAppJson(distDir: string): AppJson {
  return JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8')) as AppJson
}

/** Subpackage roots as 'pkg/' (WeChat accepts both spellings of the key and roots with or without a trailing slash). */
export function subpackageRoots(app: AppJson): string[] {
  const subs = [...(app.subPackages ?? []), ...(app.subpackages ?? [])]
  return subs.map((s) => s.root.replace(/^\.?\/+/, '').replace(/\/*$/, '/'))
}

/** Every page path the app declares: main-package pages, then subpackage pages prefixed with their root. */
export function allPages(app: AppJson): string[] {
  const subs = [...(app.subPackages ?? []), ...(app.subpackages ?? [])]
  const subPages = subs.flatMap((s) =>
    (s.pages ?? []).map((p) => s.root.replace(/^\.?\/+/, '').replace(/\/*$/, '/') + p)
  )
  return [...(app.pages ?? []), ...subPages]
}

export interface PackageSizes {
  /** Bytes of every file under the dist dir that lies in no subpackage root (a conservative upper bound). */
  main: number
  /** Bytes per subpackage root. */
  subpackages: Record<string, number>
  total: number
}

/**
 * Package sizes counted from the files on disk, independent of miniprogram-ci. Everything outside a subpackage root
 * counts towards the main package, including project.config.json and *.LICENSE.txt that WeChat leaves out, so this
 * errs on the large side.
 */
export function packageSizes(distDir: string): PackageSizes {
  const roots = subpackageRoots(readAppJson(distDir))
  const sizes: PackageSizes = { main: 0, subpackages: Object.fromEntries(roots.map((r) => [r, 0])), total: 0 }
  for (const rel of listFiles(distDir)) {
    const bytes = statSync(join(distDir, rel)).size
    const root = roots.find((r) => rel.startsWith(r))
    if (root) sizes.subpackages[root] += bytes
    else sizes.main += bytes
    sizes.total += bytes
  }
  return sizes
}

/** The files a page needs to load (.js, .wxml, .json; .wxss is optional) that are missing from the build. */
export function missingPageFiles(distDir: string, page: string): string[] {
  return ['.js', '.wxml', '.json'].map((ext) => page + ext).filter((f) => !existsSync(join(distDir, f)))
}
