// The publishing path from bytes to stored record, hashed with Node's own sha256 as the server does.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SEED_PATH } from '../issue/fixtures/variants'
import { utf8Length } from '../issue/hash'
import { parseIssue, serializeIssue, summarizeIssue } from '../issue/index'
import {
  decodeIssueBytes,
  decodeUtf8,
  formatProblem,
  formatWarning,
  isIssueId,
  issueIdFromFileName,
  publishedIssue,
  publishIssueBytes,
  publishIssueText,
  type PublishResult
} from './index'

const seedBytes = new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../${SEED_PATH}`, import.meta.url))))
const seedText = Buffer.from(seedBytes).toString('utf8')
const nodeSha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex')
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))

/** The refusal of a result, formatted as the tools print it for `file`. */
function refusal(result: PublishResult, file: string): string {
  if (result.ok) throw new Error('expected a refusal')
  return formatProblem(file, result.problem)
}

describe('issue id from the file name', () => {
  it('is the name without folder and extension, as Node basename(file, extname(file))', () => {
    const names = [
      'content/issues/chongqing-dangshi-gongzuo-2020-02.txt',
      'x.txt',
      'a/b/c.tar.txt',
      'noext',
      'a.',
      '.hidden.txt',
      '.hidden',
      '..',
      'dir/...txt',
      '/abs/path/issue-3.TXT',
      'a/b/'
    ]
    for (const name of names) expect([name, issueIdFromFileName(name)]).toEqual([name, basename(name, extname(name))])
    expect(issueIdFromFileName('C:\\期刊\\issue-2020-02.txt')).toBe('issue-2020-02')
  })
  it('accepts URL- and file-safe ids only', () => {
    for (const ok of ['a', 'chongqing-dangshi-gongzuo-2020-02', 'x_1.v2', 'A'.repeat(100)])
      expect(isIssueId(ok)).toBe(true)
    for (const bad of ['', '.hidden', '-a', 'a b', 'a..b', 'a.', '重庆', 'a/b', 'A'.repeat(101)])
      expect(isIssueId(bad)).toBe(false)
  })
  it('a name that is no usable id is refused before parsing, with the file and no line', () => {
    expect(refusal(publishIssueText(seedText, 'in/.hidden.txt', nodeSha), 'in/.hidden.txt')).toBe(
      'in/.hidden.txt: 文件名“.hidden”不能用作期刊标识（只能用字母、数字和 - _ .，并以字母或数字开头）'
    )
    expect(refusal(publishIssueText(seedText, '重庆党史工作.txt', nodeSha), 'f')).toMatch(/^f: 文件名“重庆党史工作”/)
  })
})

describe('encodings', () => {
  it('UTF-8 with and without BOM, \\n or \\r\\n, publish the same issue', () => {
    const plain = publishIssueBytes(seedBytes, 'a.txt', nodeSha)
    const bom = publishIssueBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...seedBytes]), 'a.txt', nodeSha)
    const crlf = publishIssueBytes(utf8(seedText.replace(/\n/g, '\r\n')), 'a.txt', nodeSha)
    if (!plain.ok || !bom.ok || !crlf.ok) throw new Error('expected the seed to publish')
    expect(bom.published.json).toBe(plain.published.json)
    expect(crlf.published.json).toBe(plain.published.json)
    expect(bom.published.hash).toBe(plain.published.hash)
    // The source hash is of the file as it was, so an edited file is noticed even when its issue is unchanged.
    expect(bom.published.sourceHash).toBe(nodeSha(new Uint8Array([0xef, 0xbb, 0xbf, ...seedBytes])))
    expect(plain.published.sourceHash).toBe(nodeSha(seedBytes))
  })

  it.each([
    ['empty', [], 'f.txt:1: 文件是空的，没有任何文字'],
    ['only a BOM', [0xef, 0xbb, 0xbf], 'f.txt:1: 文件是空的，没有任何文字'],
    [
      'binary (PNG header)',
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d],
      'f.txt:1: 文件含有二进制数据，不是文本文件（如果是 Word 或 PDF，请先另存为 UTF-8 纯文本）'
    ],
    [
      'GBK (重庆党史)',
      [0xd6, 0xd8, 0xc7, 0xec, 0xb5, 0xb3, 0xca, 0xb7, 0x0a],
      'f.txt:1: 文件不是 UTF-8 编码（可能是 GBK），请用 UTF-8 编码另存后再导入'
    ],
    [
      'UTF-16LE with BOM',
      [0xff, 0xfe, 0x0d, 0x91, 0x86, 0x5e],
      'f.txt:1: 文件是 UTF-16（Unicode）编码，请用 UTF-8 编码另存后再导入'
    ],
    [
      'UTF-16BE with BOM',
      [0xfe, 0xff, 0x91, 0x0d, 0x5e, 0x86],
      'f.txt:1: 文件是 UTF-16（Unicode）编码，请用 UTF-8 编码另存后再导入'
    ]
  ])('refuses %s with FILE:LINE: message', (_, bytes, expected) => {
    expect(refusal(publishIssueBytes(new Uint8Array(bytes), 'f.txt', nodeSha), 'f.txt')).toBe(expected)
  })

  it('a GBK line deep in the file is reported at its line', () => {
    const lines = seedText.split('\n')
    const bytes = new Uint8Array([
      ...utf8(lines.slice(0, 99).join('\n') + '\n'),
      0xd6,
      0xd8,
      0xc7,
      0xec,
      0x0a,
      ...utf8(lines.slice(100).join('\n'))
    ])
    expect(refusal(publishIssueBytes(bytes, 'f.txt', nodeSha), 'f.txt')).toBe(
      'f.txt:100: 文件不是 UTF-8 编码（可能是 GBK），请用 UTF-8 编码另存后再导入'
    )
  })

  it('decodeIssueBytes keeps the BOM and the text as the file has it', () => {
    expect(decodeIssueBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ ok: true, text: '\ufeffa' })
  })

  it('decodeUtf8 equals TextDecoder (non-fatal, BOM kept) on any bytes', () => {
    const reference = new TextDecoder('utf-8', { ignoreBOM: true })
    const samples = ['', 'a', '党史阅读', '𠀀𝄞 astral', '\ufeff带 BOM', seedText]
    for (const s of samples) expect(decodeUtf8(utf8(s))).toBe(s)
    const broken = [
      [0xc0, 0x80],
      [0xe0, 0x80, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe5, 0x85],
      [0xe5, 0x0a, 0x85, 0x9a],
      [0xff],
      [0xf0, 0x9f, 0x98]
    ]
    for (const b of broken) expect(decodeUtf8(new Uint8Array(b))).toBe(reference.decode(new Uint8Array(b)))
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => decodeUtf8(bytes) === reference.decode(bytes)),
      { numRuns: 2000 }
    )
  })
})

describe('record', () => {
  const result = publishIssueBytes(seedBytes, 'content/issues/chongqing-dangshi-gongzuo-2020-02.txt', nodeSha)
  if (!result.ok) throw new Error(formatProblem('seed', result.problem))
  const { published } = result
  const parsed = parseIssue(seedText, { id: 'chongqing-dangshi-gongzuo-2020-02' })

  it('is the parsed issue, served as serializeIssue, with warnings kept on the issue', () => {
    expect(published.issue).toEqual(parsed)
    expect(published.json).toBe(serializeIssue(parsed))
    expect(published.issue.warnings.map((w) => formatWarning('x.txt', w))).toEqual([
      'x.txt:115: warning: 中文段落中夹有外文单词“and”，请核对是否录入有误',
      'x.txt:173: warning: 署名用了半角括号“()”，本期其他署名用全角括号“（）”',
      'x.txt:197: warning: 署名用了半角括号“()”，本期其他署名用全角括号“（）”'
    ])
  })

  it('hash is sha256 of the served bytes, stable across runs', () => {
    expect(published.hash).toBe(nodeSha(Buffer.from(published.json, 'utf8')))
    const again = publishIssueBytes(seedBytes, 'elsewhere/chongqing-dangshi-gongzuo-2020-02.txt', nodeSha)
    expect(again.ok && again.published.hash).toBe(published.hash)
    expect(publishedIssue(parsed, seedText, nodeSha)).toEqual(published)
  })

  it('summary equals summarizeIssue of the served JSON and its hash', () => {
    expect(published.summary).toEqual(summarizeIssue(parsed, published.json, published.hash))
    expect(published.summary.size).toBe(Buffer.byteLength(published.json))
  })
})

describe('UTF-8 byte counts', () => {
  it('utf8Length counts 1–4 bytes per code point, lone surrogates as U+FFFD', () => {
    expect(utf8Length('')).toBe(0)
    expect(utf8Length('a')).toBe(1)
    expect(utf8Length('é')).toBe(2)
    expect(utf8Length('党')).toBe(3)
    expect(utf8Length('𠀀')).toBe(4)
    expect(utf8Length('😀党a')).toBe(8)
    expect(utf8Length('\ud800')).toBe(3)
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => {
        return utf8Length(s) === Buffer.byteLength(s, 'utf8')
      }),
      { numRuns: 1000 }
    )
  })
})
