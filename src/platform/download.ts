import type { Download } from './download.types'

export type { Download, DownloadOutcome, DownloadRequest } from './download.types'
/** The default (tests): nothing to save to. */
export const download: Download = { save: async () => ({ ok: false, message: '此环境不支持下载文件' }) }
