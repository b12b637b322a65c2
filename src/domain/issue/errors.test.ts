// Unusable input: the parser throws IssueParseError with a line and a message an organizer can act on.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { replaceLines, SEED_PATH, withMasthead } from './fixtures/variants'
import { IssueParseError, isIssueParseError, parseIssue } from './index'

const seed = readFileSync(fileURLToPath(new URL(`../../../${SEED_PATH}`, import.meta.url)), 'utf8')

function failure(input: unknown): IssueParseError {
  try {
    parseIssue(input as string, { id: 't' })
  } catch (e) {
    expect(e).toBeInstanceOf(IssueParseError)
    expect(isIssueParseError(e)).toBe(true)
    const err = e as IssueParseError
    expect(Number.isInteger(err.line) && err.line >= 1).toBe(true)
    return err
  }
  throw new Error('expected IssueParseError')
}
const at = (e: IssueParseError): [number, string] => [e.line, e.message]
const decode = (bytes: number[]): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(bytes))

describe('unusable input', () => {
  it('an empty file', () => {
    expect(at(failure(''))).toEqual([1, '文件是空的，没有任何文字'])
    expect(at(failure('\n\n　　\r\n'))).toEqual([1, '文件是空的，没有任何文字'])
    expect(at(failure('\ufeff'))).toEqual([1, '文件是空的，没有任何文字'])
  })
  it('binary garbage', () => {
    const png = decode([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])
    expect(at(failure(png))).toEqual([
      1,
      '文件含有二进制数据，不是文本文件（如果是 Word 或 PDF，请先另存为 UTF-8 纯文本）'
    ])
    const head = seed.slice(0, 300)
    expect(failure(head + '\u0000\u0003').line).toBe(head.split('\n').length)
    // UTF-16 (Windows "Unicode") is full of NUL bytes when read as UTF-8.
    expect(failure(decode([0xff, 0xfe, 0x0d, 0x91, 0x86, 0x5e]) + decode([0x61, 0x00])).message).toContain('二进制')
  })
  it('a GBK file', () => {
    // 「重庆党史工作」 in GBK.
    const gbk = decode([0xd6, 0xd8, 0xc7, 0xec, 0xb5, 0xb3, 0xca, 0xb7, 0xb9, 0xa4, 0xd7, 0xf7, 0x0a])
    expect(at(failure(gbk))).toEqual([1, '文件不是 UTF-8 编码（可能是 GBK），请用 UTF-8 编码另存后再导入'])
  })
  it('no masthead: the file starts with the contents', () => {
    const text = seed.split('\n').slice(12).join('\n')
    expect(at(failure(text))).toEqual([1, '找不到刊名：文件开头应是刊名（如“重庆党史工作”）'])
  })
  it('no masthead: the file starts with an article', () => {
    const text = seed.split('\n').slice(38).join('\n')
    expect(at(failure(text))).toEqual([
      1,
      '找不到刊名：文件开头的“为深入学习习近平总书记关于推动成渝地区双…”不像刊名（如“重庆党史工作”）'
    ])
  })
  it('a title but no issue number', () => {
    expect(at(failure(replaceLines(seed, 5, 7, [])))).toEqual([
      10,
      '刊名“重庆党史工作”下面找不到期号（如“第 2 期”“第2期（总第197期）”或“增刊”）'
    ])
  })
  it('no publication date', () => {
    expect(at(failure(replaceLines(seed, 11, 11, [''])))).toEqual([
      13,
      '刊头中找不到出版日期（如“2020 年 6 月 9 日”或“二〇二〇年六月九日”）'
    ])
  })
  it('a date that is not a date', () => {
    expect(at(failure(replaceLines(seed, 11, 11, ['2020 年 2 月 30 日'])))).toEqual([
      11,
      '出版日期“2020 年 2 月 30 日”不是有效的日期'
    ])
  })
  it('no article: masthead and contents only', () => {
    const text = seed.split('\n').slice(0, 34).join('\n')
    expect(at(failure(text))).toEqual([33, '正文中找不到文章（刊头和目录之后应有标题、段落和署名）'])
  })
  it('no article: masthead and footer only', () => {
    const text = withMasthead(seed, seed.split('\n').slice(0, 11))
      .split('\n')
      .filter((_, i) => i < 11 || i >= 238)
      .join('\n')
    expect(at(failure(text))).toEqual([12, '正文中找不到文章（刊头和目录之后应有标题、段落和署名）'])
  })
  it('a huge first line is rejected at once', () => {
    const started = performance.now()
    expect(failure('二'.repeat(500_000) + '\n第 2 期').line).toBe(1)
    expect(performance.now() - started).toBeLessThan(2000)
  })
  it('not a string at all', () => {
    for (const input of [undefined, null, 42, {}, new Uint8Array([1, 2])])
      expect(failure(input).message).toBe('输入不是文本')
  })
})
