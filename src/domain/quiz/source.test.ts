import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SEED_PATH } from '../issue/fixtures/variants'
import { parseIssue } from '../issue/index'
import { findIssue, findQuote, parseDate, parseSourceText, resolveSource } from './source'
import { testIssue } from './testing'

const issues = [
  testIssue('cq-2020-02', '2020-06-09'),
  testIssue('cq-2021-02', '2021-03-01'),
  testIssue('cq-2021-03', '2021-05-01', 3)
]

describe('parseSourceText', () => {
  it('an issue and a quote in 「」', () => {
    expect(parseSourceText('cq-2020-02「共有3900多个党组织」')).toEqual({
      ok: true,
      value: { kind: 'article', issue: 'cq-2020-02', quote: '共有3900多个党组织' }
    })
    expect(parseSourceText(' 《重庆党史工作》2020年第2期 「引文」 ')).toEqual({
      ok: true,
      value: { kind: 'article', issue: '《重庆党史工作》2020年第2期', quote: '引文' }
    })
  })
  it('a fact: 《title》，publisher，date with full- or half-width commas', () => {
    const value = { kind: 'fact', title: '中国共产党简史', publisher: '人民出版社、中共党史出版社', date: '2021-02' }
    expect(parseSourceText('《中国共产党简史》，人民出版社、中共党史出版社，2021年2月')).toEqual({ ok: true, value })
    expect(parseSourceText('《中国共产党简史》, 人民出版社、中共党史出版社, 2021-02')).toEqual({ ok: true, value })
    expect(parseSourceText('《人民日报》，人民日报社，2021-02-20')).toMatchObject({
      ok: true,
      value: { date: '2021-02-20' }
    })
  })
  it.each([
    ['', /^出处为空/],
    ['随便写的', /^出处 "随便写的" 格式不对/],
    ['「只有引文」', /没有写明哪一期/],
    ['cq-2020-02「」', /引文「」是空的/],
    ['《简史》，人民出版社，去年', /日期 "去年" 看不懂/]
  ])('refuses %j', (raw, message) => {
    const r = parseSourceText(raw)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(message)
  })
})

describe('parseDate', () => {
  it.each([
    ['2021年2月', '2021-02'],
    ['2021年2月20日', '2021-02-20'],
    ['2021-02-20', '2021-02-20'],
    ['2021/2/3', '2021-02-03'],
    ['２０２１年', '2021'],
    ['2020-02-29', '2020-02-29']
  ])('%s → %s', (raw, iso) => expect(parseDate(raw)).toBe(iso))
  it.each(['2021-13', '2021-02-30', '2021年2月31日', '21年2月', '2月'])('refuses %s', (raw) =>
    expect(parseDate(raw)).toBeNull()
  )
})

describe('findIssue and findQuote', () => {
  it('by id, by masthead with year and number, by masthead and number when only one matches', () => {
    expect(findIssue('cq-2021-02', issues)).toMatchObject({ ok: true, value: { id: 'cq-2021-02' } })
    expect(findIssue('《重庆党史工作》2020年第2期', issues)).toMatchObject({ ok: true, value: { id: 'cq-2020-02' } })
    expect(findIssue('《重庆党史工作》第3期', issues)).toMatchObject({ ok: true, value: { id: 'cq-2021-03' } })
    expect(findIssue('《重庆党史工作》第２期', issues)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/对应多期（cq-2020-02、cq-2021-02）/)
    })
    expect(findIssue('《重庆党史工作》2020年第9期', issues)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/找不到/)
    })
    expect(findIssue('cq-1999-01', issues)).toMatchObject({ ok: false })
  })
  it('finds the article and paragraph of a quote, whitespace-insensitively', () => {
    expect(findQuote(issues[0], '覆盖市直机关3900余个党组织')).toEqual({ articleId: 'art-2', paragraph: 1 })
    expect(findQuote(issues[0], '2020年4月至9月')).toEqual({ articleId: 'art-2', paragraph: 0 })
    expect(findQuote(issues[0], '共有3900多个党组织')).toBeNull()
  })
  it('resolveSource puts it together', () => {
    expect(resolveSource('《重庆党史工作》2020年第2期「5万余名党员干部」', issues, 'content/issues')).toEqual({
      ok: true,
      value: { kind: 'article', issueId: 'cq-2020-02', articleId: 'art-2', paragraph: 1, quote: '5万余名党员干部' }
    })
    expect(resolveSource('cq-2020-02「5万名党员」', issues, 'x')).toEqual({
      ok: false,
      message: '出处的引文在 cq-2020-02 中找不到：「5万名党员」'
    })
    expect(resolveSource('cq-1999-01「5万名党员」', issues, 'content/issues')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/（在 content\/issues 中查找）$/)
    })
  })
  it('works on the shipped issue', () => {
    const text = readFileSync(fileURLToPath(new URL(`../../../${SEED_PATH}`, import.meta.url)), 'utf8')
    const seed = parseIssue(text, { id: 'chongqing-dangshi-gongzuo-2020-02' })
    const r = resolveSource(
      '《重庆党史工作》第2期「覆盖市直机关3900余个党组织、5万余名党员干部」',
      [seed],
      'content/issues'
    )
    expect(r).toMatchObject({
      ok: true,
      value: { issueId: 'chongqing-dangshi-gongzuo-2020-02', paragraph: expect.any(Number) }
    })
  })
})
