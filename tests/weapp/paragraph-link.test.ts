// A link to one paragraph of an article (`p=`): the mini-program opens the article with that paragraph tinted
// and addressable by its id (the page scrolls to it by `#para-<n>`); a `p` out of range opens it as usual.
import { describe, expect, it } from 'vitest'
import { walk, type TaroNode } from './harness/page'
import { SAMPLE_ID, weappFixture } from './support'

const app = weappFixture()

const textOf = (n: TaroNode) => {
  let out = ''
  walk(n, (x) => {
    if (typeof x.v === 'string') out += x.v
  })
  return out
}

describe('paragraph links', () => {
  it('opens the article with the linked paragraph tinted, and one out of range with none', async () => {
    const issue = await app.issue()
    const article = issue.sections
      .flatMap((s) => s.articles)
      .reduce((a, b) => (b.paragraphs.length > a.paragraphs.length ? b : a))
    const n = article.paragraphs.length - 1
    const mp = app.start(app.device(), {
      path: 'pages/article/index',
      query: { issue: SAMPLE_ID, article: article.id, p: String(n) }
    })
    const page = await mp.see(article.paragraphs[n])
    await mp.until(() => page.byClass('para--linked').length > 0, 'the linked paragraph tinted')
    const linked = page.byClass('para--linked')
    expect(linked).toHaveLength(1)
    expect(textOf(linked[0])).toBe(article.paragraphs[n])
    expect(linked[0].uid).toBe(`para-${n}`)
    expect(mp.wx.log.calls).toContain('pageScrollTo')

    const again = app.start(app.device(), {
      path: 'pages/article/index',
      query: { issue: SAMPLE_ID, article: article.id, p: String(n + 1) }
    })
    const other = await again.see(article.paragraphs[n])
    await again.settle(400)
    expect(other.byClass('para--linked')).toHaveLength(0)
    expect(other.byClass('para')).toHaveLength(article.paragraphs.length)
  })
})
