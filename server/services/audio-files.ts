// The file-system half of attached audio (听), for npm run publish, npm run campaign and the server's start-up scan:
// read and check an audio file, keep it under its hash in the audio folder, and keep each issue's attachments in a
// sidecar next to its text (content/issues/ID.audio.json), so a fresh database gets them at the next start too.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { AudioRefSchema, type AudioRef } from '../../src/domain/api/issue'
import { matches } from '../../src/domain/api/check'
import type { PublishResult } from '../../src/domain/publish'
import { attachAudio, audioFileName, audioRef, checkAudioFile } from '../../src/domain/publish/audio'
import { sha256 } from './secrets'

/** Article id → its audio, as kept in the sidecar. */
export type AudioAttachments = Record<string, AudioRef>

/** The sidecar of an issue text file: the same name with .audio.json instead of its extension. */
export const sidecarPath = (issueFile: string): string => issueFile.replace(/\.[^./\\]+$/, '') + '.audio.json'

/** The attachments kept for an issue; entries that are not references are left out (the file is hand-editable). */
export function readAudioSidecar(path: string): AudioAttachments {
  if (!existsSync(path)) return {}
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return {}
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return {}
  const out: AudioAttachments = {}
  for (const [id, ref] of Object.entries(json as Record<string, unknown>))
    if (matches(AudioRefSchema, ref) && audioFileName(ref as AudioRef) !== null) out[id] = ref as AudioRef
  return out
}

export function writeAudioSidecar(path: string, attachments: AudioAttachments): void {
  const sorted = Object.fromEntries(Object.entries(attachments).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  writeFileSync(path, JSON.stringify(sorted, null, 2) + '\n')
}

/** A publishing result with the sidecar's audio attached (articles the issue no longer has are skipped). */
export function withAudioSidecar(result: PublishResult, issueFile: string): PublishResult {
  if (!result.ok) return result
  const refs = readAudioSidecar(sidecarPath(issueFile))
  if (Object.keys(refs).length === 0) return result
  return { ok: true, published: attachAudio(result.published, refs, sha256).published }
}

/** A checked audio file ready to store: its reference and bytes, or why it is refused. */
export type AudioFileResult = { ok: true; ref: AudioRef; bytes: Uint8Array } | { ok: false; message: string }

/** Reads and checks an audio file (type by its bytes, size); never throws. */
export function readAudioFile(file: string, maxBytes?: number): AudioFileResult {
  let bytes: Uint8Array
  try {
    bytes = readFileSync(file)
  } catch (e) {
    return { ok: false, message: `无法读取音频文件（${(e as NodeJS.ErrnoException).code ?? String(e)}）` }
  }
  const check = checkAudioFile(file, bytes, maxBytes)
  if (!check.ok) return check
  return { ok: true, ref: audioRef(check, bytes, sha256), bytes }
}

/** Keeps the file in the audio folder under its hash (written once: same name, same bytes). */
export function storeAudioFile(audioDir: string, ref: AudioRef, bytes: Uint8Array): string {
  const name = audioFileName(ref)
  if (name === null) throw new Error(`not an audio reference: ${ref.url}`)
  const target = join(audioDir, name)
  if (existsSync(target)) return target
  mkdirSync(dirname(target), { recursive: true })
  // Written beside and renamed, so a server never serves half a file.
  const partial = `${target}.${process.pid}.part`
  writeFileSync(partial, bytes)
  renameSync(partial, target)
  return target
}
