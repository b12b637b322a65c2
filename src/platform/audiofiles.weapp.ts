import Taro from '@tarojs/taro'
import { StorageFullError } from './kv.types'
import type { AudioFileStore } from './audiofiles.types'

export type { AudioFileStore } from './audiofiles.types'

// In the user data directory with the issues (200 MB in all): wx.downloadFile writes there directly, so a long
// lecture never passes through JavaScript memory.
const root = () => `${Taro.env.USER_DATA_PATH}/audio`
const path = (name: string) => `${root()}/${name.replace(/[^A-Za-z0-9._-]/g, '_')}`
const isFull = (msg: string) => /exceed|limit|no space|storage/i.test(msg)

export const audioFiles: AudioFileStore = {
  async save(url, name) {
    const fs = Taro.getFileSystemManager()
    try {
      fs.mkdirSync(root(), true)
    } catch {
      // There already.
    }
    const target = path(name)
    const res = await Taro.downloadFile({ url, filePath: target }).catch((e: { errMsg?: string }) => {
      const msg = e?.errMsg ?? String(e)
      throw isFull(msg) ? new StorageFullError(name, e) : new Error(`音频下载失败（${msg}）`)
    })
    if (res.statusCode !== 200) {
      try {
        fs.unlinkSync(target)
      } catch {
        // Nothing written.
      }
      throw new Error(`音频下载失败（${res.statusCode}）`)
    }
    return fs.statSync(target).size as number
  },
  async src(name) {
    try {
      Taro.getFileSystemManager().accessSync(path(name))
      return path(name)
    } catch {
      return null
    }
  },
  async remove(name) {
    try {
      Taro.getFileSystemManager().unlinkSync(path(name))
    } catch {
      // Gone already.
    }
  }
}
