// scripts/quiz-import.ts and scripts/quiz-template.ts: files built here in a temp dir, never shipped.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { SEED_PATH } from '../src/domain/issue/fixtures/variants'
import { decodeCsv, runQuizImport } from './quiz-import'
import { EXAMPLES, templateWorkbook } from './quiz-template'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const tmp = mkdtempSync(join(tmpdir(), 'quiz-import-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
const issuesDir = join(tmp, 'issues')
mkdirSync(issuesDir)
copyFileSync(join(ROOT, SEED_PATH), join(issuesDir, 'chongqing-dangshi-gongzuo-2020-02.txt'))

const HEADER = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案', '解析', '分值', '难度', '出处', '主题']
const ISSUE = 'chongqing-dangshi-gongzuo-2020-02'
const FACT = '《中国共产党简史》，人民出版社、中共党史出版社，2021年2月'
const GOOD = [
  [
    '单选',
    '活动覆盖市直机关多少个党组织？',
    '500余个',
    '3900余个',
    '1万余个',
    '',
    'B',
    '见原文。',
    '2',
    '易',
    `${ISSUE}「覆盖市直机关 3900 余个党组织、5 万余名党员干部」`,
    '读党史活动'
  ],
  ['多选', '中共一大先后在哪些地方举行？', '上海', '嘉兴南湖', '北京', '广州', 'A，B', '', '', '', FACT, ''],
  [
    '判断',
    '活动于2020年4月至9月开展。',
    '',
    '',
    '',
    '',
    '√',
    '',
    '1',
    '中',
    '《重庆党史工作》2020年第2期「于 2020 年 4 月至 9 月有序开展」',
    ''
  ],
  ['填空', '中共一大于1921年7月23日在____开幕。', '', '', '', '', '上海；上海市', '', '1', '难', FACT, '建党']
]
const csvCell = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)
const csv = (rows: string[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
const write = (name: string, data: string | Buffer) => {
  const file = join(tmp, name)
  writeFileSync(file, data)
  return file
}
const importFile = (file: string) => runQuizImport([file, '--issues', issuesDir])
async function xlsx(name: string, rows: Array<Array<string | number>>): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('题库')
  for (const r of rows) sheet.addRow(r)
  const file = join(tmp, name)
  await workbook.xlsx.writeFile(file)
  return file
}

describe('decodeCsv', () => {
  it('UTF-8, UTF-8 with BOM and GB18030/GBK', () => {
    const text = '题型,题干\r\n判断,“读党史”活动√\r\n'
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toBe(text)
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toBe(text)
    expect(decodeCsv(iconv.encode(text, 'gbk'))).toBe(text)
    expect(decodeCsv(iconv.encode(text, 'gb18030'))).toBe(text)
  })
})

describe('quiz:import', () => {
  let expected: unknown

  it('imports an .xlsx (a 分值 stored as a number too) and prints {questions} as JSON', async () => {
    const scoreAt = HEADER.indexOf('分值')
    const rows = GOOD.map((r) => r.map((c, i) => (i === scoreAt && c !== '' ? Number(c) : c)))
    const r = await importFile(await xlsx('good.xlsx', [HEADER, ...rows]))
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(Object.keys(out)).toEqual(['questions'])
    expect(out.questions.map((q: { type: string }) => q.type)).toEqual(['single', 'multiple', 'truefalse', 'fill'])
    expect(out.questions[0]).toMatchObject({
      answer: 'B',
      score: 2,
      difficulty: '易',
      topic: '读党史活动',
      source: { kind: 'article', issueId: ISSUE }
    })
    expect(out.questions[2].source).toMatchObject({ kind: 'article', issueId: ISSUE, paragraph: expect.any(Number) })
    expected = out
  })

  it.each([
    ['UTF-8', (t: string) => Buffer.from(t, 'utf8')],
    ['UTF-8 with BOM', (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')])],
    ['GBK', (t: string) => iconv.encode(t, 'gbk')]
  ])('imports the same bank from a CSV in %s', async (name, encode) => {
    const r = await importFile(write(`good-${name}.csv`, encode(csv([HEADER, ...GOOD]))))
    expect([r.code, r.stderr]).toEqual([0, ''])
    expect(JSON.parse(r.stdout)).toEqual(expected)
  })

  it('a CSV with 5 bad rows: every one reported as FILE:ROW:COLUMN, nothing on stdout, exit 1', async () => {
    const file = write(
      'bad.csv',
      iconv.encode(
        csv([
          HEADER,
          GOOD[0],
          ['问答', '什么是初心？', '', '', '', '', '为人民谋幸福', '', '', '', FACT, ''],
          GOOD[1],
          ['单选', '中共一大在哪里开幕？', '上海', '北京', '', '', 'E', '', '', '', FACT, ''],
          ['多选', '遵义会议是哪一年召开的？', '1934', '1935', '1936', '', 'B', '', '', '', FACT, ''],
          GOOD[2],
          ['判断', '重庆于1949年11月30日解放。', '', '', '', '', '也许', '', '三', '', FACT, ''],
          GOOD[3],
          [
            '单选',
            '活动覆盖多少名党员干部？',
            '5万余名',
            '50万余名',
            '',
            '',
            'A',
            '',
            '',
            '',
            `${ISSUE}「共有3900多个党组织、5万余名党员参与」`,
            ''
          ]
        ]),
        'gbk'
      )
    )
    const r = await importFile(file)
    expect([r.code, r.stdout]).toEqual([1, ''])
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `${file}:3:A: 题型 "问答" 不认识（应为 单选、多选、判断 或 填空）`,
      `${file}:5:G: 答案 "E" 没有对应的选项`,
      `${file}:6:G: 多选题至少要有两个答案（现为 "B"）`,
      `${file}:8:G: 判断题的答案 "也许" 既不是“对”也不是“错”（可写 对/错、正确/错误、√/×、T/F、是/否）`,
      `${file}:8:I: 分值 "三" 应为正数（如 1 或 2）`,
      `${file}:10:K: 出处的引文在 ${ISSUE} 中找不到：「共有3900多个党组织、5万余名党员参与」`
    ])
  })

  it('a duplicate 题干 names the first row', async () => {
    const file = write(
      'dup.csv',
      csv([HEADER, GOOD[0], GOOD[1], [...GOOD[2].slice(0, 1), GOOD[0][1], ...GOOD[2].slice(2)]])
    )
    const r = await importFile(file)
    expect([r.code, r.stderr]).toEqual([1, `${file}:4:B: 题干与第 2 行重复\n`])
  })

  it('an .xlsx with bad rows names the spreadsheet column, whatever the column order', async () => {
    const header = ['序号', '答案', '题干', '题型', '选项A', '选项B', '解析', '出处']
    const file = await xlsx('bad.xlsx', [
      header,
      [1, 'C', '中共一大在哪里开幕？', '单选', '上海', '北京', '', FACT],
      [2, 'A', '', '单选', '上海', '北京', '', `《重庆党史工作》2021年第9期「引文」`]
    ])
    const r = await importFile(file)
    expect(r.code).toBe(1)
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `${file}:2:B: 答案 "C" 没有对应的选项`,
      `${file}:3:C: 题干为空`,
      `${file}:3:H: 出处中的期 "《重庆党史工作》2021年第9期" 找不到（在 ${issuesDir} 中查找）`
    ])
  })

  it('a CSV cell with a line break stays in its row; later rows keep their numbers', async () => {
    const file = write(
      'multiline.csv',
      csv([
        HEADER,
        [...GOOD[0].slice(0, 7), '第一行\n第二行', ...GOOD[0].slice(8)],
        ['单选', '', '', '', '', '', '', '', '', '', FACT, '']
      ])
    )
    const r = await importFile(file)
    expect(r.stderr).toContain(`${file}:3:B: 题干为空`)
  })

  it('missing header columns: one error', async () => {
    const file = write('header.csv', '题型,题干,选项A,选项B,答案\n单选,题,甲,乙,A\n')
    const r = await importFile(file)
    expect([r.code, r.stdout]).toEqual([1, ''])
    expect(r.stderr).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: 表头缺少列：解析、出处（第 1 行应为 题型,题干,选项A,`
      )
    )
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
  })

  it('usage, unsupported files, unreadable files', async () => {
    expect(await runQuizImport([])).toEqual({
      code: 2,
      stdout: '',
      stderr: '用法：npm run -s quiz:import -- FILE [--issues DIR]\n'
    })
    expect(await runQuizImport(['a.csv', '--issues'])).toMatchObject({ code: 2 })
    expect(await runQuizImport(['bank.xls'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'bank.xls: 只能导入 .xlsx 或 .csv 文件（.xls 请在 Excel 中另存为 .xlsx）\n'
    })
    const missing = join(tmp, 'nope.csv')
    expect(await runQuizImport([missing])).toEqual({
      code: 1,
      stdout: '',
      stderr: `${missing}: 无法读取文件（ENOENT）\n`
    })
    const broken = write('broken.xlsx', 'not a zip')
    expect(await runQuizImport([broken])).toMatchObject({ code: 1, stderr: expect.stringMatching(/文件无法解析/) })
    const unclosed = write('unclosed.csv', '题型,题干,答案,解析,出处\n单选,"未闭合,A,,x\n')
    expect(await runQuizImport([unclosed])).toEqual({
      code: 1,
      stdout: '',
      stderr: `${unclosed}:2: 有一个引号 " 没有配对（到文件末尾仍未闭合）\n`
    })
    const empty = write('empty.csv', csv([HEADER]))
    expect(await importFile(empty)).toEqual({ code: 1, stdout: '', stderr: `${empty}: 文件中没有题目\n` })
  })
})

describe('quiz:template', () => {
  it('has a bold header with widths and one example per type, and imports cleanly against the shipped issues', async () => {
    const file = join(tmp, 'template.xlsx')
    await templateWorkbook().xlsx.writeFile(file)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(file)
    const sheet = workbook.worksheets[0]
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true)
    expect(sheet.getColumn(2).width).toBeGreaterThan(20)
    expect(sheet.rowCount).toBe(1 + EXAMPLES.length)
    const r = await runQuizImport([file, '--issues', join(ROOT, 'content/issues')])
    expect([r.code, r.stderr]).toEqual([0, ''])
    expect(JSON.parse(r.stdout).questions.map((q: { type: string }) => q.type)).toEqual([
      'single',
      'multiple',
      'truefalse',
      'fill'
    ])
  })
})

describe('npm scripts', () => {
  const npm = (args: string[]) => spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })

  it('npm run quiz:template -- OUT, then npm run -s quiz:import -- OUT --issues DIR', { timeout: 180_000 }, () => {
    const out = join(tmp, '题库模板.xlsx')
    const t = npm(['run', '-s', 'quiz:template', '--', out])
    expect([t.status, t.stdout]).toEqual([0, `已写出题库模板：${out}\n`])
    const r = npm(['run', '-s', 'quiz:import', '--', out, '--issues', issuesDir])
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout).questions).toHaveLength(EXAMPLES.length)
    const bad = write('bad-cli.csv', csv([HEADER, ['问答', '题', '', '', '', '', 'A', '', '', '', FACT, '']]))
    const b = npm(['run', '-s', 'quiz:import', '--', bad, '--issues', issuesDir])
    expect([b.status, b.stdout, b.stderr]).toEqual([
      1,
      '',
      `${bad}:2:A: 题型 "问答" 不认识（应为 单选、多选、判断 或 填空）\n`
    ])
  })
})
