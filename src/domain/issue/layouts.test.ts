// One describe per row of docs/newsletter-layouts.md. Every input is the seed's own text rewritten into that
// layout (fixtures/variants.ts), so each test also checks the rest of the issue still comes out the same.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  mapLines,
  numberedContents,
  replaceLines,
  SEED,
  SEED_PATH,
  withAttributions,
  withContents,
  withCrlfAndBom,
  withFooter,
  withIdeographicIndent,
  withMasthead,
  withoutContents,
  withPageNumbers
} from './fixtures/variants'
import { parseIssue, type Issue } from './index'
import { joinHalves, joinPieces } from './text'

const seed = readFileSync(fileURLToPath(new URL(`../../../${SEED_PATH}`, import.meta.url)), 'utf8')
const parse = (text: string): Issue => parseIssue(text, { id: 't' })
const base = parse(seed)
const messages = (issue: Issue): string[] => issue.warnings.map((w) => w.message)
const SEED_MESSAGES = messages(base)
const titles = (issue: Issue): Array<string | null> => issue.sections.flatMap((s) => s.articles.map((a) => a.title))
const paragraphsOf = (issue: Issue): string[] => issue.sections.flatMap((s) => s.articles.flatMap((a) => a.paragraphs))
const sources = (issue: Issue): Array<string | null> => issue.sections.flatMap((s) => s.articles.map((a) => a.source))

/** A masthead in the seed's layout with `changes` applied to its lines. */
const masthead = (...lines: string[]): string =>
  withMasthead(seed, ['', '', ...lines.flatMap((l) => [l, '']).slice(0, -1)])

describe('markings above the title', () => {
  it('none', () => expect(base.markings).toBeUndefined())
  it.each([
    [
      ['内部资料', '注意保存'],
      ['内部资料', '注意保存']
    ],
    [['内部资料 / 注意保存'], ['内部资料', '注意保存']],
    [['内部资料　仅供参考'], ['内部资料', '仅供参考']],
    [['内部消息　严禁外传'], ['内部消息', '严禁外传']],
    [['秘　密'], ['秘密']],
    [['秘 密'], ['秘密']]
  ])('%j', (marks, expected) => {
    const issue = parse(
      masthead(...marks, '重庆党史工作', '第 2 期', '(总第 197 期)', '中共重庆市委党史研究室编', '2020 年 6 月 9 日')
    )
    expect(issue.markings).toEqual(expected)
    expect(issue.title).toBe('重庆党史工作')
    expect(issue.number).toBe(2)
    expect(issue.sections).toEqual(base.sections)
  })
})

describe('issue line', () => {
  const withIssueLines = (...issueLines: string[]): Issue =>
    parse(masthead('重庆党史工作', ...issueLines, '中共重庆市委党史研究室编', '2020 年 6 月 9 日'))
  it('「第 2 期」 and 「(总第 197 期)」 on separate lines', () => {
    expect([base.number, base.totalNumber, base.supplement]).toEqual([2, 197, false])
  })
  it.each([
    [['第2期（总第197期）'], 2, 197],
    [['2020年第2期（总第197期）'], 2, 197],
    [['2020 年第 2 期 （总第 197 期）'], 2, 197],
    [['第2期'], 2, null],
    [['第二期'], 2, null],
    [['第 12 期', '（总第 207 期）'], 12, 207]
  ])('%j', (lines, number, total) => {
    const issue = withIssueLines(...lines)
    expect([issue.number, issue.totalNumber, issue.supplement]).toEqual([number, total, false])
    expect(issue.sections).toEqual(base.sections)
  })
  it('title and issue line on one line', () => {
    const issue = parse(masthead('重庆党史工作　　第2期（总第197期）', '中共重庆市委党史研究室编', '2020 年 6 月 9 日'))
    expect([issue.title, issue.number, issue.totalNumber]).toEqual(['重庆党史工作', 2, 197])
  })
  it('a masthead typeset with spaces between the characters', () => {
    expect(parse(masthead('重 庆 党 史 工 作', '第 2 期', '中共重庆市委党史研究室编', '2020 年 6 月 9 日')).title).toBe(
      '重庆党史工作'
    )
  })
  it.each([
    [['增刊'], 1, null],
    [['增刊第1期'], 1, null],
    [['2020年增刊第2期（总第198期）'], 2, 198],
    [['增刊（1）'], 1, null],
    [['第1期（增刊）'], 1, null]
  ])('增刊: %j', (lines, number, total) => {
    const issue = withIssueLines(...lines)
    expect([issue.number, issue.totalNumber, issue.supplement]).toEqual([number, total, true])
  })
})

describe('editor and date', () => {
  it('on separate lines, Arabic numerals with spaces', () => {
    expect([base.editor, base.publishedOn]).toEqual(['中共重庆市委党史研究室', '2020-06-09'])
  })
  it('on one line with runs of full-width spaces between them', () => {
    const issue = parse(
      masthead('重庆党史工作', '第2期（总第197期）', '中共重庆市委党史研究室编　　　　　　2020年6月9日')
    )
    expect([issue.editor, issue.publishedOn]).toEqual(['中共重庆市委党史研究室', '2020-06-09'])
    expect(issue.sections).toEqual(base.sections)
  })
  it('on one line without 编', () => {
    const issue = parse(masthead('重庆党史工作', '第2期', '中共重庆市委党史研究室　　　　2020年6月9日'))
    expect([issue.editor, issue.publishedOn]).toEqual(['中共重庆市委党史研究室', '2020-06-09'])
  })
  it.each([
    ['2020年6月9日', '2020-06-09'],
    ['二〇二〇年六月九日', '2020-06-09'],
    ['二0二0年六月九日', '2020-06-09'],
    ['二○二○年六月九日', '2020-06-09'],
    ['二〇二〇年十二月三十一日', '2020-12-31'],
    ['二〇二〇年十月二十日', '2020-10-20']
  ])('date %s', (date, iso) => {
    const issue = parse(masthead('重庆党史工作', '第 2 期', '中共重庆市委党史研究室编', date))
    expect(issue.publishedOn).toBe(iso)
    expect(issue.sections).toEqual(base.sections)
  })
  it('签发人 on its own line', () => {
    const issue = parse(
      masthead('重庆党史工作', '第 2 期', '中共重庆市委党史研究室编', '签发人：徐塞声', '2020 年 6 月 9 日')
    )
    expect(issue.signer).toBe('徐塞声')
    expect(issue.editor).toBe('中共重庆市委党史研究室')
    expect(issue.sections).toEqual(base.sections)
  })
  it('签发人 between editor and date on one line', () => {
    const issue = parse(
      masthead('重庆党史工作', '第 2 期', '中共重庆市委党史研究室编　　签发人：徐塞声　　2020年6月9日')
    )
    expect([issue.editor, issue.signer, issue.publishedOn]).toEqual(['中共重庆市委党史研究室', '徐塞声', '2020-06-09'])
  })
})

describe('table of contents', () => {
  it('none: titles come from the body alone, as printed there', () => {
    const issue = parse(withoutContents(seed))
    expect(issue.sections.map((s) => s.articles.length)).toEqual([13, 1, 5])
    expect(titles(issue)).toEqual([
      '市委党史研究室召开中心组学习会议 重点探讨服务成渝地区双城经济圈建设问题',
      '市委党史研究室领导调研指导开州区党史工作',
      '市委党史研究室深入基层调研推动对口帮扶工作',
      '成渝两地党史部门就加强合作交流达成共识',
      '市委党史研究室积极指导对口帮扶地区村史馆建设',
      '市委党史研究室联合市委直属机关工委 开展“读党史、守初心、担使命”活动',
      '市委党史研究室 召开领导班子 2019 年度考核述职测评会',
      '重庆开通学习强国党史专栏打造宣传集群平台',
      '奉节县委书记杨树海调研指导党史工作',
      '渝中区委党史研究室 积极推进青少年党史教育陈列馆建设',
      '璧山区委党史研究室 认真谋划建党 100 周年党史工作任务',
      '荣昌区委党史地方志研究室 积极推进建党 100 年重点项目',
      '大足区召开《图说大足党史》 《口述大足党史》编写大纲讨论会',
      '全市党史部门部署推进 疫情防控史料征编工作取得阶段性进展',
      null,
      null,
      null,
      null,
      null
    ])
    // Same paragraphs and sources as with contents: only titles (and so ids) differ.
    expect(issue.sections.map((s) => s.articles.map((a) => a.paragraphs))).toEqual(
      base.sections.map((s) => s.articles.map((a) => a.paragraphs))
    )
    expect(sources(issue)).toEqual(sources(base))
    expect(messages(issue)).toEqual(SEED_MESSAGES)
  })
  it('"- " entries under each 【section】', () => expect(titles(base)).toHaveLength(19))
  it('numbered 「1、title」 entries', () => {
    const text = numberedContents(seed)
    expect(text).toContain('\n1、市委党史研究室召开中心组学习会议重点探讨')
    const issue = parse(text)
    expect(issue.sections).toEqual(base.sections)
    expect(messages(issue)).toEqual(SEED_MESSAGES)
  })
  it.each(['本期要目', '内容提要', '≡本期要目≡', '本 期 要 目'])('introduced by %s', (intro) => {
    const issue = parse(withContents(seed, (lines) => [intro, '', ...lines]))
    expect(issue.sections).toEqual(base.sections)
    expect(messages(issue)).toEqual(SEED_MESSAGES)
  })
  it('numbered entries after 本期要目 with no section headers in the contents', () => {
    const entries = base.sections.slice(0, 2).flatMap((s) => s.articles.map((a) => a.title))
    const issue = parse(
      withContents(seed, () => ['本期要目', '', ...entries.flatMap((t, k) => [`${k + 1}. ${t}`, '']), ''])
    )
    expect(issue.sections).toEqual(base.sections)
    expect(messages(issue)).toEqual(SEED_MESSAGES)
  })
  it('a section listed with no entries: its items have no titles (信息短波)', () => {
    expect(seed.split('\n').slice(32, 35)).toEqual(['【信息短波】', '', '【工作动态】'])
    expect(base.sections[2].articles.map((a) => a.title)).toEqual([null, null, null, null, null])
  })
})

describe('sections', () => {
  it('【…】 headers in the contents and the body', () => {
    expect(base.sections.map((s) => s.title)).toEqual(['工作动态', '抗疫进行时', '信息短波'])
  })
  it('an empty section listed in the contents and left out of the body is no problem', () => {
    const issue = parse(withContents(seed, (lines) => [...lines.slice(0, 20), '【理论研究】', '', ...lines.slice(20)]))
    expect(issue.sections).toEqual(base.sections)
    expect(messages(issue)).toEqual(SEED_MESSAGES)
  })
})

describe('article', () => {
  it('a body title that differs from its contents entry by spaces takes the entry text', () => {
    expect(titles(base)[0]).toBe('市委党史研究室召开中心组学习会议重点探讨服务成渝地区双城经济圈建设问题')
  })
  it('a body title wrapped onto two lines is matched to its entry', () => {
    const issue = parse(
      replaceLines(seed, 37, 37, ['市委党史研究室召开中心组学习会议', '', '重点探讨服务成渝地区双城经济圈建设问题'])
    )
    expect(issue.sections).toEqual(base.sections)
  })
  it('without contents, a title wrapped onto two lines is read as one, the wrap shown as a space', () => {
    const text = withoutContents(
      replaceLines(seed, 37, 37, ['市委党史研究室召开中心组学习会议', '', '重点探讨服务成渝地区双城经济圈建设问题'])
    )
    const first = parse(text).sections[0].articles[0]
    expect(first.title).toBe('市委党史研究室召开中心组学习会议 重点探讨服务成渝地区双城经济圈建设问题')
    expect(first.paragraphs).toEqual(base.sections[0].articles[0].paragraphs)
  })
  it('title, paragraphs, then an attribution line', () => {
    const a = base.sections[0].articles[1]
    expect([a.title, a.paragraphs.length, a.source]).toEqual([
      '市委党史研究室领导调研指导开州区党史工作',
      2,
      '市委党史研究室宣教处'
    ])
  })
})

describe('attribution', () => {
  it.each([
    ['（单位供稿）', (u: string) => `（${u}供稿）`],
    ['(单位供稿)', (u: string) => `(${u}供稿)`],
    ['(单位 供稿)', (u: string) => `(${u} 供稿)`],
    ['（单位）', (u: string) => `（${u}）`],
    ['( 单位 供稿 )', (u: string) => `( ${u} 供稿 )`],
    ['（来源：单位）', (u: string) => `（来源：${u}）`]
  ])('%s', (_, form) => {
    const issue = parse(withAttributions(seed, form))
    expect(sources(issue)).toEqual(sources(base))
    // One width throughout: no width warning left, only the Latin word.
    expect(messages(issue)).toEqual([SEED_MESSAGES[0]])
  })
  it('（单位 姓名供稿） names the writer apart', () => {
    const issue = parse(withAttributions(seed, (u) => `（${u} 张晓红供稿）`))
    expect(sources(issue)).toEqual(sources(base))
    expect(issue.sections.flatMap((s) => s.articles.map((a) => a.author))).toEqual(Array(19).fill('张晓红'))
  })
  it('(姓名): a person as the source', () => {
    const issue = parse(
      withAttributions(seed, (_, no) => (no === 41 ? '(李明)' : `（${no}）`.replace(/\d+/, '市委党史研究室')))
    )
    expect(issue.sections[0].articles[0].source).toBe('李明')
    expect(issue.sections[0].articles[0].author).toBeUndefined()
  })
  it('full- and half-width mixed across the issue: the odd ones are flagged (seed lines 173 and 197)', () => {
    expect(base.warnings.filter((w) => w.message.startsWith('署名用了半角括号')).map((w) => w.line)).toEqual([173, 197])
  })
})

describe('short news (信息短波 / 一句话信息)', () => {
  it('one paragraph each, no title, each followed by its attribution', () => {
    const short = base.sections[2].articles
    expect(short.map((a) => [a.title, a.paragraphs.length])).toEqual(Array(5).fill([null, 1]))
    expect(short.map((a) => a.source)).toEqual([
      '万州区党史和地方志研究室',
      '巴南区委党史研究室',
      '渝北区委党史研究室',
      '合川区委史志研究中心',
      '綦江区委党史地方志研究室'
    ])
  })
  it('一句话信息, with or without contents', () => {
    const renamed = seed.replace(/【信息短波】/g, '【一句话信息】')
    for (const text of [renamed, withoutContents(renamed)]) {
      const issue = parse(text)
      expect(issue.sections[2].title).toBe('一句话信息')
      expect(issue.sections[2].articles).toEqual(
        base.sections[2].articles.map((a) => ({ ...a, id: expect.any(String) }))
      )
    }
  })
})

describe('footer', () => {
  const footerOf = (...lines: string[]): Issue => parse(withFooter(seed, lines))
  it('报： / 送： / 发： and 责编：… 电话：… 邮箱：…', () => {
    expect(base.footer.reportTo).toEqual(['中央党史和文献研究院'])
    expect(base.footer.editorInCharge).toBe('余敬春')
  })
  it('抄送： extends sendTo; （共印 N 份）; 印发 date', () => {
    const issue = footerOf(
      '报：中央党史和文献研究院',
      '抄送：市委办公厅、市政府办公厅',
      '中共重庆市委党史研究室办公室　　　　2020年6月9日印发',
      '（共印 120 份）'
    )
    expect(issue.footer).toEqual({
      reportTo: ['中央党史和文献研究院'],
      sendTo: ['市委办公厅', '市政府办公厅'],
      distributeTo: null,
      editorInCharge: null,
      phone: null,
      email: null,
      copies: 120,
      printedOn: '2020-06-09'
    })
    expect(messages(issue)).toEqual(SEED_MESSAGES)
  })
  it('承办单位 / 承办人 / 电话 on separate lines', () => {
    const issue = footerOf('承办单位：市委党史研究室办公室', '承办人：余敬春', '电话：023－63898542')
    expect(issue.footer).toEqual({
      reportTo: null,
      sendTo: null,
      distributeTo: null,
      editorInCharge: '余敬春',
      phone: '023-63898542',
      email: null,
      copies: null,
      undertaker: '市委党史研究室办公室'
    })
  })
  it('「YYYY年M月D日印发」 alone starts the footer', () => {
    expect(footerOf('2020年6月10日印发').footer.printedOn).toBe('2020-06-10')
  })
  it('a recipients list wrapped onto a second line', () => {
    const issue = footerOf('发：各区（县）委党史部门，万盛经开区党史研究室，', '各处室')
    expect(issue.footer.distributeTo).toEqual(['各区（县）委党史部门', '万盛经开区党史研究室', '各处室'])
  })
})

describe('text from a PDF', () => {
  it.each([
    ['「— 3 —」', (n: number) => `— ${n} —`],
    ['「－3－」', (n: number) => `－${n}－`],
    ['「- 3 -」', (n: number) => `- ${n} -`]
  ])('page-number lines %s between the halves are dropped', (_, page) => {
    const text = withPageNumbers(seed, page)
    expect(text).toContain('进一步增\n\n')
    const issue = parse(text)
    expect(issue.sections).toEqual(base.sections)
    expect(messages(issue)).toEqual(SEED_MESSAGES)
  })
  it('paragraphs indented with two U+3000, second halves unindented', () => {
    for (const tight of [false, true]) {
      const issue = parse(withIdeographicIndent(seed, tight))
      expect(issue.sections).toEqual(base.sections)
      expect(messages(issue)).toEqual(SEED_MESSAGES)
    }
  })
  it('with indentation, an unfinished indented line (a subheading) is not joined to the next paragraph', () => {
    const text = replaceLines(withIdeographicIndent(seed), 89, 89, [
      '\u3000\u3000二、提出建设参考方案',
      '',
      '\u3000\u3000' + seed.split('\n')[88]
    ])
    const a = parse(text).sections[0].articles[4]
    expect(a.paragraphs).toHaveLength(5)
    expect(a.paragraphs[2]).toBe('二、提出建设参考方案')
  })
  it('halves split between two Latin words are joined with a space, Chinese halves without one', () => {
    const lines = seed.split('\n')
    const text = replaceLines(seed, 57, 59, [`${lines[56]}，推进 Internet`, '', `Plus 行动，${lines[58]}`])
    const joined = paragraphsOf(parse(text)).find((p) => p.includes('Internet'))
    expect(joined).toContain('推进 Internet Plus 行动')
    expect(joined).toContain('进一步增，推进')
    expect(joinHalves('Internet', 'Plus')).toBe('Internet Plus')
    expect(joinHalves('第 3', '期')).toBe('第 3期')
    expect(joinHalves('增', '强')).toBe('增强')
    expect(joinPieces(['A', 'b', '中', '2', 'c'])).toBe('A b中2 c')
  })
  it('a closing quote left alone on the next line ends the paragraph it closes; the next paragraph stays apart', () => {
    const lines = seed.split('\n')
    const last = lines[96].replace(/。$/, '！')
    expect(last).toMatch(/！$/)
    const before = paragraphsOf(base)
    const after = paragraphsOf(parse(replaceLines(seed, 97, 97, [last, '', '”'])))
    const at = before.indexOf(lines[96])
    expect(at).toBeGreaterThanOrEqual(0)
    expect(after[at]).toBe(`${last}”`)
    expect(after.slice(at + 1)).toEqual(before.slice(at + 1))
    expect(after).toHaveLength(before.length)
  })
  it('Windows line endings and a byte-order mark', () => {
    expect(parse(withCrlfAndBom(seed))).toEqual(base)
    expect(parse(seed.replace(/\n/g, '\r'))).toEqual(base)
  })
})

describe('noise', () => {
  it('a Latin word inside Chinese text is flagged with its line', () => {
    expect(base.warnings[0]).toEqual({ line: 115, message: '中文段落中夹有外文单词“and”，请核对是否录入有误' })
  })
  it('acronyms, quoted terms and e-mail addresses are not flagged', () => {
    const text = replaceLines(seed, 115, 115, ['推动 APP 建设，开通“Internet+”专栏，来信请寄 xjc8542@163.com。'])
    expect(messages(parse(text))).toEqual(SEED_MESSAGES.slice(1))
  })
  it('Traditional characters in a reprint pass through unchanged', () => {
    const traditional = '萬州區黨史和地方志研究室向《紅色瀘州》攝製組一行介紹曾潤百等瀘州籍革命英烈事蹟並接受採訪。'
    const issue = parse(replaceLines(seed, 219, 219, [traditional]))
    expect(issue.sections[2].articles[0].paragraphs).toEqual([traditional])
  })
  it('mixed-width punctuation: a bracket closed by the other width is flagged, the source still read', () => {
    const issue = parse(replaceLines(seed, 233, 233, ['(合川区委史志研究中心供稿）']))
    expect(issue.sections[2].articles[3].source).toBe('合川区委史志研究中心')
    expect(issue.warnings).toContainEqual({ line: 233, message: '括号全角半角混用：“(”与“）”配对' })
  })
})

describe('the seed layout transforms themselves', () => {
  it('touch only what they mean to', () => {
    expect(withCrlfAndBom(seed).replace(/\r/g, '').slice(1)).toBe(seed)
    expect(mapLines(seed, (l) => l)).toBe(seed)
    expect(SEED.splitAt).toHaveLength(11)
  })
})
