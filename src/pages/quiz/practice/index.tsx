import { useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useStore } from 'zustand'
import { shownOptions, toShown, type Question } from '../../../domain/quiz/index'
import { bankParam } from '../../../domain/routes'
import { QuizExplain } from '../../../components/QuizExplain'
import { QuizQuestion } from '../../../components/QuizQuestion'
import { quiz } from '../../../services/quiz'
import { useThemeClass } from '../../theme'
import { useParams } from '../../hooks'
import { answerText, openSource, sourceLabel } from '../shared'
import '../quiz.css'
import { Action } from '../../../components/Action'

/** The right answer of a practice question in the question's original lettering. */
function rightOriginal(q: Question): string[] {
  if (q.type === 'single') return [q.answer]
  if (q.type === 'multiple') return q.answer.slice()
  if (q.type === 'truefalse') return [q.answer ? 'A' : 'B']
  return q.answers.slice()
}

export default function PracticePage() {
  const theme = useThemeClass()
  const round = useStore(quiz.store, (s) => s.practice)
  // The round names its bank; a link's bank= (a reload, a deep link) must be that bank. On H5 the router may still
  // be the previous page's at the first render (no bank=): the round's bank is then the one, not "no practice".
  const bankId = bankParam(useParams()) ?? round?.bankId ?? ''
  const bank = useMemo(() => quiz.keptBank(bankId), [bankId])
  // The choice being made for the current question (multiple choice and 填空 need a 确定).
  const [draft, setDraft] = useState<string[]>([])
  const index = round?.index ?? 0
  useEffect(() => setDraft([]), [index])

  const byId = new Map((bank?.questions ?? []).map((q) => [q.id, q]))
  if (!round || !bank || round.bankId !== bankId) {
    return (
      <View className={theme}>
        <View className="empty-state muted" data-testid="practice-missing">
          没有进行中的练习。
          <Action className="accent" onPress={() => void Taro.navigateBack()}>
            返回答题
          </Action>
        </View>
      </View>
    )
  }
  const ids = round.paper.questionIds.filter((id) => byId.has(id))
  const total = ids.length
  const done = Object.keys(round.results).length
  const right = Object.values(round.results).filter((r) => r.correct).length
  const finished = total > 0 && ids.every((id) => round.results[id])

  if (total === 0)
    return (
      <View className={theme}>
        <View className="empty-state muted">这一组没有题目了。</View>
      </View>
    )

  const q = byId.get(ids[Math.min(index, total - 1)]) as Question
  const result = round.results[q.id]
  const options = shownOptions(q, round.paper)
  const submit = (answer: string[]) => {
    if (answer.length === 0 || answer.every((a) => a.trim() === '')) return
    quiz.answerPractice(q, answer)
  }
  const toggle = (letter: string) => {
    if (q.type === 'single' || q.type === 'truefalse') submit([letter])
    else setDraft((d) => (d.includes(letter) ? d.filter((l) => l !== letter) : [...d, letter]))
  }
  const selected = result ? toShown(q, round.paper, result.answer) : draft
  const src = sourceLabel(q.source)

  return (
    <View className={theme}>
      <View className="page-pad quiz-page">
        <View className="quiz-bar">
          <Text className="muted">
            {round.title} · 第 {index + 1} / {total} 题
          </Text>
          <Text className="muted" data-testid="practice-score">
            答对 {right} / {done}
          </Text>
        </View>
        <QuizQuestion
          type={q.type}
          stem={q.stem}
          options={options}
          selected={selected}
          reveal={result ? { right: toShown(q, round.paper, rightOriginal(q)), correct: result.correct } : null}
          onToggle={toggle}
          onFill={(text) => setDraft([text])}
        />
        {!result && (q.type === 'multiple' || q.type === 'fill') ? (
          <Action
            className={`btn quiz-wide${draft.length === 0 ? ' is-off' : ''}`}
            testId="practice-confirm"
            disabled={draft.length === 0}
            onPress={() => submit(draft)}
          >
            确定
          </Action>
        ) : null}
        {result ? (
          <QuizExplain
            correct={result.correct}
            givenText={answerText(q, round.paper, result.answer)}
            rightText={answerText(q, round.paper, rightOriginal(q))}
            explanation={q.explanation}
            source={src}
            onOpenSource={() => openSource(q.source)}
          />
        ) : null}
        <View className="quiz-nav">
          <Action
            className={`btn ghost${index === 0 ? ' is-off' : ''}`}
            disabled={index === 0}
            onPress={() => index > 0 && quiz.movePractice(index - 1)}
          >
            上一题
          </Action>
          {index < total - 1 ? (
            <Action className="btn" testId="practice-next" onPress={() => quiz.movePractice(index + 1)}>
              下一题
            </Action>
          ) : (
            <Action
              className={`btn${finished ? '' : ' is-off'}`}
              testId="practice-finish"
              disabled={!finished}
              onPress={() => {
                if (!finished) return
                void Taro.showModal({
                  title: '本组练习完成',
                  content: `答对 ${right} / ${total} 题。答错的题已记入错题本，连续答对两次后移出。`,
                  showCancel: false,
                  confirmText: '返回'
                }).then(() => {
                  quiz.endPractice()
                  void Taro.navigateBack()
                })
              }}
            >
              完成
            </Action>
          )}
        </View>
      </View>
    </View>
  )
}
