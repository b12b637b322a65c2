export interface PageRegion {
  /**
   * Makes the element that scrolls the current page reachable by keyboard (a focusable, labelled region, so the
   * arrow keys and Page Down scroll it). H5 only: Taro H5 scrolls each page in a container of its own.
   */
  label(name: string): void
}
