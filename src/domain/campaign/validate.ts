import dayjs from 'dayjs'
import type { Campaign, CampaignBook, CampaignLecture, CampaignPhase, PhaseKey } from '../api/campaign'
import { AudioRefSchema, type AudioRef } from '../api/issue'
import { matches } from '../api/check'
import { audioFileName } from '../publish/audio'

/**
 * How a lecture's `"audio": "file.mp3"` (the organizer's form) becomes a reference: npm run campaign checks and keeps
 * the file and answers the reference, or why the file is refused. Without it (the server loading installed files)
 * only references are taken.
 */
export type AudioFileResolver = (path: string) => AudioRef | { error: string }

/** The four phases in their order, with the names members know them by. */
export const PHASES: ReadonlyArray<{ key: PhaseKey; name: string }> = [
  { key: 'read', name: '读' },
  { key: 'listen', name: '听' },
  { key: 'talk', name: '讲' },
  { key: 'answer', name: '答' }
]

export type CampaignCheck = { ok: true; campaign: Campaign } | { ok: false; errors: string[] }

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/
const DATE = /^\d{4}-\d{2}-\d{2}$/
const MAX_TEXT = 200
const MAX_ITEMS = 500

/** Whether `s` is a real calendar date written YYYY-MM-DD (2020-02-30 is not). */
export function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && DATE.test(s) && dayjs(s).isValid() && dayjs(s).format('YYYY-MM-DD') === s
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Checks a campaign definition (the parsed JSON of content/campaigns/NAME.json) and returns it with every optional
 * field filled in (null or an empty list), or every problem as `path: 问题` (path like `phases[2].start`), in
 * Chinese, for the organizer who wrote the file. Nothing is invented: a missing list stays empty.
 */
export function validateCampaign(input: unknown, audioFile?: AudioFileResolver): CampaignCheck {
  const errors: string[] = []
  const fail = (path: string, message: string) => {
    errors.push(`${path}: ${message}`)
  }
  if (!isObject(input)) return { ok: false, errors: ['(根): 应为 JSON 对象 {…}'] }

  const known = (obj: Record<string, unknown>, path: string, fields: readonly string[]) => {
    for (const k of Object.keys(obj)) if (!fields.includes(k)) fail(path ? `${path}.${k}` : k, '不认识的字段')
  }
  const text = (obj: Record<string, unknown>, path: string, field: string, optional = false): string | null => {
    const v = obj[field]
    const at = path ? `${path}.${field}` : field
    if (v === undefined || v === null) {
      if (!optional) fail(at, '必须填写')
      return null
    }
    if (typeof v !== 'string') {
      fail(at, '应为文字')
      return null
    }
    const t = v.trim()
    if (t === '') {
      if (!optional) fail(at, '不能为空')
      return null
    }
    if (t.length > MAX_TEXT) fail(at, `不能超过 ${MAX_TEXT} 个字`)
    return t
  }
  const date = (obj: Record<string, unknown>, path: string, field: string, optional = false): string | null => {
    const v = obj[field]
    const at = path ? `${path}.${field}` : field
    if (v === undefined || v === null) {
      if (!optional) fail(at, '必须填写（YYYY-MM-DD）')
      return null
    }
    if (!isIsoDate(v)) {
      fail(at, '日期格式应为 YYYY-MM-DD')
      return null
    }
    return v
  }
  const id = (obj: Record<string, unknown>, path: string): string | null => {
    const v = obj.id
    const at = path ? `${path}.id` : 'id'
    if (typeof v !== 'string' || !ID.test(v)) {
      fail(at, '应为小写字母、数字和连字符（不超过 64 个）')
      return null
    }
    return v
  }
  const list = (field: string): unknown[] => {
    const v = input[field]
    if (v === undefined || v === null) return []
    if (!Array.isArray(v)) {
      fail(field, '应为列表 […]')
      return []
    }
    if (v.length > MAX_ITEMS) fail(field, `最多 ${MAX_ITEMS} 项`)
    return v
  }

  known(input, '', ['id', 'name', 'organizer', 'scope', 'source', 'start', 'end', 'phases', 'books', 'lectures'])
  const campaignId = id(input, '')
  const name = text(input, '', 'name')
  const organizer = text(input, '', 'organizer')
  const scope = text(input, '', 'scope', true)
  const source = text(input, '', 'source', true)
  const start = date(input, '', 'start')
  const end = date(input, '', 'end')
  if (start && end && end < start) fail('end', `结束日期不能早于开始日期 ${start}`)
  const inWindow = (d: string) => !start || !end || (d >= start && d <= end)

  const phases: CampaignPhase[] = []
  const rawPhases = input.phases
  if (!Array.isArray(rawPhases) || rawPhases.length !== PHASES.length) {
    fail('phases', '应为“读”“听”“讲”“答”四个环节的列表')
  } else {
    rawPhases.forEach((raw, i) => {
      const path = `phases[${i}]`
      const expected = PHASES[i]
      if (!isObject(raw)) return fail(path, '应为对象 {…}')
      known(raw, path, ['key', 'name', 'tasks', 'start', 'end', 'bankId'])
      if (raw.key !== expected.key)
        fail(`${path}.key`, `应为 "${expected.key}"（第 ${i + 1} 个环节是“${expected.name}”）`)
      const phaseName = text(raw, path, 'name', true) ?? expected.name
      const tasks: string[] = []
      if (!Array.isArray(raw.tasks) || raw.tasks.length === 0) fail(`${path}.tasks`, '应为至少一项任务的列表')
      else
        raw.tasks.forEach((t, j) => {
          if (typeof t !== 'string' || t.trim() === '') fail(`${path}.tasks[${j}]`, '应为非空文字')
          else if (t.length > 500) fail(`${path}.tasks[${j}]`, '不能超过 500 个字')
          else tasks.push(t.trim())
        })
      const ps = date(raw, path, 'start', true)
      const pe = date(raw, path, 'end', true)
      if (ps && !inWindow(ps)) fail(`${path}.start`, `应在活动时间 ${start} 至 ${end} 之内`)
      if (pe && !inWindow(pe)) fail(`${path}.end`, `应在活动时间 ${start} 至 ${end} 之内`)
      if (ps && pe && pe < ps) fail(`${path}.end`, `结束日期不能早于开始日期 ${ps}`)
      let bankId: string | null = null
      if (raw.bankId !== undefined && raw.bankId !== null) {
        if (expected.key !== 'answer') fail(`${path}.bankId`, '只有“答”环节可以指定题库')
        else if (typeof raw.bankId !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(raw.bankId))
          fail(`${path}.bankId`, '应为题库编号（字母、数字、-、_）')
        else bankId = raw.bankId
      }
      phases.push({ key: expected.key, name: phaseName, tasks, start: ps, end: pe, bankId })
    })
  }

  const seen = (kind: string) => {
    const at = new Map<string, number>()
    return (value: string | null, i: number) => {
      if (value === null) return
      const first = at.get(value)
      if (first !== undefined) fail(`${kind}[${i}].id`, `与 ${kind}[${first}].id 重复`)
      else at.set(value, i)
    }
  }
  const books: CampaignBook[] = []
  const bookSeen = seen('books')
  list('books').forEach((raw, i) => {
    const path = `books[${i}]`
    if (!isObject(raw)) return fail(path, '应为对象 {"id", "title", "author"}')
    known(raw, path, ['id', 'title', 'author'])
    const bookId = id(raw, path)
    bookSeen(bookId, i)
    const title = text(raw, path, 'title')
    const author = text(raw, path, 'author', true)
    if (bookId && title) books.push({ id: bookId, title, author })
  })
  const lectures: CampaignLecture[] = []
  const lectureSeen = seen('lectures')
  list('lectures').forEach((raw, i) => {
    const path = `lectures[${i}]`
    if (!isObject(raw)) return fail(path, '应为对象 {"id", "speaker", "topic", "date"}')
    known(raw, path, ['id', 'speaker', 'topic', 'date', 'audio'])
    const lectureId = id(raw, path)
    lectureSeen(lectureId, i)
    const speaker = text(raw, path, 'speaker')
    const topic = text(raw, path, 'topic')
    const on = date(raw, path, 'date')
    let audio: AudioRef | undefined
    if (typeof raw.audio === 'string' && raw.audio.trim() !== '') {
      const resolved = audioFile?.(raw.audio.trim())
      if (resolved === undefined) fail(`${path}.audio`, '音频文件要用 npm run campaign 安装（它检查文件并保存）')
      else if ('error' in resolved) fail(`${path}.audio`, resolved.error)
      else audio = resolved
    } else if (raw.audio !== undefined && raw.audio !== null) {
      if (matches(AudioRefSchema, raw.audio) && audioFileName(raw.audio) !== null) audio = raw.audio
      else fail(`${path}.audio`, '应为音频文件的路径（.mp3、.m4a、.aac 或 .wav）')
    }
    if (lectureId && speaker && topic && on)
      lectures.push({ id: lectureId, speaker, topic, date: on, ...(audio ? { audio } : {}) })
  })

  if (errors.length > 0 || !campaignId || !name || !organizer || !start || !end) return { ok: false, errors }
  return {
    ok: true,
    campaign: { id: campaignId, name, organizer, scope, source, start, end, phases, books, lectures }
  }
}

/** Parses a definition file's text (JSON) and validates it; a JSON syntax error is one problem like the others. */
export function parseCampaign(text: string, audioFile?: AudioFileResolver): CampaignCheck {
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    return { ok: false, errors: [`(根): 不是有效的 JSON（${(e as Error).message}）`] }
  }
  return validateCampaign(json, audioFile)
}
