import type { SystemInfo } from './system.types'

export type { SystemInfo } from './system.types'
export const system: SystemInfo = { fontScale: () => 1, isSinglePageMode: () => false }
