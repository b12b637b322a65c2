import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Every regular file under `dir`, as paths relative to `dir` with forward slashes (so they compare with app.json paths). */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'))
    }
  }
  walk(dir)
  return out.sort()
}

/** Total bytes of the files under `dir` for which `keep(relativePath)` is true. */
export function dirSize(dir: string, keep: (rel: string) => boolean = () => true): number {
  return listFiles(dir)
    .filter(keep)
    .reduce((n, rel) => n + statSync(join(dir, rel)).size, 0)
}

/** Bytes after gzip at level 9: what a server with compression sends at best. */
export function gzipSize(data: Buffer | string): number {
  return gzipSync(data, { level: 9 }).length
}

/** Raw and gzip bytes of a set of files, each gzipped on its own (that is how they travel over HTTP). */
export function filesSize(paths: string[]): { raw: number; gzip: number } {
  let raw = 0
  let gzip = 0
  for (const p of paths) {
    const data = readFileSync(p)
    raw += data.length
    gzip += gzipSize(data)
  }
  return { raw, gzip }
}

export const KB = 1024
export const MB = 1024 * 1024

/** 1234567 -> "1.18 MB", for messages only (tables keep raw bytes). */
export function human(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(2)} MB`
  if (bytes >= KB) return `${(bytes / KB).toFixed(1)} KB`
  return `${bytes} B`
}
