import type { FilePicker, PickOutcome } from './pick-file.types'

export type { FilePicker, PickedFile, PickOutcome } from './pick-file.types'

const tooLarge = (maxBytes: number) => `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB，请压缩图片后再上传`

/** H5: the browser's own file chooser (an <input type="file"> clicked on the member's tap), read as base64. */
export const filePicker: FilePicker = {
  label: '选择文件',
  pick(extensions, maxBytes) {
    return new Promise<PickOutcome>((resolve) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = extensions.map((e) => `.${e}`).join(',')
      input.style.display = 'none'
      input.setAttribute('data-testid', 'file-input')
      const done = (outcome: PickOutcome) => {
        input.remove()
        resolve(outcome)
      }
      input.addEventListener('cancel', () => done({ ok: false, cancelled: true, message: '' }))
      input.addEventListener('change', () => {
        const file = input.files?.[0]
        if (!file) return done({ ok: false, cancelled: true, message: '' })
        if (file.size > maxBytes) return done({ ok: false, cancelled: false, message: tooLarge(maxBytes) })
        const reader = new FileReader()
        reader.onload = () => {
          const url = String(reader.result ?? '')
          done({ ok: true, file: { name: file.name, size: file.size, base64: url.slice(url.indexOf(',') + 1) } })
        }
        reader.onerror = () => done({ ok: false, cancelled: false, message: '无法读取这个文件，请重新选择' })
        reader.readAsDataURL(file)
      })
      document.body.appendChild(input)
      input.click()
    })
  }
}
