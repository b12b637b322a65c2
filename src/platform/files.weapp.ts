import Taro from '@tarojs/taro'
import { createWxFileStore, type WxFileSystem } from './files.wxfs'

export type { FileStore } from './files.types'
export const files = createWxFileStore(
  Taro.getFileSystemManager() as unknown as WxFileSystem,
  `${Taro.env.USER_DATA_PATH}/issues`
)
