// Default implementation (tests, Node): memory. Taro picks files.weapp.ts / files.h5.ts in the builds.
import { createMemoryFileStore } from './files.memory'

export type { FileStore } from './files.types'
export const files = createMemoryFileStore()
