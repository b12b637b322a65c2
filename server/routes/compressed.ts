import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

export type Encoding = 'br' | 'gzip'

/** Bodies smaller than this are sent as they are (as @fastify/compress's threshold). */
export const COMPRESS_THRESHOLD = 1024
/** Compressed bodies kept: a few per issue and bank is plenty; the least recently used go first. */
const MAX_ENTRIES = 128

/**
 * The encoding to answer with for an Accept-Encoding header: br, then gzip, honouring q=0 and `*`; null for none.
 * (The header's own order is ignored: br is smaller, and every browser that sends it can read it.)
 */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (acceptEncoding === undefined || acceptEncoding === '') return null
  const q = new Map<string, number>()
  for (const part of acceptEncoding.slice(0, 500).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = qParam === undefined ? 1 : Number(qParam.slice(2))
    if (name !== '') q.set(name, Number.isFinite(value) ? value : 0)
  }
  const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0
  if (accepts('br')) return 'br'
  if (accepts('gzip')) return 'gzip'
  return null
}

/**
 * Compressed bodies cached per (ETag, encoding): the ETag is the body's sha256, so each issue version is compressed
 * once per encoding, on first use, and every later request sends the same bytes. Concurrent first requests share
 * one compression. Brotli runs at its best quality here, since it runs once.
 */
export class CompressionCache {
  private readonly entries = new Map<string, Promise<Buffer>>()

  get(etag: string, body: string, encoding: Encoding): Promise<Buffer> {
    const key = `${encoding}:${etag}`
    let hit = this.entries.get(key)
    if (hit !== undefined) {
      // Map order is insertion order: re-inserting marks it recently used.
      this.entries.delete(key)
    } else {
      hit =
        encoding === 'br'
          ? brotli(body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(body)
              }
            })
          : gzipAsync(body, { level: 9 })
      // A failed compression is not kept: the next request tries again.
      hit.catch(() => this.entries.delete(key))
    }
    this.entries.set(key, hit)
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string)
    return hit
  }

  get size(): number {
    return this.entries.size
  }
}
