import { useEffect, useState, useSyncExternalStore } from 'react'
import { Input, Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useStore } from 'zustand'
import type { Campaign, CampaignLecture, CampaignPhase } from '../../../domain/api/campaign'
import type { AudioRef } from '../../../domain/api/issue'
import { LectureAudio } from '../../../components/LectureAudio'
import { campaignProgress, fraction, type CampaignProgress } from '../../../domain/campaign/progress'
import { isOpen, phaseWindow, windowLabel, windowState, type WindowState } from '../../../domain/campaign/timeline'
import { quizPath } from '../../../domain/routes'
import { chinaDay } from '../../../domain/sync/derive'
import { OfflineBanner } from '../../../components/OfflineBanner'
import { services } from '../../../services'
import { listen } from '../../../services/listening'
import { campaign as campaignService } from '../../../services/campaign'
import { useLibrary, useOffline } from '../../../stores'
import { useThemeClass } from '../../theme'
import './index.css'
import { Action } from '../../../components/Action'

/** The campaign to show first: one under way, else the next to start, else the last to have ended. */
function pick(campaigns: readonly Campaign[], today: string): Campaign | null {
  const open = campaigns.find((c) => isOpen(c, today))
  if (open) return open
  const next = campaigns.filter((c) => c.start > today).sort((a, b) => a.start.localeCompare(b.start))[0]
  return next ?? campaigns.slice().sort((a, b) => b.end.localeCompare(a.end))[0] ?? null
}

const dateLabel = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`
const minutes = (ms: number) => Math.round(ms / 60_000)

/** A progress ring (conic gradient, like the quiz result's) with a number in the middle. */
function Ring({ part, whole, value, unit }: { part: number; whole: number; value: string; unit: string }) {
  const deg = fraction(part, whole) * 360
  return (
    <View
      className="campaign-ring"
      style={{ background: `conic-gradient(var(--ring-on) ${deg}deg, var(--ring-off) 0deg)` }}
    >
      <View className="campaign-ring__inner">
        <Text className="campaign-ring__value accent">{value}</Text>
        <Text className="muted campaign-ring__unit">{unit}</Text>
      </View>
    </View>
  )
}

/** One count as a labelled bar. */
function Bar({
  label,
  part,
  whole,
  text,
  testId
}: {
  label: string
  part: number
  whole: number
  text: string
  testId?: string
}) {
  return (
    <View className="campaign-bar">
      <Text className="campaign-bar__label">{label}</Text>
      <View className="campaign-bar__track">
        <View className="campaign-bar__fill" style={{ width: `${Math.round(fraction(part, whole) * 100)}%` }} />
      </View>
      <Text className="campaign-bar__count" data-testid={testId}>
        {text}
      </Text>
    </View>
  )
}

function StateTag({ state }: { state: WindowState }) {
  const label = state.state === 'during' ? '进行中' : state.state === 'before' ? '未开始' : '已结束'
  return <Text className={`campaign-tag campaign-tag--${state.state}`}>{label}</Text>
}

/** A book or a lecture of the campaign: marked done, or a chip that marks it. */
function TickRow(p: {
  testId: string
  title: string
  detail: string
  done: boolean
  doneText: string
  action: string
  onTick(): void
}) {
  return (
    <View className="campaign-item" data-testid={p.testId}>
      <Text className="campaign-item__text">
        {p.title}
        {p.detail ? <Text className="muted">{p.detail}</Text> : null}
      </Text>
      {p.done ? (
        <Text className="campaign-item__done">{p.doneText}</Text>
      ) : (
        <Action className="campaign-chip campaign-item__btn" onPress={p.onTick}>
          {p.action}
        </Action>
      )}
    </View>
  )
}

export default function CampaignPage() {
  const theme = useThemeClass()
  const online = useOffline((s) => s.online)
  const issues = useLibrary((s) => s.issues)
  const campaigns = useStore(campaignService.store, (s) => s.campaigns)
  const source = useStore(campaignService.store, (s) => s.source)
  const banks = useStore(campaignService.store, (s) => s.banks)
  const error = useStore(campaignService.store, (s) => s.error)
  const [facts, setFacts] = useState(() => services.sync.facts())
  const player = useSyncExternalStore(listen.subscribe, listen.state, listen.state)
  const lectureAudio = (c: Campaign, l: CampaignLecture, ref: AudioRef) => {
    const mine = player.target?.kind === 'lecture' && player.target.parentId === c.id && player.target.itemId === l.id
    return (
      <LectureAudio
        topic={l.topic}
        duration={mine && player.duration > 0 ? player.duration : (ref.durationSec ?? 0)}
        position={mine ? player.position : listen.savedPosition(ref)}
        playing={mine && player.playing}
        onPause={listen.pause}
        onPlay={() =>
          void listen.play({
            kind: 'lecture',
            parentId: c.id,
            itemId: l.id,
            ref,
            title: l.topic,
            album: c.name,
            artist: l.speaker,
            cover: ''
          })
        }
      />
    )
  }
  const [chosen, setChosen] = useState<string | null>(null)
  const today = chinaDay(Date.now())
  const [talkTitle, setTalkTitle] = useState('')
  const [talkOn, setTalkOn] = useState(today)

  useEffect(() => services.sync.subscribe(() => setFacts(services.sync.facts())), [])
  useDidShow(() => {
    setFacts(services.sync.facts())
    void campaignService.load()
    if (issues.length === 0) void services.refreshLibrary().catch(() => undefined)
  })

  const c = campaigns.find((x) => x.id === chosen) ?? pick(campaigns, today)
  if (!c) {
    return (
      <View className={theme}>
        <OfflineBanner visible={!online} />
        <View className="empty-state muted" data-testid="campaign-empty">
          {error ?? (source === 'none' ? '正在加载活动…' : '组织还没有发布活动。')}
        </View>
      </View>
    )
  }
  const p = campaignProgress({ campaign: c, facts, issues, banks, dayOf: chinaDay })
  const state = windowState(c, today)

  const tick = (ok: boolean) => {
    if (!ok) void Taro.showToast({ title: '手机存储空间已满，请清理后再记录', icon: 'none' })
  }
  const saveTalk = () => {
    const title = talkTitle.trim()
    if (title === '') {
      void Taro.showToast({ title: '请填写宣讲题目', icon: 'none' })
      return
    }
    if (title.length > 100) {
      void Taro.showToast({ title: '题目不能超过 100 个字', icon: 'none' })
      return
    }
    if (campaignService.recordTalk(c.id, title, talkOn)) {
      setTalkTitle('')
      void Taro.showToast({ title: '已记录', icon: 'success' })
    } else tick(false)
  }

  const progressOf = (phase: CampaignPhase, prog: CampaignProgress) => {
    switch (phase.key) {
      case 'read':
        return (
          <View className="campaign-progress" data-testid="progress-read">
            <View className="campaign-progress__row">
              <Ring
                part={prog.read.articlesRead}
                whole={prog.read.articlesTotal}
                value={String(prog.read.articlesRead)}
                unit={prog.read.articlesTotal > 0 ? `/ ${prog.read.articlesTotal} 篇` : '篇'}
              />
              <View className="campaign-progress__facts">
                <Text>
                  已读文章{' '}
                  <Text className="accent" data-testid="read-articles">
                    {prog.read.articlesRead}
                  </Text>{' '}
                  篇
                </Text>
                <Text>
                  读完期刊 {prog.read.issuesRead} / {prog.read.issuesTotal} 期
                </Text>
                <Text>阅读时长 {minutes(prog.read.readingMs)} 分钟</Text>
                <Text>
                  推荐书目 {prog.read.booksRead} / {prog.read.books.length} 本
                </Text>
              </View>
            </View>
            {prog.read.books.length === 0 ? (
              <Text className="muted campaign-none" data-testid="books-empty">
                组织者还没有列出推荐书目
              </Text>
            ) : (
              prog.read.books.map((b) => (
                <TickRow
                  key={b.id}
                  testId="book"
                  title={`《${b.title}》`}
                  detail={b.author ? ` ${b.author}` : ''}
                  done={b.read}
                  doneText="✓ 已读"
                  action="标为已读"
                  onTick={() => tick(campaignService.markBookRead(c.id, b.id))}
                />
              ))
            )}
          </View>
        )
      case 'listen':
        return (
          <View className="campaign-progress" data-testid="progress-listen">
            <Bar
              label="已听宣讲"
              part={prog.listen.attended}
              whole={prog.listen.lectures.length}
              text={`${prog.listen.attended} / ${prog.listen.lectures.length} 场`}
              testId="listen-count"
            />
            <Text className="campaign-listen-time" data-testid="listen-time">
              收听时长 {Math.floor(prog.listen.seconds / 60)} 分钟（文章音频、朗读和宣讲录音）
            </Text>
            {prog.listen.lectures.length === 0 ? (
              <Text className="muted campaign-none" data-testid="lectures-empty">
                组织者还没有列出宣讲安排
              </Text>
            ) : (
              prog.listen.lectures.map((l) => (
                <View key={l.id}>
                  <TickRow
                    testId="lecture"
                    title={l.topic}
                    detail={` · ${l.speaker} · ${dateLabel(l.date)}`}
                    done={l.attended}
                    doneText="✓ 已听"
                    action="标为已听"
                    onTick={() => tick(campaignService.attendLecture(c.id, l.id))}
                  />
                  {l.audio ? lectureAudio(c, l, l.audio) : null}
                </View>
              ))
            )}
          </View>
        )
      case 'talk':
        return (
          <View className="campaign-progress" data-testid="progress-talk">
            <Bar
              label="分享文章"
              part={prog.talk.shares}
              whole={Math.max(prog.talk.shares, 10)}
              text={`${prog.talk.shares} 篇`}
              testId="talk-shares"
            />
            <Bar
              label="宣讲"
              part={prog.talk.talks.length}
              whole={Math.max(prog.talk.talks.length, 10)}
              text={`${prog.talk.talks.length} 次`}
              testId="talk-count"
            />
            {prog.talk.talks.map((t) => (
              <View key={t.id} className="campaign-item" data-testid="talk">
                <Text className="campaign-item__text">{t.title}</Text>
                <Text className="muted">{dateLabel(t.on)}</Text>
              </View>
            ))}
            <View className="campaign-form">
              <Text className="campaign-form__title">记录一次宣讲</Text>
              <View className="campaign-input" data-testid="talk-title">
                <Input
                  value={talkTitle}
                  maxlength={100}
                  placeholder="宣讲题目，如：红岩精神永放光芒"
                  onInput={(e) => setTalkTitle(e.detail.value)}
                />
              </View>
              <Picker mode="date" value={talkOn} end={today} onChange={(e) => setTalkOn(String(e.detail.value))}>
                <View className="campaign-input" data-testid="talk-date">
                  日期：{dateLabel(talkOn)} ›
                </View>
              </Picker>
              <Action className="btn campaign-form__btn" testId="talk-save" onPress={saveTalk}>
                记录
              </Action>
            </View>
          </View>
        )
      case 'answer': {
        const w = phaseWindow(c, phase)
        const open = isOpen(w, today)
        const a = prog.answer
        return (
          <View className="campaign-progress" data-testid="progress-answer">
            <View className="campaign-progress__row">
              <Ring
                part={a.total ?? 0}
                whole={a.max ?? 0}
                value={a.state === 'scored' ? String(a.total) : '—'}
                unit={a.state === 'scored' ? `满分 ${a.max}` : '分'}
              />
              <View className="campaign-progress__facts">
                <Text data-testid="answer-state">
                  {a.state === 'scored'
                    ? `竞答成绩 ${a.total} / ${a.max} 分`
                    : a.state === 'started'
                      ? '竞答已开始，尚未交卷'
                      : a.state === 'none'
                        ? '未参加竞答'
                        : '登录并联网后显示竞答成绩'}
                </Text>
                <Text className="muted">
                  {open
                    ? '计分竞答进行中'
                    : windowState(w, today).state === 'before'
                      ? '计分竞答未开始，可以先练习'
                      : '计分竞答已结束，仍可练习'}
                </Text>
              </View>
            </View>
            <Action
              className="btn campaign-form__btn"
              testId="open-quiz-from-campaign"
              onPress={() => void Taro.navigateTo({ url: quizPath() })}
            >
              {open ? '去答题' : '去练习'}
            </Action>
          </View>
        )
      }
    }
  }

  return (
    <View className={theme}>
      <OfflineBanner visible={!online} />
      <View className="page-pad campaign-page" data-testid="campaign-page">
        {campaigns.length > 1 ? (
          <View className="campaign-chips">
            {campaigns.map((x) => (
              <Action
                key={x.id}
                className={`campaign-chip${x.id === c.id ? '' : ' is-off'}`}
                onPress={() => setChosen(x.id)}
              >
                {x.name}
              </Action>
            ))}
          </View>
        ) : null}
        <View className="campaign-head">
          <Text className="h1 campaign-head__name">“{c.name}”活动</Text>
          <Text className="muted campaign-head__line">组织者：{c.organizer}</Text>
          {c.scope ? <Text className="muted campaign-head__line">范围：{c.scope}</Text> : null}
          <View className="campaign-head__window">
            <Text>
              {dateLabel(c.start)} — {dateLabel(c.end)}
            </Text>
            <Text className={`campaign-status campaign-status--${state.state}`} data-testid="campaign-window">
              {windowLabel(state)}
            </Text>
          </View>
        </View>
        <View className="campaign-timeline">
          {c.phases.map((phase) => {
            const w = phaseWindow(c, phase)
            const ps = windowState(w, today)
            return (
              <View key={phase.key} className="campaign-phase" data-testid={`phase-${phase.key}`}>
                <View className={`campaign-phase__dot campaign-phase__dot--${ps.state}`}>
                  <Text>{phase.name}</Text>
                </View>
                <View className="campaign-phase__body">
                  <View className="campaign-phase__head">
                    <Text className="campaign-phase__name">{phase.name}</Text>
                    <StateTag state={ps} />
                    <Text className="muted campaign-phase__dates">
                      {w.start.slice(5).replace('-', '/')}—{w.end.slice(5).replace('-', '/')}
                    </Text>
                  </View>
                  {phase.tasks.map((t, i) => (
                    <Text key={i} className="campaign-phase__task">
                      · {t}
                    </Text>
                  ))}
                  {progressOf(phase, p)}
                </View>
              </View>
            )
          })}
        </View>
        {c.source ? <Text className="muted campaign-source">出处：{c.source}</Text> : null}
      </View>
    </View>
  )
}
