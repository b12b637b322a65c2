/** One row of `npm run bench`: a measure of this app next to the same measure of a baseline taken in the same run. */
export interface BenchRow {
  measure: string
  value: number
  baseline: number
  unit: string
  note?: string
}

/** What every bench/*.bench.ts exports. */
export type Bench = () => Promise<BenchRow[]>
