/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/**
 * An ISO date (YYYY-MM-DD) as printed on the masthead: 2020年6月9日. Parsed strictly by hand: dayjs without its
 * customParseFormat plugin ignores a format and rolls 2020-02-30 over to 1 March, showing a date nobody printed.
 * Anything that is not exactly a real calendar date is returned unchanged.
 */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return iso
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return iso
  return `${year}年${month}月${day}日`
}

/** The issue line as printed: 第2期 · 总第197期 (or 增刊). */
export function formatIssueNumber(number: number, totalNumber: number | null, supplement = false): string {
  const head = supplement ? `增刊第${number}期` : `第${number}期`
  return totalNumber === null ? head : `${head} · 总第${totalNumber}期`
}

/** A query-string value decoded; a malformed escape (a mangled shared link) is kept as it came instead of throwing. */
export function decodeQueryValue(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** A size in bytes for people: 0 KB, 356 KB, 1.2 MB, 20 MB (KB below one MB, never bare bytes). */
export function formatBytes(bytes: number): string {
  const n = Math.max(0, Number.isFinite(bytes) ? bytes : 0)
  if (n < 1024 * 1024) return `${Math.ceil(n / 1024)} KB`
  const mb = n / (1024 * 1024)
  return `${mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb)} MB`
}
