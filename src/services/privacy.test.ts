import { describe, expect, it, vi } from 'vitest'
import type { Privacy, PrivacyRequest } from '../platform/privacy'
import { createPrivacyStore } from '../stores/privacy'
import { AGREE_BUTTON_ID, createPrivacyService } from './privacy'

function fakePrivacy(supported = true) {
  let handler: ((r: PrivacyRequest) => void) | null = null
  const platform: Privacy = {
    supported,
    onNeedAuthorization: (h) => {
      handler = h
    },
    setting: async () => ({ needAuthorization: true, contractName: '《党史阅读隐私保护指引》' }),
    openContract: vi.fn(async () => undefined),
    copy: async () => true
  }
  return { platform, ask: (r: PrivacyRequest) => handler?.(r), registered: () => handler !== null }
}

describe('privacy service', () => {
  it('shows the popup with the guide name when WeChat asks, and answers agree with the button id', async () => {
    const fake = fakePrivacy()
    const store = createPrivacyStore()
    const service = createPrivacyService(fake.platform, store)
    service.start()
    const request = { agree: vi.fn(), disagree: vi.fn() }
    fake.ask(request)
    expect(store.getState().asking).toBe(true)
    await vi.waitFor(() => expect(store.getState().contractName).toBe('《党史阅读隐私保护指引》'))
    service.agree()
    expect(request.agree).toHaveBeenCalledWith(AGREE_BUTTON_ID)
    expect(store.getState().asking).toBe(false)
    service.agree()
    expect(request.agree).toHaveBeenCalledTimes(1)
  })

  it('answers every waiting request on 拒绝', () => {
    const fake = fakePrivacy()
    const store = createPrivacyStore()
    const service = createPrivacyService(fake.platform, store)
    service.start()
    const a = { agree: vi.fn(), disagree: vi.fn() }
    const b = { agree: vi.fn(), disagree: vi.fn() }
    fake.ask(a)
    fake.ask(b)
    service.disagree()
    expect([a.disagree.mock.calls.length, b.disagree.mock.calls.length]).toEqual([1, 1])
    expect(store.getState().asking).toBe(false)
  })

  it('registers nothing where the platform does not ask (H5, WeChat before 2.32.3)', () => {
    const fake = fakePrivacy(false)
    createPrivacyService(fake.platform, createPrivacyStore()).start()
    expect(fake.registered()).toBe(false)
  })
})
