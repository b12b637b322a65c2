import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aloudParagraph, aloudPieces, aloudStep, initialAloud, PIECE_MAX, type AloudAction } from './aloud'
import { clampRate, clockLabel, newClock, nextRate, resumeAt, tickClock } from './player'

const paragraphs = ['第一段。很短。', '', '第二段第一句。第二句！第三句？', '第三段']

describe('aloudPieces', () => {
  it('keeps short paragraphs whole and skips empty ones', () => {
    expect(aloudPieces(paragraphs)).toEqual([
      { paragraph: 0, text: '第一段。很短。' },
      { paragraph: 2, text: '第二段第一句。第二句！第三句？' },
      { paragraph: 3, text: '第三段' }
    ])
  })
  it('splits long paragraphs at sentence ends, never over the limit, losing no character', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[党史红岩精神，。！？”a-z ]{0,400}$/), { maxLength: 6 }),
        fc.integer({ min: 5, max: 60 }),
        (ps, max) => {
          const pieces = aloudPieces(ps, max)
          for (const p of pieces) expect(p.text.length).toBeLessThanOrEqual(max)
          ps.forEach((p, i) =>
            expect(
              pieces
                .filter((x) => x.paragraph === i)
                .map((x) => x.text)
                .join('')
            ).toBe(p.trim() === '' ? '' : p.trim())
          )
        }
      ),
      { seed: 14, numRuns: 300 }
    )
    const long = '这是一个句子。'.repeat(40)
    const pieces = aloudPieces([long])
    expect(pieces.length).toBeGreaterThan(1)
    expect(pieces.every((p) => p.text.endsWith('。') && p.text.length <= PIECE_MAX)).toBe(true)
  })
})

describe('read-aloud state machine', () => {
  const pieces = aloudPieces(['一。'.repeat(100), '二。', '三。'], 100)
  const run = (actions: AloudAction[]) => {
    let s = initialAloud()
    const effects: Array<string | null> = []
    for (const a of actions) {
      const r = aloudStep(pieces, s, a)
      s = r.state
      effects.push(r.effect)
    }
    return { s, effects, paragraph: aloudParagraph(pieces, s) }
  }

  it('reads piece after piece, moving the highlighted paragraph, and ends after the last', () => {
    expect(pieces.map((p) => p.paragraph)).toEqual([0, 0, 1, 2])
    expect(run([{ type: 'start' }]).paragraph).toBe(0)
    expect(run([{ type: 'start' }, { type: 'ended' }]).paragraph).toBe(0)
    expect(run([{ type: 'start' }, { type: 'ended' }, { type: 'ended' }]).paragraph).toBe(1)
    const all = run([{ type: 'start' }, { type: 'ended' }, { type: 'ended' }, { type: 'ended' }, { type: 'ended' }])
    expect(all.s.status).toBe('done')
    expect(all.paragraph).toBeNull()
    expect(all.effects).toEqual(['speak', 'speak', 'speak', 'speak', null])
  })
  it('pauses and resumes without moving; an end while paused is ignored', () => {
    const r = run([{ type: 'start', paragraph: 1 }, { type: 'pause' }, { type: 'ended' }, { type: 'resume' }])
    expect(r.effects).toEqual(['speak', 'pause', null, 'resume'])
    expect(r.s).toMatchObject({ status: 'speaking' })
    expect(r.paragraph).toBe(1)
  })
  it('skips by paragraph both ways, back to this paragraph’s start first', () => {
    expect(run([{ type: 'start' }, { type: 'skip', by: 1 }]).paragraph).toBe(1)
    expect(run([{ type: 'start' }, { type: 'ended' }, { type: 'skip', by: -1 }]).s.piece).toBe(0)
    expect(
      run([
        { type: 'start', paragraph: 2 },
        { type: 'skip', by: -1 }
      ]).paragraph
    ).toBe(1)
    expect(
      run([
        { type: 'start', paragraph: 2 },
        { type: 'skip', by: 1 }
      ]).s.status
    ).toBe('done')
    expect(run([{ type: 'start' }, { type: 'pause' }, { type: 'skip', by: 1 }]).s.status).toBe('speaking')
    expect(run([{ type: 'skip', by: 1 }]).effects).toEqual([null])
  })
  it('a new speed restarts the piece when speaking; stop cancels and clears the highlight', () => {
    expect(run([{ type: 'start' }, { type: 'rate', rate: 1.5 }]).effects).toEqual(['speak', 'speak'])
    expect(run([{ type: 'start' }, { type: 'pause' }, { type: 'rate', rate: 2 }]).effects[2]).toBeNull()
    const stopped = run([{ type: 'start' }, { type: 'stop' }])
    expect(stopped.effects).toEqual(['speak', 'cancel'])
    expect(stopped.paragraph).toBeNull()
    expect(run([{ type: 'start' }, { type: 'error' }]).s.status).toBe('idle')
  })
})

describe('player rules', () => {
  it('speeds from 0.75× to 2× and around', () => {
    expect([0.75, 1, 1.25, 1.5, 2].map(nextRate)).toEqual([1, 1.25, 1.5, 2, 0.75])
    expect(clampRate(3)).toBe(2)
    expect(clampRate(0.1)).toBe(0.75)
    expect(clampRate(NaN)).toBe(1)
  })
  it('resumes where it was, except at the very start or the end', () => {
    expect(resumeAt(42.5, 300)).toBe(42.5)
    expect(resumeAt(0.4, 300)).toBe(0)
    expect(resumeAt(299, 300)).toBe(0)
    expect(resumeAt(null, 300)).toBe(0)
    expect(resumeAt(42, undefined)).toBe(42)
  })
  it('counts time only while playing, a long gap as at most one step', () => {
    let c = newClock()
    c = tickClock(c, 1000, true)
    c = tickClock(c, 2000, true)
    c = tickClock(c, 60_000, true) // the phone slept
    c = tickClock(c, 61_000, false)
    c = tickClock(c, 90_000, true)
    c = tickClock(c, 90_500, true)
    expect(c.ms).toBe(1000 + 5000 + 500)
    expect(clockLabel(125)).toBe('2:05')
    expect(clockLabel(3725)).toBe('1:02:05')
  })
})
