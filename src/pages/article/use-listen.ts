import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import Taro from '@tarojs/taro'
import type { Article, Issue } from '../../domain/api/issue'
import {
  aloudParagraph,
  aloudPieces,
  aloudStep,
  initialAloud,
  type AloudAction,
  type AloudState
} from '../../domain/listen/aloud'
import { newClock, nextRate, tickClock } from '../../domain/listen/player'
import { displayTitle } from '../../domain/reading/navigation'
import { speech } from '../../platform/audio'
import { services } from '../../services'
import { listen } from '../../services/listening'
import type { ListenBarProps } from '../../components/ListenBar'

/** Read-aloud time is recorded at most this often while reading (and when it stops or the page closes). */
const RECORD_EVERY_MS = 10_000
/** The paragraph being read is scrolled to this far below the top of the screen. */
const READ_OFFSET = 80

const newSessionId = () => `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`

/**
 * 听 on the article page: the attached audio through the app's listen service (it keeps playing after the page
 * closes), and read-aloud paragraph by paragraph, the paragraph being read highlighted and scrolled into view.
 */
export function useListen(issue: Issue | null, article: Article | null, paragraphId: (i: number) => string) {
  const [open, setOpen] = useState(false)
  const [mode, setMode] = useState<ListenBarProps['mode']>('choose')
  const [message, setMessage] = useState<string | null>(null)
  const player = useSyncExternalStore(listen.subscribe, listen.state, listen.state)
  const issueId = issue?.id ?? ''
  const articleId = article?.id ?? ''
  const ref = article?.audio ?? null
  const mine =
    player.target !== null &&
    player.target.kind === 'article' &&
    player.target.itemId === articleId &&
    player.target.parentId === issueId

  // --- read-aloud -------------------------------------------------------------------------------------------
  const pieces = useMemo(() => aloudPieces(article?.paragraphs ?? []), [article])
  const [aloud, setAloud] = useState<AloudState>(() => initialAloud(listen.state().rate))
  const aloudRef = useRef(aloud)
  const clock = useRef(newClock())
  const session = useRef<{ id: string; recorded: number; at: number }>({ id: newSessionId(), recorded: 0, at: 0 })

  const recordAloud = useCallback(
    (force: boolean) => {
      const now = Date.now()
      clock.current = tickClock(clock.current, now, aloudRef.current.status === 'speaking')
      const s = session.current
      const seconds = Math.round(clock.current.ms / 1000)
      if (!issueId || !articleId || seconds <= s.recorded || (!force && now - s.at < RECORD_EVERY_MS)) return
      s.at = now
      try {
        services.sync.record('listenArticle', { issueId, articleId, sessionId: s.id, mode: 'aloud', seconds, at: now })
        s.recorded = seconds
      } catch {
        // Full storage: the next record carries the whole session.
      }
    },
    [issueId, articleId]
  )

  const dispatch = useCallback(
    (action: AloudAction) => {
      const { state, effect } = aloudStep(pieces, aloudRef.current, action)
      aloudRef.current = state
      setAloud(state)
      if (effect === 'speak') {
        const piece = pieces[state.piece]
        speech.speak(piece.text, state.rate, {
          end: () => dispatch({ type: 'ended' }),
          error: (m) => {
            setMessage(m)
            dispatch({ type: 'error' })
          }
        })
      } else if (effect === 'pause') speech.pause()
      else if (effect === 'resume') speech.resume()
      else if (effect === 'cancel') speech.cancel()
      recordAloud(effect !== 'speak')
    },
    [pieces, recordAloud]
  )

  // Time counts while reading aloud; one tick a second keeps the clock's steps short.
  useEffect(() => {
    if (aloud.status !== 'speaking') return
    const timer = setInterval(() => recordAloud(false), 1000)
    return () => clearInterval(timer)
  }, [aloud.status, recordAloud])

  // A new article: whatever was read aloud stops, with its time recorded.
  useEffect(() => {
    return () => {
      if (aloudRef.current.status === 'speaking' || aloudRef.current.status === 'paused') speech.cancel()
      recordAloud(true)
      aloudRef.current = initialAloud(aloudRef.current.rate)
      clock.current = newClock()
      session.current = { id: newSessionId(), recorded: 0, at: 0 }
    }
  }, [articleId, recordAloud])

  const reading = aloudParagraph(pieces, aloud)
  useEffect(() => {
    if (reading === null) return
    void Taro.pageScrollTo({ selector: `#${paragraphId(reading)}`, offsetTop: -READ_OFFSET, duration: 300 }).catch(
      () => undefined
    )
  }, [reading, paragraphId])

  // --- the bar -------------------------------------------------------------------------------------------------
  const playAudio = useCallback(() => {
    if (!issue || !article || !ref) return
    if (aloudRef.current.status !== 'idle') dispatch({ type: 'stop' })
    setMessage(null)
    setMode('audio')
    void listen.play({
      kind: 'article',
      parentId: issue.id,
      itemId: article.id,
      ref,
      title: displayTitle(article),
      album: `${issue.title} 第${issue.number}期`,
      artist: article.source ?? issue.editor ?? '',
      cover: ''
    })
  }, [issue, article, ref, dispatch])

  const readAloud = useCallback(async () => {
    setMessage(null)
    const ready = await speech.ready()
    if (!ready.ok) {
      setMessage(ready.message)
      return
    }
    if (mine) listen.pause()
    setMode('aloud')
    clock.current = newClock()
    dispatch({ type: 'start', paragraph: 0 })
  }, [dispatch, mine])

  const onRate = useCallback(() => {
    const r = nextRate(listen.state().rate)
    listen.setRate(r)
    dispatch({ type: 'rate', rate: r })
  }, [dispatch])

  const close = useCallback(() => {
    if (aloudRef.current.status !== 'idle') dispatch({ type: 'stop' })
    if (mine) listen.stop()
    setMessage(null)
    setMode('choose')
    setOpen(false)
  }, [dispatch, mine])

  // Audio already playing for this article (opened again from elsewhere): the bar shows it.
  const shownMode: ListenBarProps['mode'] = mode === 'choose' && mine ? 'audio' : mode
  const barOpen = open || mine
  const bar: ListenBarProps | null = barOpen
    ? {
        mode: shownMode,
        audio: ref ? { duration: ref.durationSec ?? 0 } : null,
        canReadAloud: speech.supported,
        playing: shownMode === 'audio' ? mine && player.playing : aloud.status === 'speaking',
        position: mine ? player.position : ref ? listen.savedPosition(ref) : 0,
        duration: mine && player.duration > 0 ? player.duration : (ref?.durationSec ?? 0),
        rate: player.rate,
        paragraph: reading,
        paragraphs: article?.paragraphs.length ?? 0,
        aloudDone: shownMode === 'aloud' && aloud.status === 'done',
        message: message ?? (mine ? player.error : null),
        onPlayAudio: playAudio,
        onReadAloud: () => void readAloud(),
        onPause: () => (shownMode === 'audio' ? listen.pause() : dispatch({ type: 'pause' })),
        onResume: () => (shownMode === 'audio' ? (mine ? listen.resume() : playAudio()) : dispatch({ type: 'resume' })),
        onSkip: (by) => (shownMode === 'audio' ? listen.seekBy(by * 15) : dispatch({ type: 'skip', by })),
        onRate,
        onClose: close
      }
    : null

  return { bar, reading, open: () => setOpen(true), hasAudio: ref !== null, canReadAloud: speech.supported }
}
