import { useEffect, useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { SearchHit } from '../../domain/api/search'
import { formatChineseDate, formatIssueNumber } from '../../domain/format'
import { articlePath } from '../../domain/routes'
import { highlightParts, SEARCH_PAGE } from '../../domain/search/query'
import { Action } from '../../components/Action'
import { OfflineBanner } from '../../components/OfflineBanner'
import { search, type OnlineHit } from '../../services/search'
import { useOffline } from '../../stores'
import { useParams } from '../hooks'
import { useThemeClass } from '../theme'
import './index.css'

type Shown = SearchHit & { onDevice?: boolean }

interface Results {
  query: string
  local: Shown[]
  more: boolean
  /** The server's hits that the device did not find (null: not asked, offline or failed). */
  online: OnlineHit[] | null
  onlineMore: boolean
  error: string | null
}

const key = (h: SearchHit) => `${h.issueId}/${h.articleId}`

function Marked({ text, ranges, className }: { text: string; ranges: SearchHit['highlights']; className: string }) {
  return (
    <Text className={className}>
      {highlightParts(text, ranges).map((p, i) =>
        p.hit ? (
          <Text key={i} className="search-hl">
            {p.text}
          </Text>
        ) : (
          p.text
        )
      )}
    </Text>
  )
}

function HitCard({ hit, onOpen }: { hit: Shown; onOpen(): void }) {
  const issue = `${hit.issueTitle} ${formatIssueNumber(hit.number, hit.totalNumber, hit.supplement)}`
  const title = hit.articleTitle ?? '信息短波'
  const away = hit.onDevice === false
  return (
    <Action
      className="search-hit"
      testId="search-hit"
      // No label of its own: the card's text (issue, date, 未下载, title, snippet) is its name, all of it spoken.
      onPress={onOpen}
    >
      <View className="search-hit__issue muted">
        <Text>
          {issue} · {formatChineseDate(hit.publishedOn)}
        </Text>
        {away ? <Text className="search-hit__away">未下载，需联网</Text> : null}
      </View>
      <Marked className="search-hit__title" text={title} ranges={hit.articleTitle ? hit.titleHighlights : []} />
      {hit.snippet ? <Marked className="search-hit__snippet" text={hit.snippet} ranges={hit.highlights} /> : null}
    </Action>
  )
}

export default function SearchPage() {
  const theme = useThemeClass()
  const online = useOffline((s) => s.online)
  const initial = useParams().q ?? ''
  const [text, setText] = useState(initial)
  const [recent, setRecent] = useState<string[]>(() => search.recent())
  const [results, setResults] = useState<Results | null>(null)
  const [busy, setBusy] = useState(false)
  const [limit, setLimit] = useState(SEARCH_PAGE)
  const latest = useRef(0)

  async function run(query: string, size = SEARCH_PAGE): Promise<void> {
    const q = query.trim()
    if (!q) {
      setResults(null)
      return
    }
    const ticket = ++latest.current
    setBusy(true)
    setLimit(size)
    const local = await search.search(q, size)
    if (ticket !== latest.current) return
    if (!local.ok) {
      setResults({ query: q, local: [], more: false, online: null, onlineMore: false, error: local.message })
      setBusy(false)
      return
    }
    search.remember(q)
    setRecent(search.recent())
    setResults({ query: q, local: local.hits, more: local.more, online: null, onlineMore: false, error: null })
    setBusy(false)
    if (!online) return
    try {
      const remote = await search.searchOnline(q, size)
      if (ticket !== latest.current) return
      const seen = new Set(local.hits.map(key))
      const extra = remote.hits.filter((h) => !seen.has(key(h)))
      setResults((r) => (r && r.query === q ? { ...r, online: extra, onlineMore: remote.more } : r))
    } catch {
      // Offline after all, or the server is away: the device's results stand.
    }
  }

  useEffect(() => {
    void search.ready()
    if (initial) void run(initial)
    // Runs once: a query in the link is searched when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const open = (h: SearchHit) =>
    void Taro.navigateTo({ url: articlePath(h.issueId, h.articleId, { paragraph: h.paragraph ?? undefined }) })

  const shown = results?.local ?? []
  const extra = results?.online ?? []
  const nothing = results !== null && results.error === null && shown.length === 0 && extra.length === 0 && !busy

  return (
    <View className={theme}>
      <OfflineBanner visible={!online} />
      <View className="page-pad">
        <View className="search-bar">
          <Input
            className="search-input"
            data-testid="search-input"
            value={text}
            type="text"
            confirmType="search"
            maxlength={64}
            focus={!initial}
            placeholder="搜索所有期刊的标题和正文"
            aria-label="搜索内容"
            onInput={(e) => {
              setText(e.detail.value)
              if (e.detail.value.trim() === '') setResults(null)
            }}
            onConfirm={(e) => void run(e.detail.value)}
          />
          <Action className="btn search-go" testId="search-go" label="搜索" onPress={() => void run(text)}>
            搜索
          </Action>
        </View>

        {results === null ? (
          recent.length > 0 ? (
            <View className="search-recent" data-testid="search-recent">
              <View className="search-recent__head">
                <Text className="muted">最近搜索</Text>
                <Action
                  className="search-recent__clear muted"
                  label="清除最近搜索"
                  onPress={() => {
                    search.clearRecent()
                    setRecent([])
                  }}
                >
                  清除
                </Action>
              </View>
              <View className="search-recent__list">
                {recent.map((q) => (
                  <Action
                    key={q}
                    className="search-chip"
                    label={`再次搜索：${q}`}
                    onPress={() => {
                      setText(q)
                      void run(q)
                    }}
                  >
                    {q}
                  </Action>
                ))}
              </View>
            </View>
          ) : (
            <View className="empty-state muted">
              搜索下载和读过的期刊：标题、正文都能找到，标点和空格不用输入。没有网络也能搜。
            </View>
          )
        ) : null}

        {results?.error ? (
          <View className="notice" data-testid="search-error">
            {results.error}
          </View>
        ) : null}

        {nothing ? (
          <View className="empty-state" data-testid="search-empty">
            <Text>没有找到“{results.query}”。</Text>
            <Text className="muted search-empty__hint">
              {online
                ? '试试少输入几个字，或换个说法。'
                : '试试少输入几个字，或换个说法；联网后还能搜索没有下载的期刊。'}
            </Text>
          </View>
        ) : null}

        {shown.length > 0 ? (
          <View data-testid="search-results">
            <Text className="muted search-count">
              本机找到 {shown.length}
              {results?.more ? '+' : ''} 篇
            </Text>
            {shown.map((h) => (
              <HitCard key={key(h)} hit={h} onOpen={() => open(h)} />
            ))}
            {results?.more ? (
              <Action
                className="btn ghost search-more"
                label="显示更多结果"
                onPress={() => void run(results.query, limit + SEARCH_PAGE)}
              >
                显示更多
              </Action>
            ) : null}
          </View>
        ) : null}

        {extra.length > 0 ? (
          <View data-testid="search-online">
            <Text className="muted search-count">联网找到的其他文章</Text>
            {extra.map((h) => (
              <HitCard key={key(h)} hit={h} onOpen={() => open(h)} />
            ))}
          </View>
        ) : null}

        {busy ? <View className="muted search-busy">正在搜索…</View> : null}
      </View>
    </View>
  )
}
