import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useShareAppMessage } from '@tarojs/taro'
import { useStore } from 'zustand'
import { toShown } from '../../../domain/quiz/index'
import { bankParam, quizPath } from '../../../domain/routes'
import { QuizExplain } from '../../../components/QuizExplain'
import { QuizQuestion } from '../../../components/QuizQuestion'
import { share } from '../../../platform/share'
import { quiz } from '../../../services/quiz'
import { useThemeClass } from '../../theme'
import { useParams } from '../../hooks'
import { answerText, openSource, sourceLabel } from '../shared'
import '../quiz.css'
import { Action } from '../../../components/Action'

/** Review items rendered per step (a 100-question review must not be one huge render on weapp). */
const STEP = 20

export default function ResultPage() {
  const theme = useThemeClass()
  const bankId = bankParam(useParams()) ?? ''
  const contest = useStore(quiz.store, (s) => s.contests[bankId])
  const [onlyWrong, setOnlyWrong] = useState(false)
  const [shownCount, setShownCount] = useState(STEP)
  const result = contest?.attempt.result ?? null
  const title = contest ? contest.attempt.title : '百题竞答'
  const right = result ? result.questions.filter((q) => q.correct).length : 0
  const shareTitle = result ? `我参加了「${title}」，答对 ${right} 题，一起学党史` : title

  useDidShow(() => {
    if (contest && !contest.attempt.result) void quiz.refreshContest(bankId).catch(() => undefined)
  })
  // Sharing the result is allowed; nothing is ever given for it (WeChat forbids 诱导分享).
  useShareAppMessage(() => ({ title: shareTitle, path: quizPath() }))

  if (!contest || !result)
    return (
      <View className={theme}>
        <View className="empty-state muted" data-testid="result-missing">
          {contest ? '已交卷，成绩将在联网提交后显示。' : '没有找到这次答题的成绩。'}
        </View>
      </View>
    )

  const { attempt } = contest
  const pct = result.max > 0 ? Math.round((result.total / result.max) * 100) : 0
  const byId = new Map(attempt.questions.map((q, i) => [q.id, { q, i }]))
  const items = result.questions.filter((r) => !onlyWrong || !r.correct)
  const wrongCount = result.questions.length - right

  return (
    <View className={theme}>
      <View className="page-pad quiz-page">
        <Text className="h1">{title}</Text>
        <View className="quiz-result" data-testid="quiz-result">
          <View
            className="quiz-ring"
            style={{ background: `conic-gradient(var(--ring-on) ${pct * 3.6}deg, var(--ring-off) 0deg)` }}
            aria-label={`得分 ${result.total}，满分 ${result.max}`}
          >
            <View className="quiz-ring__inner">
              <Text className="quiz-ring__score accent" data-testid="result-score">
                {result.total}
              </Text>
              <Text className="muted quiz-ring__max">满分 {result.max}</Text>
            </View>
          </View>
          <View className="quiz-result__facts">
            <Text>答对 {right} 题</Text>
            <Text>答错 {result.questions.filter((r) => r.answered && !r.correct).length} 题</Text>
            <Text>未答 {result.questions.filter((r) => !r.answered).length} 题</Text>
          </View>
        </View>
        <Text className="muted quiz-group">按主题</Text>
        {result.topics.map((t) => (
          <View key={t.topic} className="quiz-topic" data-testid="result-topic">
            <Text className="quiz-topic__name">{t.topic}</Text>
            <View className="quiz-topic__bar">
              <View
                className="quiz-topic__fill"
                style={{ width: `${t.total > 0 ? Math.round((t.correct / t.total) * 100) : 0}%` }}
              />
            </View>
            <Text className="muted quiz-topic__count">
              {t.correct}/{t.total}
            </Text>
          </View>
        ))}
        <View className="quiz-nav">
          {share.usesShareButton ? null : (
            <Action
              className="btn ghost"
              onPress={() => {
                void share.share({ title: shareTitle, path: quizPath() }).then((o) => {
                  if (o === 'copied') void Taro.showToast({ title: '链接已复制', icon: 'none' })
                })
              }}
            >
              分享
            </Action>
          )}
          <Action
            className="btn ghost"
            onPress={() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: quizPath() }))}
          >
            返回答题
          </Action>
        </View>
        <View className="quiz-bar quiz-review-head">
          <Text className="h2">逐题解析</Text>
          <Action
            className="accent"
            testId="review-filter"
            onPress={() => {
              setOnlyWrong(!onlyWrong)
              setShownCount(STEP)
            }}
          >
            {onlyWrong ? '看全部' : `只看答错和未答（${wrongCount}）`}
          </Action>
        </View>
        {items.slice(0, shownCount).map((r) => {
          const at = byId.get(r.questionId)
          if (!at) return null
          const { q, i } = at
          return (
            <View key={r.questionId} className="quiz-review" data-testid="review-item">
              <QuizQuestion
                heading={`第 ${i + 1} 题 · ${r.score} 分`}
                type={q.type}
                stem={q.stem}
                options={q.options}
                selected={q.type === 'fill' ? r.given.slice(0, 1) : toShown(q, attempt.paper, r.given)}
                reveal={{ right: q.type === 'fill' ? [] : toShown(q, attempt.paper, r.answer), correct: r.correct }}
                onToggle={() => undefined}
              />
              <QuizExplain
                correct={r.answered ? r.correct : null}
                givenText={answerText(q, attempt.paper, r.given)}
                rightText={answerText(q, attempt.paper, r.answer)}
                explanation={r.explanation}
                source={sourceLabel(r.source)}
                onOpenSource={() => openSource(r.source)}
              />
            </View>
          )
        })}
        {items.length > shownCount ? (
          <Action className="btn ghost quiz-wide" testId="review-more" onPress={() => setShownCount(shownCount + STEP)}>
            显示更多（还有 {items.length - shownCount} 题）
          </Action>
        ) : null}
      </View>
    </View>
  )
}
