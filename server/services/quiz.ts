import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import type { AttemptRef, QuizAttempt, QuizBankInfo, QuizResult, SubmittedAnswer } from '../../src/domain/api/quiz'
import type { Issue } from '../../src/domain/issue/types'
import {
  makePaper,
  scoreAnswer,
  shownOptions,
  type Bank,
  type Paper,
  type Question,
  type Response
} from '../../src/domain/quiz/index'
import { isOpen, type DayWindow } from '../../src/domain/campaign/timeline'
import { chinaDay } from '../../src/domain/sync/derive'
import type { QuizAttemptRow, QuizRepo, SyncRepo } from '../db/repos'
import { HttpError } from '../errors'
import type { Cached } from './content'
import { readBankFile } from './quiz-files'
import { newId, sha256 } from './secrets'

/** The member's attempt as the bank list names it: the score once submitted. */
function attemptRef(row: QuizAttemptRow): AttemptRef {
  const result = row.resultJson === null ? null : (JSON.parse(row.resultJson) as QuizResult)
  return {
    id: row.id,
    startedAt: row.startedAt,
    deadline: row.deadline,
    submittedAt: row.submittedAt,
    total: result?.total ?? null,
    max: result?.max ?? null
  }
}

/** The scored attempt's time limit unless a bank names its own. */
export const DEFAULT_TIME_LIMIT_MS = 60 * 60_000
/** How long after the deadline a submission is still taken (answers given in time, sent over a slow network). */
export const SUBMIT_GRACE_MS = 2 * 60_000

/** A bank file the server loads at start. */
export interface BankSpec {
  id: string
  title: string
  use: Bank['use']
  /** .csv or .xlsx, read by the same code as `npm run quiz:import`. */
  file: string
  timeLimitMs?: number
}

/** The banks shipped in the repository, with files under `root`. */
export function shippedBanks(root: string = process.cwd()): BankSpec[] {
  return [
    {
      id: 'dangshi-100',
      title: '读党史·百题竞答',
      use: 'both',
      file: resolve(root, 'content/quiz/bank.csv'),
      timeLimitMs: DEFAULT_TIME_LIMIT_MS
    }
  ]
}

interface LoadedBank {
  bank: Bank
  timeLimitMs: number
  byId: Map<string, Question>
  /** The whole bank as GET /api/quiz/banks/:id serves it; null for a contest-only bank (never sent). */
  practice: Cached | null
}

/** An answer that may count, from the submission's body or from a synced contest answer fact. */
interface Candidate {
  questionId: string
  answer: Response
  at: number
  /** Equal times: a body answer beats a synced one (the device handed it in last), then the larger order wins. */
  fromBody: boolean
  /** Synced: the fact id (as latestAnswers); body: the position in the list, so the later one wins as before. */
  order: string | number
}

/** Whether `a` is a later answer than `b` (src/domain/quiz/contest.ts latestAnswers' rule, with body answers). */
function later(a: Candidate, b: Candidate): boolean {
  if (a.at !== b.at) return a.at > b.at
  if (a.fromBody !== b.fromBody) return a.fromBody
  return a.order > b.order
}

const OTHER_TOPIC = '其他'

/** The right answer in the question's original lettering (判断: A = 正确), or every accepted text for 填空. */
function rightAnswer(q: Question): string[] {
  switch (q.type) {
    case 'single':
      return [q.answer]
    case 'multiple':
      return q.answer.slice()
    case 'truefalse':
      return [q.answer ? 'A' : 'B']
    case 'fill':
      return q.answers.slice()
  }
}

/**
 * The scored 百题竞答: one attempt per member and bank, its paper drawn on the server, scored on the server with
 * the domain scorer. Answers arrive with the submission and as synced contest answer facts; what counts is
 * decided here by the server's clock.
 */
export class QuizService {
  private readonly banks = new Map<string, LoadedBank>()
  /** The window of a bank's scored quiz on a day (a campaign's 答 phase), or null: always open. */
  private windowOf: (bankId: string, today: string) => DayWindow | null = () => null

  constructor(
    private readonly repo: QuizRepo,
    private readonly sync: Pick<SyncRepo, 'answerFacts'>,
    private readonly now: () => number,
    private readonly newSeed: () => string = () => randomBytes(8).toString('hex')
  ) {}

  /** Where the scored quiz's windows come from (the campaigns); practice is never limited. */
  setContestWindows(windowOf: (bankId: string, today: string) => DayWindow | null): void {
    this.windowOf = windowOf
  }

  /** Makes a bank available (replacing one with the same id). */
  addBank(bank: Bank, timeLimitMs: number = DEFAULT_TIME_LIMIT_MS): void {
    let practice: Cached | null = null
    if (bank.use !== 'contest') {
      const body = JSON.stringify(bank)
      practice = { body, etag: `"${sha256(body)}"` }
    }
    this.banks.set(bank.id, { bank, timeLimitMs, byId: new Map(bank.questions.map((q) => [q.id, q])), practice })
  }

  /**
   * Reads and checks each bank file (出处 against `issues`); a bank that fails is reported in `failed` and
   * skipped, the others still load.
   */
  async loadBanks(
    specs: readonly BankSpec[],
    issues: readonly Issue[],
    issuesLabel: string
  ): Promise<{ loaded: string[]; failed: Array<{ id: string; problems: string[] }> }> {
    const loaded: string[] = []
    const failed: Array<{ id: string; problems: string[] }> = []
    for (const spec of specs) {
      try {
        const read = await readBankFile(spec.file, issues, issuesLabel)
        if (!read.ok) {
          failed.push({ id: spec.id, problems: read.problems })
          continue
        }
        this.addBank(
          { id: spec.id, title: spec.title, use: spec.use, questions: read.questions },
          spec.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS
        )
        loaded.push(spec.id)
      } catch (e) {
        failed.push({ id: spec.id, problems: [`${spec.file}: ${(e as Error).message}`] })
      }
    }
    return { loaded, failed }
  }

  /** Every loaded bank with the member's attempt at it (one query; an attempt past its deadline is scored first). */
  async listBanks(memberId: string): Promise<QuizBankInfo[]> {
    const attempts = new Map<string, QuizAttemptRow>()
    for (const row of await this.repo.listForMember(memberId)) attempts.set(row.bankId, await this.settle(row))
    const today = chinaDay(this.now())
    return [...this.banks.values()].map(({ bank, timeLimitMs }) => {
      const row = attempts.get(bank.id)
      return {
        window: bank.use === 'practice' ? null : this.windowOf(bank.id, today),
        id: bank.id,
        title: bank.title,
        use: bank.use,
        questionCount: bank.questions.length,
        timeLimitMs,
        attempt: row === undefined ? null : attemptRef(row)
      }
    })
  }

  /**
   * A practice (or practice-and-contest) bank with its answers and 解析, serialized once with its ETag. A
   * contest-only bank is refused: its answers must never reach a device before a submission.
   */
  practiceBank(bankId: string): Cached {
    const loaded = this.banks.get(bankId)
    if (loaded === undefined) throw new HttpError(404, 'unknown_bank')
    if (loaded.practice === null) throw new HttpError(403, 'bank_not_for_practice')
    return loaded.practice
  }

  /** Starts the member's scored attempt at a contest bank, or returns the one already started (never a new paper). */
  async start(memberId: string, bankId: string): Promise<QuizAttempt> {
    const loaded = this.banks.get(bankId)
    if (loaded === undefined) throw new HttpError(404, 'unknown_bank')
    if (loaded.bank.use === 'practice') throw new HttpError(403, 'bank_not_for_contest')
    const window = this.windowOf(bankId, chinaDay(this.now()))
    if (window !== null && !isOpen(window, chinaDay(this.now()))) {
      // An attempt started inside the window can still be opened (and scored) after it; no new one starts.
      const started = (await this.repo.listForMember(memberId)).find((r) => r.bankId === bankId)
      if (started === undefined) throw new HttpError(403, 'contest_closed')
      return this.view(await this.settle(started))
    }
    const seed = this.newSeed()
    const startedAt = this.now()
    const row = await this.repo.start({
      id: newId(),
      memberId,
      bankId,
      seed,
      paperJson: JSON.stringify(makePaper(loaded.bank.questions, seed)),
      startedAt,
      deadline: startedAt + loaded.timeLimitMs,
      submittedAt: null,
      answersJson: null,
      resultJson: null
    })
    return this.view(await this.settle(row))
  }

  /** The member's own attempt; another member's is as unknown as a missing one (404). */
  async get(memberId: string, attemptId: string): Promise<QuizAttempt> {
    return this.view(await this.settle(await this.own(memberId, attemptId)))
  }

  /**
   * Scores and stores the submission. Counted, for questions on the paper, the latest of:
   * - answers in the body, given (`at`, never later than the server's now) by the deadline, in a submission that
   *   arrives by deadline + SUBMIT_GRACE_MS (a later submission counts its synced answers only);
   * - the member's synced contest answers (`answer` facts with ids `${attemptId}:…`, src/domain/quiz/contest.ts)
   *   given by the deadline, whose mutation the server received by deadline + SUBMIT_GRACE_MS.
   * A cleared answer (empty) clears the question. A second submission changes nothing and gets the stored result.
   */
  async submit(memberId: string, attemptId: string, answers: readonly SubmittedAnswer[]): Promise<QuizAttempt> {
    const row = await this.own(memberId, attemptId)
    if (row.submittedAt !== null) return this.view(row)
    const now = this.now()
    if (now > row.deadline + SUBMIT_GRACE_MS) return this.view(await this.settle(row))
    return this.view(await this.record(row, answers, now))
  }

  /**
   * An attempt nobody submitted is scored from its synced answers once deadline + SUBMIT_GRACE_MS has passed (a
   * phone that died still gets a result), when the member next reads it. Idempotent: the repo stores only the first
   * submission, and this one is dated deadline + SUBMIT_GRACE_MS whenever it runs.
   */
  private async settle(row: QuizAttemptRow): Promise<QuizAttemptRow> {
    if (row.submittedAt !== null || this.now() <= row.deadline + SUBMIT_GRACE_MS) return row
    if (!this.banks.has(row.bankId)) return row // Its bank did not load at this start: scored once it does.
    return this.record(row, [], row.deadline + SUBMIT_GRACE_MS)
  }

  private async record(
    row: QuizAttemptRow,
    bodyAnswers: readonly SubmittedAnswer[],
    submittedAt: number
  ): Promise<QuizAttemptRow> {
    const loaded = this.bankOf(row)
    const paper = JSON.parse(row.paperJson) as Paper
    const onPaper = new Set(paper.questionIds.filter((id) => loaded.byId.has(id)))
    const candidates: Candidate[] = []
    bodyAnswers.forEach((a, i) => {
      candidates.push({
        questionId: a.questionId,
        answer: a.answer,
        at: Math.min(a.at, submittedAt),
        fromBody: true,
        order: i
      })
    })
    // Synced answers count by when the server received them, not by the `at` they claim. The fact's `at` alone
    // (clamped to the server's now at push) would let a device offline past the deadline push answers it gave
    // late under an earlier `at`, so the repo rebuilds the facts from the mutations received by the cutoff.
    const prefix = `${row.id}:`
    const facts = await this.sync.answerFacts(row.memberId, prefix, row.deadline + SUBMIT_GRACE_MS)
    for (const [id, fact] of Object.entries(facts)) {
      // Same id shape as latestAnswers: the attempt, the question, then the device's unique part.
      if (fact.bankId !== row.bankId || !id.startsWith(`${prefix}${fact.questionId}:`)) continue
      candidates.push({ questionId: fact.questionId, answer: fact.answer, at: fact.at, fromBody: false, order: id })
    }
    const latest = new Map<string, Candidate>()
    for (const c of candidates) {
      if (c.at > row.deadline || !onPaper.has(c.questionId)) continue
      const prev = latest.get(c.questionId)
      if (prev === undefined || later(c, prev)) latest.set(c.questionId, c)
    }
    const given: Record<string, Response> = {}
    for (const [id, c] of latest) if (c.answer.some((r) => r.trim() !== '')) given[id] = c.answer.slice()
    const result = this.score(loaded, paper, given)
    const stored = await this.repo.submit(row.id, {
      submittedAt,
      answersJson: JSON.stringify(given),
      resultJson: JSON.stringify(result)
    })
    if (stored === null) throw new HttpError(404, 'unknown_attempt')
    return stored
  }

  private score(loaded: LoadedBank, paper: Paper, given: Record<string, Response>): QuizResult {
    const result: QuizResult = { total: 0, max: 0, questions: [], topics: [] }
    const topics = new Map<string, { correct: number; total: number }>()
    for (const id of paper.questionIds) {
      const q = loaded.byId.get(id)
      if (q === undefined) continue
      const response = Object.prototype.hasOwnProperty.call(given, id) ? given[id] : undefined
      const answered = response !== undefined && response.some((r) => r.trim() !== '')
      const s = scoreAnswer(q, answered ? response : undefined)
      result.total += s.score
      result.max += q.score
      const topic = q.topic ?? OTHER_TOPIC
      const t = topics.get(topic) ?? { correct: 0, total: 0 }
      t.total++
      if (s.correct) t.correct++
      topics.set(topic, t)
      result.questions.push({
        questionId: id,
        correct: s.correct,
        answered,
        score: s.score,
        given: answered ? response.slice() : [],
        answer: rightAnswer(q),
        explanation: q.explanation,
        source: q.source
      })
    }
    result.topics = [...topics].map(([topic, t]) => ({ topic, ...t }))
    return result
  }

  private async own(memberId: string, attemptId: string): Promise<QuizAttemptRow> {
    const row = await this.repo.get(attemptId)
    if (row === null || row.memberId !== memberId) throw new HttpError(404, 'unknown_attempt')
    return row
  }

  private bankOf(row: QuizAttemptRow): LoadedBank {
    const loaded = this.banks.get(row.bankId)
    // The bank did not load at this start (a broken file): the attempt cannot be shown or scored until it does.
    if (loaded === undefined) throw new HttpError(404, 'unknown_bank')
    return loaded
  }

  /** The attempt as the device sees it: stems and shown options, never answers or 解析 before the result. */
  private view(row: QuizAttemptRow): QuizAttempt {
    const loaded = this.bankOf(row)
    const paper = JSON.parse(row.paperJson) as Paper
    const questions = paper.questionIds.flatMap((id) => {
      const q = loaded.byId.get(id)
      if (q === undefined) return []
      return [
        {
          id: q.id,
          type: q.type,
          stem: q.stem,
          options: shownOptions(q, paper),
          score: q.score,
          ...(q.topic === undefined ? {} : { topic: q.topic })
        }
      ]
    })
    return {
      id: row.id,
      bankId: row.bankId,
      title: loaded.bank.title,
      seed: row.seed,
      paper,
      questions,
      startedAt: row.startedAt,
      timeLimitMs: row.deadline - row.startedAt,
      deadline: row.deadline,
      submittedAt: row.submittedAt,
      result: row.resultJson === null ? null : (JSON.parse(row.resultJson) as QuizResult)
    }
  }
}
