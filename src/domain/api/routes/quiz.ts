import { route } from '../route'
import {
  QuizAttemptSchema,
  QuizBankReplySchema,
  QuizBanksReplySchema,
  StartAttemptBodySchema,
  SubmitAttemptBodySchema
} from '../quiz'

/** The quiz: banks and scored attempts (pages/quiz, the campaign page). */
export const QUIZ_ROUTES = {
  quizBanks: route({
    method: 'GET',
    path: '/api/quiz/banks',
    body: null,
    reply: QuizBanksReplySchema,
    errors: [401],
    auth: true
  }),
  quizBank: route({
    method: 'GET',
    path: '/api/quiz/banks/:id',
    body: null,
    reply: QuizBankReplySchema,
    errors: [400, 401, 403, 404],
    auth: true
  }),
  startQuizAttempt: route({
    method: 'POST',
    path: '/api/quiz/attempts',
    body: StartAttemptBodySchema,
    reply: QuizAttemptSchema,
    // 403: a practice-only bank (bank_not_for_contest), or outside its campaign's window (contest_closed).
    errors: [400, 401, 403, 404],
    auth: true
  }),
  getQuizAttempt: route({
    method: 'GET',
    path: '/api/quiz/attempts/:id',
    body: null,
    reply: QuizAttemptSchema,
    errors: [400, 401, 404],
    auth: true
  }),
  submitQuizAttempt: route({
    method: 'POST',
    path: '/api/quiz/attempts/:id/submit',
    body: SubmitAttemptBodySchema,
    reply: QuizAttemptSchema,
    errors: [400, 401, 404],
    auth: true
  })
} as const
