import { describe, expect, it } from 'vitest'
import { goalText, verdict, type BenchRow } from './bench-row'

const row = (value: number, baseline: number, goal: BenchRow['goal']): BenchRow => ({
  measure: 'm',
  value,
  baseline,
  unit: 'ms',
  goal
})

describe('bench goals', () => {
  it('max: the value or ratio at most (below when strict)', () => {
    expect(goalText(row(1, 1, { of: 'ratio', max: 1.5 }))).toBe('ratio ≤ 1.5×')
    expect(goalText(row(1, 1, { of: 'value', max: 1000, strict: true }))).toBe('< 1000 ms')
    expect(verdict(row(150, 100, { of: 'ratio', max: 1.5 }))).toBe('PASS')
    expect(verdict(row(151, 100, { of: 'ratio', max: 1.5 }))).toBe('FAIL')
    expect(verdict(row(1000, 0, { of: 'value', max: 1000, strict: true }))).toBe('FAIL')
  })

  it('min: the value or ratio at least (above when strict)', () => {
    expect(goalText(row(1, 1, { of: 'ratio', min: 0.5 }))).toBe('ratio ≥ 0.5×')
    expect(goalText({ unit: 'req/s', goal: { of: 'value', min: 100, strict: true } })).toBe('> 100 req/s')
    expect(verdict(row(50, 100, { of: 'ratio', min: 0.5 }))).toBe('PASS')
    expect(verdict(row(49, 100, { of: 'ratio', min: 0.5 }))).toBe('FAIL')
    expect(verdict(row(100, 1, { of: 'value', min: 100, strict: true }))).toBe('FAIL')
    expect(verdict(row(Number.NaN, 1, { of: 'value', min: 0 }))).toBe('FAIL')
  })

  it('both: a range', () => {
    expect(goalText(row(1, 1, { of: 'value', min: 1, max: 2 }))).toBe('≥ 1 ≤ 2 ms')
    expect(verdict(row(1.5, 1, { of: 'value', min: 1, max: 2 }))).toBe('PASS')
    expect(verdict(row(3, 1, { of: 'value', min: 1, max: 2 }))).toBe('FAIL')
    expect(verdict(row(0.5, 1, { of: 'value', min: 1, max: 2 }))).toBe('FAIL')
  })

  it('no goal: no verdict', () => {
    expect(goalText(row(1, 1, undefined))).toBe('')
    expect(verdict(row(1, 1, undefined))).toBe('')
  })
})
