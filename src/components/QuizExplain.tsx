import { Text, View } from '@tarojs/components'
import './QuizQuestion.css'
import { Action } from './Action'

export interface QuizExplainProps {
  /** null: not answered (review of an unanswered question). */
  correct: boolean | null
  /** The right answer as the member sees it: shown letters, 正确/错误, or the accepted texts. */
  rightText: string
  /** What the member answered, in the same terms (review only). */
  givenText?: string
  explanation: string
  /** 出处: an article the member can open, or a published fact. */
  source: { kind: 'article'; label: string } | { kind: 'fact'; label: string }
  onOpenSource?(): void
}

/** After answering: right or wrong, the right answer, 解析 and 出处 (an article opens at the quoted paragraph). */
export function QuizExplain(p: QuizExplainProps) {
  const verdict = p.correct === null ? '未作答' : p.correct ? '回答正确' : '回答错误'
  return (
    <View className="quiz-explain" data-testid="quiz-explain" aria-live="polite">
      <Text className={`quiz-explain__verdict ${p.correct ? 'is-right' : 'is-wrong'}`}>{verdict}</Text>
      {p.givenText !== undefined ? (
        <Text className="quiz-explain__line">你的答案：{p.givenText || '未作答'}</Text>
      ) : null}
      <Text className="quiz-explain__line">正确答案：{p.rightText}</Text>
      {p.explanation ? <Text className="quiz-explain__line">解析：{p.explanation}</Text> : null}
      {p.source.kind === 'article' ? (
        <Action className="quiz-explain__source accent" testId="quiz-source" onPress={() => p.onOpenSource?.()}>
          出处：{p.source.label} ›
        </Action>
      ) : (
        <Text className="quiz-explain__source muted">出处：{p.source.label}</Text>
      )}
    </View>
  )
}
