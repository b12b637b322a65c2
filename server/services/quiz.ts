import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import type { QuizAttempt, QuizBankInfo, QuizResult, SubmittedAnswer } from '../../src/domain/api/quiz'
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
import type { QuizAttemptRow, QuizRepo } from '../db/repos'
import { HttpError } from '../errors'
import { readBankFile } from './quiz-files'
import { newId } from './secrets'

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
 * the domain scorer. Answers arrive with the submission only; what counts is decided here by the server's clock.
 */
export class QuizService {
  private readonly banks = new Map<string, LoadedBank>()

  constructor(
    private readonly repo: QuizRepo,
    private readonly now: () => number,
    private readonly newSeed: () => string = () => randomBytes(8).toString('hex')
  ) {}

  /** Makes a bank available (replacing one with the same id). */
  addBank(bank: Bank, timeLimitMs: number = DEFAULT_TIME_LIMIT_MS): void {
    this.banks.set(bank.id, { bank, timeLimitMs, byId: new Map(bank.questions.map((q) => [q.id, q])) })
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

  listBanks(): QuizBankInfo[] {
    return [...this.banks.values()].map(({ bank, timeLimitMs }) => ({
      id: bank.id,
      title: bank.title,
      use: bank.use,
      questionCount: bank.questions.length,
      timeLimitMs
    }))
  }

  /** Starts the member's scored attempt at a contest bank, or returns the one already started (never a new paper). */
  async start(memberId: string, bankId: string): Promise<QuizAttempt> {
    const loaded = this.banks.get(bankId)
    if (loaded === undefined) throw new HttpError(404, 'unknown_bank')
    if (loaded.bank.use === 'practice') throw new HttpError(403, 'bank_not_for_contest')
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
    return this.view(row)
  }

  /** The member's own attempt; another member's is as unknown as a missing one (404). */
  async get(memberId: string, attemptId: string): Promise<QuizAttempt> {
    return this.view(await this.own(memberId, attemptId))
  }

  /**
   * Scores and stores the submission. Counted: answers to questions on the paper, given (`at`, never later than
   * the server's now) by the deadline, in a submission that arrives by deadline + SUBMIT_GRACE_MS; the last
   * counted answer to a question wins. A second submission changes nothing and gets the stored result back.
   */
  async submit(memberId: string, attemptId: string, answers: readonly SubmittedAnswer[]): Promise<QuizAttempt> {
    const row = await this.own(memberId, attemptId)
    if (row.submittedAt !== null) return this.view(row)
    const loaded = this.bankOf(row)
    const paper = JSON.parse(row.paperJson) as Paper
    const now = this.now()
    const onPaper = new Set(paper.questionIds)
    const counted: Record<string, { answer: Response; at: number }> = {}
    if (now <= row.deadline + SUBMIT_GRACE_MS) {
      for (const a of answers) {
        const at = Math.min(a.at, now)
        if (at > row.deadline || !onPaper.has(a.questionId) || !loaded.byId.has(a.questionId)) continue
        const prev = counted[a.questionId]
        if (prev === undefined || prev.at <= at) counted[a.questionId] = { answer: a.answer, at }
      }
    }
    const given = Object.fromEntries(Object.entries(counted).map(([id, c]) => [id, c.answer]))
    const result = this.score(loaded, paper, given)
    const stored = await this.repo.submit(row.id, {
      submittedAt: now,
      answersJson: JSON.stringify(given),
      resultJson: JSON.stringify(result)
    })
    if (stored === null) throw new HttpError(404, 'unknown_attempt')
    return this.view(stored)
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
