import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import Taro, { useDidShow } from '@tarojs/taro'
import { Action } from '../../components/Action'
import type { MemberLine, MyOrgStatsReply, OrgFigures, OrgMembersReply, OrgRankingReply } from '../../domain/api/orgs'
import { publishPath } from '../../domain/routes'
import { download } from '../../platform/download'
import { ApiError } from '../../services/api/client'
import { orgsApi } from '../../services/orgs'
import { useThemeClass } from '../theme'
import './index.css'

const PHASES = [
  { key: 'read', label: '读' },
  { key: 'listen', label: '听' },
  { key: 'speak', label: '讲' },
  { key: 'answer', label: '答' }
] as const

const percent = (x: number) => `${Math.round(x * 100)}%`
const minutes = (ms: number) => `${Math.round(ms / 60_000)} 分钟`
const score = (total: number | null, max: number | null) =>
  total === null ? '未参加' : `${Math.round(total * 10) / 10} / ${Math.round((max ?? 0) * 10) / 10} 分`
const day = (ms: number | null) => {
  if (ms === null) return '—'
  const d = new Date(ms)
  return `${d.getMonth() + 1}月${d.getDate()}日`
}
const messageOf = (err: unknown) => (err instanceof ApiError ? err.message : '加载未成功，请稍后再试')

/** The organization's figures as a picture: completion, members, a bar per phase, the quiz and reading time. */
function Figures({ org }: { org: OrgFigures }) {
  return (
    <View className="org-card" data-testid="org-figures">
      <View className="org-card__head">
        <Text className="org-card__name">{org.name}</Text>
        <Text className="muted">第 {org.rank} 名</Text>
      </View>
      <View className="org-big">
        <View className="org-big__item">
          <Text className="org-big__value accent" data-testid="org-completion">
            {percent(org.completion)}
          </Text>
          <Text className="muted org-big__label">完成度</Text>
        </View>
        <View className="org-big__item">
          <Text className="org-big__value" data-testid="org-members">
            {org.members}
          </Text>
          <Text className="muted org-big__label">成员</Text>
        </View>
        <View className="org-big__item">
          <Text className="org-big__value">{org.articles}</Text>
          <Text className="muted org-big__label">已读文章</Text>
        </View>
      </View>
      {PHASES.map((p) => {
        const share = org.members > 0 ? org.active[p.key] / org.members : 0
        return (
          <View className="org-bar" key={p.key}>
            <Text className="org-bar__label">{p.label}</Text>
            <View className="org-bar__track">
              <View className="org-bar__fill" style={{ width: percent(share) }} />
            </View>
            <Text className="org-bar__value">
              {percent(share)}（{org.active[p.key]}人）
            </Text>
          </View>
        )
      })}
      <View className="org-facts">
        <Text className="muted">
          竞答平均：{org.averageScore === null ? '暂无' : score(org.averageScore, org.averageMax)}（{org.quizSubmitted}{' '}
          人参加）
        </Text>
        <Text className="muted">
          阅读时长：共 {minutes(org.readingMs)}，人均 {minutes(org.averageReadingMs)}
        </Text>
      </View>
    </View>
  )
}

/** A member's line: for the member themselves, and for admins every member's. */
function Line({ line, onMakeAdmin }: { line: MemberLine; onMakeAdmin?: () => void }) {
  return (
    <View className="org-line hairline" data-testid="org-member-line">
      <View className="org-line__head">
        <Text className="org-line__name">{line.displayName}</Text>
        <Text className="muted">{PHASES.map((p) => (line.phases[p.key] ? p.label : '·')).join(' ')}</Text>
      </View>
      <Text className="muted org-line__detail">
        已读 {line.articles} 篇 · {minutes(line.readingMs)} · 竞答 {score(line.quizTotal, line.quizMax)} · 最近活跃{' '}
        {day(line.lastActive)}
      </Text>
      {onMakeAdmin ? (
        <Action className="org-link" onPress={onMakeAdmin}>
          设为管理员
        </Action>
      ) : null}
    </View>
  )
}

export default function OrgPage() {
  const theme = useThemeClass()
  const [mine, setMine] = useState<MyOrgStatsReply | null>(null)
  const [ranking, setRanking] = useState<OrgRankingReply | null>(null)
  const [members, setMembers] = useState<OrgMembersReply | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notInOrg, setNotInOrg] = useState(false)
  const [busy, setBusy] = useState(false)

  const load = async () => {
    setError(null)
    try {
      const [stats, first] = await Promise.all([orgsApi.mine(), orgsApi.ranking(1)])
      setMine(stats)
      setRanking(first)
      setNotInOrg(false)
      setMembers(stats.admin ? await orgsApi.members(1) : null)
    } catch (err) {
      if (err instanceof ApiError && err.code === 'not_in_org') {
        setNotInOrg(true)
        setRanking(await orgsApi.ranking(1).catch(() => null))
      } else setError(messageOf(err))
    }
  }
  useDidShow(() => void load())

  const moreRanking = async () => {
    if (!ranking || busy) return
    setBusy(true)
    try {
      const next = await orgsApi.ranking(ranking.page + 1, ranking.pageSize)
      setRanking({ ...next, orgs: [...ranking.orgs, ...next.orgs] })
    } catch (err) {
      void Taro.showToast({ title: messageOf(err), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const moreMembers = async () => {
    if (!members || busy) return
    setBusy(true)
    try {
      const next = await orgsApi.members(members.page + 1, members.pageSize)
      setMembers({ ...next, members: [...members.members, ...next.members] })
    } catch (err) {
      void Taro.showToast({ title: messageOf(err), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const exportExcel = async () => {
    if (!mine || busy) return
    setBusy(true)
    try {
      const outcome = await download.save({ ...orgsApi.exportRequest(), fileName: `${mine.org.name}-成员.xlsx` })
      void Taro.showToast({ title: outcome.ok ? '已导出' : outcome.message, icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  /** A new join code (the old one stops at once), valid 30 days: for a code that went round too widely. */
  const rotateCode = async () => {
    const { confirm } = await Taro.showModal({
      title: '更换加入码',
      content: '换码后旧的加入码立即失效，已加入的党员不受影响。新加入码 30 天内有效。',
      confirmText: '更换'
    })
    if (!confirm) return
    try {
      const { joinCode, expiresAt } = await orgsApi.rotateJoinCode(30)
      const until = expiresAt === null ? '' : `，${dayjs(expiresAt).format('YYYY年M月D日')}前有效`
      void Taro.showModal({
        title: '新的加入码',
        content: `${joinCode.slice(0, 4)} ${joinCode.slice(4)}${until}。请把它发给要加入的党员。`,
        showCancel: false
      })
    } catch (err) {
      void Taro.showToast({ title: messageOf(err), icon: 'none' })
    }
  }

  const makeAdmin = async (line: MemberLine) => {
    const { confirm } = await Taro.showModal({
      title: '设为管理员',
      content: `${line.displayName} 将可以查看本组织的成员明细并导出。`,
      confirmText: '确定'
    })
    if (!confirm) return
    try {
      await orgsApi.addAdmin(line.memberId)
      void Taro.showToast({ title: '已设为管理员', icon: 'none' })
    } catch (err) {
      void Taro.showToast({ title: messageOf(err), icon: 'none' })
    }
  }

  return (
    <View className={theme}>
      <View className="page-pad org-page" data-testid="org-page">
        <Text className="h1">组织情况</Text>
        {error ? (
          <View className="notice" data-testid="org-error">
            <Text>{error}</Text>
          </View>
        ) : null}
        {notInOrg ? (
          <View className="notice">
            <Text>你还没有加入党组织。在「我的 → 账号与设备」中输入加入码加入后，这里会显示本组织的情况。</Text>
          </View>
        ) : null}
        {mine ? <Figures org={mine.org} /> : null}
        {mine ? (
          <View className="org-section" data-testid="org-me">
            <Text className="org-section__title">我的情况</Text>
            <Line line={mine.me} />
          </View>
        ) : null}
        {ranking ? (
          <View className="org-section" data-testid="org-ranking">
            <Text className="org-section__title">组织排行（按完成度）</Text>
            {ranking.orgs.map((o) => (
              <View className={`org-rank hairline${o.id === mine?.org.id ? ' org-rank--mine' : ''}`} key={o.id}>
                <Text className="org-rank__place">{o.rank}</Text>
                <Text className="org-rank__name">{o.name}</Text>
                <Text className="muted org-rank__figure">
                  {percent(o.completion)} · {o.members}人
                </Text>
              </View>
            ))}
            {ranking.orgs.length < ranking.total ? (
              <Action className="org-link" onPress={() => void moreRanking()}>
                加载更多
              </Action>
            ) : null}
          </View>
        ) : null}
        {mine?.admin && members ? (
          <View className="org-section" data-testid="org-admin">
            <View className="org-section__row">
              <Text className="org-section__title">成员明细（{members.total}人）</Text>
              <Action className="btn org-export" testId="org-export" onPress={() => void exportExcel()}>
                导出 Excel
              </Action>
            </View>
            <Action className="org-link" testId="org-rotate-code" onPress={() => void rotateCode()}>
              更换加入码
            </Action>
            <Action
              className="org-link"
              testId="org-publish"
              label="发布简报"
              onPress={() => void Taro.navigateTo({ url: publishPath() })}
            >
              发布简报
            </Action>
            {members.members.map((l) => (
              <Line
                key={l.memberId}
                line={l}
                onMakeAdmin={l.memberId === mine.me.memberId ? undefined : () => void makeAdmin(l)}
              />
            ))}
            {members.members.length < members.total ? (
              <Action className="org-link" onPress={() => void moreMembers()}>
                加载更多
              </Action>
            ) : null}
          </View>
        ) : null}
        {mine && !mine.admin ? <Text className="muted org-note">成员明细和导出仅对本组织管理员开放。</Text> : null}
      </View>
    </View>
  )
}
