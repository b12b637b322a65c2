// The layout families of docs/newsletter-layouts.md (issue 15), each a rewrite of the seed (fixtures/families.ts):
// each must import to the seed's issue — same sections, titles, attributions, paragraphs, joins and footer.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  anotherOffice,
  attributionsUnderTitles,
  contentsOf,
  longFooter,
  mastheadOf,
  sectionsOf
} from './fixtures/families'
import { SEED_PATH, withAttributions, withPageNumbers } from './fixtures/variants'
import { parseIssueDetailed, type Issue } from './index'

const seed = readFileSync(fileURLToPath(new URL(`../../../${SEED_PATH}`, import.meta.url)), 'utf8')
const detailed = (text: string) => parseIssueDetailed(text, { id: 't' })
const base = detailed(seed)

/** What a member sees: masthead numbers, sections, titles, sources, paragraphs, footer. */
function shape(issue: Issue) {
  return {
    title: issue.title,
    number: issue.number,
    totalNumber: issue.totalNumber,
    publishedOn: issue.publishedOn,
    sections: issue.sections.map((s) => ({
      title: s.title,
      articles: s.articles.map((a) => ({ title: a.title, source: a.source, paragraphs: a.paragraphs }))
    })),
    footer: issue.footer
  }
}
const same = (text: string): ReturnType<typeof detailed> => {
  const r = detailed(text)
  expect(shape(r.issue)).toEqual(shape(base.issue))
  expect(r.joins).toHaveLength(base.joins.length)
  return r
}
const titleLines = base.explained.filter((l) => l.kind === 'title').map((l) => l.line)

describe('masthead families', () => {
  it.each([
    [['重 庆 党 史 工 作', '内部资料', '第二期', '（总第一九七期）', '中共重庆市委党史研究室编', '二〇二〇年六月九日']],
    [['机密', '重庆党史工作', '2020年第2期（总第197期）', '注意保存', '中共重庆市委党史研究室编　　2020年6月9日']],
    [
      [
        '重　庆　党　史　工　作',
        '（内部资料）',
        '二〇二〇年第二期（总第一九七期）',
        '中共重庆市委党史研究室编　二〇二〇年六月九日'
      ]
    ]
  ])('%j', (lines) => {
    const r = same(mastheadOf(seed, lines))
    expect(r.issue.markings?.length).toBeGreaterThan(0)
    expect(r.issue.warnings).toEqual(base.issue.warnings.map((w) => ({ ...w, line: expect.any(Number) })))
  })

  it('an unknown line inside the masthead is skipped with a warning naming it', () => {
    const r = same(
      mastheadOf(seed, [
        '重庆党史工作',
        '（本刊仅限党内交流）',
        '第2期（总第197期）',
        '中共重庆市委党史研究室编',
        '2020年6月9日'
      ])
    )
    expect(r.issue.warnings[0]).toEqual({ line: 5, message: '刊头中无法识别的一行“（本刊仅限党内交流）”，已跳过' })
  })
})

describe('contents families', () => {
  it.each([
    ['目录', () => '◎'],
    ['本期要目', () => '· '],
    ['本期导读', () => '- '],
    [null, (n: number) => `${n}、`],
    ['本期导读', (n: number) => `${n}、`]
  ] as Array<[string | null, (n: number) => string]>)('%s with marks %s', (intro, mark) => {
    const r = same(contentsOf(seed, intro, mark))
    expect(r.issue.warnings.map((w) => w.message)).toEqual(base.issue.warnings.map((w) => w.message))
  })
})

describe('section head families', () => {
  it.each([
    ['■…■', (n: string) => `■${n}■`],
    ['◆', (n: string) => `◆${n}`],
    ['◆ … ◆', (n: string) => `◆ ${n} ◆`],
    ['一、', (n: string, i: number) => `${'一二三'[i]}、${n}`]
  ] as Array<[string, (n: string, i: number) => string]>)('%s', (_, head) => {
    const r = same(sectionsOf(seed, head))
    expect(r.explained.filter((l) => l.kind === 'section')).toHaveLength(3)
  })
})

describe('attribution families', () => {
  it.each([
    ['（供稿：X）', (u: string) => `（供稿：${u}）`],
    ['来源：X', (u: string) => `来源：${u}`],
    ['文/X (a unit: the source)', (u: string) => `文/${u}`],
    ['撰稿：X (a unit: the source)', (u: string) => `撰稿：${u}`]
  ] as Array<[string, (u: string) => string]>)('%s at the end', (_, form) => {
    same(withAttributions(seed, form))
  })

  it.each([
    ['（X供稿）', (u: string) => `（${u}供稿）`],
    ['来源：X', (u: string) => `来源：${u}`]
  ] as Array<[string, (u: string) => string]>)('%s under the title', (_, form) => {
    const r = same(attributionsUnderTitles(seed, titleLines, form))
    expect(r.issue.warnings.map((w) => w.message)).not.toContainEqual(expect.stringMatching(/没有署名/))
  })

  it('文/姓名 and 撰稿：姓名 name the writer', () => {
    const r = detailed(
      withAttributions(seed, (_u, no) => (no === 41 ? '文/张明' : no === 49 ? '撰稿：李华' : `（${_u}供稿）`))
    )
    const [first, second] = r.issue.sections[0].articles
    expect([first.source, first.author, second.source, second.author]).toEqual([null, '张明', null, '李华'])
  })
})

describe('page lines and footers', () => {
  it.each(['— 3 —', '- 3 -', '第 3 页 共 8 页', '第3页/共8页'])('%s between the halves of split paragraphs', (page) => {
    const r = same(withPageNumbers(seed, () => page))
    expect(r.explained.filter((l) => l.kind === 'page line')).toHaveLength(11)
  })

  it('the long footer: 报送 / 抄送 / 分发 / 责任编辑 / 联系电话 / 电子邮箱', () => {
    same(longFooter(seed))
  })
})

describe('another office’s export of the same issue (all families at once)', () => {
  it('imports all 19 items as the seed, with the seed’s warnings only', () => {
    const r = same(anotherOffice(seed))
    expect(r.issue.sections.flatMap((s) => s.articles)).toHaveLength(19)
    expect(r.issue.markings).toEqual(['内部资料', '注意保存'])
    expect(r.issue.warnings.map((w) => w.message)).toEqual(base.issue.warnings.map((w) => w.message).slice(0, 1))
  })

  it('--explain classes every line', () => {
    const kinds = new Set(detailed(anotherOffice(seed)).explained.map((l) => l.kind))
    expect([...kinds].sort()).toEqual(
      ['attribution', 'footer', 'joined', 'masthead', 'page line', 'paragraph', 'section', 'title', 'toc'].sort()
    )
  })
})
