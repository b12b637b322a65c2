import { QUIZ_ROUTES } from '../../domain/api/routes/quiz'
import type { SubmittedAnswer } from '../../domain/api/quiz'
import type { HttpClient } from '../../platform/http'
import { createApiClient } from '../api/client'

/** The quiz routes over the API client: answers checked against the contracts, errors as ApiError. */
export function createQuizApi(http: HttpClient, apiBase: string, token: () => string | null) {
  const client = createApiClient(http, apiBase, token)
  return {
    banks: () => client.call(QUIZ_ROUTES.quizBanks),
    bank: (id: string) => client.call(QUIZ_ROUTES.quizBank, { params: { id } }),
    start: (bankId: string) => client.call(QUIZ_ROUTES.startQuizAttempt, { body: { bankId } }),
    attempt: (id: string) => client.call(QUIZ_ROUTES.getQuizAttempt, { params: { id } }),
    submit: (id: string, answers: SubmittedAnswer[]) =>
      client.call(QUIZ_ROUTES.submitQuizAttempt, { params: { id }, body: { answers } })
  }
}

export type QuizApi = ReturnType<typeof createQuizApi>
