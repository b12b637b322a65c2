import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  articlePath,
  articleShareQuery,
  articleSharePath,
  buildQuery,
  decodeParams,
  h5Link,
  issuePath,
  issueSharePath,
  libraryPath,
  offlinePath,
  accountPath,
  myDataPath,
  parseLink,
  paragraphParam,
  parseQuery,
  routeOf
} from './routes'

const ISSUE = 'chongqing-dangshi-gongzuo-2020-02'

describe('deep links', () => {
  it('builds every link with one parameter name per concept', () => {
    expect(libraryPath()).toBe('/pages/library/index')
    expect(offlinePath()).toBe('/pages/offline/index')
    expect(accountPath()).toBe('/pages/account/index')
    expect(issuePath(ISSUE)).toBe(`/pages/issue/index?issue=${ISSUE}`)
    expect(issueSharePath(ISSUE)).toBe(`/pages/issue/index?issue=${ISSUE}`)
    expect(articlePath(ISSUE, 'a1b2')).toBe(`/pages/article/index?issue=${ISSUE}&article=a1b2`)
    expect(articleSharePath(ISSUE, 'a1b2')).toBe(`/pages/article/index?issue=${ISSUE}&article=a1b2&from=share`)
    expect(articleShareQuery(ISSUE, 'a1b2')).toBe(`issue=${ISSUE}&article=a1b2&from=share`)
    expect(h5Link('https://example.org/app/', articleSharePath(ISSUE, 'a1b2'))).toBe(
      `https://example.org/app/#/pages/article/index?issue=${ISSUE}&article=a1b2&from=share`
    )
    expect(h5Link('https://example.org/#/pages/me/index', '/pages/library/index')).toBe(
      'https://example.org/#/pages/library/index'
    )
  })

  it('parses what it builds (app paths, H5 links, the Moments query)', () => {
    expect(parseLink(issuePath(ISSUE))).toEqual({ page: 'issue', issue: ISSUE })
    expect(parseLink(articlePath(ISSUE, 'x'))).toEqual({
      page: 'article',
      issue: ISSUE,
      article: 'x',
      fromShare: false
    })
    expect(parseLink(h5Link('http://127.0.0.1:8080/', articleSharePath(ISSUE, 'x')))).toEqual({
      page: 'article',
      issue: ISSUE,
      article: 'x',
      fromShare: true
    })
    expect(routeOf('pages/article/index', parseQuery(articleShareQuery(ISSUE, 'x')))).toEqual({
      page: 'article',
      issue: ISSUE,
      article: 'x',
      fromShare: true
    })
    expect(parseLink(libraryPath())).toEqual({ page: 'library' })
    expect(parseLink(offlinePath())).toEqual({ page: 'offline' })
    expect(parseLink(accountPath())).toEqual({ page: 'account' })
    expect(parseLink(myDataPath())).toEqual({ page: 'myData' })
    expect(parseLink('http://127.0.0.1:8080/')).toEqual({ page: 'library' })
    expect(parseLink('http://127.0.0.1:8080/#/')).toEqual({ page: 'library' })
  })

  it('round-trips any ids, whatever characters they hold', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        fc.boolean(),
        (issue, article, fromShare) => {
          expect(parseLink(h5Link('https://h.example/', articlePath(issue, article, { fromShare })))).toEqual({
            page: 'article',
            issue,
            article,
            fromShare
          })
          expect(parseLink(issuePath(issue))).toEqual({ page: 'issue', issue })
          expect(parseQuery(buildQuery({ issue, article }))).toEqual({ issue, article })
        }
      )
    )
  })

  it('keeps old links working: `id=` on the issue page', () => {
    expect(parseLink(`/pages/issue/index?id=${ISSUE}`)).toEqual({ page: 'issue', issue: ISSUE })
    expect(parseLink(`http://h/#/pages/issue/index?id=${encodeURIComponent(ISSUE)}`)).toEqual({
      page: 'issue',
      issue: ISSUE
    })
    expect(routeOf('/pages/issue/index', { id: ISSUE })).toEqual({ page: 'issue', issue: ISSUE })
    // Both present: the current name wins.
    expect(routeOf('/pages/issue/index', { id: 'old', issue: 'new' })).toEqual({ page: 'issue', issue: 'new' })
    expect(parseLink(`/pages/article/index?id=${ISSUE}&article=x`)).toEqual({
      page: 'article',
      issue: ISSUE,
      article: 'x',
      fromShare: false
    })
  })

  it('reads mangled links without throwing', () => {
    expect(parseLink(`/pages/article/index?issue=${ISSUE}&article=%E0%A4`)).toEqual({
      page: 'article',
      issue: ISSUE,
      article: '%E0%A4',
      fromShare: false
    })
    expect(parseLink('/pages/article/index?issue=&article=')).toEqual({
      page: 'article',
      issue: undefined,
      article: undefined,
      fromShare: false
    })
    expect(parseLink('/pages/article/index?&&issue&=x&article=a=b')).toEqual({
      page: 'article',
      issue: undefined,
      article: 'a=b',
      fromShare: false
    })
    expect(parseLink('/pages/issue/index')).toEqual({ page: 'issue', issue: undefined })
    expect(parseLink('/pages/nowhere/index?issue=x')).toEqual({ page: 'unknown', path: '/pages/nowhere/index' })
    expect(parseLink(`/pages/issue/index?issue=${ISSUE}&issue=other#frag`)).toEqual({ page: 'issue', issue: ISSUE })
    expect(parseLink('pages/issue/index/?issue=x')).toEqual({ page: 'issue', issue: 'x' })
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(() => parseLink(s)).not.toThrow()
      })
    )
  })

  it('links to a paragraph with `p=` and reads it back', () => {
    expect(articlePath(ISSUE, 'a1b2', { paragraph: 30 })).toBe(`/pages/article/index?issue=${ISSUE}&article=a1b2&p=30`)
    expect(articlePath(ISSUE, 'a1b2', { paragraph: 0 })).toBe(`/pages/article/index?issue=${ISSUE}&article=a1b2&p=0`)
    expect(articlePath(ISSUE, 'a1b2', { fromShare: true, paragraph: 2 })).toBe(
      `/pages/article/index?issue=${ISSUE}&article=a1b2&from=share&p=2`
    )
    // A paragraph that is no index is left out of the link rather than written as garbage.
    for (const bad of [-1, 1.5, NaN, Infinity, 1e12]) {
      expect(articlePath(ISSUE, 'a1b2', { paragraph: bad })).toBe(`/pages/article/index?issue=${ISSUE}&article=a1b2`)
    }
    expect(parseLink(articlePath(ISSUE, 'x', { paragraph: 30 }))).toEqual({
      page: 'article',
      issue: ISSUE,
      article: 'x',
      fromShare: false,
      paragraph: 30
    })
    expect(parseLink(h5Link('http://127.0.0.1:8080/', articlePath(ISSUE, 'x', { paragraph: 0 })))).toMatchObject({
      paragraph: 0
    })
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.nat({ max: 999_999_999 }),
        fc.boolean(),
        (article, paragraph, fromShare) => {
          const route = parseLink(h5Link('https://h.example/', articlePath(ISSUE, article, { fromShare, paragraph })))
          expect(route).toEqual({ page: 'article', issue: ISSUE, article, fromShare, paragraph })
        }
      )
    )
  })

  it('ignores a `p=` that is no paragraph index, and links without one have none', () => {
    const p = (value: string) => {
      const route = parseLink(`/pages/article/index?issue=${ISSUE}&article=x&p=${value}`)
      return route.page === 'article' ? route.paragraph : 'not an article'
    }
    expect(p('7')).toBe(7)
    expect(p('007')).toBe(7)
    for (const bad of [
      '',
      '-1',
      '1.5',
      '1e3',
      '0x10',
      'abc',
      '3abc',
      ' ',
      '%E0%A4',
      'Infinity',
      'NaN',
      '99999999999'
    ]) {
      expect(p(encodeURIComponent(bad)), bad).toBeUndefined()
    }
    expect(parseLink(articlePath(ISSUE, 'x'))).toMatchObject({ paragraph: undefined })
    expect(routeOf('/pages/article/index', { issue: ISSUE, article: 'x', p: '12' })).toMatchObject({ paragraph: 12 })
    expect(paragraphParam(undefined)).toBeUndefined()
    fc.assert(
      fc.property(fc.string(), (s) => {
        const n = paragraphParam(s)
        expect(n === undefined || (Number.isSafeInteger(n) && n >= 0)).toBe(true)
      })
    )
  })

  it('decodes router parameters once, keeping malformed escapes', () => {
    expect(decodeParams({ issue: 'a%20b', article: '%E0%A4', n: 3 })).toEqual({
      issue: 'a b',
      article: '%E0%A4',
      n: undefined
    })
  })
})
