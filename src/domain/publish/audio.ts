/**
 * Audio files an organizer attaches to an article or a campaign lecture (听): which files are taken, how their type
 * is told from their bytes (never from the name alone), their length where the file says it, and attaching the
 * references to a published issue. Pure: the caller reads the file and supplies SHA-256.
 */
import type { AudioRef } from '../api/issue'
import type { Issue } from '../issue/types'
import { publishedIssue, type PublishedIssue, type Sha256 } from './index'

/** The largest audio file taken: a 90-minute lecture at 128 kbit/s is about 86 MB. */
export const AUDIO_MAX_BYTES = 100 * 1024 * 1024

/** Where the server serves audio files; the name is `<sha256>.<ext>`. */
export const AUDIO_URL_PREFIX = '/media/audio/'

const KINDS = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  wav: 'audio/wav'
} as const
export type AudioExt = keyof typeof KINDS

export type AudioCheck =
  { ok: true; ext: AudioExt; mime: string; durationSec: number | null } | { ok: false; message: string }

const NAMES: Record<AudioExt, string> = { mp3: 'MP3', m4a: 'M4A（AAC）', aac: 'AAC', wav: 'WAV' }

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n))
const u32be = (b: Uint8Array, at: number) => ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3]
const u32le = (b: Uint8Array, at: number) => b[at] + (b[at + 1] << 8) + (b[at + 2] << 16) + ((b[at + 3] << 24) >>> 0)

/** Bytes of an ID3v2 tag at the start (0 when there is none). */
function id3Length(b: Uint8Array): number {
  if (b.length < 10 || ascii(b, 0, 3) !== 'ID3') return 0
  return 10 + ((b[6] & 0x7f) << 21) + ((b[7] & 0x7f) << 14) + ((b[8] & 0x7f) << 7) + (b[9] & 0x7f)
}

const isMpegSync = (b: Uint8Array, at: number) => at + 1 < b.length && b[at] === 0xff && (b[at + 1] & 0xe0) === 0xe0
const isAdts = (b: Uint8Array, at: number) => at + 1 < b.length && b[at] === 0xff && (b[at + 1] & 0xf6) === 0xf0

// kbit/s by MPEG version (1, or 2/2.5) for layer III.
const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
const RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] }

/** An MP3's length: from a Xing/Info frame count when there is one, else from the first frame's bit rate (CBR). */
function mp3Duration(b: Uint8Array): number | null {
  const at = id3Length(b)
  if (!isMpegSync(b, at) || at + 4 > b.length) return null
  const version = (b[at + 1] >> 3) & 3 // 3: MPEG 1, 2: MPEG 2, 0: MPEG 2.5
  const layer = (b[at + 1] >> 1) & 3 // 1: layer III
  const bitrateIndex = b[at + 2] >> 4
  const rate = RATES[version]?.[(b[at + 2] >> 2) & 3]
  if (layer !== 1 || version === 1 || rate === undefined || bitrateIndex === 0 || bitrateIndex === 15) return null
  const mono = b[at + 3] >> 6 === 3
  const samplesPerFrame = version === 3 ? 1152 : 576
  const sideInfo = version === 3 ? (mono ? 17 : 32) : mono ? 9 : 17
  const xing = at + 4 + sideInfo
  if (xing + 12 <= b.length && /^(Xing|Info)$/.test(ascii(b, xing, 4)) && b[xing + 7] & 1) {
    return (u32be(b, xing + 8) * samplesPerFrame) / rate
  }
  const kbps = (version === 3 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex]
  return ((b.length - at) * 8) / (kbps * 1000)
}

/** A WAV's length: the data chunk over the byte rate of its fmt chunk. */
function wavDuration(b: Uint8Array): number | null {
  let byteRate = 0
  for (let at = 12; at + 8 <= b.length;) {
    const id = ascii(b, at, 4)
    const size = u32le(b, at + 4)
    if (id === 'fmt ' && at + 16 <= b.length) byteRate = u32le(b, at + 16)
    if (id === 'data') return byteRate > 0 ? Math.min(size, b.length - at - 8) / byteRate : null
    at += 8 + size + (size & 1)
  }
  return null
}

/** An MP4 (M4A) file's length from its movie header (mvhd). */
function mp4Duration(b: Uint8Array): number | null {
  for (let at = 4; at + 32 <= b.length; at++) {
    if (b[at] !== 0x6d || ascii(b, at, 4) !== 'mvhd') continue
    const v = b[at + 4]
    const scale = v === 1 ? u32be(b, at + 24) : u32be(b, at + 16)
    const duration = v === 1 ? u32be(b, at + 28) * 2 ** 32 + u32be(b, at + 32) : u32be(b, at + 20)
    return scale > 0 ? duration / scale : null
  }
  return null
}

const round = (s: number | null) => (s === null || !Number.isFinite(s) || s <= 0 ? null : Math.round(s * 10) / 10)

/** Checks an audio file by its name's extension and its bytes; its length when the file tells it. */
export function checkAudioFile(fileName: string, bytes: Uint8Array, maxBytes = AUDIO_MAX_BYTES): AudioCheck {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? ''
  if (!(ext in KINDS)) return { ok: false, message: `只能附加 .mp3、.m4a、.aac 或 .wav 音频（这是“.${ext}”）` }
  const kind = ext as AudioExt
  if (bytes.length === 0) return { ok: false, message: '音频文件是空的' }
  if (bytes.length > maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
    return { ok: false, message: `音频文件太大（${mb(bytes.length)} MB，最多 ${mb(maxBytes)} MB）` }
  }
  const head = id3Length(bytes)
  const looksRight =
    kind === 'mp3'
      ? isMpegSync(bytes, head) || (head > 0 && head < bytes.length)
      : kind === 'aac'
        ? isAdts(bytes, head)
        : kind === 'm4a'
          ? bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp'
          : bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE'
  if (!looksRight) return { ok: false, message: `文件内容不是 ${NAMES[kind]} 音频（与扩展名 .${kind} 不符）` }
  const durationSec = round(
    kind === 'mp3'
      ? mp3Duration(bytes)
      : kind === 'wav'
        ? wavDuration(bytes)
        : kind === 'm4a'
          ? mp4Duration(bytes)
          : null
  )
  return { ok: true, ext: kind, mime: KINDS[kind], durationSec }
}

/** The reference the issue (or campaign) carries for a checked file. */
export function audioRef(check: Extract<AudioCheck, { ok: true }>, bytes: Uint8Array, sha256: Sha256): AudioRef {
  const sha = sha256(bytes)
  return {
    url: `${AUDIO_URL_PREFIX}${sha}.${check.ext}`,
    mime: check.mime,
    bytes: bytes.length,
    sha256: sha,
    ...(check.durationSec !== null ? { durationSec: check.durationSec } : {})
  }
}

/** The file name (`<sha256>.<ext>`) an audio reference is stored and served under, or null when it is not ours. */
export function audioFileName(ref: Pick<AudioRef, 'url'>): string | null {
  const m = /^\/media\/audio\/([0-9a-f]{64}\.(?:mp3|m4a|aac|wav))$/.exec(ref.url)
  return m ? m[1] : null
}

/** The article ids of an issue. */
export const articleIds = (issue: Issue): Set<string> =>
  new Set(issue.sections.flatMap((s) => s.articles.map((a) => a.id)))

/**
 * The published issue with `audio` set on the articles named in `refs` (article id → reference), its JSON and hash
 * made again so the ETag changes with the attachment. Ids that name no article are returned in `unknown`.
 */
export function attachAudio(
  published: PublishedIssue,
  refs: Readonly<Record<string, AudioRef>>,
  sha256: Sha256
): { published: PublishedIssue; unknown: string[] } {
  const ids = articleIds(published.issue)
  const unknown = Object.keys(refs).filter((id) => !ids.has(id))
  if (Object.keys(refs).length === unknown.length) return { published, unknown }
  const issue: Issue = {
    ...published.issue,
    sections: published.issue.sections.map((s) => ({
      ...s,
      articles: s.articles.map((a) => (refs[a.id] ? { ...a, audio: refs[a.id] } : a))
    }))
  }
  const again = publishedIssue(issue, '', sha256)
  return { published: { ...again, sourceHash: published.sourceHash }, unknown }
}
