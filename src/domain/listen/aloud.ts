/**
 * Read-aloud (听) as a pure state machine: an article's paragraphs become pieces short enough for every speech
 * engine (WechatSI takes about 1,000 bytes; long browser utterances stall), and each action says what the speech
 * engine must do next. The page highlights the paragraph of the current piece.
 */

/** One piece to speak: a whole paragraph, or a run of its sentences. */
export interface AloudPiece {
  paragraph: number
  text: string
}

/** Longest piece in characters (UTF-8 Chinese: 3 bytes each, under WechatSI's limit). */
export const PIECE_MAX = 150

const SENTENCE_END = /[^。！？!?；;…]*[。！？!?；;…]+[”’」』）)]*|[^。！？!?；;…]+$/g

/** Splits paragraphs into pieces of at most `max` characters, at sentence ends where it can. */
export function aloudPieces(paragraphs: readonly string[], max = PIECE_MAX): AloudPiece[] {
  const out: AloudPiece[] = []
  paragraphs.forEach((p, paragraph) => {
    const text = p.trim()
    if (text === '') return
    let piece = ''
    const flush = () => {
      if (piece.trim() !== '') out.push({ paragraph, text: piece })
      piece = ''
    }
    for (const sentence of text.match(SENTENCE_END) ?? [text]) {
      if (sentence.length > max) {
        // A sentence longer than a piece is cut where it must be.
        flush()
        for (let i = 0; i < sentence.length; i += max) out.push({ paragraph, text: sentence.slice(i, i + max) })
        continue
      }
      if (piece.length + sentence.length > max) flush()
      piece += sentence
    }
    flush()
  })
  return out
}

export type AloudStatus = 'idle' | 'speaking' | 'paused' | 'done'

export interface AloudState {
  status: AloudStatus
  /** Index into the pieces. */
  piece: number
  rate: number
}

export type AloudAction =
  | { type: 'start'; paragraph?: number }
  | { type: 'ended' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'skip'; by: 1 | -1 }
  | { type: 'rate'; rate: number }
  | { type: 'stop' }
  | { type: 'error' }

/** What the speech engine does after an action: speak the current piece, pause, resume, cancel, or nothing. */
export type AloudEffect = 'speak' | 'pause' | 'resume' | 'cancel' | null

export const initialAloud = (rate = 1): AloudState => ({ status: 'idle', piece: 0, rate })

/** The first piece of a paragraph (or of the next one that has text), or -1. */
function firstPieceOf(pieces: readonly AloudPiece[], paragraph: number): number {
  return pieces.findIndex((p) => p.paragraph >= paragraph)
}

export function aloudStep(
  pieces: readonly AloudPiece[],
  s: AloudState,
  a: AloudAction
): { state: AloudState; effect: AloudEffect } {
  const active = s.status === 'speaking' || s.status === 'paused'
  switch (a.type) {
    case 'start': {
      const at = firstPieceOf(pieces, a.paragraph ?? 0)
      if (at < 0) return { state: { ...s, status: 'done' }, effect: active ? 'cancel' : null }
      return { state: { ...s, status: 'speaking', piece: at }, effect: 'speak' }
    }
    case 'ended': {
      if (s.status !== 'speaking') return { state: s, effect: null }
      if (s.piece + 1 >= pieces.length)
        return { state: { ...s, status: 'done', piece: pieces.length - 1 }, effect: null }
      return { state: { ...s, piece: s.piece + 1 }, effect: 'speak' }
    }
    case 'pause':
      return s.status === 'speaking'
        ? { state: { ...s, status: 'paused' }, effect: 'pause' }
        : { state: s, effect: null }
    case 'resume':
      return s.status === 'paused'
        ? { state: { ...s, status: 'speaking' }, effect: 'resume' }
        : { state: s, effect: null }
    case 'skip': {
      if (!active) return { state: s, effect: null }
      const paragraph = pieces[s.piece].paragraph
      let at: number
      if (a.by > 0) {
        at = firstPieceOf(pieces, paragraph + 1)
        if (at < 0) return { state: { ...s, status: 'done' }, effect: 'cancel' }
      } else {
        // Back: to the start of this paragraph, or of the one before when already at its start.
        const start = firstPieceOf(pieces, paragraph)
        at = s.piece > start ? start : Math.max(0, firstPieceOf(pieces, pieces[Math.max(0, start - 1)].paragraph))
      }
      // Skipping while paused speaks again: the member asked to hear the other paragraph.
      return { state: { ...s, status: 'speaking', piece: at }, effect: 'speak' }
    }
    case 'rate':
      // A rate cannot change mid-utterance: the current piece starts again at the new rate.
      return { state: { ...s, rate: a.rate }, effect: s.status === 'speaking' ? 'speak' : null }
    case 'stop':
      return { state: { ...s, status: 'idle' }, effect: active ? 'cancel' : null }
    case 'error':
      return { state: { ...s, status: 'idle' }, effect: active ? 'cancel' : null }
  }
}

/** The paragraph being read (highlighted), or null when nothing is. */
export function aloudParagraph(pieces: readonly AloudPiece[], s: AloudState): number | null {
  return s.status === 'speaking' || s.status === 'paused' ? (pieces[s.piece]?.paragraph ?? null) : null
}
