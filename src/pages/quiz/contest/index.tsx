import { useEffect, useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useStore } from 'zustand'
import { toShown } from '../../../domain/quiz/index'
import { bankParam, resultPath } from '../../../domain/routes'
import { OfflineBanner } from '../../../components/OfflineBanner'
import { QuizQuestion } from '../../../components/QuizQuestion'
import { ApiError } from '../../../services/api/client'
import { quiz } from '../../../services/quiz'
import { useOffline } from '../../../stores'
import { useThemeClass } from '../../theme'
import { useParams } from '../../hooks'
import { clock } from '../shared'
import '../quiz.css'
import { Action } from '../../../components/Action'

/** Ticks every second while `on`, so the countdown moves. */
function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!on) return
    const t = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(t)
  }, [on])
  return now
}

export default function ContestPage() {
  const theme = useThemeClass()
  const bankId = bankParam(useParams()) ?? ''
  const online = useOffline((s) => s.online)
  const contest = useStore(quiz.store, (s) => s.contests[bankId])
  const answers = useStore(quiz.store, (s) => s.answers[bankId]) ?? {}
  const [sheet, setSheet] = useState(false)
  const [fill, setFill] = useState<Record<string, string>>({})
  const [sending, setSending] = useState(false)
  const open = contest ? quiz.isOpen(contest) : false
  const now = useNow(open)
  const left = contest ? contest.attempt.deadline - now : 0

  const handIn = async () => {
    if (sending) return
    setSending(true)
    try {
      const outcome = await quiz.handIn(bankId)
      if (outcome === 'scored') void Taro.redirectTo({ url: resultPath(bankId) })
      else void Taro.showToast({ title: '已交卷，联网后自动提交评分', icon: 'none', duration: 3000 })
    } catch (err) {
      void Taro.showToast({ title: err instanceof ApiError ? err.message : '提交失败，请稍后再试', icon: 'none' })
    } finally {
      setSending(false)
    }
  }

  // Out of time: handed in with what was answered by the deadline.
  useEffect(() => {
    if (contest && contest.handedInAt === null && !contest.attempt.result && left <= 0) void handIn()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contest?.handedInAt, left <= 0])

  if (!contest)
    return (
      <View className={theme}>
        <View className="empty-state muted" data-testid="contest-missing">
          没有找到这次答题。请从“答题”页开始。
        </View>
      </View>
    )

  const { attempt } = contest
  const total = attempt.questions.length
  const index = Math.min(contest.current, total - 1)
  const q = attempt.questions[index]
  const given = answers[q.id]?.answer ?? []
  const shown = toShown(q, attempt.paper, given)
  const answeredCount = attempt.questions.filter((x) => answers[x.id]).length
  const closed = !open

  const choose = (next: string[]) => {
    try {
      quiz.answerContest(bankId, q.id, next)
    } catch (err) {
      void Taro.showToast({
        title:
          err instanceof Error && err.name === 'ContestClosedError' ? err.message : '答案未能保存：手机存储空间已满',
        icon: 'none'
      })
    }
  }
  const toggle = (letter: string) => {
    if (q.type === 'multiple') choose(shown.includes(letter) ? shown.filter((l) => l !== letter) : [...shown, letter])
    else choose([letter])
  }
  const confirmHandIn = async () => {
    const missing = total - answeredCount
    const ok = await Taro.showModal({
      title: '交卷',
      content:
        missing > 0
          ? `还有 ${missing} 题未作答，交卷后不能再修改。确定交卷吗？`
          : '全部题目已作答。交卷后不能再修改，确定交卷吗？',
      confirmText: '交卷',
      cancelText: missing > 0 ? '继续作答' : '再检查'
    })
    if (ok.confirm) void handIn()
  }

  return (
    <View className={theme}>
      <OfflineBanner visible={!online} />
      <View className="page-pad quiz-page">
        <View className="quiz-bar">
          <Text data-testid="contest-progress">
            第 {index + 1} / {total} 题 · 已答 {answeredCount}
          </Text>
          <Text className={left < 5 * 60_000 ? 'accent' : 'muted'} data-testid="contest-clock">
            {contest.handedInAt !== null ? '已交卷' : `剩余 ${clock(left)}`}
          </Text>
        </View>
        {contest.handedInAt !== null && !attempt.result ? (
          <View className="notice" data-testid="contest-waiting">
            已交卷，{online ? '正在提交评分…' : '联网后自动提交评分'}
          </View>
        ) : null}
        <QuizQuestion
          type={q.type}
          stem={q.stem}
          options={q.options}
          selected={q.type === 'fill' ? [fill[q.id] ?? given[0] ?? ''] : shown}
          disabled={closed}
          onToggle={toggle}
          onFill={(text) => setFill((f) => ({ ...f, [q.id]: text }))}
        />
        {q.type === 'fill' && !closed ? (
          <Action
            className="btn quiz-wide"
            testId="contest-fill-save"
            onPress={() => choose([(fill[q.id] ?? '').trim()])}
          >
            {given.length > 0 && (fill[q.id] ?? given[0]) === given[0] ? '已保存' : '保存答案'}
          </Action>
        ) : null}
        <View className="quiz-nav">
          <Action
            className={`btn ghost${index === 0 ? ' is-off' : ''}`}
            testId="contest-prev"
            disabled={index === 0}
            onPress={() => index > 0 && quiz.moveContest(bankId, index - 1)}
          >
            上一题
          </Action>
          <Action className="btn ghost" testId="contest-sheet" onPress={() => setSheet(!sheet)}>
            答题卡
          </Action>
          {index < total - 1 ? (
            <Action className="btn" testId="contest-next" onPress={() => quiz.moveContest(bankId, index + 1)}>
              下一题
            </Action>
          ) : (
            <Action
              className={`btn${closed ? ' is-off' : ''}`}
              testId="contest-submit"
              disabled={closed}
              onPress={() => !closed && void confirmHandIn()}
            >
              交卷
            </Action>
          )}
        </View>
        {sheet ? (
          <View className="quiz-sheet" data-testid="answer-sheet">
            <View className="quiz-bar">
              <Text>
                答题卡 · 已答 {answeredCount} / {total}
              </Text>
              <Action className="muted" onPress={() => setSheet(false)}>
                收起
              </Action>
            </View>
            <ScrollView scrollY className="quiz-sheet__grid">
              {attempt.questions.map((x, i) => (
                <Action
                  key={x.id}
                  className={`quiz-cell${answers[x.id] ? ' is-done' : ''}${i === index ? ' is-here' : ''}`}
                  testId="sheet-cell"
                  label={`第 ${i + 1} 题${answers[x.id] ? '，已答' : '，未答'}`}
                  onPress={() => {
                    quiz.moveContest(bankId, i)
                    setSheet(false)
                  }}
                >
                  {i + 1}
                </Action>
              ))}
            </ScrollView>
            {!closed ? (
              <Action className="btn quiz-wide" testId="sheet-submit" onPress={() => void confirmHandIn()}>
                交卷
              </Action>
            ) : null}
          </View>
        ) : null}
        {attempt.result ? (
          <Action className="btn quiz-wide" onPress={() => void Taro.redirectTo({ url: resultPath(bankId) })}>
            查看成绩
          </Action>
        ) : null}
      </View>
    </View>
  )
}
