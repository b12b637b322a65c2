import { describe, expect, it } from 'vitest'
import { bundlePrepaint, injectPrepaint } from './build-prepaint'

const HTML =
  '<!doctype html><html><head><script defer="defer" src="/js/52.js"></script><script defer="defer" src="/js/app.js"></script>' +
  '<link href="/css/app.css" rel="stylesheet"></head><body><div id="app"></div></body></html>'

describe('build-prepaint', () => {
  it('puts the script right after the root element and the styles at the end of <head>, once however often run', () => {
    const once = injectPrepaint(HTML, 'go()', '.a{}')
    expect(once).toContain(
      '<div id="app"></div><script data-prepaint data-app="/js/52.js /js/app.js">go()</script></body>'
    )
    expect(once).toContain('rel="stylesheet"><style data-prepaint>.a{}</style></head>')
    expect(injectPrepaint(once, 'go2()', '.b{}')).toBe(injectPrepaint(HTML, 'go2()', '.b{}'))
    expect(() => injectPrepaint('<html><body></body></html>', 'x', 'y')).toThrow(/id="app"/)
  })

  it('turns the deferred scripts of the app into preloads that the pre-paint starts, in their order', () => {
    const html = injectPrepaint(HTML, 'go()', '.a{}')
    expect(html).not.toContain('<script defer')
    expect(html).toContain(
      '<head><link rel="preload" as="script" href="/js/52.js" data-prepaint><link rel="preload" as="script" href="/js/app.js" data-prepaint>'
    )
    // Without the app's scripts there would be nothing to start: refused, not an app that never boots.
    expect(() => injectPrepaint(HTML.replace(/<script[^>]*><\/script>/g, ''), 'x', 'y')).toThrow(/defer/)
  })

  it('bundles a small script that cannot end its <script> element early', async () => {
    const script = await bundlePrepaint()
    expect(Buffer.byteLength(script)).toBeLessThan(8 * 1024)
    expect(script).not.toMatch(/<\/script/i)
    // The storage names it reads come from the shared domain module, not copies.
    expect(script).toContain('content.catalog')
    expect(script).toContain('dangshi-content')
  })
})
