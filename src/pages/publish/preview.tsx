// The parsed issue as members will see it (masthead, sections, titles, attributions, paragraph counts, 信息短波 in
// place, footer), with every warning next to the line it is about.
import { Text, View } from '@tarojs/components'
import { ArticleRow } from '../../components/ArticleRow'
import { ShortNews } from '../../components/ShortNews'
import type { PreviewWarning } from '../../domain/api/publish'
import { formatChineseDate, formatIssueNumber } from '../../domain/format'
import type { Issue } from '../../domain/issue/types'

const FONT_PX = 17

/** Sections whose items have no titles (信息短波) are shown in place, as the issue page does. */
const isShortNews = (articles: Issue['sections'][number]['articles']) =>
  articles.length > 0 && articles.every((a) => a.title === null)

export function WarningList({ warnings }: { warnings: PreviewWarning[] }) {
  if (warnings.length === 0) {
    return (
      <View className="publish-ok" data-testid="publish-no-warnings">
        <Text>每一行都已识别，没有需要核对的地方。</Text>
      </View>
    )
  }
  return (
    <View className="publish-warnings" data-testid="publish-warnings">
      <Text className="publish-section-title">请核对（{warnings.length} 处）</Text>
      {warnings.map((w, i) => (
        <View className="publish-warning" key={`${w.line}-${i}`} data-testid="publish-warning">
          <Text className="publish-warning__where">
            第 {w.line} 行{w.where ? `（${w.where}）` : ''}
          </Text>
          {w.text ? <Text className="publish-warning__line">{w.text}</Text> : null}
          <Text className="publish-warning__message">{w.message}</Text>
        </View>
      ))}
    </View>
  )
}

export function IssuePreview({ issue }: { issue: Issue }) {
  const articles = issue.sections.reduce((n, s) => n + s.articles.length, 0)
  const { footer } = issue
  return (
    <View className="publish-issue" data-testid="publish-issue">
      <View className="publish-masthead">
        {issue.markings?.length ? <Text className="muted">{issue.markings.join(' · ')}</Text> : null}
        <Text className="publish-masthead__title" data-testid="publish-issue-title">
          {issue.title}
        </Text>
        <Text className="muted">
          {formatIssueNumber(issue.number, issue.totalNumber, issue.supplement)} ·{' '}
          {formatChineseDate(issue.publishedOn)}
        </Text>
        {issue.editor ? <Text className="muted">{issue.editor}</Text> : null}
        <Text className="muted" data-testid="publish-counts">
          {issue.sections.length} 个栏目 · {articles} 篇
        </Text>
      </View>
      {issue.sections.map((section) => (
        <View className="publish-section" key={section.title} data-testid="publish-section">
          <Text className="publish-section__head">{section.title}</Text>
          {isShortNews(section.articles)
            ? section.articles.map((a) => (
                <ShortNews key={a.id} paragraphs={a.paragraphs} source={a.source} fontPx={FONT_PX} />
              ))
            : section.articles.map((a) => (
                <View key={a.id} className="publish-article">
                  <ArticleRow
                    id={a.id}
                    title={a.title ?? ''}
                    source={a.author ? `${a.source ?? ''} ${a.author}`.trim() : a.source}
                    read={false}
                    fontPx={FONT_PX}
                    onOpen={() => undefined}
                  />
                  <Text className="muted publish-paragraphs">{a.paragraphs.length} 段</Text>
                </View>
              ))}
        </View>
      ))}
      <View className="publish-footer muted" data-testid="publish-footer">
        {footer.reportTo ? <Text>报：{footer.reportTo.join('，')}</Text> : null}
        {footer.sendTo ? <Text>送：{footer.sendTo.join('，')}</Text> : null}
        {footer.distributeTo ? <Text>发：{footer.distributeTo.join('，')}</Text> : null}
        {footer.editorInCharge ? <Text>责任编辑：{footer.editorInCharge}</Text> : null}
        {footer.printedOn ? <Text>{formatChineseDate(footer.printedOn)}印发</Text> : null}
      </View>
    </View>
  )
}
