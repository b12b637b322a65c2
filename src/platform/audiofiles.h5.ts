import { StorageFullError } from './kv.types'
import type { AudioFileStore } from './audiofiles.types'

export type { AudioFileStore } from './audiofiles.types'

// The Cache API holds responses as they came, bytes and type; a blob: URL of one plays (and seeks) offline.
const CACHE = 'dangshi-audio-v1'
const key = (name: string) => `/offline-audio/${name}`
const urls = new Map<string, string>()

export const audioFiles: AudioFileStore = {
  async save(url, name) {
    if (typeof caches === 'undefined') throw new Error('此浏览器不能离线保存音频')
    const res = await fetch(url)
    if (!res.ok) throw new Error(`音频下载失败（${res.status}）`)
    const blob = await res.blob()
    try {
      const cache = await caches.open(CACHE)
      await cache.put(key(name), new Response(blob, { headers: { 'Content-Type': blob.type || 'audio/mpeg' } }))
    } catch (e) {
      if ((e as { name?: string }).name === 'QuotaExceededError') throw new StorageFullError(name, e)
      throw e
    }
    return blob.size
  },
  async src(name) {
    const known = urls.get(name)
    if (known) return known
    if (typeof caches === 'undefined') return null
    const hit = await (await caches.open(CACHE)).match(key(name))
    if (!hit) return null
    const url = URL.createObjectURL(await hit.blob())
    urls.set(name, url)
    return url
  },
  async remove(name) {
    const known = urls.get(name)
    if (known) URL.revokeObjectURL(known)
    urls.delete(name)
    if (typeof caches !== 'undefined') await (await caches.open(CACHE)).delete(key(name))
  }
}
