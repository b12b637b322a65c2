// A long article renders in pieces: the first screen comes at once, the rest follows, and no single setData
// reaches the audit's 256 KB nor more than 20 calls a second (both checked after every test by the fixture).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Issue } from '../../src/domain/issue/types'
import { weappFixture } from './support'

const app = weappFixture()
const TITLE = '奉节县委书记杨树海调研指导党史工作'
const PARAGRAPHS = 300

/** The sample issue as another number whose article TITLE has PARAGRAPHS more paragraphs of 300 characters. */
function longIssueText(): string {
  const sample = readFileSync('content/issues/chongqing-dangshi-gongzuo-2020-02.txt', 'utf8').replace(/\r\n/g, '\n')
  const filler = '党史学习教育要坚持学史明理、学史增信、学史崇德、学史力行，'.repeat(10).slice(0, 296)
  const extra = Array.from({ length: PARAGRAPHS }, (_, i) => `第${i + 1}段${filler}。`).join('\n\n')
  const at = sample.lastIndexOf(`\n${TITLE}\n`) + TITLE.length + 2
  return (sample.slice(0, at) + '\n' + extra + '\n' + sample.slice(at))
    .replace('第 2 期', '第 4 期')
    .replace('总第 197 期', '总第 199 期')
}

describe('a long article', () => {
  it('renders every paragraph, in pieces', async () => {
    const id = await app.server().publish(longIssueText(), 'chongqing-dangshi-gongzuo-2020-04.txt')
    const issue = (await (await fetch(`${app.server().url}/api/issues/${id}`)).json()) as Issue
    const article = issue.sections.flatMap((s) => s.articles).find((a) => a.title === TITLE)!
    expect(article.paragraphs.length).toBeGreaterThan(PARAGRAPHS)
    expect(Buffer.byteLength(JSON.stringify(article.paragraphs))).toBeGreaterThan(256 * 1024)

    const mp = app.start(app.device(), { path: 'pages/article/index', query: { issue: id, article: article.id } })
    const page = await mp.see(article.paragraphs[0])
    await mp.see(article.paragraphs[article.paragraphs.length - 1], 10000)
    if (article.source) await mp.see(`（${article.source}）`)
    const withText = page.setDataCalls.filter((c) => JSON.stringify(c.payload).includes('党史学习教育'))
    expect(withText.length).toBeGreaterThan(1)
  })
})
