import { describe, expect, it } from 'vitest'
import { createMemoryKeyValueStore } from '../platform/kv.memory'
import { createProgressStore } from './progress'
import { createSessionStore } from './session'
import { createSettingsStore } from './settings'

// Restored records are checked against src/domain/api/persisted.ts: a bad one falls back to defaults.
const saved = (state: unknown) => JSON.stringify({ state, version: 1 })

describe('restoring persisted records', () => {
  it('settings: a record of the wrong shape (or out of range) gives the defaults', () => {
    for (const state of [{ fontStep: 99, careMode: true, nightMode: true }, { fontStep: 3 }, 'x', null]) {
      const kv = createMemoryKeyValueStore()
      kv.setItem('settings', saved(state))
      expect(createSettingsStore(kv).getState()).toMatchObject({ fontStep: 2, careMode: false, nightMode: false })
    }
    const kv = createMemoryKeyValueStore()
    kv.setItem('settings', saved({ fontStep: 5, careMode: true, nightMode: false }))
    expect(createSettingsStore(kv).getState()).toMatchObject({ fontStep: 5, careMode: true })
    // Extra keys are ignored: stored data never replaces an action.
    kv.setItem('settings', saved({ fontStep: 1, careMode: false, nightMode: false, biggerText: 1 }))
    const store = createSettingsStore(kv)
    store.getState().biggerText()
    expect(store.getState().fontStep).toBe(2)
  })

  it('progress: a damaged article record is dropped, the others stay', () => {
    const kv = createMemoryKeyValueStore()
    const good = {
      issueId: 'i',
      articleId: 'a',
      position: 0.5,
      positionAt: 1,
      read: true,
      readAt: 1,
      timeSpentMs: 9000,
      updatedAt: 1
    }
    kv.setItem(
      'progress',
      saved({ articles: { 'i/a': good, 'i/b': { ...good, articleId: 'b', position: 'half' }, 'i/c': null } })
    )
    expect(createProgressStore(kv).getState().articles).toEqual({ 'i/a': good })
    kv.setItem('progress', saved({ articles: [1, 2] }))
    expect(createProgressStore(kv).getState().articles).toEqual({})
    kv.setItem('progress', '{broken')
    expect(createProgressStore(kv).getState().articles).toEqual({})
  })

  it('session: a token without a valid member signs the device out instead of crashing later', () => {
    const member = { id: 'm', displayName: '小王', org: null, devices: [] }
    for (const state of [
      { token: 't', member: { id: 'm' } },
      { token: 't', member: null },
      { token: 5, member }
    ]) {
      const kv = createMemoryKeyValueStore()
      kv.setItem('session', saved(state))
      expect(createSessionStore(kv).getState()).toMatchObject({ token: null, member: null })
    }
    const kv = createMemoryKeyValueStore()
    kv.setItem('session', saved({ token: 't', member }))
    expect(createSessionStore(kv).getState()).toMatchObject({ token: 't', member })
  })
})
