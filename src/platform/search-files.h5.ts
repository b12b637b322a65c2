import { createIdbFileStore } from './files.idb'
import { createMemoryFileStore } from './files.memory'
import type { FileStore } from './files.types'

/** The search index's segments: an IndexedDB database of their own, so the index never mixes with issues. */
export const searchFiles: FileStore =
  typeof indexedDB !== 'undefined' ? createIdbFileStore(indexedDB, 'dangshi-search') : createMemoryFileStore()
