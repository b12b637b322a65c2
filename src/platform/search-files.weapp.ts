import Taro from '@tarojs/taro'
import { createWxFileStore, type WxFileSystem } from './files.wxfs'

/** The search index's segments, on the file system beside the issues (their own folder). */
export const searchFiles = createWxFileStore(
  Taro.getFileSystemManager() as unknown as WxFileSystem,
  `${Taro.env.USER_DATA_PATH}/search`
)
