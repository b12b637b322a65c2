// The initial rendering cache (WeChat shows what a page kept at once on its next opening, before the logic layer
// runs): 书架 keeps the shelf without its live parts; 目录 and 正文 keep only their loading skeleton, because the
// cache belongs to the page and the next opening may be of another issue or article.
import { describe, expect, it } from 'vitest'
import type { TaroNode } from './harness/page'
import { firstArticles, SAMPLE_ID, weappFixture } from './support'

const app = weappFixture()

const classes = (root: TaroNode): string[] => {
  const out: string[] = []
  const visit = (n: TaroNode) => {
    if (typeof n.cl === 'string') out.push(...n.cl.split(' '))
    n.cn?.forEach(visit)
  }
  visit(root)
  return out
}

describe('initial rendering cache', () => {
  it('书架 keeps the issues but no download state, reading count or banner', async () => {
    const device = app.device()
    let mp = app.start(device)
    const page = await mp.see('已读 0/19')
    page.tap('全部下载')
    await mp.see('已全部下载')
    await mp.until(() => page.renderingCache !== null, 'the shelf kept')
    const kept = page.texts(page.renderingCache!.root as TaroNode).join('')
    expect(kept).toContain('重庆党史工作')
    expect(kept).toContain('第2期 · 总第197期')
    for (const live of ['已读', '全部下载', '已全部下载', '已下载', '下载中', '当前无网络'])
      expect(kept).not.toContain(live)
    expect(mp.pageJson('pages/library/index').initialRenderingCache).toBe('dynamic')
    // The live page itself still shows them.
    expect(page.has('已下载')).toBe(true)
    mp.kill()

    // Offline the next time: the banner is live too.
    device.setOnline(false)
    mp = app.start(device)
    const offline = await mp.see('当前无网络')
    await mp.until(() => offline.renderingCache !== null, 'the shelf kept offline')
    expect(offline.texts(offline.renderingCache!.root as TaroNode).join('')).not.toContain('当前无网络')
  })

  it('目录 and 正文 keep their loading skeleton, never an issue or an article', async () => {
    const issue = await app.issue()
    const { first } = firstArticles(issue)
    const mp = app.start(app.device(), {
      path: 'pages/article/index',
      query: { issue: SAMPLE_ID, article: first.id }
    })
    const article = await mp.see(first.paragraphs[0].slice(0, 30))
    await mp.until(() => article.renderingCache !== null, 'the article page kept')
    const kept = article.renderingCache!.root as TaroNode
    expect(article.texts(kept).join('')).toBe('')
    expect(classes(kept)).toContain('skeleton-block')
    expect(mp.pageJson('pages/article/index').initialRenderingCache).toBe('dynamic')
    expect(mp.pageJson('pages/issue/index').initialRenderingCache).toBe('dynamic')
  })
})
