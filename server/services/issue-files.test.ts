// @vitest-environment node
// The Node half of publishing that the server's start-up scan, npm run import and npm run publish share.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { formatProblem, publishIssueText } from '../../src/domain/publish'
import { sha256 } from './secrets'
import { SAMPLE_ISSUE, tempDir } from '../test-support'
import { listIssueFiles, readIssueDirectory, readIssueFile, readIssueText } from './issue-files'

const dir = tempDir('issue-files-')
afterAll(() => dir.remove())
const sample = readFileSync(SAMPLE_ISSUE, 'utf8')

describe('issue files', () => {
  it('lists only *.txt, sorted by name, and publishes each the way publishIssueText does', () => {
    const issues = join(dir.path, 'issues')
    mkdirSync(join(issues, 'sub.txt'), { recursive: true })
    writeFileSync(join(issues, 'b-2020-03.txt'), sample)
    writeFileSync(join(issues, 'a-2020-02.txt'), '\ufeff' + sample)
    writeFileSync(join(issues, 'notes.md'), '# not an issue')
    writeFileSync(join(issues, 'gbk.txt'), Buffer.from([0xd6, 0xd8, 0xc7, 0xec, 0x0a]))
    expect(listIssueFiles(issues).map((f) => f.slice(issues.length + 1))).toEqual([
      'a-2020-02.txt',
      'b-2020-03.txt',
      'gbk.txt',
      'sub.txt'
    ])

    const results = readIssueDirectory(issues)
    const [a, b, gbk, sub] = results.map((r) => r.result)
    if (!a.ok || !b.ok) throw new Error('expected the sample to publish')
    expect(b.published).toEqual((publishIssueText(sample, 'b-2020-03.txt', sha256) as { published: unknown }).published)
    expect(a.published.json).toBe(b.published.json.replace('"b-2020-03"', '"a-2020-02"'))
    expect(a.published.hash).toBe(createHash('sha256').update(a.published.json).digest('hex'))
    expect(a.published.sourceHash).toBe(
      createHash('sha256')
        .update(readFileSync(join(issues, 'a-2020-02.txt')))
        .digest('hex')
    )
    expect(!gbk.ok && formatProblem(results[2].file, gbk.problem)).toBe(
      `${join(issues, 'gbk.txt')}:1: 文件不是 UTF-8 编码（可能是 GBK），请用 UTF-8 编码另存后再导入`
    )
    // A folder named like an issue cannot be read as one; it is reported, not thrown.
    expect(!sub.ok && sub.problem).toEqual({ line: null, message: '无法读取文件（EISDIR）' })
  })

  it('a missing file is a refusal without a line; readIssueText keeps the BOM', () => {
    expect(readIssueFile(join(dir.path, 'nope.txt'))).toEqual({
      ok: false,
      problem: { line: null, message: '无法读取文件（ENOENT）' }
    })
    const bom = join(dir.path, 'bom.txt')
    writeFileSync(bom, '\ufeff党史')
    expect(readIssueText(bom)).toBe('\ufeff党史')
  })
})
