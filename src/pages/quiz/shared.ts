import Taro from '@tarojs/taro'
import { articlePath } from '../../domain/routes'
import { toShown, type Paper, type QuestionType, type Source } from '../../domain/quiz/index'
import { libraryStore } from '../../stores'

/** The right (or a given) answer as the member reads it: letters as shown, 正确/错误, or the typed texts. */
export function answerText(
  q: { id: string; type: QuestionType },
  paper: Paper | null,
  original: readonly string[]
): string {
  if (original.length === 0) return ''
  if (q.type === 'fill') return original.join(' 或 ')
  if (q.type === 'truefalse') return original[0] === 'A' ? '正确' : '错误'
  const shown = paper ? toShown(q, paper, original.slice()) : original.slice()
  return shown.slice().sort().join('')
}

/** 出处 as one line: the issue and the quoted words, or the published source of a fact. */
export function sourceLabel(source: Source): { kind: 'article' | 'fact'; label: string } {
  if (source.kind === 'fact') return { kind: 'fact', label: `${source.title}（${source.publisher}，${source.date}）` }
  const issue = libraryStore.getState().issues.find((i) => i.id === source.issueId)
  const quote = source.quote.length > 40 ? `${source.quote.slice(0, 40)}…` : source.quote
  const name = issue ? `《${issue.title}》${issue.publishedOn.slice(0, 4)}年第${issue.number}期` : '期刊原文'
  return { kind: 'article', label: `${name}：“${quote}”` }
}

/** Opens the article a question quotes, at the quoted paragraph. */
export function openSource(source: Source): void {
  if (source.kind !== 'article') return
  void Taro.navigateTo({ url: articlePath(source.issueId, source.articleId, { paragraph: source.paragraph }) })
}

/** mm:ss (or h:mm:ss) for a countdown. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  const two = (n: number) => (n < 10 ? `0${n}` : `${n}`)
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${two(m)}:${two(sec)}`
}
