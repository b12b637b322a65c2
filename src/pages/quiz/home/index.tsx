import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useStore } from 'zustand'
import type { QuizBankInfo } from '../../../domain/api/quiz'
import type { Issue } from '../../../domain/issue/types'
import {
  RANDOM_ROUND,
  sectionsOf,
  topicsOf,
  wrongBookIds,
  type Bank,
  type PracticeFilter
} from '../../../domain/quiz/index'
import { windowState } from '../../../domain/campaign/timeline'
import { contestPath, practicePath, resultPath } from '../../../domain/routes'
import { chinaDay } from '../../../domain/sync/derive'
import { OfflineBanner } from '../../../components/OfflineBanner'
import { services } from '../../../services'
import { quiz } from '../../../services/quiz'
import { ApiError } from '../../../services/api/client'
import { useOffline, useSession } from '../../../stores'
import { useThemeClass } from '../../theme'
import { clock } from '../shared'
import '../quiz.css'
import { Action } from '../../../components/Action'

/** Practice banks on the device, with the issues their questions quote (for 按栏目). */
function usePracticeBanks(banks: QuizBankInfo[], online: boolean) {
  const [loaded, setLoaded] = useState<Record<string, { bank: Bank; issues: Issue[] }>>({})
  const [error, setError] = useState<string | null>(null)
  const ids = banks
    .filter((b) => b.use !== 'contest')
    .map((b) => b.id)
    .join(',')
  useEffect(() => {
    let live = true
    void (async () => {
      const out: Record<string, { bank: Bank; issues: Issue[] }> = {}
      for (const id of ids ? ids.split(',') : []) {
        try {
          const bank = await quiz.practiceBank(id)
          const issueIds = [
            ...new Set(bank.questions.flatMap((q) => (q.source.kind === 'article' ? [q.source.issueId] : [])))
          ]
          const issues = (await Promise.all(issueIds.map((i) => services.loadIssue(i).catch(() => null)))).filter(
            (i): i is Issue => i !== null
          )
          out[id] = { bank, issues }
        } catch (err) {
          const kept = quiz.keptBank(id)
          if (kept) out[id] = { bank: kept, issues: [] }
          else if (live) setError(err instanceof ApiError ? err.message : '题库加载失败，请稍后再试')
        }
      }
      if (live) setLoaded(out)
    })()
    return () => {
      live = false
    }
  }, [ids, online])
  return { loaded, error }
}

export default function QuizHomePage() {
  const theme = useThemeClass()
  const online = useOffline((s) => s.online)
  const signedIn = useSession((s) => s.token !== null)
  const banks = useStore(quiz.store, (s) => s.banks)
  const source = useStore(quiz.store, (s) => s.banksSource)
  const wrong = useStore(quiz.store, (s) => s.wrong)
  const round = useStore(quiz.store, (s) => s.practice)
  const contests = useStore(quiz.store, (s) => s.contests)
  const answers = useStore(quiz.store, (s) => s.answers)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const practice = usePracticeBanks(banks, online)

  useDidShow(() => {
    setLoadError(null)
    quiz.loadBanks().then(
      () => quiz.sendPending(),
      (err: unknown) => setLoadError(err instanceof ApiError ? err.message : '题库加载失败，请稍后再试')
    )
  })

  const begin = (bank: Bank, filter: PracticeFilter) => {
    quiz.startPractice(bank, filter)
    void Taro.navigateTo({ url: practicePath(bank.id) })
  }

  const openContest = async (info: QuizBankInfo) => {
    if (busy) return
    const first = !info.attempt && !contests[info.id]
    if (first) {
      const minutes = Math.round(info.timeLimitMs / 60000)
      const ok = await Taro.showModal({
        title: '开始百题竞答',
        content: `共 ${info.questionCount} 题，限时 ${minutes} 分钟，每人只能参加一次。开始后计时不会暂停，断网也可以继续作答。`,
        confirmText: '开始答题'
      })
      if (!ok.confirm) return
    }
    setBusy(true)
    try {
      const c = await quiz.openContest(info.id, true)
      if (c) void Taro.navigateTo({ url: c.attempt.result ? resultPath(info.id) : contestPath(info.id) })
    } catch (err) {
      void Taro.showToast({ title: err instanceof ApiError ? err.message : '无法开始答题，请稍后再试', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const now = Date.now()
  return (
    <View className={theme}>
      <OfflineBanner visible={!online} />
      <View className="page-pad quiz-page">
        <View className="library-head">
          <Text className="h1">答题</Text>
          <Text className="muted library-sub">学党史、答百题，练习不限次数</Text>
        </View>
        {!signedIn && banks.length === 0 ? (
          <View className="empty-state muted">登录后才能答题：请在“我的”页登录。</View>
        ) : null}
        {loadError && banks.length === 0 ? (
          <View className="empty-state muted" data-testid="quiz-error">
            {loadError}
          </View>
        ) : null}
        {source === 'none' && !loadError && banks.length === 0 && signedIn ? (
          <View className="empty-state muted">{online ? '正在加载题库…' : '没有网络：连接网络后加载题库。'}</View>
        ) : null}
        {source === 'online' && banks.length === 0 ? (
          <View className="empty-state muted">组织还没有发布题库。发布后，这里可以练习和参加竞答。</View>
        ) : null}
        {round ? (
          <Action
            className="quiz-card quiz-resume"
            testId="practice-resume"
            onPress={() => void Taro.navigateTo({ url: practicePath(round.bankId) })}
          >
            <Text>
              继续练习：{round.title}（第 {Math.min(round.index + 1, round.paper.questionIds.length)} /{' '}
              {round.paper.questionIds.length} 题）
            </Text>
            <Text className="accent">›</Text>
          </Action>
        ) : null}
        {banks.map((info) => {
          const p = practice.loaded[info.id]
          const book = wrong[info.id] ?? {}
          const wrongCount = p ? wrongBookIds(book).filter((id) => p.bank.questions.some((q) => q.id === id)).length : 0
          const local = contests[info.id]
          const ref = info.attempt
          const answered = local ? Object.keys(answers[info.id] ?? {}).length : 0
          const scored = local?.attempt.result ?? null
          const waiting = local && local.handedInAt !== null && !scored
          const inProgress = local && !scored && !waiting && quiz.isOpen(local)
          // Outside its campaign's window no new scored attempt starts (the server says contest_closed too).
          const win = info.window ? windowState(info.window, chinaDay(now)) : null
          const closed = win !== null && win.state !== 'during' && !ref && !local
          return (
            <View key={info.id} className="quiz-bank" data-testid="quiz-bank">
              <Text className="quiz-bank__title">{info.title}</Text>
              <Text className="muted quiz-bank__sub">共 {info.questionCount} 题</Text>
              {info.use !== 'practice' ? (
                <View className="quiz-card" data-testid="contest-card">
                  <Text className="quiz-card__title">百题竞答</Text>
                  {scored ? (
                    <Text className="quiz-card__line">
                      成绩 <Text className="accent quiz-score">{scored.total}</Text> / {scored.max} 分
                    </Text>
                  ) : waiting ? (
                    <Text className="quiz-card__line" data-testid="contest-waiting">
                      已交卷，{online ? '正在提交评分…' : '联网后自动提交评分'}
                    </Text>
                  ) : inProgress ? (
                    <Text className="quiz-card__line">
                      已答 {answered} / {local.attempt.questions.length} 题 · 剩余 {clock(local.attempt.deadline - now)}
                    </Text>
                  ) : ref && ref.submittedAt !== null ? (
                    <Text className="quiz-card__line">
                      成绩 <Text className="accent quiz-score">{ref.total}</Text> / {ref.max} 分
                    </Text>
                  ) : closed && info.window ? (
                    <Text className="quiz-card__line muted" data-testid="contest-closed">
                      {win?.state === 'before' ? '未开始' : '已结束'}：计分竞答在 {info.window.start} 至{' '}
                      {info.window.end} 开放，练习不受影响。
                    </Text>
                  ) : (
                    <Text className="quiz-card__line muted">
                      限时 {Math.round(info.timeLimitMs / 60000)} 分钟，每人一次，按交卷时的答案计分。
                    </Text>
                  )}
                  <Action
                    className={`btn quiz-card__btn${closed ? ' is-off' : ''}`}
                    testId="contest-open"
                    onPress={() => {
                      if (closed)
                        void Taro.showToast({
                          title: win?.state === 'before' ? '百题竞答还没有开始' : '百题竞答已结束，仍可练习',
                          icon: 'none'
                        })
                      else void openContest(info)
                    }}
                  >
                    {scored || (ref && ref.submittedAt !== null)
                      ? '查看成绩与解析'
                      : inProgress || ref || local
                        ? '继续答题'
                        : closed
                          ? win?.state === 'before'
                            ? '未开始'
                            : '已结束'
                          : '开始答题'}
                  </Action>
                </View>
              ) : null}
              {info.use !== 'contest' ? (
                <View className="quiz-card" data-testid="practice-card">
                  <Text className="quiz-card__title">练习</Text>
                  {p ? (
                    <View>
                      <View className="quiz-chips">
                        <Action
                          className="quiz-chip"
                          testId="practice-random"
                          onPress={() => begin(p.bank, { kind: 'random', count: RANDOM_ROUND })}
                        >
                          随机 {RANDOM_ROUND} 题
                        </Action>
                        <Action
                          className={`quiz-chip${wrongCount === 0 ? ' is-off' : ''}`}
                          testId="practice-wrong"
                          onPress={() => {
                            if (wrongCount > 0) begin(p.bank, { kind: 'wrong' })
                            else void Taro.showToast({ title: '错题本是空的', icon: 'none' })
                          }}
                        >
                          错题本（{wrongCount}）
                        </Action>
                      </View>
                      {topicsOf(p.bank).length > 0 ? <Text className="muted quiz-group">按主题</Text> : null}
                      <View className="quiz-chips">
                        {topicsOf(p.bank).map((t) => (
                          <Action
                            key={t.topic}
                            className="quiz-chip"
                            testId="practice-topic"
                            onPress={() => begin(p.bank, { kind: 'topic', topic: t.topic })}
                          >
                            {t.topic}（{t.count}）
                          </Action>
                        ))}
                      </View>
                      {p.issues.map((issue) => {
                        const sections = sectionsOf(p.bank, issue)
                        if (sections.length === 0) return null
                        return (
                          <View key={issue.id}>
                            <Text className="muted quiz-group">
                              按栏目 · {issue.title} {issue.publishedOn.slice(0, 4)}年第{issue.number}期
                            </Text>
                            <View className="quiz-chips">
                              {sections.map((s) => (
                                <Action
                                  key={s.section}
                                  className="quiz-chip"
                                  testId="practice-section"
                                  onPress={() =>
                                    begin(p.bank, {
                                      kind: 'section',
                                      issueId: issue.id,
                                      section: s.section,
                                      articleIds: s.articleIds
                                    })
                                  }
                                >
                                  【{s.section}】（{s.count}）
                                </Action>
                              ))}
                            </View>
                          </View>
                        )
                      })}
                    </View>
                  ) : (
                    <Text className="muted quiz-card__line">
                      {practice.error ?? (online ? '正在下载题库…' : '连接网络后下载题库，之后可离线练习。')}
                    </Text>
                  )}
                </View>
              ) : null}
            </View>
          )
        })}
      </View>
    </View>
  )
}
