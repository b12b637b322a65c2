/**
 * A goal a bench row must meet: its value, or its ratio to the baseline measured in the same run, at most `max`
 * and at least `min` (below `max` and above `min` when `strict`); a goal names one or both. A row with a goal is
 * PASS or FAIL, and one FAIL makes `npm run bench` exit 1.
 */
export type Goal = { of: 'value' | 'ratio'; strict?: boolean } & (
  { max: number; min?: number } | { min: number; max?: number }
)

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

/** The goal as printed: 「ratio ≤ 1.5×」「< 1000 ms」「ratio ≥ 0.5×」「≥ 100 req/s」「≥ 1 ≤ 2 ms」. */
export function goalText(row: Pick<BenchRow, 'goal' | 'unit'>): string {
  const g = row.goal
  if (!g) return ''
  const bound = (op: string, n: number) => (g.of === 'ratio' ? `${op} ${n}×` : `${op} ${n}`)
  const parts = [
    g.min !== undefined ? bound(g.strict ? '>' : '≥', g.min) : '',
    g.max !== undefined ? bound(g.strict ? '<' : '≤', g.max) : ''
  ].filter(Boolean)
  return g.of === 'ratio' ? `ratio ${parts.join(' ')}` : `${parts.join(' ')} ${row.unit}`.trim()
}

/** PASS or FAIL for a row with a goal ('' without one). A value that is not a number never passes. */
export function verdict(row: BenchRow): 'PASS' | 'FAIL' | '' {
  const g = row.goal
  if (!g) return ''
  const x = g.of === 'ratio' ? row.value / row.baseline : row.value
  if (!Number.isFinite(x)) return 'FAIL'
  const underMax = g.max === undefined || (g.strict ? x < g.max : x <= g.max)
  const overMin = g.min === undefined || (g.strict ? x > g.min : x >= g.min)
  return underMax && overMin ? 'PASS' : 'FAIL'
}

/**
 * Runs a bench when its file is run directly (`npx tsx bench/NAME.bench.ts`), printing each row with its ratio
 * and verdict; `npm run bench` imports the file instead and does nothing here.
 */
export function runIfMain(fileName: string, bench: Bench): void {
  const entry = process.argv[1]
  if (entry === undefined || !entry.endsWith(fileName)) return
  bench().then(
    (rows) => {
      for (const r of rows)
        console.log(
          `${r.measure}: ${r.value} ${r.unit} (baseline ${r.baseline} ${r.unit}, ratio ${(r.value / r.baseline).toFixed(2)}×; ${verdict(r) || 'no goal'})`
        )
    },
    (err: unknown) => {
      console.error(err)
      process.exit(1)
    }
  )
}
