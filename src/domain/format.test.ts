import { describe, expect, it } from 'vitest'
import { formatChineseDate, formatIssueNumber } from './format'

describe('format', () => {
  it('prints dates as on the masthead', () => {
    expect(formatChineseDate('2020-06-09')).toBe('2020年6月9日')
    expect(formatChineseDate('not a date')).toBe('not a date')
  })
  it('prints the issue line', () => {
    expect(formatIssueNumber(2, 197)).toBe('第2期 · 总第197期')
    expect(formatIssueNumber(3, null)).toBe('第3期')
    expect(formatIssueNumber(1, null, true)).toBe('增刊第1期')
  })
})
