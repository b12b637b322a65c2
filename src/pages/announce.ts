import { useEffect, useState } from 'react'
import { libraryStore, offlineStore, syncStatusStore } from '../stores'

/**
 * What the screen's live region (components/LiveRegion) should say: the latest change of status a member cannot
 * see happen — the network lost or back, a download finished or failed, waiting progress synced.
 */
export function useStatusAnnouncement(): string {
  const [message, setMessage] = useState('')
  useEffect(() => {
    let count = 0
    const started = new Set<string>()
    // The same words twice in a row would not change the region, so the second time gets an invisible space.
    const say = (text: string) => setMessage(`${text}${count++ % 2 ? '\u00a0' : ''}`)
    const offline = offlineStore.subscribe((s, prev) => {
      if (s.online !== prev.online) say(s.online ? '网络已恢复' : '网络已断开，可阅读已下载的期刊')
      // A download ends when its progress goes; it is stored when `downloaded` has it (either may come first).
      for (const id of Object.keys(s.downloading)) if (prev.downloading[id] === undefined) started.add(id)
      for (const id of [...started]) {
        if (s.downloading[id] !== undefined || !s.downloaded[id]) continue
        started.delete(id)
        const title = libraryStore.getState().issues.find((i) => i.id === id)?.title
        say(`${title ? `${title} ` : ''}下载完成，可离线阅读`)
      }
      if (s.error && s.error !== prev.error) say(s.error)
    })
    const sync = syncStatusStore.subscribe((s, prev) => {
      if (s.state === 'synced' && prev.state !== 'synced' && (prev.pending > 0 || prev.state !== 'syncing'))
        say('已同步')
      else if (s.state === 'error' && prev.state !== 'error') say('同步失败，稍后自动重试')
    })
    return () => {
      offline()
      sync()
    }
  }, [])
  return message
}
