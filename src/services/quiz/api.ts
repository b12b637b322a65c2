import { API } from '../../domain/api/routes'
import type { SubmittedAnswer } from '../../domain/api/quiz'
import type { HttpClient } from '../../platform/http'
import { createApiClient } from '../api/client'

/** The quiz routes over the API client: answers checked against the contracts, errors as ApiError. */
export function createQuizApi(http: HttpClient, apiBase: string, token: () => string | null) {
  const client = createApiClient(http, apiBase, token)
  return {
    banks: () => client.call(API.quizBanks),
    bank: (id: string) => client.call(API.quizBank, { params: { id } }),
    start: (bankId: string) => client.call(API.startQuizAttempt, { body: { bankId } }),
    attempt: (id: string) => client.call(API.getQuizAttempt, { params: { id } }),
    submit: (id: string, answers: SubmittedAnswer[]) =>
      client.call(API.submitQuizAttempt, { params: { id }, body: { answers } })
  }
}

export type QuizApi = ReturnType<typeof createQuizApi>
