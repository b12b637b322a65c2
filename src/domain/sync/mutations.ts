import type { Static } from '@sinclair/typebox'
import { matches } from '../api/check'
import { Type } from '../api/type'
import { CAPS, clampToNow } from './caps'
import {
  articleKey,
  campaignItemKey,
  emptyFacts,
  listenKey,
  ListenModeSchema,
  mergeFacts,
  sessionKey,
  ShareChannelSchema,
  type Facts
} from './facts'
import { decodeHlc } from './hlc'

/** SPEC M1, M3: the mutations a device makes, with their arguments. */
const Id = Type.String({ minLength: 1, maxLength: CAPS.MAX_ID_LENGTH })
const Time = Type.Number({ minimum: 0 })
const Article = { issueId: Id, articleId: Id }

export const MutationArgs = {
  markRead: Type.Object({ ...Article, at: Time }, { additionalProperties: false }),
  readingSession: Type.Object(
    { ...Article, sessionId: Id, ms: Type.Number({ minimum: 0, maximum: CAPS.READING_MS_PER_ARTICLE_DAY }), at: Time },
    { additionalProperties: false }
  ),
  setPosition: Type.Object(
    { ...Article, position: Type.Number({ minimum: 0, maximum: 1 }), hlc: Type.String({ maxLength: 300 }) },
    { additionalProperties: false }
  ),
  share: Type.Object(
    { ...Article, shareId: Id, channel: ShareChannelSchema, at: Time },
    { additionalProperties: false }
  ),
  answer: Type.Object(
    {
      answerId: Id,
      bankId: Id,
      questionId: Id,
      answer: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 8 }),
      at: Time
    },
    { additionalProperties: false }
  ),
  /** 读: a campaign's recommended book marked read. */
  markBookRead: Type.Object({ campaignId: Id, bookId: Id, at: Time }, { additionalProperties: false }),
  /** 听: a campaign's lecture marked attended. */
  attendLecture: Type.Object({ campaignId: Id, lectureId: Id, at: Time }, { additionalProperties: false }),
  /** 讲: a talk given, with its date (YYYY-MM-DD) and title. */
  recordTalk: Type.Object(
    {
      campaignId: Id,
      talkId: Id,
      title: Type.String({ minLength: 1, maxLength: 100 }),
      on: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
      at: Time
    },
    { additionalProperties: false }
  ),
  /** 听 (F6): time spent listening to an article, its attached audio or read aloud; one id per listening session. */
  listenArticle: Type.Object(
    {
      ...Article,
      sessionId: Id,
      mode: ListenModeSchema,
      seconds: Type.Number({ minimum: 0, maximum: CAPS.LISTEN_SECONDS_PER_SESSION }),
      at: Time
    },
    { additionalProperties: false }
  ),
  /** 听 (F6): time spent listening to a campaign lecture's recording. */
  listenLecture: Type.Object(
    {
      campaignId: Id,
      lectureId: Id,
      sessionId: Id,
      seconds: Type.Number({ minimum: 0, maximum: CAPS.LISTEN_SECONDS_PER_SESSION }),
      at: Time
    },
    { additionalProperties: false }
  )
} as const

export type MutationName = keyof typeof MutationArgs
export type MutationArgsOf<N extends MutationName> = Static<(typeof MutationArgs)[N]>

export const MutationSchema = Type.Object(
  {
    clientId: Id,
    id: Type.Integer({ minimum: 1 }),
    name: Type.String({ maxLength: 40 }),
    args: Type.Unknown(),
    at: Time
  },
  { additionalProperties: false }
)
export type Mutation = Static<typeof MutationSchema>

/** What the server knows when it judges a mutation (SPEC P4, C2). */
export interface ApplyContext {
  now: number
  /** Whether an article exists in a published issue. */
  articleExists(issueId: string, articleId: string): boolean
  /** Whether a campaign (kind 'campaign', id = campaign id), or one of its books or lectures, exists. */
  campaignItemExists?(campaignId: string, kind: 'campaign' | 'book' | 'lecture', id: string): boolean
}

export type Judged = { ok: true; facts: Facts } | { ok: false; reason: string }

const isName = (name: string): name is MutationName => Object.prototype.hasOwnProperty.call(MutationArgs, name)

/**
 * Turns a mutation into the facts it adds, or a reason it is invalid for good (SPEC M3, P4). With a context the
 * server's checks apply too (unknown articles, C2 clamping); without one this is the device's own view.
 */
export function factsOf(m: Mutation, ctx?: ApplyContext): Judged {
  if (!isName(m.name)) return { ok: false, reason: `unknown mutation ${m.name.slice(0, 40)}` }
  if (!matches(MutationArgs[m.name], m.args)) return { ok: false, reason: `bad arguments for ${m.name}` }
  const clamp = (at: number) => (ctx ? clampToNow(at, ctx.now) : at)
  const f = emptyFacts()
  const args = m.args as Record<string, unknown>
  if ('issueId' in args && ctx && !ctx.articleExists(args.issueId as string, args.articleId as string)) {
    return { ok: false, reason: `unknown article ${String(args.issueId)}/${String(args.articleId)}` }
  }
  switch (m.name) {
    case 'markRead': {
      const a = m.args as MutationArgsOf<'markRead'>
      f.reads[articleKey(a.issueId, a.articleId)] = { issueId: a.issueId, articleId: a.articleId, readAt: clamp(a.at) }
      break
    }
    case 'readingSession': {
      const a = m.args as MutationArgsOf<'readingSession'>
      f.sessions[sessionKey(a.issueId, a.articleId, a.sessionId)] = {
        issueId: a.issueId,
        articleId: a.articleId,
        ms: Math.round(a.ms),
        at: clamp(a.at)
      }
      break
    }
    case 'setPosition': {
      const a = m.args as MutationArgsOf<'setPosition'>
      if (!decodeHlc(a.hlc)) return { ok: false, reason: 'bad clock' }
      f.positions[articleKey(a.issueId, a.articleId)] = {
        issueId: a.issueId,
        articleId: a.articleId,
        position: a.position,
        hlc: a.hlc
      }
      break
    }
    case 'share': {
      const a = m.args as MutationArgsOf<'share'>
      f.shares[a.shareId] = { issueId: a.issueId, articleId: a.articleId, channel: a.channel, at: clamp(a.at) }
      break
    }
    case 'answer': {
      const a = m.args as MutationArgsOf<'answer'>
      f.answers[a.answerId] = { bankId: a.bankId, questionId: a.questionId, answer: [...a.answer], at: clamp(a.at) }
      break
    }
    case 'markBookRead': {
      const a = m.args as MutationArgsOf<'markBookRead'>
      if (ctx?.campaignItemExists && !ctx.campaignItemExists(a.campaignId, 'book', a.bookId))
        return { ok: false, reason: `unknown book ${a.campaignId}/${a.bookId}` }
      f.books[campaignItemKey(a.campaignId, a.bookId)] = { campaignId: a.campaignId, bookId: a.bookId, at: clamp(a.at) }
      break
    }
    case 'attendLecture': {
      const a = m.args as MutationArgsOf<'attendLecture'>
      if (ctx?.campaignItemExists && !ctx.campaignItemExists(a.campaignId, 'lecture', a.lectureId))
        return { ok: false, reason: `unknown lecture ${a.campaignId}/${a.lectureId}` }
      f.lectures[campaignItemKey(a.campaignId, a.lectureId)] = {
        campaignId: a.campaignId,
        lectureId: a.lectureId,
        at: clamp(a.at)
      }
      break
    }
    case 'recordTalk': {
      const a = m.args as MutationArgsOf<'recordTalk'>
      if (ctx?.campaignItemExists && !ctx.campaignItemExists(a.campaignId, 'campaign', a.campaignId))
        return { ok: false, reason: `unknown campaign ${a.campaignId}` }
      f.talks[a.talkId] = { campaignId: a.campaignId, title: a.title.trim(), on: a.on, at: clamp(a.at) }
      break
    }
    case 'listenArticle': {
      const a = m.args as MutationArgsOf<'listenArticle'>
      f.listens = {
        [listenKey('article', a.issueId, a.articleId, a.mode, a.sessionId)]: {
          kind: 'article',
          parentId: a.issueId,
          itemId: a.articleId,
          mode: a.mode,
          seconds: Math.round(a.seconds),
          at: clamp(a.at)
        }
      }
      break
    }
    case 'listenLecture': {
      const a = m.args as MutationArgsOf<'listenLecture'>
      if (ctx?.campaignItemExists && !ctx.campaignItemExists(a.campaignId, 'lecture', a.lectureId))
        return { ok: false, reason: `unknown lecture ${a.campaignId}/${a.lectureId}` }
      f.listens = {
        [listenKey('lecture', a.campaignId, a.lectureId, 'audio', a.sessionId)]: {
          kind: 'lecture',
          parentId: a.campaignId,
          itemId: a.lectureId,
          mode: 'audio',
          seconds: Math.round(a.seconds),
          at: clamp(a.at)
        }
      }
      break
    }
  }
  return { ok: true, facts: f }
}

/** Applies a mutation to a fact set: merging its facts (an invalid one changes nothing). */
export function applyMutation(state: Facts, m: Mutation, ctx?: ApplyContext): Facts {
  const judged = factsOf(m, ctx)
  return judged.ok ? mergeFacts(state, judged.facts) : state
}
