// @vitest-environment node
import { createHash } from 'node:crypto'
import { utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../test-support'
import { buildPolicy, contentSecurityPolicy, hashInlineScripts } from './csp'

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`

describe('CSP for the H5 app', () => {
  it('hashes inline scripts only, byte for byte', () => {
    const html =
      '<script>a()</script><script src="/x.js"></script><SCRIPT type="text/javascript">\nb()\n</SCRIPT><script></script>'
    expect(hashInlineScripts(html)).toEqual([sha('a()'), sha('\nb()\n')])
  })

  it('puts the hashes into script-src and keeps everything else same-origin', () => {
    const policy = buildPolicy(["'sha256-x'"])
    expect(policy).toContain("script-src 'self' 'sha256-x'")
    expect(policy).toContain("default-src 'self'")
    expect(policy).not.toContain('upgrade-insecure-requests')
    expect(policy).not.toMatch(/unsafe-eval/)
  })

  it('follows a rebuilt index.html without a restart', () => {
    const dir = tempDir()
    const file = join(dir.path, 'index.html')
    let t = 0
    try {
      writeFileSync(file, '<script>one()</script>')
      const csp = contentSecurityPolicy(file, () => t)
      expect(csp()).toContain(sha('one()'))
      writeFileSync(file, '<script>two()</script>')
      utimesSync(file, new Date(), new Date(Date.now() + 5000))
      expect(csp()).toContain(sha('one()')) // not re-checked within the second
      t += 1000
      expect(csp()).toContain(sha('two()'))
      expect(contentSecurityPolicy(join(dir.path, 'missing.html'))()).toBe(buildPolicy([]))
    } finally {
      dir.remove()
    }
  })
})
