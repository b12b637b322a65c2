import { describe, expect, it } from 'vitest'
import { emptyFooter } from '../issue/footer'
import type { Issue } from '../issue/types'
import { displayTitle, locateArticle, readingOrder } from './navigation'

const art = (id: string, title: string | null, p = ['正文。']) => ({ id, title, paragraphs: p, source: null })
const issue: Issue = {
  id: 'x',
  title: 'T',
  number: 1,
  totalNumber: null,
  publishedOn: '2020-06-09',
  editor: null,
  supplement: false,
  warnings: [],
  footer: emptyFooter(),
  sections: [
    { title: '工作动态', articles: [art('a', 'A'), art('b', 'B')] },
    { title: '信息短波', articles: [art('c', null, ['4月21日，重庆市委党史研究室召开会议，部署工作。'])] }
  ]
}

describe('reading navigation', () => {
  it('crosses section boundaries for previous and next', () => {
    expect(readingOrder(issue).map((r) => r.article.id)).toEqual(['a', 'b', 'c'])
    const at = locateArticle(issue, 'b')
    expect(at?.previous?.article.id).toBe('a')
    expect(at?.next?.article.id).toBe('c')
    expect(at?.next?.sectionTitle).toBe('信息短波')
    expect(locateArticle(issue, 'c')?.next).toBeNull()
    expect(locateArticle(issue, 'nope')).toBeNull()
  })
  it('gives short news without a title its first words', () => {
    expect(displayTitle(art('c', null, ['4月21日，重庆市委党史研究室召开会议，部署工作。']))).toBe(
      '4月21日，重庆市委党史研究室召开会…'
    )
    expect(displayTitle(art('d', null, ['全市党史部门部署推进疫情防控史料征编工作取得阶段性进展并召开会议']))).toBe(
      '全市党史部门部署推进疫情防控史料征编…'
    )
    expect(displayTitle(art('e', '标题'))).toBe('标题')
  })
})
