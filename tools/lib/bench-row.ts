/**
 * A goal a bench row must meet: its value, or its ratio to the baseline measured in the same run, at most `max`
 * (below `max` when `strict`). A row with a goal is PASS or FAIL, and one FAIL makes `npm run bench` exit 1.
 */
export interface Goal {
  of: 'value' | 'ratio'
  max: number
  strict?: boolean
}

/** One row of `npm run bench`: a measure of this app next to the same measure of a baseline taken in the same run. */
export interface BenchRow {
  measure: string
  value: number
  baseline: number
  unit: string
  note?: string
  goal?: Goal
}

/** What every bench/*.bench.ts exports. */
export type Bench = () => Promise<BenchRow[]>

/** The goal as printed: 「ratio ≤ 1.5×」「< 1000 ms」. */
export function goalText(row: Pick<BenchRow, 'goal' | 'unit'>): string {
  const g = row.goal
  if (!g) return ''
  const op = g.strict ? '<' : '≤'
  return g.of === 'ratio' ? `ratio ${op} ${g.max}×` : `${op} ${g.max} ${row.unit}`.trim()
}

/** PASS or FAIL for a row with a goal ('' without one). A value that is not a number never passes. */
export function verdict(row: BenchRow): 'PASS' | 'FAIL' | '' {
  const g = row.goal
  if (!g) return ''
  const x = g.of === 'ratio' ? row.value / row.baseline : row.value
  if (!Number.isFinite(x)) return 'FAIL'
  return (g.strict ? x < g.max : x <= g.max) ? 'PASS' : 'FAIL'
}
