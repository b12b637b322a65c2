// Builders for the quiz tests (not exported from index.ts).
import { questionId } from './id'
import type { Question } from './schema'

const source = { kind: 'fact', title: '中国共产党简史', publisher: '人民出版社', date: '2021-02' } as const
const base = (stem: string) => ({ id: questionId(stem), stem, explanation: '', score: 1, difficulty: '中' as const, source })

export const single = (stem: string, options: string[], answer: string, score = 1): Question =>
  ({ ...base(stem), type: 'single', options, answer: answer as 'A', score })
export const multiple = (stem: string, options: string[], answer: string[], score = 1): Question =>
  ({ ...base(stem), type: 'multiple', options, answer: answer as Array<'A'>, score })
export const trueFalse = (stem: string, answer: boolean): Question =>
  ({ ...base(stem), type: 'truefalse', options: ['正确', '错误'], answer })
export const fill = (stem: string, answers: string[]): Question => ({ ...base(stem), type: 'fill', answers })
