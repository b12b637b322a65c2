import { describe, expect, it } from 'vitest'
import { openAccount, openMe, PHONE, screenshot, topPage, twoPhonesOnMe } from './support'
import { useAppAndBrowser } from './fixture'

const ctx = useAppAndBrowser()

describe('sign-in and pairing (H5 against npm start)', () => {
  it('signs in as a device, pairs a second browser with the code, and both show the same member', async () => {
    const { a, b, nameA, nameB } = await twoPhonesOnMe(ctx.browser, ctx.app.url)
    const [first, second] = [a.context(), b.context()]
    expect(nameA).toMatch(/^党员\d{4}$/)
    expect(nameB).not.toBe(nameA) // a fresh device gets its own account first
    // Pairing is in 我的 → 账号与设备.
    await openAccount(a)
    await openAccount(b)
    await screenshot(a, 'account')
    const [pa, pb] = [topPage(a), topPage(b)]

    // A wrong code says so in Chinese and changes nothing.
    await pb.locator('[data-testid=enter-pairing]').click()
    await pb.locator('[data-testid=me-input] input').fill('ZZZZ-ZZZZ')
    await pb.locator('[data-testid=me-submit]').click()
    await expect(pb.locator('[data-testid=me-error]').textContent()).resolves.toContain('配对码无效')
    expect(await pb.locator('[data-testid=member-name]').textContent()).toBe(nameB)

    await pa.locator('[data-testid=create-pairing]').click()
    const code = ((await pa.locator('[data-testid=pairing-code-value]').textContent()) ?? '').trim()
    expect(code).toMatch(/^[2-9A-Z]{4} [2-9A-Z]{4}$/)
    await screenshot(a, 'me-pairing-code')

    await pb.locator('[data-testid=me-input] input').fill(code.toLowerCase())
    await pb.locator('[data-testid=me-submit]').click()
    await expect.poll(() => pb.locator('[data-testid=member-name]').textContent(), { timeout: 10000 }).toBe(nameA)
    await expect(pb.locator('[data-testid=member-devices]').textContent()).resolves.toContain('2 台设备')
    // Back on 我的, the card shows the paired member too.
    await b.goBack()
    await expect
      .poll(() => topPage(b).locator('[data-testid=member-name]').textContent(), { timeout: 10000 })
      .toBe(nameA)

    // The first device sees the second one too after a reload; the code cannot be used again.
    await a.reload()
    await openMe(a, ctx.app.url)
    await expect
      .poll(() => topPage(a).locator('[data-testid=member-devices]').textContent(), { timeout: 10000 })
      .toContain('2 台设备')
    const third = await ctx.browser.newContext(PHONE)
    const c = await third.newPage()
    await openMe(c, ctx.app.url)
    await openAccount(c)
    const pc = topPage(c)
    await pc.locator('[data-testid=enter-pairing]').click()
    await pc.locator('[data-testid=me-input] input').fill(code)
    await pc.locator('[data-testid=me-submit]').click()
    await expect(pc.locator('[data-testid=me-error]').textContent()).resolves.toContain('配对码无效')
    await screenshot(b, 'me-paired')
    await Promise.all([first.close(), second.close(), third.close()])
  })
})
