import type { Static } from '@sinclair/typebox'
import { Type } from '../api/type'
import type { Issue } from '../issue/types'
import { ResponseSchema, type Bank, type Question } from './schema'
import { makePaper, PaperSchema } from './shuffle'
import { wrongBookIds, type WrongBook } from './wrong-book'

/** What a practice round draws from: 10 at random, one topic, one section of an issue, or the 错题本. */
export type PracticeFilter =
  | { kind: 'random'; count: number }
  | { kind: 'topic'; topic: string }
  | { kind: 'section'; issueId: string; section: string; articleIds: readonly string[] }
  | { kind: 'wrong' }

/** How many questions a random round has. */
export const RANDOM_ROUND = 10

/** A practice round as saved on the device, so that a killed app goes on at the same question. */
export const PracticeRoundSchema = Type.Object(
  {
    bankId: Type.String(),
    title: Type.String(),
    paper: PaperSchema,
    index: Type.Integer({ minimum: 0 }),
    /** Question id → the answer given (original letters) and whether it was right. */
    results: Type.Record(Type.String(), Type.Object({ answer: ResponseSchema, correct: Type.Boolean() })),
    startedAt: Type.Number()
  },
  { additionalProperties: false }
)
export type PracticeRound = Static<typeof PracticeRoundSchema>

/** The bank's topics with their question counts, in the bank's order of first appearance. */
export function topicsOf(bank: Bank): Array<{ topic: string; count: number }> {
  const counts = new Map<string, number>()
  for (const q of bank.questions) if (q.topic) counts.set(q.topic, (counts.get(q.topic) ?? 0) + 1)
  return [...counts].map(([topic, count]) => ({ topic, count }))
}

/** The sections of `issue` that the bank's questions quote, each with its article ids and question count. */
export function sectionsOf(bank: Bank, issue: Issue): Array<{ section: string; articleIds: string[]; count: number }> {
  const out: Array<{ section: string; articleIds: string[]; count: number }> = []
  for (const s of issue.sections) {
    const articleIds = s.articles.map((a) => a.id)
    const ids = new Set(articleIds)
    const count = bank.questions.filter(
      (q) => q.source.kind === 'article' && q.source.issueId === issue.id && ids.has(q.source.articleId)
    ).length
    if (count > 0) out.push({ section: s.title, articleIds, count })
  }
  return out
}

/** The questions a filter picks, in the bank's order (the round shuffles them). */
export function pickQuestions(bank: Bank, filter: PracticeFilter, wrong: WrongBook = {}): Question[] {
  switch (filter.kind) {
    case 'random':
      return bank.questions.slice()
    case 'topic':
      return bank.questions.filter((q) => q.topic === filter.topic)
    case 'section': {
      const ids = new Set(filter.articleIds)
      return bank.questions.filter(
        (q) => q.source.kind === 'article' && q.source.issueId === filter.issueId && ids.has(q.source.articleId)
      )
    }
    case 'wrong': {
      const byId = new Map(bank.questions.map((q) => [q.id, q]))
      return wrongBookIds(wrong).flatMap((id) => byId.get(id) ?? [])
    }
  }
}

/** A new round: the picked questions shuffled by `seed` (the 错题本 keeps its order), options shuffled too. */
export function startRound(
  bank: Bank,
  filter: PracticeFilter,
  seed: string,
  startedAt: number,
  wrong: WrongBook = {}
): PracticeRound {
  const questions = pickQuestions(bank, filter, wrong)
  const paper = makePaper(questions, seed, {
    count: filter.kind === 'random' ? filter.count : questions.length,
    shuffleQuestions: filter.kind !== 'wrong'
  })
  return { bankId: bank.id, title: roundTitle(filter), paper, index: 0, results: {}, startedAt }
}

export function roundTitle(filter: PracticeFilter): string {
  switch (filter.kind) {
    case 'random':
      return `随机 ${filter.count} 题`
    case 'topic':
      return filter.topic
    case 'section':
      return `【${filter.section}】`
    case 'wrong':
      return '错题本'
  }
}
