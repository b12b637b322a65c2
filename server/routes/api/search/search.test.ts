// GET /api/search over the real app (FTS5 on a temp database): found as the device finds it, public, bad queries
// refused with a sentence, and an issue searchable as soon as it is published (and its old text no longer).
import { readFileSync } from 'node:fs'
import { Value } from '@sinclair/typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SearchReplySchema, type SearchReply } from '../../../../src/domain/api/search'
import { parseIssue } from '../../../../src/domain/issue'
import {
  buildSegment,
  normalizeText,
  parseSearchQuery,
  prepareIssue,
  searchPrepared
} from '../../../../src/domain/search'
import { SAMPLE_ID, SAMPLE_ISSUE, testEnv, type TestEnv } from '../../../test-support'

let env: TestEnv
const sampleText = readFileSync(SAMPLE_ISSUE, 'utf8')
const sample = parseIssue(sampleText, { id: SAMPLE_ID })

beforeAll(async () => {
  env = await testEnv()
})
afterAll(async () => env.close())

async function search(
  q: string,
  limit?: number
): Promise<{ status: number; body: SearchReply & { message?: string } }> {
  const query = `q=${encodeURIComponent(q)}${limit === undefined ? '' : `&limit=${limit}`}`
  const res = await env.app.inject({ method: 'GET', url: `/api/search?${query}` })
  return { status: res.statusCode, body: res.json() }
}

/** What the device's index answers for the same query over the same issue. */
function onDevice(q: string) {
  const parsed = parseSearchQuery(q)
  if ('problem' in parsed) throw new Error(parsed.problem)
  const prepared = new Map([[SAMPLE_ID, prepareIssue(sample)]])
  return searchPrepared([buildSegment(sample, 'h')], prepared, parsed.terms, 100).hits
}

describe('GET /api/search', () => {
  it('finds a phrase from an article body, publicly, in the contract shape, as the device does', async () => {
    const { status, body } = await search('千秋红岩')
    expect(status).toBe(200)
    expect(Value.Check(SearchReplySchema, body)).toBe(true)
    expect(body.hits.length).toBeGreaterThan(0)
    const hit = body.hits[0]
    const article = sample.sections.flatMap((s) => s.articles).find((a) => a.id === hit.articleId)!
    expect(article.paragraphs[hit.paragraph!]).toContain('千秋红岩')
    for (const [s, e] of hit.highlights) expect(hit.snippet.slice(s, e)).toBe('千秋红岩')
    expect(body.hits).toEqual(onDevice('千秋红岩'))
  })

  it('answers every title and every 4-character run of the shipped issue as the device does', async () => {
    const queries: string[] = []
    for (const a of sample.sections.flatMap((s) => s.articles)) {
      if (a.title) queries.push(a.title)
      for (const p of a.paragraphs) {
        const text = normalizeText(p)
        for (let at = 0; at + 4 <= text.length; at += 37) queries.push(text.slice(at, at + 4))
      }
    }
    for (const q of queries) {
      const { body } = await search(q, 100)
      expect(
        body.hits.map((h) => [h.articleId, h.paragraph]),
        q
      ).toEqual(onDevice(q).map((h) => [h.articleId, h.paragraph]))
      expect(body.hits.length, q).toBeGreaterThan(0)
    }
  })

  it('finds two-character and one-character words, and ignores punctuation and full/half width', async () => {
    expect((await search('党史')).body.hits.length).toBeGreaterThan(5)
    expect((await search('渝')).body.hits.map((h) => h.articleId)).toEqual(
      onDevice('渝')
        .slice(0, 20)
        .map((h) => h.articleId)
    )
    const plain = (await search('2019 年度述职')).body.hits.map((h) => h.articleId)
    expect(plain.length).toBeGreaterThan(0)
    expect((await search('２０１９年度，述职！')).body.hits.map((h) => h.articleId)).toEqual(plain)
    expect((await search('量子计算机')).body).toEqual({ query: '量子计算机', hits: [], more: false })
  })

  it('cuts at the limit and says there is more', async () => {
    const { body } = await search('党史', 3)
    expect(body.hits).toHaveLength(3)
    expect(body.more).toBe(true)
  })

  it('refuses an empty, punctuation-only or too long query, and a bad limit, with 400 and a sentence', async () => {
    for (const url of [
      '/api/search',
      '/api/search?q=',
      `/api/search?q=${encodeURIComponent('，。 ！')}`,
      `/api/search?q=${'党'.repeat(65)}`,
      '/api/search?q=a&limit=0',
      '/api/search?q=a&limit=x',
      '/api/search?q=a&x=1'
    ]) {
      const res = await env.app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(400)
      const body = res.json() as { error: string; message: string }
      expect(body.error, url).toBe('bad_request')
      expect(body.message.length, url).toBeGreaterThan(0)
    }
    const empty = await env.app.inject({ method: 'GET', url: '/api/search?q=' })
    expect(empty.json().message).toContain('请输入')
    const long = await env.app.inject({ method: 'GET', url: `/api/search?q=${'党'.repeat(65)}` })
    expect(long.json().message).toContain('太长')
  })

  it('finds a newly published issue at once, and a republished one by its new text only', async () => {
    const content = env.app.services.content
    const text = sampleText.replace('千秋红岩', '万古青松')
    await content.publishText(text, 'new-issue.txt')
    const hits = (await search('万古青松')).body.hits
    expect(hits.map((h) => h.issueId)).toEqual(['new-issue'])
    await content.publishText(sampleText.replace('千秋红岩', '长江黄河'), 'new-issue.txt')
    expect((await search('万古青松')).body.hits).toEqual([])
    expect((await search('长江黄河')).body.hits.map((h) => h.issueId)).toEqual(['new-issue'])
    // Same date: the order among equals is by id, and both issues hold the rest of the text.
    expect(new Set((await search('双城经济圈')).body.hits.map((h) => h.issueId))).toEqual(
      new Set([SAMPLE_ID, 'new-issue'])
    )
  })
})
