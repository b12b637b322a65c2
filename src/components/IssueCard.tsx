import { Text, View } from '@tarojs/components'
import { Action } from './Action'
import type { IssueSummary } from '../domain/issue/types'
import { formatChineseDate, formatIssueNumber } from '../domain/format'
import './IssueCard.css'

export interface IssueCardProps {
  issue: IssueSummary
  readCount: number
  offline: boolean
  /** Download progress 0..1 while downloading, else null. */
  downloading: number | null
  onOpen(id: string): void
}

/** One issue on the shelf: masthead, issue line, date, editor, reading progress and the offline badge. */
export function IssueCard({ issue, readCount, offline, downloading, onOpen }: IssueCardProps) {
  const total = Math.max(issue.articleCount, 1)
  const percent = Math.min(100, Math.round((readCount / total) * 100))
  const number = formatIssueNumber(issue.number, issue.totalNumber, issue.supplement)
  return (
    <Action className="issue-card" testId="issue-card" onPress={() => onOpen(issue.id)}>
      <Text className="issue-card__title">{issue.title}</Text>
      <Text className="issue-card__number">{number}</Text>
      <Text className="issue-card__meta">
        {formatChineseDate(issue.publishedOn)}
        {issue.editor ? ` · ${issue.editor}` : ''}
      </Text>
      <View className="issue-card__footer">
        <View className="issue-card__bar">
          <View className="issue-card__bar-fill" style={{ width: `${percent}%` }} />
        </View>
        <Text className="issue-card__progress">
          已读 {readCount}/{issue.articleCount}
        </Text>
        {downloading !== null ? (
          <Text className="issue-card__badge" data-testid="download-progress">
            下载中 {Math.round(downloading * 100)}%
          </Text>
        ) : offline ? (
          <Text className="issue-card__badge" data-testid="offline-badge">
            已下载
          </Text>
        ) : null}
      </View>
    </Action>
  )
}
