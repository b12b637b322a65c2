/**
 * 错题本 (the wrong-answer book) as a pure reducer: a question answered wrongly enters; it leaves after being
 * answered right twice in a row. A wrong answer while in the book starts the count again.
 */

/** Right answers in a row needed to leave the book. */
export const RIGHT_IN_A_ROW_TO_LEAVE = 2

export interface WrongBookEntry {
  /** When the question (last) entered the book, ms since the epoch. */
  addedAt: number
  /** How often it was answered wrongly while in the book, the entering answer included. */
  wrongCount: number
  /** Right answers in a row since the last wrong one. */
  rightInARow: number
}

/** Question id → entry. */
export type WrongBook = Readonly<Record<string, WrongBookEntry>>

export interface AnsweredEvent {
  questionId: string
  correct: boolean
  at: number
}

/** The book after one answer. Returns the same object when nothing changes. */
export function wrongBookReducer(book: WrongBook, event: AnsweredEvent): WrongBook {
  const entry = Object.prototype.hasOwnProperty.call(book, event.questionId) ? book[event.questionId] : undefined
  if (!event.correct) {
    const next = entry
      ? { ...entry, wrongCount: entry.wrongCount + 1, rightInARow: 0 }
      : { addedAt: event.at, wrongCount: 1, rightInARow: 0 }
    return { ...book, [event.questionId]: next }
  }
  if (!entry) return book
  if (entry.rightInARow + 1 >= RIGHT_IN_A_ROW_TO_LEAVE) {
    const rest: Record<string, WrongBookEntry> = { ...book }
    delete rest[event.questionId]
    return rest
  }
  return { ...book, [event.questionId]: { ...entry, rightInARow: entry.rightInARow + 1 } }
}

/** The ids in the book, the longest-standing first (ties by id, so the order is stable). */
export function wrongBookIds(book: WrongBook): string[] {
  return Object.keys(book).sort((a, b) => book[a].addedAt - book[b].addedAt || (a < b ? -1 : a > b ? 1 : 0))
}
