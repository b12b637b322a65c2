// The quiz service instance. Only the quiz pages (a subpackage on weapp) import this module, so the quiz code
// stays out of the main package and nothing here runs until a quiz page opens.
import { apiBase } from '../../platform/config'
import { http } from '../../platform/http'
import { kv } from '../../platform/kv'
import { network } from '../../platform/network'
import { sessionStore } from '../../stores'
import { services } from '../index'
import { createQuizApi } from './api'
import { createQuizService } from './service'

export { ContestClosedError, type LocalContest, type QuizService, type QuizState } from './service'

export const quiz = createQuizService({
  api: createQuizApi(http, apiBase, () => sessionStore.getState().token),
  kv,
  sync: services.sync,
  now: () => Date.now(),
  random: Math.random
})

// A hand-in that waited for the network goes out when it is back; a sign-out forgets the member's quiz here.
network.subscribe((online) => {
  if (online) void quiz.sendPending()
})
sessionStore.subscribe((s, prev) => {
  if (prev.token !== null && s.token === null) quiz.clearMember()
})
