import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { isRead, progressKey } from '../../domain/progress/progress'
import { services } from '../../services'
import { recordReading } from '../../services/sync/reading'
import { offlineStore, progressStore } from '../../stores'

const FLUSH_EVERY_MS = 10000
/** Position is saved while scrolling at most this often, so a killed app reopens where the reader was. */
const SAVE_POSITION_MS = 600

/**
 * Counts reading time while the page is shown and saves position, time and the read mark: on hide, on leaving,
 * and every few seconds, so that killing the app loses at most a few seconds.
 */
export function useReadingSession(issueId: string | undefined, articleId: string | undefined, charCount: number) {
  const position = useRef(0)
  const reachedEnd = useRef(false)
  const since = useRef<number | null>(null)
  const savedAt = useRef(0)
  // One reading session per opening of the article: its time grows under one id, so a retried sync counts it once.
  const session = useRef({ id: '', ms: 0 })

  const flush = useCallback(() => {
    if (!issueId || !articleId || charCount === 0) return
    const now = Date.now()
    const added = since.current === null ? 0 : now - since.current
    if (since.current !== null) since.current = now
    const prev = progressStore.getState().articles[progressKey(issueId, articleId)]
    const markRead = isRead({
      scrolledToEnd: reachedEnd.current,
      timeSpentMs: (prev?.timeSpentMs ?? 0) + added,
      charCount
    })
    const saved = progressStore
      .getState()
      .record(issueId, articleId, { position: position.current, addedMs: added, markRead }, now)
    session.current.ms += added
    // Also as sync mutations; a full storage must never break reading.
    try {
      recordReading(services.sync, {
        issueId,
        articleId,
        sessionId: session.current.id,
        sessionMs: session.current.ms,
        position: saved.position,
        read: saved.read,
        at: now
      })
    } catch {
      offlineStore.getState().setError('手机存储空间已满：阅读进度暂未记入同步，请清理空间')
    }
  }, [issueId, articleId, charCount])

  useDidShow(() => {
    since.current = Date.now()
  })
  useDidHide(() => {
    flush()
    since.current = null
  })
  useEffect(() => {
    since.current = Date.now()
    session.current = {
      id: `${articleId ?? ''}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`,
      ms: 0
    }
    const timer = setInterval(flush, FLUSH_EVERY_MS)
    const onHide = () => {
      if (typeof document !== 'undefined' && document.visibilityState === 'hidden') flush()
    }
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onHide)
    return () => {
      clearInterval(timer)
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onHide)
      flush()
      since.current = null
    }
  }, [flush, articleId])

  /** Latest scroll position as a fraction; `end` once the reader reached the end. */
  const update = useCallback(
    (fraction: number, end: boolean) => {
      position.current = fraction
      if (end && !reachedEnd.current) {
        reachedEnd.current = true
        flush()
      }
      const now = Date.now()
      if (now - savedAt.current > SAVE_POSITION_MS) {
        savedAt.current = now
        flush()
      }
    },
    [flush]
  )

  return useMemo(() => ({ update, flush }), [update, flush])
}
