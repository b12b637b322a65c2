import { StorageFullError } from './kv.types'
import type { FileStore } from './files.types'

/** The subset of WeChat's FileSystemManager this store uses (callback style, as wx provides it). */
export interface WxFileSystem {
  readFile(o: {
    filePath: string
    encoding: 'utf8'
    success(r: { data: string | ArrayBuffer }): void
    fail(e: { errMsg: string; errCode?: number }): void
  }): void
  writeFile(o: {
    filePath: string
    data: string
    encoding: 'utf8'
    success(): void
    fail(e: { errMsg: string; errCode?: number }): void
  }): void
  unlink(o: { filePath: string; success(): void; fail(e: { errMsg: string }): void }): void
  readdir(o: { dirPath: string; success(r: { files: string[] }): void; fail(e: { errMsg: string }): void }): void
  mkdir(o: { dirPath: string; recursive: boolean; success(): void; fail(e: { errMsg: string }): void }): void
}

// wx reports a full user-data area as "…the maximum size of the file storage limit is exceeded" (errCode 1300202).
const isFull = (e: { errMsg: string; errCode?: number }) =>
  e.errCode === 1300202 || /exceed|limit|no space|storage/i.test(e.errMsg)
const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_')

/** A FileStore in the mini-program's user data directory (200 MB with the cache, unlike setStorage's 10 MB). */
export function createWxFileStore(fs: WxFileSystem, root: string): FileStore {
  let ready: Promise<void> | null = null
  const ensureDir = () =>
    (ready ??= new Promise<void>((resolve) => {
      fs.mkdir({ dirPath: root, recursive: true, success: () => resolve(), fail: () => resolve() /* exists already */ })
    }))
  const path = (name: string) => `${root}/${safeName(name)}`
  return {
    async read(name) {
      await ensureDir()
      return new Promise((resolve) => {
        fs.readFile({
          filePath: path(name),
          encoding: 'utf8',
          success: (r) => resolve(typeof r.data === 'string' ? r.data : null),
          fail: () => resolve(null)
        })
      })
    },
    async write(name, text) {
      await ensureDir()
      return new Promise((resolve, reject) => {
        fs.writeFile({
          filePath: path(name),
          data: text,
          encoding: 'utf8',
          success: () => resolve(),
          fail: (e) => reject(isFull(e) ? new StorageFullError(name, e) : new Error(e.errMsg))
        })
      })
    },
    async remove(name) {
      await ensureDir()
      return new Promise((resolve) => {
        fs.unlink({ filePath: path(name), success: () => resolve(), fail: () => resolve() })
      })
    },
    async list() {
      await ensureDir()
      return new Promise((resolve) => {
        fs.readdir({ dirPath: root, success: (r) => resolve(r.files), fail: () => resolve([]) })
      })
    }
  }
}
