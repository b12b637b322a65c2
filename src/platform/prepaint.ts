import type { Prepaint } from './prepaint.types'

export type { Prepaint } from './prepaint.types'
/** Only H5 pre-paints (the mini-program has its initial rendering cache instead). */
export const prepaint: Prepaint = {
  handOver: () => false,
  remember: () => undefined,
  onTop: () => undefined,
  dismiss: () => undefined
}
