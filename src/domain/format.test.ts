import { describe, expect, it } from 'vitest'
import { decodeQueryValue, formatBytes, formatChineseDate, formatIssueNumber } from './format'

describe('format', () => {
  it('prints dates as on the masthead', () => {
    expect(formatChineseDate('2020-06-09')).toBe('2020年6月9日')
    expect(formatChineseDate('not a date')).toBe('not a date')
    expect(formatChineseDate('2020-12-31')).toBe('2020年12月31日')
    expect(formatChineseDate('2020-02-29')).toBe('2020年2月29日')
  })
  it('shows a malformed or impossible date as it came, never as another valid date', () => {
    for (const bad of [
      '2020-02-30',
      '2019-02-29',
      '1900-02-29',
      '2020-13-01',
      '2020-00-10',
      '2020-04-31',
      '2020-06-00',
      '2020-6-9',
      '2020/06/09',
      '2020-06-09T00:00:00Z',
      ' 2020-06-09',
      '20200609',
      ''
    ]) {
      expect(formatChineseDate(bad)).toBe(bad)
    }
  })
  it('prints the issue line', () => {
    expect(formatIssueNumber(2, 197)).toBe('第2期 · 总第197期')
    expect(formatIssueNumber(3, null)).toBe('第3期')
    expect(formatIssueNumber(1, null, true)).toBe('增刊第1期')
  })
})

describe('decodeQueryValue', () => {
  it('decodes escapes and keeps a malformed value instead of throwing', () => {
    expect(decodeQueryValue('%E5%85%9A')).toBe('党')
    expect(decodeQueryValue('%E0%A4')).toBe('%E0%A4')
  })
  it('prints sizes in KB and MB', () => {
    expect(formatBytes(0)).toBe('0 KB')
    expect(formatBytes(1)).toBe('1 KB')
    expect(formatBytes(48 * 1024)).toBe('48 KB')
    expect(formatBytes(1024 * 1024)).toBe('1 MB')
    expect(formatBytes(1.26 * 1024 * 1024)).toBe('1.3 MB')
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB')
    expect(formatBytes(-5)).toBe('0 KB')
    expect(formatBytes(Number.NaN)).toBe('0 KB')
  })
})
