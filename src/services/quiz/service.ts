// The quiz on the device: practice from banks kept offline, the 错题本, and the scored 百题竞答 whose answers are
// sync facts (src/domain/quiz/contest.ts), so that they survive a killed app, an offline phone and a second device.
import type { TSchema } from '@sinclair/typebox'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { QuizAttemptSchema, QuizBanksReplySchema, type QuizAttempt, type QuizBankInfo } from '../../domain/api/quiz'
import { Type } from '../../domain/api/type'
import {
  BankSchema,
  contestAnswerId,
  isCorrect,
  latestAnswers,
  PracticeRoundSchema,
  startRound,
  toOriginal,
  wrongBookReducer,
  type Bank,
  type GivenAnswer,
  type PracticeFilter,
  type PracticeRound,
  type Question,
  type Response,
  type WrongBook
} from '../../domain/quiz/index'
import type { KeyValueStore } from '../../platform/kv'
import { ApiError } from '../api/client'
import { readJson } from '../kv-json'
import type { SyncEngine } from '../sync/engine'
import type { QuizApi } from './api'

/** A scored attempt as this device keeps it: the server's paper, where the member is, and whether handed in. */
export const LocalContestSchema = Type.Object({
  attempt: QuizAttemptSchema,
  current: Type.Integer({ minimum: 0 }),
  /** When the member pressed 交卷 here (the submission may still be waiting for the network). */
  handedInAt: Type.Union([Type.Number(), Type.Null()])
})
export interface LocalContest {
  attempt: QuizAttempt
  current: number
  handedInAt: number | null
}

const WrongBooksSchema = Type.Record(
  Type.String(),
  Type.Record(
    Type.String(),
    Type.Object({ addedAt: Type.Number(), wrongCount: Type.Integer(), rightInARow: Type.Integer() })
  )
)

const KEYS = {
  banks: 'quiz.banks',
  bank: (id: string) => `quiz.bank.${id}`,
  wrong: 'quiz.wrong',
  practice: 'quiz.practice',
  contest: (bankId: string) => `quiz.contest.${bankId}`
}

export interface QuizState {
  banks: QuizBankInfo[]
  /** Where the list came from: the server now, or what this device kept. */
  banksSource: 'none' | 'online' | 'offline'
  /** Bank id → 错题本. */
  wrong: Record<string, WrongBook>
  practice: PracticeRound | null
  /** Bank id → the scored attempt on this device. */
  contests: Record<string, LocalContest>
  /** Bank id → the latest answer per question (original letters), from the sync facts. */
  answers: Record<string, Record<string, GivenAnswer>>
}

export interface QuizServiceDeps {
  api: QuizApi
  kv: KeyValueStore
  sync: SyncEngine
  now(): number
  random(): number
}

/** The answer a member gives can no longer be taken (handed in, out of time, or scored). */
export class ContestClosedError extends Error {
  constructor() {
    super('本次竞答已结束，答案不能再修改')
    this.name = 'ContestClosedError'
  }
}

export function createQuizService(deps: QuizServiceDeps) {
  const { kv, api, sync } = deps
  let seq = 0

  const read = <T>(key: string, schema: TSchema): T | null => readJson(kv, key, schema) as T | null
  const write = (key: string, value: unknown) => kv.setItem(key, JSON.stringify(value))

  const restoredBanks = read<{ banks: QuizBankInfo[] }>(KEYS.banks, QuizBanksReplySchema)
  const contests: Record<string, LocalContest> = {}
  for (const key of kv.keys()) {
    if (!key.startsWith(KEYS.contest(''))) continue
    const c = read<LocalContest>(key, LocalContestSchema)
    if (c) contests[key.slice(KEYS.contest('').length)] = c
  }

  const store: StoreApi<QuizState> = createStore<QuizState>()(() => ({
    banks: restoredBanks?.banks ?? [],
    banksSource: restoredBanks ? 'offline' : 'none',
    wrong: read<Record<string, WrongBook>>(KEYS.wrong, WrongBooksSchema) ?? {},
    practice: read<PracticeRound>(KEYS.practice, PracticeRoundSchema),
    contests,
    answers: {}
  }))

  /** The answers of each attempt on the device, from the sync facts (this device's and the ones pulled). */
  function refreshAnswers(): void {
    const facts = sync.facts().answers
    const answers: QuizState['answers'] = {}
    for (const [bankId, c] of Object.entries(store.getState().contests)) {
      answers[bankId] = latestAnswers(facts, c.attempt.id, c.attempt.paper.questionIds)
    }
    store.setState({ answers })
  }
  refreshAnswers()
  let folded = sync.facts()
  const unsubscribe = sync.subscribe(() => {
    if (sync.facts() === folded) return
    folded = sync.facts()
    refreshAnswers()
  })

  function saveContest(bankId: string, c: LocalContest): LocalContest {
    write(KEYS.contest(bankId), c)
    store.setState((s) => ({ contests: { ...s.contests, [bankId]: c } }))
    refreshAnswers()
    return c
  }

  /** The bank list from the server, or the one kept on the device when offline. */
  async function loadBanks(): Promise<QuizState['banksSource']> {
    try {
      const reply = await api.banks()
      store.setState({ banks: reply.banks, banksSource: 'online' })
      try {
        write(KEYS.banks, reply)
      } catch {
        // Storage full: the list is shown, only the offline copy is missing.
      }
      // An attempt scored by the server (handed in elsewhere, or after its deadline) updates the copy here.
      for (const b of reply.banks) {
        const local = store.getState().contests[b.id]
        if (local && b.attempt?.id === local.attempt.id && b.attempt.submittedAt !== null && !local.attempt.result)
          void refreshContest(b.id).catch(() => undefined)
      }
      return 'online'
    } catch (err) {
      if (err instanceof ApiError && err.offline) {
        const source = store.getState().banks.length > 0 ? 'offline' : 'none'
        store.setState({ banksSource: source })
        return source
      }
      throw err
    }
  }

  /** A practice bank, fetched when online and kept for offline practice. */
  /** Banks fetched in this run: practice goes on from memory when the device could not keep a copy (storage full). */
  const fetchedBanks = new Map<string, Bank>()

  async function practiceBank(id: string): Promise<Bank> {
    try {
      const bank = await api.bank(id)
      fetchedBanks.set(id, bank)
      try {
        write(KEYS.bank(id), bank)
      } catch {
        // Storage full: practice now, offline next time only after space is freed.
      }
      return bank
    } catch (err) {
      const kept = read<Bank>(KEYS.bank(id), BankSchema)
      if (kept && err instanceof ApiError && err.offline) return kept
      throw err
    }
  }

  /** The practice bank kept on the device, if any (no network needed). */
  const keptBank = (id: string): Bank | null => fetchedBanks.get(id) ?? read<Bank>(KEYS.bank(id), BankSchema)

  function setPractice(round: PracticeRound | null): PracticeRound | null {
    if (round) write(KEYS.practice, round)
    else kv.removeItem(KEYS.practice)
    store.setState({ practice: round })
    return round
  }

  function startPractice(bank: Bank, filter: PracticeFilter): PracticeRound {
    const seed = `${deps.now().toString(36)}-${Math.floor(deps.random() * 2 ** 32).toString(36)}`
    const round = startRound(bank, filter, seed, deps.now(), store.getState().wrong[bank.id] ?? {})
    return setPractice(round) as PracticeRound
  }

  /** Checks a practice answer (letters as shown), records it in the round and the 错题本; returns whether right. */
  function answerPractice(question: Question, shown: Response): boolean {
    const round = store.getState().practice
    if (!round || round.results[question.id]) return round?.results[question.id]?.correct ?? false
    const original = toOriginal(question, round.paper, shown)
    const correct = isCorrect(question, original)
    const books = store.getState().wrong
    const book = wrongBookReducer(books[round.bankId] ?? {}, { questionId: question.id, correct, at: deps.now() })
    const wrong = book === books[round.bankId] ? books : { ...books, [round.bankId]: book }
    // The 错题本 is saved first: a full storage keeps the member's record rather than this round's position.
    if (wrong !== books) write(KEYS.wrong, wrong)
    store.setState({ wrong })
    setPractice({ ...round, results: { ...round.results, [question.id]: { answer: original, correct } } })
    return correct
  }

  function movePractice(index: number): void {
    const round = store.getState().practice
    if (!round) return
    const last = Math.max(0, round.paper.questionIds.length - 1)
    setPractice({ ...round, index: Math.min(last, Math.max(0, index)) })
  }

  /** Whether the contest still takes answers here. */
  function isOpen(c: LocalContest): boolean {
    return c.handedInAt === null && c.attempt.submittedAt === null && deps.now() < c.attempt.deadline
  }

  /**
   * The member's scored attempt at `bankId` on this device: kept here, or (another device started it) fetched,
   * or — only when `start` — started now. Pulls first so that answers given on another device are here.
   */
  async function openContest(bankId: string, start: boolean): Promise<LocalContest | null> {
    void sync.syncNow().catch(() => undefined)
    const local = store.getState().contests[bankId]
    if (local) {
      if (local.attempt.submittedAt !== null && !local.attempt.result) await refreshContest(bankId).catch(() => null)
      return store.getState().contests[bankId]
    }
    const info = store.getState().banks.find((b) => b.id === bankId)
    let attempt: QuizAttempt
    if (info?.attempt) attempt = await api.attempt(info.attempt.id)
    else if (start) attempt = await api.start(bankId)
    else return null
    return saveContest(bankId, { attempt, current: 0, handedInAt: attempt.submittedAt })
  }

  /** Saves the answer to a question (letters as the paper shows them; [] clears it) as a synced fact. */
  function answerContest(bankId: string, questionId: string, shown: Response): void {
    const c = store.getState().contests[bankId]
    if (!c || !isOpen(c)) throw new ContestClosedError()
    const q = c.attempt.questions.find((x) => x.id === questionId)
    if (!q) return
    const original = toOriginal(q, c.attempt.paper, shown).filter((r) => r.trim() !== '')
    sync.record('answer', {
      answerId: contestAnswerId(c.attempt.id, questionId, `${sync.clientId()}.${deps.now().toString(36)}.${++seq}`),
      bankId,
      questionId,
      answer: original,
      at: deps.now()
    })
    refreshAnswers()
  }

  function moveContest(bankId: string, index: number): void {
    const c = store.getState().contests[bankId]
    if (!c) return
    const last = Math.max(0, c.attempt.paper.questionIds.length - 1)
    const current = Math.min(last, Math.max(0, Math.trunc(index)))
    if (current === c.current) return
    try {
      saveContest(bankId, { ...c, current })
    } catch {
      // Storage full: the position is a convenience; the answers are in the sync outbox.
      store.setState((s) => ({ contests: { ...s.contests, [bankId]: { ...c, current } } }))
    }
  }

  /**
   * 交卷: no more answers on this device from now on, then the answers go to the server, which scores them.
   * 'pending' when offline: the submission is sent by `sendPending` once the network is back.
   */
  async function handIn(bankId: string): Promise<'scored' | 'pending'> {
    const c = store.getState().contests[bankId]
    if (!c) throw new Error(`no attempt for ${bankId}`)
    if (c.handedInAt === null) saveContest(bankId, { ...c, handedInAt: Math.min(deps.now(), c.attempt.deadline) })
    return send(bankId)
  }

  async function send(bankId: string): Promise<'scored' | 'pending'> {
    const c = store.getState().contests[bankId]
    if (!c) throw new Error(`no attempt for ${bankId}`)
    if (c.attempt.result) return 'scored'
    // Sent twice on purpose: as sync facts (another device, or the server's own scoring after the deadline, sees
    // them) and in the submission itself (what the server scores now even if the push did not get through).
    await sync.syncNow().catch(() => undefined)
    const given = latestAnswers(sync.facts().answers, c.attempt.id, c.attempt.paper.questionIds)
    const handedInAt = c.handedInAt ?? deps.now()
    const answers = Object.entries(given)
      .filter(([, a]) => a.at <= handedInAt)
      .map(([questionId, a]) => ({ questionId, answer: a.answer, at: a.at }))
    try {
      const attempt = await api.submit(c.attempt.id, answers)
      saveContest(bankId, { ...c, attempt, handedInAt })
      return 'scored'
    } catch (err) {
      if (err instanceof ApiError && err.offline) return 'pending'
      throw err
    }
  }

  /** Sends every submission that waited for the network. */
  async function sendPending(): Promise<void> {
    for (const [bankId, c] of Object.entries(store.getState().contests)) {
      if (c.handedInAt !== null && !c.attempt.result) await send(bankId).catch(() => undefined)
    }
  }

  /** The attempt as the server has it now (scored once handed in, or after its deadline). */
  async function refreshContest(bankId: string): Promise<LocalContest | null> {
    const c = store.getState().contests[bankId]
    if (!c) return null
    const attempt = await api.attempt(c.attempt.id)
    return saveContest(bankId, { ...c, attempt, handedInAt: c.handedInAt ?? attempt.submittedAt })
  }

  /** Forgets the member's quiz on this device (sign-out); practice banks stay, they are the organizers'. */
  function clearMember(): void {
    for (const bankId of Object.keys(store.getState().contests)) kv.removeItem(KEYS.contest(bankId))
    kv.removeItem(KEYS.wrong)
    kv.removeItem(KEYS.practice)
    kv.removeItem(KEYS.banks)
    store.setState({ banks: [], banksSource: 'none', wrong: {}, practice: null, contests: {}, answers: {} })
  }

  return {
    store,
    loadBanks,
    practiceBank,
    keptBank,
    startPractice,
    answerPractice,
    movePractice,
    endPractice: () => void setPractice(null),
    isOpen,
    openContest,
    answerContest,
    moveContest,
    handIn,
    sendPending,
    refreshContest,
    clearMember,
    dispose: unsubscribe
  }
}

export type QuizService = ReturnType<typeof createQuizService>
