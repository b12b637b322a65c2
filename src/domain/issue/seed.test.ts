// The seed issue, item by item. Expected values were read off the seed by hand; paragraphs are given as the seed
// line numbers they come from ([a, b] = a page-split paragraph whose halves are lines a and b).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SEED_PATH } from './fixtures/variants'
import { fnv1a32, parseIssue, parseIssueDetailed } from './index'

const seed = readFileSync(fileURLToPath(new URL(`../../../${SEED_PATH}`, import.meta.url)), 'utf8')
const seedLines = seed.split('\n')
const line = (n: number): string => seedLines[n - 1]
const para = (spec: number | readonly [number, number]): string =>
  typeof spec === 'number' ? line(spec) : line(spec[0]) + line(spec[1])

const issue = parseIssue(seed, { id: 'chongqing-dangshi-gongzuo-2020-02' })

type Spec = { title: string | null; source: string; paragraphs: Array<number | readonly [number, number]> }

const WORK: Spec[] = [
  {
    title: '市委党史研究室召开中心组学习会议重点探讨服务成渝地区双城经济圈建设问题',
    source: '市委党史研究室办公室',
    paragraphs: [39]
  },
  { title: '市委党史研究室领导调研指导开州区党史工作', source: '市委党史研究室宣教处', paragraphs: [45, 47] },
  {
    title: '市委党史研究室深入基层调研推动对口帮扶工作',
    source: '市委党史研究室办公室',
    paragraphs: [53, 55, [57, 59]]
  },
  {
    title: '成渝两地党史部门就加强合作交流达成共识',
    source: '市委党史研究室宣教处',
    paragraphs: [65, 67, 69, [71, 73], 75, 77]
  },
  {
    title: '市委党史研究室积极指导对口帮扶地区村史馆建设',
    source: '市委党史研究室宣教处',
    paragraphs: [83, [85, 87], 89, 91]
  },
  {
    title: '市委党史研究室联合市委直属机关工委开展“读党史、守初心、担使命”活动',
    source: '市委党史研究室宣教处',
    paragraphs: [97, [99, 101], 103]
  },
  {
    title: '市委党史研究室召开领导班子 2019 年度考核述职测评会',
    source: '市委党史研究室办公室',
    paragraphs: [[109, 111], 113, 115]
  },
  {
    title: '重庆开通学习强国党史专栏打造宣传集群平台',
    source: '市委党史研究室宣教处',
    paragraphs: [121, [123, 125], 127, 129]
  },
  {
    title: '奉节县委书记杨树海调研指导党史工作',
    source: '奉节县委党史研究室',
    paragraphs: [135, 137, 139, 141, [143, 145], 147, 149]
  },
  {
    title: '渝中区委党史研究室积极推进青少年党史教育陈列馆建设',
    source: '渝中区委党史研究室',
    paragraphs: [155, 157, 159, 161]
  },
  {
    title: '璧山区委党史研究室认真谋划建党 100 周年党史工作任务',
    source: '璧山区委党史研究室',
    paragraphs: [167, [169, 171]]
  },
  {
    title: '荣昌区委党史地方志研究室积极推进建党 100 年重点项目',
    source: '荣昌区委党史地方志研究室',
    paragraphs: [177, 179, [181, 183]]
  },
  {
    title: '大足区召开《图说大足党史》《口述大足党史》编写大纲讨论会',
    source: '大足区委党史研究室',
    paragraphs: [189, 191, [193, 195]]
  }
]
const FIGHT: Spec[] = [
  {
    title: '全市党史部门部署推进疫情防控史料征编工作取得阶段性进展',
    source: '市委党史研究室征研二处',
    paragraphs: [203, 205, [207, 209], 211, 213]
  }
]
const SHORT: Spec[] = [
  { title: null, source: '万州区党史和地方志研究室', paragraphs: [219] },
  { title: null, source: '巴南区委党史研究室', paragraphs: [223] },
  { title: null, source: '渝北区委党史研究室', paragraphs: [227] },
  { title: null, source: '合川区委史志研究中心', paragraphs: [231] },
  { title: null, source: '綦江区委党史地方志研究室', paragraphs: [235] }
]

describe('seed issue 《重庆党史工作》2020年第2期', () => {
  it('reads the masthead', () => {
    expect(issue.id).toBe('chongqing-dangshi-gongzuo-2020-02')
    expect(issue.title).toBe('重庆党史工作')
    expect(issue.number).toBe(2)
    expect(issue.totalNumber).toBe(197)
    expect(issue.publishedOn).toBe('2020-06-09')
    expect(issue.editor).toBe('中共重庆市委党史研究室')
    expect(issue.supplement).toBe(false)
    expect(issue.markings).toBeUndefined()
    expect(issue.signer).toBeUndefined()
  })

  it('has three sections in reading order with 13, 1 and 5 articles', () => {
    expect(issue.sections.map((s) => s.title)).toEqual(['工作动态', '抗疫进行时', '信息短波'])
    expect(issue.sections.map((s) => s.articles.length)).toEqual([13, 1, 5])
  })

  const cases: Array<[string, number, Spec[]]> = [
    ['工作动态', 0, WORK],
    ['抗疫进行时', 1, FIGHT],
    ['信息短波', 2, SHORT]
  ]
  for (const [name, index, specs] of cases) {
    describe(name, () => {
      const articles = issue.sections[index].articles
      it('titles', () => expect(articles.map((a) => a.title)).toEqual(specs.map((s) => s.title)))
      it('sources', () => expect(articles.map((a) => a.source)).toEqual(specs.map((s) => s.source)))
      it('paragraph counts', () =>
        expect(articles.map((a) => a.paragraphs.length)).toEqual(specs.map((s) => s.paragraphs.length)))
      it('paragraph text, exactly', () => {
        articles.forEach((a, k) => expect(a.paragraphs).toEqual(specs[k].paragraphs.map(para)))
      })
      it('no author split off any attribution', () => articles.forEach((a) => expect(a.author).toBeUndefined()))
    })
  }

  it('takes the contents text for titles the body wrapped with a space (8 of 14 differ)', () => {
    expect(line(37)).toBe('市委党史研究室召开中心组学习会议 重点探讨服务成渝地区双城经济圈建设问题')
    expect(issue.sections[0].articles[0].title).toBe(
      '市委党史研究室召开中心组学习会议重点探讨服务成渝地区双城经济圈建设问题'
    )
    expect(line(201)).toBe('全市党史部门部署推进 疫情防控史料征编工作取得阶段性进展')
    expect(issue.sections[1].articles[0].title).toBe('全市党史部门部署推进疫情防控史料征编工作取得阶段性进展')
  })

  it('joins exactly the 11 page-split paragraphs', () => {
    const { joins } = parseIssueDetailed(seed, { id: 'x' })
    expect(joins).toEqual([57, 71, 85, 99, 109, 123, 143, 169, 181, 193, 207].map((n) => ({ line: n, next: n + 2 })))
    const all = issue.sections.flatMap((s) => s.articles.flatMap((a) => a.paragraphs))
    const joinPoints = [
      '进一步增强奉献精神，坚持扎根基层',
      '共享党史资源和研究成果；组织力量',
      '大进镇村史馆建设前期情况和需求重点。',
      // The first half ends in a closing quote: 「由“读”“听”“讲”“答”」 is still mid-sentence.
      '由“读”“听”“讲”“答”四个环节组成，于 2020 年 4 月至 9 月有序开展。',
      '徐塞声同志代表室领导班子作 2019 年度述职报告',
      '“千秋红岩”“红色遗址”四个子栏目，重点讲好',
      '要把历史逻辑同伟大实践融合起来，',
      '提高干部队伍专业素养和专业能力。',
      '工作经费落实、编写大纲完善、资料征集整理',
      '口述史资料是研究地方党史的重要资料和宝贵财富',
      '另一方面积极与市疫情防控工作领导小组办公室沟通协调疫情防控资料征集事宜。'
    ]
    for (const point of joinPoints) expect(all.filter((p) => p.includes(point))).toHaveLength(1)
    expect(all).toHaveLength(55)
  })

  it('keeps a paragraph that ends in a quote after its final mark as it is', () => {
    expect(issue.sections[0].articles[9].paragraphs[2].endsWith('给予大力支持！”。')).toBe(true)
  })

  it('reads the footer', () => {
    expect(issue.footer).toEqual({
      reportTo: ['中央党史和文献研究院'],
      sendTo: ['市级有关部门领导', '各省级、副省级城市党史部门'],
      distributeTo: ['各区（县）委党史部门', '万盛经开区党史研究室', '各处室'],
      editorInCharge: '余敬春',
      phone: '023-63898542',
      email: 'xjc8542@163.com',
      copies: null
    })
  })

  it('warns about the Latin word and the two half-width attributions, nothing else', () => {
    expect(line(115)).toContain('精神 and 关于')
    expect(issue.warnings).toEqual([
      { line: 115, message: '中文段落中夹有外文单词“and”，请核对是否录入有误' },
      { line: 173, message: '署名用了半角括号“()”，本期其他署名用全角括号“（）”' },
      { line: 197, message: '署名用了半角括号“()”，本期其他署名用全角括号“（）”' }
    ])
  })

  it('gives stable ids: an FNV-1a hash of section title and title (or first paragraph), the same on every run', () => {
    const again = parseIssue(seed, { id: 'other' })
    expect(again.sections).toEqual(issue.sections)
    const first = issue.sections[0].articles[0]
    expect(first.id).toBe(fnv1a32(`工作动态\n${first.title}`))
    const short = issue.sections[2].articles[0]
    expect(short.id).toBe(fnv1a32(`信息短波\n${short.paragraphs[0]}`))
    const ids = issue.sections.flatMap((s) => s.articles.map((a) => a.id))
    expect(new Set(ids).size).toBe(19)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}$/)
  })
})
