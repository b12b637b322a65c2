// The quiz subpackage in the built mini-program: opened from the shelf, the 百题竞答 started, a question answered
// and that answer on the server as a synced fact; killed and started again, the answer is still there.
import { describe, expect, it } from 'vitest'
import { memberOf, weappFixture } from './support'

const app = weappFixture()
const BANK = 'dangshi-100'

describe('the quiz in the mini-program', () => {
  it('opens the quiz subpackage from 书架, starts the 百题竞答 and syncs an answer', async () => {
    const phone = app.device({ user: 'quiz-weapp' })
    const mp = app.start(phone)
    const shelf = await mp.see('答题 · 百题竞答')
    await mp.until(() => phone.storage.has('session'), 'signed in with wx.login')
    shelf.tap('答题 · 百题竞答')
    const home = await mp.see('开始答题', 10_000)
    expect(home.route).toBe('pages/quiz/home/index')
    home.tap('开始答题')
    const contest = await mp.see('第 1 / 100 题', 10_000)
    expect(contest.route).toBe('pages/quiz/contest/index')
    expect(mp.wx.log.calls).toContain('showModal')

    // The paper is seeded per attempt: jump with the 答题卡 to its first question with options, and tap one.
    const member = memberOf(phone)
    const services = app.server().env.app.services
    const ref = (await services.quiz.listBanks(member)).find((b) => b.id === BANK)?.attempt
    if (!ref) throw new Error('no attempt on the server')
    const paper = await services.quiz.get(member, ref.id)
    const at = paper.questions.findIndex((q) => q.type !== 'fill')
    for (let i = 0; i < at; i++) (await mp.see(`第 ${i + 1} / 100 题`)).tap('下一题')
    const question = await mp.see(`第 ${at + 1} / 100 题`)
    question.tap(paper.questions[at].options[0])
    await mp.see('已答 1')

    // The answer reaches the server as a sync fact of this member's attempt.
    const deadline = Date.now() + 10_000
    let answers = {}
    while (Object.keys(answers).length === 0 && Date.now() < deadline) {
      await mp.settle(200)
      answers = (await services.sync.pull(member, 0)).facts.answers
    }
    const facts = Object.values(answers) as Array<{ bankId: string; answer: string[] }>
    expect(facts).toHaveLength(1)
    expect(facts[0].bankId).toBe(BANK)

    // Killed and started again at the contest page: the answer is kept and shown.
    mp.kill()
    const again = app.start(phone, { path: 'pages/quiz/contest/index', query: { bank: BANK } })
    await again.see('已答 1', 10_000)
  })
})
