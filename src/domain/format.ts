import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'

/** An ISO date (YYYY-MM-DD) as printed on the masthead: 2020年6月9日. Invalid input is returned unchanged. */
export function formatChineseDate(iso: string): string {
  const d = dayjs(iso, 'YYYY-MM-DD')
  return d.isValid() ? d.locale('zh-cn').format('YYYY年M月D日') : iso
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
