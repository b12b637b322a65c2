import { describe, expect, it } from 'vitest'
import { compareHlc, decodeHlc, encodeHlc, receiveHlc, tickHlc } from './hlc'

describe('hybrid logical clock (SPEC F3)', () => {
  it('round-trips and orders as strings', () => {
    const a = { wall: 1_590_000_000_000, counter: 3, node: 'dev-1' }
    expect(decodeHlc(encodeHlc(a))).toEqual(a)
    expect(compareHlc(encodeHlc(a), encodeHlc({ ...a, counter: 4 }))).toBeLessThan(0)
    expect(compareHlc(encodeHlc({ ...a, wall: 9 }), encodeHlc(a))).toBeLessThan(0)
    expect(decodeHlc('nonsense')).toBeNull()
  })
  it('never goes back when the wall clock does', () => {
    const t1 = tickHlc(null, 1000, 'n')
    const t2 = tickHlc(t1, 500, 'n')
    expect(compareHlc(encodeHlc(t2), encodeHlc(t1))).toBeGreaterThan(0)
  })
  it('orders local events after a remote clock from the future', () => {
    const remote = { wall: 9000, counter: 2, node: 'far' }
    const local = receiveHlc(tickHlc(null, 1000, 'n'), remote, 1000, 'n')
    expect(compareHlc(encodeHlc(tickHlc(local, 1001, 'n')), encodeHlc(remote))).toBeGreaterThan(0)
  })
})
