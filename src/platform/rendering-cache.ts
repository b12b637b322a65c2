import type { RenderingCache } from './rendering-cache.types'

export type { RenderingCache } from './rendering-cache.types'
/** Only the mini-program has an initial rendering cache (H5 pre-paints instead). */
export const renderingCache: RenderingCache = { page: () => null, keep: () => undefined }
