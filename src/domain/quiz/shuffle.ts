import type { Static } from '@sinclair/typebox'
import { Type } from '../api/type'
import { fnv1a32 } from '../issue/hash'
import { mulberry32 } from '../random'
import { LETTERS, type Question, type Response } from './schema'

/** A 32-bit seed from a string (hashed) or a number (its low 32 bits). */
export function seedOf(seed: string | number): number {
  return typeof seed === 'number' ? seed >>> 0 : parseInt(fnv1a32(seed), 16)
}

export { mulberry32 } from '../random'

/** A shuffled copy (Fisher–Yates) driven by `random`. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const t = out[i]
    out[i] = out[j]
    out[j] = t
  }
  return out
}

/**
 * A paper: the questions in the order shown and, for 单选/多选, the option order shown —
 * `options[id][shownIndex]` is the option's original index. 判断 keeps 正确/错误 in place; 填空 has no options.
 */
export const PaperSchema = Type.Object(
  {
    questionIds: Type.Array(Type.String()),
    options: Type.Record(Type.String(), Type.Array(Type.Integer({ minimum: 0, maximum: 7 })))
  },
  { additionalProperties: false }
)
export type Paper = Static<typeof PaperSchema>

export interface PaperOptions {
  /** Draw this many questions (default: all). */
  count?: number
  shuffleQuestions?: boolean
  shuffleOptions?: boolean
}

/**
 * The paper for `seed`: the same seed and questions always give the same paper, so an attempt resumed on another
 * device shows the same order. Each question's options are shuffled by a seed of their own (seed + question id), so
 * adding a question to the bank does not reshuffle the options of the others.
 */
export function makePaper(questions: readonly Question[], seed: string | number, opts: PaperOptions = {}): Paper {
  const { count = questions.length, shuffleQuestions = true, shuffleOptions = true } = opts
  const ordered = shuffleQuestions ? shuffled(questions, mulberry32(seedOf(`${seed}`))) : questions.slice()
  const picked = ordered.slice(0, Math.max(0, Math.min(count, ordered.length)))
  const options: Record<string, number[]> = {}
  for (const q of picked) {
    if (q.type !== 'single' && q.type !== 'multiple') continue
    const identity = q.options.map((_, i) => i)
    options[q.id] = shuffleOptions ? shuffled(identity, mulberry32(seedOf(`${seed}:${q.id}`))) : identity
  }
  return { questionIds: picked.map((q) => q.id), options }
}

/** The options of `question` in the order the paper shows them. */
export function shownOptions(question: Question, paper: Paper): string[] {
  if (question.type === 'fill') return []
  const perm = paper.options[question.id]
  return perm ? perm.map((i) => question.options[i]) : question.options.slice()
}

/** Shown letters → the question's original letters (what scoring expects). 填空 text passes through. */
export function toOriginal(question: Pick<Question, 'id' | 'type'>, paper: Paper, shown: Response): Response {
  const perm = paper.options[question.id]
  if (question.type === 'fill' || !perm) return shown.slice()
  return shown.map((l) => {
    const i = (LETTERS as readonly string[]).indexOf(l.trim().toUpperCase())
    return i >= 0 && i < perm.length ? LETTERS[perm[i]] : l
  })
}

/** Original letters → the letters the paper shows (to display a stored answer or the right one). */
export function toShown(question: Pick<Question, 'id' | 'type'>, paper: Paper, original: Response): Response {
  const perm = paper.options[question.id]
  if (question.type === 'fill' || !perm) return original.slice()
  return original.map((l) => {
    const i = perm.indexOf((LETTERS as readonly string[]).indexOf(l.trim().toUpperCase()))
    return i >= 0 ? LETTERS[i] : l
  })
}
