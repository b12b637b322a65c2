import { describe, expect, it } from 'vitest'
import { createMemoryKeyValueStore } from '../platform/kv.memory'
import { createSettingsStore } from './settings'

describe('settings store', () => {
  it('restores persisted settings synchronously, before the first render', () => {
    const kv = createMemoryKeyValueStore()
    const first = createSettingsStore(kv)
    first.getState().biggerText()
    first.getState().setNightMode(true)
    const second = createSettingsStore(kv)
    expect(second.getState().fontStep).toBe(3)
    expect(second.getState().nightMode).toBe(true)
  })
  it('survives a corrupted entry', () => {
    const kv = createMemoryKeyValueStore()
    kv.setItem('settings', '{not json')
    const s = createSettingsStore(kv)
    expect(s.getState().fontStep).toBe(2)
    kv.setItem('settings', JSON.stringify({ state: { fontStep: 'huge', careMode: 3 }, version: 1 }))
    const t = createSettingsStore(kv)
    expect(t.getState().fontStep).toBe(2)
    expect(t.getState().careMode).toBe(false)
  })
})

describe('persisting when storage is full', () => {
  it('keeps the change in memory and reports it, instead of failing the action', async () => {
    const { setPersistErrorHandler } = await import('./persist')
    const { createProgressStore } = await import('./progress')
    const failures: string[] = []
    setPersistErrorHandler((key) => failures.push(key))
    const kv = createMemoryKeyValueStore(10) // nothing fits
    const progress = createProgressStore(kv)
    const p = progress.getState().record('i', 'a', { position: 0.5, addedMs: 1000, markRead: true }, 5)
    expect(p.read).toBe(true)
    expect(progress.getState().articles['i/a'].read).toBe(true)
    expect(failures).toContain('progress')
    setPersistErrorHandler(() => undefined)
  })
})
