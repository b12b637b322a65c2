import { Value } from '@sinclair/typebox/value'
import { describe, expect, it } from 'vitest'
import { questionId } from './id'
import { isBank } from './is-bank'
import { QuestionSchema } from './schema'
import { columnLetter, COLUMNS, importTable, type Table } from './table'
import { testIssue } from './testing'

const issues = [testIssue('cq-2020-02', '2020-06-09')]
const QUOTE = 'cq-2020-02「覆盖市直机关3900余个党组织」'
const FACT = '《中国共产党简史》，人民出版社、中共党史出版社，2021年2月'
type Row = Record<string, string>
const ok: Row[] = [
  {
    题型: '单选',
    题干: '活动覆盖多少个党组织？',
    选项A: '500余个',
    选项B: '3900余个',
    选项C: '1万余个',
    答案: 'b',
    解析: '见原文。',
    分值: '2',
    难度: '易',
    出处: QUOTE,
    主题: '读党史'
  },
  {
    题型: '多选',
    题干: '中共一大先后在哪里举行？',
    选项A: '上海',
    选项B: '嘉兴南湖',
    选项C: '北京',
    答案: 'A、B',
    解析: '',
    出处: FACT
  },
  { 题型: '判断', 题干: '活动于2020年4月至9月开展。', 答案: '√', 解析: '', 出处: 'cq-2020-02「2020年4月至9月」' },
  { 题型: '填空', 题干: '中共一大在____开幕。', 答案: '上海|上海市', 解析: '', 出处: FACT }
]
const table = (rows: Row[], header: string[] = COLUMNS): Table => ({
  header,
  rows: rows.map((r, i) => ({ row: i + 2, cells: header.map((h) => r[h] ?? '') }))
})
const run = (rows: Row[], header?: string[]) =>
  importTable(table(rows, header), issues, { issuesLabel: 'content/issues' })
const errorsOf = (rows: Row[], header?: string[]) => {
  const r = run(rows, header)
  return r.ok ? [] : r.errors.map((e) => `${e.row}:${e.column ?? ''}: ${e.message}`)
}

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [10, 'K'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA']
  ])('%i → %s', (i, l) => {
    expect(columnLetter(i)).toBe(l)
  })
})

describe('importTable: good rows', () => {
  it('turns each type into a valid question with defaults and a resolved source', () => {
    const r = run(ok)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    for (const q of r.questions) expect(Value.Check(QuestionSchema, q)).toBe(true)
    expect(isBank({ id: 'practice-1', title: '党史练习', use: 'practice', questions: r.questions })).toBe(true)
    expect(isBank({ id: 'practice-1', title: '党史练习', use: 'exam', questions: r.questions })).toBe(false)
    const [s, m, t, f] = r.questions
    expect(s).toEqual({
      id: questionId('活动覆盖多少个党组织？'),
      type: 'single',
      stem: '活动覆盖多少个党组织？',
      options: ['500余个', '3900余个', '1万余个'],
      answer: 'B',
      explanation: '见原文。',
      score: 2,
      difficulty: '易',
      topic: '读党史',
      source: {
        kind: 'article',
        issueId: 'cq-2020-02',
        articleId: 'art-2',
        paragraph: 1,
        quote: '覆盖市直机关3900余个党组织'
      }
    })
    expect(m).toMatchObject({
      type: 'multiple',
      answer: ['A', 'B'],
      score: 1,
      difficulty: '中',
      source: { kind: 'fact', date: '2021-02' }
    })
    expect(m).not.toHaveProperty('topic')
    expect(t).toMatchObject({
      type: 'truefalse',
      options: ['正确', '错误'],
      answer: true,
      source: { articleId: 'art-2', paragraph: 0 }
    })
    expect(f).toMatchObject({ type: 'fill', answers: ['上海', '上海市'] })
    expect(f).not.toHaveProperty('options')
  })

  it('ids depend on the stem only: stable across row order and re-imports', () => {
    const a = run(ok)
    const b = run([...ok].reverse())
    if (!a.ok || !b.ok) throw new Error('expected ok')
    expect(b.questions.map((q) => q.id).reverse()).toEqual(a.questions.map((q) => q.id))
  })

  it('column order is free, extra columns are ignored, 选项 columns may stop early, 分值/难度/主题 may be absent', () => {
    const header = ['备注', '出处', '答案', '选项B', '选项A', '题干', '题型', '解析']
    const r = run([{ 备注: '不管', ...ok[1], 选项C: '' }, ok[2], ok[3]], header)
    expect(r.ok).toBe(true)
    if (r.ok)
      expect(r.questions[0]).toMatchObject({
        options: ['上海', '嘉兴南湖'],
        answer: ['A', 'B'],
        score: 1,
        difficulty: '中'
      })
  })

  it('skips empty rows, keeps counting them; accepts 单选题 and a 判断 letter with its options', () => {
    const r = run([{}, { ...ok[0], 题型: '单选题' }, { ...ok[2], 选项A: '错误', 选项B: '正确', 答案: 'A' }])
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.questions[1]).toMatchObject({ options: ['正确', '错误'], answer: false })
  })
})

describe('importTable: every bad row is reported with its row and column', () => {
  it('missing header columns: one error naming them', () => {
    expect(errorsOf(ok, ['题型', '题干', '选项A', '选项B', '答案'])).toEqual([
      `1:: 表头缺少列：解析、出处（第 1 行应为 ${COLUMNS.join(',')}）`
    ])
  })

  it.each([
    ['unknown 题型', { ...ok[0], 题型: '问答' }, '2:A: 题型 "问答" 不认识（应为 单选、多选、判断 或 填空）'],
    ['empty 题型', { ...ok[0], 题型: '' }, '2:A: 题型为空（应为 单选、多选、判断 或 填空）'],
    ['empty 题干', { ...ok[0], 题干: ' ' }, '2:B: 题干为空'],
    ['one option for 单选', { ...ok[0], 选项B: '', 选项C: '', 答案: 'A' }, '2:D: 单选题至少要有 2 个选项（现有 1 个）'],
    [
      'no options for 多选',
      { ...ok[1], 选项A: '', 选项B: '', 选项C: '', 答案: 'AB' },
      '2:C: 多选题至少要有 2 个选项（现有 0 个）'
    ],
    ['a gap in the options', { ...ok[0], 选项B: '' }, '2:D: 选项B为空，但后面还有选项'],
    ['an answer letter with no option', { ...ok[0], 答案: 'E' }, '2:K: 答案 "E" 没有对应的选项'],
    ['an answer that is not a letter', { ...ok[0], 答案: '3900余个' }, '2:K: 答案 "3900余个" 不是选项字母（A–H）'],
    ['an empty answer', { ...ok[0], 答案: '' }, '2:K: 答案为空'],
    ['a 单选 with two answers', { ...ok[0], 答案: 'A,B' }, '2:K: 单选题只能有一个答案（现为 "A,B"）'],
    ['a 多选 with one answer', { ...ok[1], 答案: 'B' }, '2:K: 多选题至少要有两个答案（现为 "B"）'],
    [
      'a 判断 answer neither right nor wrong',
      { ...ok[2], 答案: '不一定' },
      '2:K: 判断题的答案 "不一定" 既不是“对”也不是“错”（可写 对/错、正确/错误、√/×、T/F、是/否）'
    ],
    [
      '判断 with other options',
      { ...ok[2], 选项A: '是', 选项B: '不是' },
      '2:C: 判断题的选项只能是“正确”和“错误”（也可留空）'
    ],
    ['填空 with options', { ...ok[3], 选项A: '上海' }, '2:C: 填空题不应有选项（题型是否写错？）'],
    ['a bad 分值', { ...ok[0], 分值: '两分' }, '2:M: 分值 "两分" 应为正数（如 1 或 2）'],
    ['a zero 分值', { ...ok[0], 分值: '0' }, '2:M: 分值 "0" 应为正数（如 1 或 2）'],
    ['a bad 难度', { ...ok[0], 难度: '很难' }, '2:N: 难度 "很难" 应为 易、中 或 难'],
    [
      'an unknown issue',
      { ...ok[0], 出处: 'cq-1999-01「引文」' },
      '2:O: 出处中的期 "cq-1999-01" 找不到（应为期号如 chongqing-dangshi-gongzuo-2020-02，或《刊名》2020年第2期）（在 content/issues 中查找）'
    ],
    [
      'a quote not in the issue',
      { ...ok[0], 出处: 'cq-2020-02「共有3900多个党组织」' },
      '2:O: 出处的引文在 cq-2020-02 中找不到：「共有3900多个党组织」'
    ],
    ['an empty 出处', { ...ok[0], 出处: '' }, expect.stringMatching(/^2:O: 出处为空/)]
  ])('%s', (_, row, expected) => {
    expect(errorsOf([row as Row])).toEqual([expected])
  })

  it('a duplicate 题干 names the first row (whitespace and width do not make it new)', () => {
    expect(errorsOf([ok[0], ok[1], { ...ok[0], 题干: ' 活动覆盖多少个党组织? '.replace('?', '？') }])).toEqual([
      '4:B: 题干与第 2 行重复'
    ])
    expect(errorsOf([ok[0], { ...ok[0], 题干: '活动覆盖 多少个党组织？' }])).toEqual(['3:B: 题干与第 2 行重复'])
  })

  it('reports every problem of every row, in row then column order', () => {
    const rows = [
      ok[0],
      { ...ok[0], 题干: '', 答案: 'E', 难度: '很难' },
      ok[1],
      { ...ok[1], 题干: '新题', 答案: 'C' },
      { ...ok[3], 题型: '简答' }
    ]
    expect(errorsOf(rows)).toEqual([
      '3:B: 题干为空',
      '3:K: 答案 "E" 没有对应的选项',
      '3:N: 难度 "很难" 应为 易、中 或 难',
      '5:K: 多选题至少要有两个答案（现为 "C"）',
      '6:A: 题型 "简答" 不认识（应为 单选、多选、判断 或 填空）'
    ])
  })
})
