import { goalText, verdict, type BenchRow } from './bench-row'

/** value/baseline with 2 decimals; '—' when there is no usable baseline (0 or not a number). */
export function ratio(row: Pick<BenchRow, 'value' | 'baseline'>): string {
  if (!Number.isFinite(row.value) || !Number.isFinite(row.baseline) || row.baseline === 0) return '—'
  return (row.value / row.baseline).toFixed(2)
}

/** A plain-text table with aligned columns (numbers right-aligned), so it reads the same in a terminal and a CI log. */
export function formatTable(rows: BenchRow[]): string {
  const header = ['measure', 'value', 'baseline', 'ratio', 'unit', 'goal', 'result', 'note']
  const numeric = [false, true, true, true, false, false, false, false]
  const cells = rows.map((r) => [
    r.measure,
    Number.isFinite(r.value) ? String(r.value) : '—',
    Number.isFinite(r.baseline) ? String(r.baseline) : '—',
    ratio(r),
    r.unit,
    goalText(r) || '—',
    verdict(r) || '—',
    r.note ?? ''
  ])
  const hasNote = cells.some((c) => c[7] !== '')
  const cols = hasNote ? header.length : header.length - 1
  // Width in terminal columns: CJK and full-width characters take two (an em dash takes one).
  const width = (s: string) =>
    [...s].reduce(
      (n, ch) =>
        n +
        (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
          ? 2
          : 1),
      0
    )
  const widths = Array.from({ length: cols }, (_, i) => Math.max(width(header[i]), ...cells.map((c) => width(c[i]))))
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(widths[i] - width(s))
    return numeric[i] ? fill + s : s + fill
  }
  const line = (c: string[]) => c.slice(0, cols).map(pad).join(' | ').trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n')
}
