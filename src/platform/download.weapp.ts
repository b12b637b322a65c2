import Taro from '@tarojs/taro'
import type { Download } from './download.types'

export type { Download, DownloadOutcome, DownloadRequest } from './download.types'

/** weapp: wx.downloadFile with the header, then wx.openDocument (its menu lets the member forward or save it). */
export const download: Download = {
  async save({ url, headers, fileName }) {
    const fileType = (/\.(\w+)$/.exec(fileName)?.[1] ?? 'xlsx') as 'xlsx'
    let res: Taro.downloadFile.FileSuccessCallbackResult
    try {
      res = await Taro.downloadFile({ url, header: headers })
    } catch {
      return { ok: false, message: '网络不可用，请连接网络后重试' }
    }
    if (res.statusCode !== 200) {
      return { ok: false, message: res.statusCode === 403 ? '只有本组织的管理员可以导出' : '导出未成功，请稍后再试' }
    }
    try {
      await Taro.openDocument({ filePath: res.tempFilePath, fileType, showMenu: true })
      return { ok: true, how: 'opened' }
    } catch {
      return { ok: false, message: '无法打开导出的文件' }
    }
  }
}
