import type { FilePicker } from './pick-file.types'

export type { FilePicker, PickedFile, PickOutcome } from './pick-file.types'
/** The default (tests): nothing to choose from. */
export const filePicker: FilePicker = {
  label: '选择文件',
  pick: async () => ({ ok: false, cancelled: false, message: '此环境不支持选择文件' })
}
