import { Input, Text, View } from '@tarojs/components'
import './QuizQuestion.css'
import { Action } from './Action'

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']
const TYPE_LABEL = { single: '单选题', multiple: '多选题', truefalse: '判断题', fill: '填空题' } as const

export interface QuizQuestionProps {
  type: keyof typeof TYPE_LABEL
  stem: string
  /** In the order shown; empty for 填空. */
  options: readonly string[]
  /** Letters as shown (填空: the typed text as its one element). */
  selected: readonly string[]
  /** When set, the question is answered: right letters as shown are marked, the rest disabled. */
  reveal?: { right: readonly string[]; correct: boolean } | null
  disabled?: boolean
  onToggle(letter: string): void
  onFill?(text: string): void
  /** Shown above the stem, e.g. 第 3 / 100 题. */
  heading?: string
}

/** One question with its options as large tap targets; presentational (the page decides what a tap means). */
export function QuizQuestion(p: QuizQuestionProps) {
  const chosen = new Set(p.selected)
  const right = new Set(p.reveal?.right ?? [])
  return (
    <View className="quiz-q" data-testid="quiz-question">
      <View className="quiz-q__meta">
        <Text className="quiz-q__type">{TYPE_LABEL[p.type]}</Text>
        {p.heading ? <Text className="muted quiz-q__heading">{p.heading}</Text> : null}
      </View>
      <Text className="quiz-q__stem" data-testid="quiz-stem">
        {p.stem}
      </Text>
      {p.type === 'multiple' && !p.reveal ? <Text className="muted quiz-q__hint">可选多项</Text> : null}
      {p.type === 'fill' ? (
        <Input
          className="quiz-q__fill"
          data-testid="quiz-fill"
          value={p.selected[0] ?? ''}
          placeholder="在这里填写答案"
          disabled={p.disabled || !!p.reveal}
          onInput={(e) => p.onFill?.(e.detail.value)}
        />
      ) : (
        p.options.map((text, i) => {
          const letter = LETTERS[i]
          const state = p.reveal
            ? right.has(letter)
              ? ' is-right'
              : chosen.has(letter)
                ? ' is-wrong'
                : ''
            : chosen.has(letter)
              ? ' is-chosen'
              : ''
          return (
            <Action
              key={letter}
              className={`quiz-opt${state}`}
              testId="quiz-option"
              dataset={{ letter }}
              choice={{ kind: p.type === 'multiple' ? 'checkbox' : 'radio', checked: chosen.has(letter) }}
              label={`${letter}. ${text}`}
              onPress={() => {
                if (!p.disabled && !p.reveal) p.onToggle(letter)
              }}
            >
              <Text className="quiz-opt__letter">{letter}</Text>
              <Text className="quiz-opt__text">{text}</Text>
              {p.reveal && chosen.has(letter) ? <Text className="quiz-opt__mine">你选的</Text> : null}
            </Action>
          )
        })
      )}
    </View>
  )
}
