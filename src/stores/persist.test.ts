import { describe, expect, it } from 'vitest'
import { createStore } from 'zustand/vanilla'
import { createMemoryKeyValueStore } from '../platform/kv.memory'
import { persist } from './persist'

interface Counter {
  n: number
  note: string
  inc(): void
}

const counter = (kv: ReturnType<typeof createMemoryKeyValueStore>) =>
  createStore<Counter>()(
    persist((set, get) => ({ n: 0, note: 'memory only', inc: () => set({ n: get().n + 1 }) }), {
      name: 'counter',
      version: 2,
      kv,
      partialize: (s) => ({ n: s.n }),
      merge: (stored, initial) =>
        typeof (stored as { n?: unknown } | undefined)?.n === 'number'
          ? { ...initial, n: (stored as { n: number }).n }
          : initial
    })
  )

describe('persist', () => {
  it("reads and writes zustand's {state, version} record, which earlier versions of the app wrote", () => {
    const kv = createMemoryKeyValueStore()
    kv.setItem('counter', JSON.stringify({ state: { n: 41 }, version: 2 }))
    const store = counter(kv)
    expect(store.getState().n).toBe(41)
    store.getState().inc()
    expect(JSON.parse(kv.getItem('counter') ?? '')).toEqual({ state: { n: 42 }, version: 2 })
  })

  it('saves a change made from outside the actions (setState) too, and only what partialize keeps', () => {
    const kv = createMemoryKeyValueStore()
    const store = counter(kv)
    store.setState({ n: 7, note: 'changed' })
    expect(JSON.parse(kv.getItem('counter') ?? '')).toEqual({ state: { n: 7 }, version: 2 })
    expect(counter(kv).getState()).toMatchObject({ n: 7, note: 'memory only' })
  })

  it('does not read a record of another version, or one that is not JSON, and writes nothing until a change', () => {
    for (const raw of [JSON.stringify({ state: { n: 5 }, version: 1 }), '{not json', 'null', '"text"']) {
      const kv = createMemoryKeyValueStore()
      kv.setItem('counter', raw)
      expect(counter(kv).getState().n).toBe(0)
      expect(kv.getItem('counter')).toBe(raw)
    }
  })
})
