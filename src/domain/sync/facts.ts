import type { Static } from '@sinclair/typebox'
import { Type } from '../api/type'
import { compareHlc } from './hlc'

/**
 * A member's progress as facts (SPEC F1–F4). Every field is a map keyed by a stable id, and each merges by union
 * with a per-key rule of min, max or clock order, so merging is commutative, associative and idempotent.
 */
const Str = Type.String()
const Num = Type.Number()
export const ReadFactSchema = Type.Object({ issueId: Str, articleId: Str, readAt: Num })
export const SessionFactSchema = Type.Object({ issueId: Str, articleId: Str, ms: Num, at: Num })
export const PositionFactSchema = Type.Object({ issueId: Str, articleId: Str, position: Num, hlc: Str })
export const ShareChannelSchema = Type.Union([Type.Literal('chat'), Type.Literal('moments'), Type.Literal('link')])
export const ShareFactSchema = Type.Object({ issueId: Str, articleId: Str, channel: ShareChannelSchema, at: Num })
export const AnswerFactSchema = Type.Object({ bankId: Str, questionId: Str, answer: Type.Array(Str), at: Num })
/** 读: a recommended book of a campaign marked read (F5). */
export const BookFactSchema = Type.Object({ campaignId: Str, bookId: Str, at: Num })
/** 听: a lecture of a campaign marked attended (F5). */
export const LectureFactSchema = Type.Object({ campaignId: Str, lectureId: Str, at: Num })
/** 讲: a talk the member gave, recorded with its date and title (F5). */
export const TalkFactSchema = Type.Object({ campaignId: Str, title: Str, on: Str, at: Num })
/** 听: one listening session (F6): an article's audio or read-aloud, or a campaign lecture's recording. */
export const ListenKindSchema = Type.Union([Type.Literal('article'), Type.Literal('lecture')])
export const ListenModeSchema = Type.Union([Type.Literal('audio'), Type.Literal('aloud')])
export const ListenFactSchema = Type.Object({
  kind: ListenKindSchema,
  /** The issue (article) or the campaign (lecture). */
  parentId: Str,
  /** The article or the lecture. */
  itemId: Str,
  mode: ListenModeSchema,
  seconds: Num,
  at: Num
})

export const FactsSchema = Type.Object({
  /** Keyed by `issueId/articleId`. */
  reads: Type.Record(Str, ReadFactSchema),
  /** Keyed by `sessionKey`: the article and the session id the device made. */
  sessions: Type.Record(Str, SessionFactSchema),
  /** Keyed by `issueId/articleId`. */
  positions: Type.Record(Str, PositionFactSchema),
  shares: Type.Record(Str, ShareFactSchema),
  answers: Type.Record(Str, AnswerFactSchema),
  /** Keyed by `campaignId/bookId`. */
  books: Type.Record(Str, BookFactSchema),
  /** Keyed by `campaignId/lectureId`. */
  lectures: Type.Record(Str, LectureFactSchema),
  /** Keyed by the talk's own id. */
  talks: Type.Record(Str, TalkFactSchema),
  /** Keyed by `listenKey`: the item and the listening session's id. Optional: facts kept before F6 lack it. */
  listens: Type.Optional(Type.Record(Str, ListenFactSchema))
})

export type ReadFact = Static<typeof ReadFactSchema>
export type SessionFact = Static<typeof SessionFactSchema>
export type PositionFact = Static<typeof PositionFactSchema>
export type ShareFact = Static<typeof ShareFactSchema>
export type AnswerFact = Static<typeof AnswerFactSchema>
export type BookFact = Static<typeof BookFactSchema>
export type LectureFact = Static<typeof LectureFactSchema>
export type TalkFact = Static<typeof TalkFactSchema>
export type ListenFact = Static<typeof ListenFactSchema>
export type ListenKind = Static<typeof ListenKindSchema>
export type ListenMode = Static<typeof ListenModeSchema>
export type Facts = Static<typeof FactsSchema>

export const emptyFacts = (): Facts => ({
  reads: {},
  sessions: {},
  positions: {},
  shares: {},
  answers: {},
  books: {},
  lectures: {},
  talks: {},
  listens: {}
})

/** The key of a campaign item (a book, a lecture) in `books` and `lectures`. */
export const campaignItemKey = (campaignId: string, itemId: string): string => `${campaignId}/${itemId}`

/** The key of an article in `reads` and `positions`. */
export const articleKey = (issueId: string, articleId: string): string => `${issueId}/${articleId}`

/** The key of a reading session: one id can never stand for sessions of two articles. */
export const sessionKey = (issueId: string, articleId: string, sessionId: string): string =>
  `${articleKey(issueId, articleId)}#${sessionId}`

/** The key of a listening session (F6): one id can never stand for sessions of two items or two modes. */
export const listenKey = (kind: ListenKind, parentId: string, itemId: string, mode: ListenMode, sessionId: string) =>
  `${kind}:${parentId}/${itemId}@${mode}#${sessionId}`

type Rule<T> = (a: T, b: T) => T

// F1: earliest readAt.
const mergeRead: Rule<ReadFact> = (a, b) => (b.readAt < a.readAt ? b : a)
// F2: one session counts once: its largest length, its earliest start.
// Keys name the article too (sessionKey), so both sides are always of one article.
const mergeSession: Rule<SessionFact> = (a, b) =>
  a.ms === b.ms && a.at === b.at ? a : { ...a, ms: Math.max(a.ms, b.ms), at: Math.min(a.at, b.at) }
// F6: like F2, one listening session counts once: its largest length, its earliest start.
const mergeListen: Rule<ListenFact> = (a, b) =>
  a.seconds === b.seconds && a.at === b.at
    ? a
    : { ...a, seconds: Math.max(a.seconds, b.seconds), at: Math.min(a.at, b.at) }
// F3: latest clock; the clock string ends with the client id, so equal times are still ordered. The position is
// the tie-break of last resort (two facts with one clock but different positions cannot come from one device).
const mergePosition: Rule<PositionFact> = (a, b) => {
  const c = compareHlc(a.hlc, b.hlc)
  if (c !== 0) return c > 0 ? a : b
  return a.position >= b.position ? a : b
}
// F4: the same fact seen twice keeps the earliest; equal times fall back to a canonical order so any order agrees.
function earliest<T extends { at: number }>(a: T, b: T): T {
  if (a.at !== b.at) return a.at < b.at ? a : b
  return JSON.stringify(a) <= JSON.stringify(b) ? a : b
}

function mergeMap<T>(a: Record<string, T>, b: Record<string, T>, rule: Rule<T>): Record<string, T> {
  if (a === b) return a
  const out: Record<string, T> = { ...a }
  for (const key of Object.keys(b)) {
    const mine = out[key]
    out[key] = mine === undefined ? b[key] : rule(mine, b[key])
  }
  return out
}

/** Merges two fact sets (commutative, associative, idempotent). */
export function mergeFacts(a: Facts, b: Facts): Facts {
  return {
    reads: mergeMap(a.reads, b.reads, mergeRead),
    sessions: mergeMap(a.sessions, b.sessions, mergeSession),
    positions: mergeMap(a.positions, b.positions, mergePosition),
    shares: mergeMap(a.shares, b.shares, earliest),
    answers: mergeMap(a.answers, b.answers, earliest),
    books: mergeMap(a.books, b.books, earliest),
    lectures: mergeMap(a.lectures, b.lectures, earliest),
    talks: mergeMap(a.talks, b.talks, earliest),
    listens: mergeMap(a.listens ?? {}, b.listens ?? {}, mergeListen)
  }
}

/** Whether two fact sets hold the same facts (key order ignored). */
export function sameFacts(a: Facts, b: Facts): boolean {
  return canonicalFacts(a) === canonicalFacts(b)
}

/** A canonical JSON form: keys sorted at every level. */
export function canonicalFacts(f: Facts): string {
  return JSON.stringify(f, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
        )
      : value
  )
}
