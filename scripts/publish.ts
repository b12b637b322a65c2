// npm run publish -- FILE [FILE…] [--audio ARTICLE_ID=AUDIO_FILE …]: parse issue files (.txt, .docx, .pdf) and publish them into the database at DATA_DIR, so a
// running server lists them at once; each file's text is also kept in content/issues/ID.txt (for a Word or PDF
// file, the text read out of it). All or nothing: if any
// file does not parse, its FILE:LINE error is printed, nothing is published, and the exit code is 1. Warnings
// are printed as FILE:LINE: warning: … and do not stop the publishing.
// --audio attaches an audio file (.mp3 .m4a .aac .wav) to an article of the files published (听): the file is
// checked (its bytes, its size), kept in content/audio (AUDIO_DIR) under its hash, and recorded in
// content/issues/ID.audio.json so the server's start-up scan attaches it too. A refused audio file or an article id
// that none of the files has stops everything, as a refused issue does.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { formatProblem, formatWarning } from '../src/domain/publish'
import { openSqliteStore } from '../server/db/sqlite/open'
import { toRecord } from '../server/services/content'
import { documentKind } from '../server/services/document-text'
import { readIssueDocument } from '../server/services/issue-files'
import {
  readAudioFile,
  readAudioSidecar,
  storeAudioFile,
  writeAudioSidecar,
  type AudioAttachments
} from '../server/services/audio-files'
import type { AudioRef } from '../src/domain/api/issue'
import { articleIds, attachAudio } from '../src/domain/publish/audio'
import { sha256 } from '../server/services/secrets'

const USAGE =
  'usage: npm run publish -- FILE [FILE…] [--audio ARTICLE_ID=AUDIO_FILE …]   (.txt, .docx or .pdf; the id is the file name)'

/** Splits the arguments into issue files and --audio ARTICLE_ID=FILE pairs, or says what is wrong. */
export function parsePublishArgs(
  args: string[]
): { ok: true; files: string[]; audio: Array<{ articleId: string; file: string }> } | { ok: false; message: string } {
  const files: string[] = []
  const audio: Array<{ articleId: string; file: string }> = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') continue
    if (a === '--audio' || a.startsWith('--audio=')) {
      const value = a === '--audio' ? args[++i] : a.slice('--audio='.length)
      const eq = value?.indexOf('=') ?? -1
      if (value === undefined || eq <= 0 || eq === value.length - 1)
        return { ok: false, message: `--audio 应写成 --audio 文章标识=音频文件（得到“${value ?? ''}”）` }
      audio.push({ articleId: value.slice(0, eq), file: value.slice(eq + 1) })
    } else if (a.startsWith('--')) return { ok: false, message: `不认识的选项 ${a}` }
    else files.push(a)
  }
  return { ok: true, files, audio }
}

/** Publishes the files; returns the process exit code. */
export async function main(args: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<number> {
  const parsed = parsePublishArgs(args)
  if (!parsed.ok) {
    console.error(`${parsed.message}\n${USAGE}`)
    return 2
  }
  if (parsed.files.length === 0) {
    console.error(USAGE)
    return 2
  }
  const issuesDir = resolve(cwd, env.ISSUES_DIR || 'content/issues')
  const audioDir = resolve(cwd, env.AUDIO_DIR || 'content/audio')
  // Every audio file is checked before anything is published, and named by the article it is for.
  const audio = new Map<string, { ref: AudioRef; bytes: Uint8Array; file: string }>()
  for (const { articleId, file } of parsed.audio) {
    const checked = readAudioFile(resolve(cwd, file))
    if (!checked.ok) {
      console.error(`--audio ${articleId}=${file}: ${checked.message}`)
      return 1
    }
    audio.set(articleId, { ref: checked.ref, bytes: checked.bytes, file })
  }
  const records = []
  const used = new Set<string>()
  for (const file of parsed.files) {
    const { result, text, origin } = await readIssueDocument(file)
    if (!result.ok) {
      console.error(formatProblem(file, result.problem))
      return 1
    }
    for (const w of result.published.issue.warnings) console.error(formatWarning(file, w, origin?.[w.line - 1]))
    // What was attached before stays attached; --audio adds or replaces.
    const sidecar = join(issuesDir, `${result.published.issue.id}.audio.json`)
    const attachments: AudioAttachments = readAudioSidecar(sidecar)
    const ids = articleIds(result.published.issue)
    for (const [articleId, a] of audio)
      if (ids.has(articleId)) {
        attachments[articleId] = a.ref
        used.add(articleId)
      }
    const { published, unknown } = attachAudio(result.published, attachments, sha256)
    for (const id of unknown) console.error(`${file}: warning: 附加的音频对应的文章 ${id} 已不在这一期中`)
    records.push({
      file,
      text: documentKind(file) === 'txt' ? null : text,
      record: toRecord(published),
      sidecar,
      attachments
    })
  }
  const missing = [...audio.keys()].filter((id) => !used.has(id))
  if (missing.length > 0) {
    for (const id of missing)
      console.error(
        `--audio ${id}=${audio.get(id)!.file}: 要发布的期刊中没有文章 ${id}（文章标识见期刊 JSON 或文章链接的 article=）`
      )
    return 1
  }
  for (const a of audio.values()) storeAudioFile(audioDir, a.ref, a.bytes)
  const store = openSqliteStore(resolve(cwd, env.DATA_DIR || 'data'))
  try {
    const changed = new Set(
      await store.content.publish(
        records.map((r) => r.record),
        Date.now()
      )
    )
    mkdirSync(issuesDir, { recursive: true })
    for (const { file, text, record, sidecar, attachments } of records) {
      const target = join(issuesDir, `${record.id}.txt`)
      // Keep the source with the content so a fresh database gets the same issue at the server's next start.
      if (text !== null) writeFileSync(target, text)
      else if (resolve(file) !== target) copyFileSync(file, target)
      if (Object.keys(attachments).length > 0) writeAudioSidecar(sidecar, attachments)
      for (const [articleId, a] of audio)
        if (articleId in attachments && attachments[articleId].sha256 === a.ref.sha256)
          console.log(
            `audio ${record.id}/${articleId} ← ${a.file} (${a.ref.bytes} bytes${a.ref.durationSec ? `, ${a.ref.durationSec} s` : ''})`
          )
      console.log(`${changed.has(record.id) ? 'published' : 'unchanged'} ${record.id}`)
    }
  } finally {
    await store.close()
  }
  return 0
}

if (process.argv[1] !== undefined && /publish\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err)
      process.exit(1)
    }
  )
}
