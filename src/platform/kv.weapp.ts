import Taro from '@tarojs/taro'
import { StorageFullError, type KeyValueStore } from './kv.types'
import { withCacheEviction } from './kv.evicting'

export type { KeyValueStore } from './kv.types'
export { StorageFullError } from './kv.types'

/** WeChat storage: 1 MB per key, 10 MB per user; whole issues go to the file system, not here. */
const wxStorage: KeyValueStore = {
  getItem(key) {
    try {
      const value = Taro.getStorageSync(key)
      return typeof value === 'string' && value !== '' ? value : null
    } catch {
      return null
    }
  },
  setItem(key, value) {
    try {
      Taro.setStorageSync(key, value)
    } catch (err) {
      throw new StorageFullError(key, err)
    }
  },
  removeItem(key) {
    try {
      Taro.removeStorageSync(key)
    } catch {
      /* nothing to remove */
    }
  },
  keys() {
    try {
      return Taro.getStorageInfoSync().keys
    } catch {
      return []
    }
  }
}

export const kv = withCacheEviction(wxStorage)
