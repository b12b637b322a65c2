import type { Download } from './download.types'

export type { Download, DownloadOutcome, DownloadRequest } from './download.types'

/** H5: fetch with the Authorization header (a plain link cannot carry it), then save the Blob through <a download>. */
export const download: Download = {
  async save({ url, headers, fileName }) {
    let res: Response
    try {
      res = await fetch(url, { headers })
    } catch {
      return { ok: false, message: '网络不可用，请连接网络后重试' }
    }
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { message?: string } | null
      return { ok: false, message: body?.message ?? '导出未成功，请稍后再试' }
    }
    const blob = await res.blob()
    const href = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = href
    a.download = fileName
    a.style.display = 'none'
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(href), 60_000)
    return { ok: true, how: 'saved' }
  }
}
