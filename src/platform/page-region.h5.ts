import type { PageRegion } from './page-region.types'

export type { PageRegion } from './page-region.types'

export const pageRegion: PageRegion = {
  label(name) {
    // Every page container Taro H5 made (a page's own is in the document once its component mounts).
    for (const el of document.querySelectorAll<HTMLElement>('.taro_page:not([tabindex])')) {
      el.setAttribute('tabindex', '0')
      el.setAttribute('role', 'region')
      el.setAttribute('aria-label', name)
    }
  }
}
