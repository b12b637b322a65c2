// Default implementation (tests, Node): memory. Taro picks search-files.weapp.ts / search-files.h5.ts in the builds.
// Only the search service imports this module, so on weapp it stays in the search subpackage.
import { createMemoryFileStore } from './files.memory'

export const searchFiles = createMemoryFileStore()
