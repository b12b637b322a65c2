import type { Share } from './share.types'

export type { Share, ShareOutcome, ShareTarget } from './share.types'

function linkFor(path: string): string {
  return `${window.location.origin}${window.location.pathname}#${path}`
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // Older WebViews: a selected textarea and execCommand.
    const ta = document.createElement('textarea')
    ta.value = text
    ta.setAttribute('readonly', '')
    ta.style.position = 'fixed'
    ta.style.opacity = '0'
    document.body.appendChild(ta)
    ta.select()
    const ok = document.execCommand('copy')
    ta.remove()
    return ok
  }
}

export const share: Share = {
  usesShareButton: false,
  async share(target) {
    const url = linkFor(target.path)
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: target.title, text: target.text ?? target.title, url })
        return 'shared'
      } catch (err) {
        if ((err as DOMException | null)?.name === 'AbortError') return 'cancelled'
      }
    }
    return (await copy(url)) ? 'copied' : 'failed'
  },
  linkFor
}
