import type { PageRegion } from './page-region.types'

export type { PageRegion } from './page-region.types'
/** The mini-program scrolls the page itself; screen readers move through it without a region. */
export const pageRegion: PageRegion = { label: () => undefined }
