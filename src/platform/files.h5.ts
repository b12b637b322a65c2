import { createIdbFileStore } from './files.idb'
import { createMemoryFileStore } from './files.memory'
import type { FileStore } from './files.types'

export type { FileStore } from './files.types'
export const files: FileStore =
  typeof indexedDB !== 'undefined' ? createIdbFileStore(indexedDB) : createMemoryFileStore()
