// The importer's command-line tool, scripts/import.ts, run as a real process (it takes the publishing path:
// src/domain/publish through server/services/issue-files.ts).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { SEED_PATH } from './fixtures/variants'
import { parseIssue } from './index'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const seedText = readFileSync(join(ROOT, SEED_PATH), 'utf8')
const tmp = mkdtempSync(join(tmpdir(), 'issue-cli-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function run(cmd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}
const importFile = (file: string) => run('npx', ['tsx', 'scripts/import.ts', file])
const tempFile = (name: string, text: string): string => {
  const file = join(tmp, name)
  writeFileSync(file, text)
  return file
}

describe('scripts/import.ts', () => {
  it('prints the seed as 2-space JSON, warnings on stderr as FILE:LINE: warning:, exit 0', () => {
    const r = importFile(SEED_PATH)
    expect(r.status).toBe(0)
    expect(r.stdout.startsWith('{\n  "id": "chongqing-dangshi-gongzuo-2020-02",\n')).toBe(true)
    expect(JSON.parse(r.stdout)).toEqual(parseIssue(seedText, { id: 'chongqing-dangshi-gongzuo-2020-02' }))
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `${SEED_PATH}:115: warning: 中文段落中夹有外文单词“and”，请核对是否录入有误`,
      `${SEED_PATH}:173: warning: 署名用了半角括号“()”，本期其他署名用全角括号“（）”`,
      `${SEED_PATH}:197: warning: 署名用了半角括号“()”，本期其他署名用全角括号“（）”`
    ])
  })

  it('is wired as npm run -s import -- FILE', () => {
    const r = run('npm', ['run', '-s', 'import', '--', SEED_PATH])
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout).title).toBe('重庆党史工作')
  })

  it.each([
    ['empty.txt', '', '1: 文件是空的，没有任何文字'],
    [
      'no-masthead.txt',
      seedText.split('\n').slice(12).join('\n'),
      '1: 找不到刊名：文件开头应是刊名（如“重庆党史工作”）'
    ],
    [
      'binary.txt',
      '\u0000\u0001\u0002PK',
      '1: 文件含有二进制数据，不是文本文件（如果是 Word 或 PDF，请先另存为 UTF-8 纯文本）'
    ],
    [
      'no-article.txt',
      seedText.split('\n').slice(0, 34).join('\n'),
      '33: 正文中找不到文章（刊头和目录之后应有标题、段落和署名）'
    ]
  ])('rejects %s: FILE:LINE: message on stderr, nothing on stdout, exit 1', (name, text, expected) => {
    const file = tempFile(name, text)
    const r = importFile(file)
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(`${file}:${expected}\n`)
  })

  it('rejects a GBK file by its bytes', () => {
    const file = join(tmp, 'gbk.txt')
    writeFileSync(file, Buffer.from([0xd6, 0xd8, 0xc7, 0xec, 0xb5, 0xb3, 0xca, 0xb7, 0x0a]))
    const r = importFile(file)
    expect([r.status, r.stdout, r.stderr]).toEqual([
      1,
      '',
      `${file}:1: 文件不是 UTF-8 编码（可能是 GBK），请用 UTF-8 编码另存后再导入\n`
    ])
  })

  // One process per test: each takes seconds on a loaded machine.
  it('reads UTF-8 with a BOM and \\r\\n as the same issue', () => {
    const r = importFile(tempFile('bom-crlf.txt', '\ufeff' + seedText.replace(/\n/g, '\r\n')))
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual(parseIssue(seedText, { id: 'bom-crlf' }))
  })

  it('refuses a UTF-16 file by its byte-order mark', () => {
    const utf16 = join(tmp, 'utf16.txt')
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, 'utf16le')]))
    expect(importFile(utf16)).toEqual({
      status: 1,
      stdout: '',
      stderr: `${utf16}:1: 文件是 UTF-16（Unicode）编码，请用 UTF-8 编码另存后再导入\n`
    })
  })

  it('refuses a file name that is no issue id, as publish does', () => {
    const named = tempFile('第2期.txt', seedText)
    expect(importFile(named)).toMatchObject({
      status: 1,
      stdout: '',
      stderr: expect.stringMatching(/^.*第2期\.txt: 文件名“第2期”不能用作期刊标识/)
    })
  })

  it('a missing file and a missing argument', () => {
    const missing = join(tmp, 'nope.txt')
    expect(importFile(missing)).toEqual({ status: 1, stdout: '', stderr: `${missing}: 无法读取文件（ENOENT）\n` })
    const r = run('npx', ['tsx', 'scripts/import.ts'])
    expect([r.status, r.stdout, r.stderr]).toEqual([
      2,
      '',
      '用法：npm run -s import -- [--explain] FILE（.txt、.docx 或 .pdf）\n'
    ])
  })
})
