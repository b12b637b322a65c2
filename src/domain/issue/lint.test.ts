// Warnings for organizers: each names the line to fix, and the issue is still imported.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseAttribution } from './attribution'
import { findDate, parseNumeral } from './dates'
import { splitRecipients } from './footer'
import { replaceLines, SEED_PATH } from './fixtures/variants'
import { fnv1a32, parseIssue, summarizeIssue, utf8Length, type Issue } from './index'
import { endsSentence, titleKey } from './text'

const seed = readFileSync(fileURLToPath(new URL(`../../../${SEED_PATH}`, import.meta.url)), 'utf8')
const parse = (text: string): Issue => parseIssue(text, { id: 't' })
const base = parse(seed)
const extra = (issue: Issue) => issue.warnings.filter((w) => !base.warnings.some((b) => b.message === w.message))
const FENGJIE = '奉节县委书记杨树海调研指导党史工作'

describe('lint warnings', () => {
  it('a contents entry with no body article', () => {
    const issue = parse(replaceLines(seed, 133, 152, []))
    expect(extra(issue)).toEqual([{ line: 23, message: `目录条目“${FENGJIE}”在正文中找不到对应文章` }])
    expect(issue.sections[0].articles).toHaveLength(12)
  })
  it('a body article missing from the contents', () => {
    const issue = parse(replaceLines(seed, 23, 23, []))
    expect(extra(issue)).toEqual([{ line: 132, message: `正文标题“${FENGJIE}”在目录中找不到` }])
    expect(issue.sections[0].articles[8].title).toBe(FENGJIE)
  })
  it('an article without attribution; the next listed title still starts a new article', () => {
    const issue = parse(replaceLines(seed, 151, 152, []))
    expect(extra(issue)).toEqual([
      { line: 133, message: `文章“${FENGJIE}”没有署名（应在正文后另起一行，如“（市委党史研究室办公室供稿）”）` }
    ])
    const work = issue.sections[0].articles
    expect(work).toHaveLength(13)
    expect([work[8].source, work[8].paragraphs.length, work[9].title]).toEqual([
      null,
      7,
      '渝中区委党史研究室积极推进青少年党史教育陈列馆建设'
    ])
  })
  it('an untitled item without attribution names its first words', () => {
    const issue = parse(replaceLines(seed, 237, 237, []))
    expect(extra(issue)).toEqual([
      {
        line: 235,
        message:
          '文章“綦江区委党史地方志研究室认真履行綦江区红…”没有署名（应在正文后另起一行，如“（市委党史研究室办公室供稿）”）'
      }
    ])
  })
  it('a body section missing from the contents', () => {
    const issue = parse(replaceLines(seed, 199, 199, ['【抗击疫情】']))
    expect(extra(issue)).toEqual([
      { line: 199, message: '栏目【抗击疫情】不在目录中' },
      {
        line: 201,
        message:
          '文章“全市党史部门部署推进疫情防控史料征编工作取得阶段性进展”在目录中列在另一个栏目下，正文在【抗击疫情】'
      }
    ])
  })
  it('mixed bracket widths inside one line', () => {
    const issue = parse(replaceLines(seed, 41, 41, ['（市委党史研究室办公室供稿)']))
    expect(extra(issue)).toEqual([{ line: 41, message: '括号全角半角混用：“（”与“)”配对' }])
  })
  it('warnings come in line order', () => {
    const lines = base.warnings.map((w) => w.line)
    expect(lines).toEqual([...lines].sort((a, b) => a - b))
  })
})

describe('helpers', () => {
  it('endsSentence: a closing quote counts only after a final mark', () => {
    expect(endsSentence('由“读”“听”“讲”“答”')).toBe(false)
    expect(endsSentence('给予大力支持！”')).toBe(true)
    expect(endsSentence('给予大力支持！”。')).toBe(true)
    expect(endsSentence('进一步增')).toBe(false)
    expect(endsSentence('如下：')).toBe(true)
    expect(endsSentence('《重庆党史研究资料》')).toBe(false)
  })
  it('titleKey ignores whitespace, widths and quote styles', () => {
    expect(titleKey('开展 “读党史” 活动')).toBe(titleKey('开展"读党史"活动'))
    expect(titleKey('a（b）')).toBe(titleKey('a (b)'))
  })
  it('parseNumeral', () => {
    expect(
      ['2020', '二〇二〇', '二0二0', '二○二○', '十', '十九', '二十', '三十一', '一百二十', '２０２０'].map(parseNumeral)
    ).toEqual([2020, 2020, 2020, 2020, 10, 19, 20, 31, 120, 2020])
    expect(parseNumeral('期')).toBeNull()
  })
  it('findDate', () => {
    expect(findDate('2020 年 6 月 9 日')?.iso).toBe('2020-06-09')
    expect(findDate('二〇二〇年二月二十九日')?.iso).toBe('2020-02-29')
    expect(findDate('2019年2月29日')?.iso).toBeNull()
    expect(findDate('2020年第2期')).toBeNull()
  })
  it('parseAttribution', () => {
    expect(parseAttribution('（市委党史研究室办公室供稿）')).toEqual({
      source: '市委党史研究室办公室',
      author: null,
      width: 'full'
    })
    expect(parseAttribution('(璧山区委党史研究室供稿)')).toEqual({
      source: '璧山区委党史研究室',
      author: null,
      width: 'half'
    })
    expect(parseAttribution('（渝中区 委党史研究室供稿）')?.source).toBe('渝中区委党史研究室')
    expect(parseAttribution('（市委党史研究室 张三供稿）')).toEqual({
      source: '市委党史研究室',
      author: '张三',
      width: 'full'
    })
    expect(parseAttribution('（完）')).toBeNull()
    expect(parseAttribution('（一）')).toBeNull()
    expect(parseAttribution('（据统计，共有 20 人参加。）')).toBeNull()
  })
  it('splitRecipients splits at 、 only when nothing else separates', () => {
    expect(splitRecipients('市级有关部门领导，各省级、副省级城市党史部门')).toEqual([
      '市级有关部门领导',
      '各省级、副省级城市党史部门'
    ])
    expect(splitRecipients('市委办公厅、市政府办公厅')).toEqual(['市委办公厅', '市政府办公厅'])
    expect(splitRecipients('市委办公厅　市政府办公厅')).toEqual(['市委办公厅', '市政府办公厅'])
  })
  it('fnv1a32 matches the reference vectors, on UTF-8 bytes', () => {
    expect(fnv1a32('')).toBe('811c9dc5')
    expect(fnv1a32('a')).toBe('e40c292c')
    expect(fnv1a32('foobar')).toBe('bf9cf968')
    expect(fnv1a32('党史')).toMatch(/^[0-9a-f]{8}$/)
    expect(utf8Length('党史a')).toBe(7)
  })
  it('summarizeIssue', () => {
    const json = JSON.stringify(base)
    expect(summarizeIssue(base, json, 'abc')).toEqual({
      id: 't',
      title: '重庆党史工作',
      number: 2,
      totalNumber: 197,
      publishedOn: '2020-06-09',
      editor: '中共重庆市委党史研究室',
      supplement: false,
      sectionTitles: ['工作动态', '抗疫进行时', '信息短波'],
      articleCount: 19,
      size: new TextEncoder().encode(json).length,
      hash: 'abc'
    })
  })
})
