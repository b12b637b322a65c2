import { STORAGE_KEYS } from '../domain/reading/storage-keys'
import { StorageFullError } from './kv.types'
import type { FileStore } from './files.types'

// H5's pre-paint reads issues from here before the app boots: the names are defined there, once.
const STORE = STORAGE_KEYS.filesStore

/** A FileStore in IndexedDB: H5 keeps issues readable offline even where service workers are missing (iOS WeChat). */
export function createIdbFileStore(idb: IDBFactory, dbName: string = STORAGE_KEYS.filesDb): FileStore {
  let dbp: Promise<IDBDatabase> | null = null
  const open = () =>
    (dbp ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = idb.open(dbName, 1)
      req.onupgradeneeded = () => {
        req.result.createObjectStore(STORE)
      }
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => {
        dbp = null
        reject(req.error)
      }
    }))
  const tx = async <T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await open()
    return new Promise<T>((resolve, reject) => {
      const t = db.transaction(STORE, mode)
      const req = fn(t.objectStore(STORE))
      t.oncomplete = () => resolve(req.result)
      t.onabort = t.onerror = () => reject(t.error ?? req.error)
    })
  }
  // Opening the database takes a while on a cold start: begin now, in parallel with the page's code loading.
  open().catch(() => undefined)
  return {
    async read(name) {
      try {
        const v = await tx('readonly', (s) => s.get(name))
        return typeof v === 'string' ? v : null
      } catch {
        return null
      }
    },
    async write(name, text) {
      try {
        await tx('readwrite', (s) => s.put(text, name))
      } catch (err) {
        if ((err as DOMException | null)?.name === 'QuotaExceededError') throw new StorageFullError(name, err)
        throw err
      }
    },
    async remove(name) {
      await tx('readwrite', (s) => s.delete(name)).catch(() => undefined)
    },
    async list() {
      try {
        return (await tx('readonly', (s) => s.getAllKeys())).map(String)
      } catch {
        return []
      }
    }
  }
}
