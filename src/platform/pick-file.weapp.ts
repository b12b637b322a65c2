import Taro from '@tarojs/taro'
import type { FilePicker } from './pick-file.types'

export type { FilePicker, PickedFile, PickOutcome } from './pick-file.types'

/**
 * weapp: a mini-program cannot open the phone's folders, so the file comes from a WeChat chat
 * (wx.chooseMessageFile: the organizer sends the Word or PDF file to themselves or to 文件传输助手 first).
 */
export const filePicker: FilePicker = {
  label: '从微信聊天中选择文件',
  async pick(extensions, maxBytes) {
    let chosen: Taro.chooseMessageFile.ChooseFile
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...extensions] })
      chosen = res.tempFiles[0]
    } catch (err) {
      const msg = String((err as { errMsg?: string })?.errMsg ?? err)
      if (/cancel/.test(msg)) return { ok: false, cancelled: true, message: '' }
      // 拒绝 in the privacy popup: chooseMessageFile is a privacy API (选中的文件).
      if (/privacy/.test(msg))
        return { ok: false, cancelled: false, message: '同意《用户隐私保护指引》后才能从聊天中选择文件' }
      return { ok: false, cancelled: false, message: '无法选择文件，请稍后再试' }
    }
    if (!chosen) return { ok: false, cancelled: true, message: '' }
    if (chosen.size > maxBytes) {
      return {
        ok: false,
        cancelled: false,
        message: `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB，请压缩后再上传`
      }
    }
    try {
      const base64 = await new Promise<string>((resolve, reject) => {
        Taro.getFileSystemManager().readFile({
          filePath: chosen.path,
          encoding: 'base64',
          success: (r) => resolve(String(r.data)),
          fail: reject
        })
      })
      return { ok: true, file: { name: chosen.name, size: chosen.size, base64 } }
    } catch {
      return { ok: false, cancelled: false, message: '无法读取这个文件，请重新选择' }
    }
  }
}
