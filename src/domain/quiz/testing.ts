// Builders for the quiz tests (not exported from index.ts).
import type { Issue } from '../issue/types'
import { emptyFooter } from '../issue/footer'
import { questionId } from './id'
import type { Question } from './schema'

const source = { kind: 'fact', title: '中国共产党简史', publisher: '人民出版社', date: '2021-02' } as const
const base = (stem: string) => ({
  id: questionId(stem),
  stem,
  explanation: '',
  score: 1,
  difficulty: '中' as const,
  source
})

export const single = (stem: string, options: string[], answer: string, score = 1): Question => ({
  ...base(stem),
  type: 'single',
  options,
  answer: answer as 'A',
  score
})
export const multiple = (stem: string, options: string[], answer: string[], score = 1): Question => ({
  ...base(stem),
  type: 'multiple',
  options,
  answer: answer as Array<'A'>,
  score
})
export const trueFalse = (stem: string, answer: boolean): Question => ({
  ...base(stem),
  type: 'truefalse',
  options: ['正确', '错误'],
  answer
})
export const fill = (stem: string, answers: string[]): Question => ({ ...base(stem), type: 'fill', answers })

/** A small issue for source look-ups: two articles, the second quoting the 读党史 campaign. */
export function testIssue(id: string, publishedOn: string, number = 2): Issue {
  const footer = emptyFooter()
  return {
    id,
    title: '重庆党史工作',
    number,
    totalNumber: null,
    publishedOn,
    editor: null,
    supplement: false,
    footer,
    warnings: [],
    sections: [
      {
        title: '工作动态',
        articles: [
          {
            id: 'art-1',
            title: '市委党史研究室召开中心组学习会议',
            paragraphs: ['为深入学习习近平总书记重要讲话精神。'],
            source: null
          },
          {
            id: 'art-2',
            title: '开展“读党史、守初心、担使命”活动',
            source: null,
            paragraphs: [
              '活动于 2020 年 4 月至 9 月有序开展。',
              '此次活动覆盖市直机关 3900 余个党组织、5 万余名党员干部。'
            ]
          }
        ]
      }
    ]
  }
}
