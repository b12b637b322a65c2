// The file-system half of publishing, for every Node program (server start-up scan, npm run import, npm run
// publish, benches): read bytes, list a folder. Everything else is the pure src/domain/publish.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { decodeUtf8, publishExtractedText, publishIssueBytes, type PublishResult } from '../../src/domain/publish'
import { docxText, documentKind, pdfText } from './document-text'
import { withAudioSidecar } from './audio-files'
import { sha256 } from './secrets'

/** Reads and publishes one issue file (not yet stored anywhere); never throws. */
export function readIssueFile(file: string): PublishResult {
  let bytes: Uint8Array
  try {
    bytes = readFileSync(file)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e)
    return { ok: false, problem: { line: null, message: `无法读取文件（${code}）` } }
  }
  // Audio attached by npm run publish -- --audio is kept beside the text (ID.audio.json).
  return withAudioSidecar(publishIssueBytes(bytes, file, sha256), file)
}

/** An issue file's text as the publishing path decodes it (UTF-8, BOM kept); throws if the file cannot be read. */
export function readIssueText(file: string): string {
  return decodeUtf8(readFileSync(file))
}

/** The issue files of a folder (*.txt, sorted by name), as paths joined to `dir`. */
export function listIssueFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f))
}

/** Reads and publishes every issue file of a folder, in name order. */
export function readIssueDirectory(dir: string): Array<{ file: string; result: PublishResult }> {
  return listIssueFiles(dir).map((file) => ({ file, result: readIssueFile(file) }))
}

/** A publishing result with the text it was made from and where each line of that text came from. */
export interface DocumentResult {
  result: PublishResult
  /** The text the importer read (null when the file could not be read or had no text). */
  text: string | null
  /** For Word and PDF files, the page or paragraph of each text line (index line - 1). */
  origin: string[] | null
}

/**
 * Reads and publishes a .txt, .docx or .pdf issue file (not yet stored anywhere); never throws. Any other
 * extension is refused with the kinds that are read.
 */
export async function readIssueDocument(file: string): Promise<DocumentResult> {
  const kind = documentKind(file)
  if (kind === null) {
    const problem = { line: null, message: '只能导入 .txt、.docx（Word）或 .pdf 文件' }
    return { result: { ok: false, problem }, text: null, origin: null }
  }
  let bytes: Uint8Array
  try {
    bytes = readFileSync(file)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e)
    return {
      result: { ok: false, problem: { line: null, message: `无法读取文件（${code}）` } },
      text: null,
      origin: null
    }
  }
  return publishDocumentBytes(bytes, file, kind)
}

/** publishIssueBytes for any of the three kinds; `file` names the issue (its id) and the kind, nothing is read. */
export async function publishDocumentBytes(
  bytes: Uint8Array,
  file: string,
  kind = documentKind(file) ?? 'txt'
): Promise<DocumentResult> {
  if (kind === 'txt') {
    return { result: publishIssueBytes(bytes, file, sha256), text: decodeUtf8(bytes), origin: null }
  }
  const extracted = kind === 'docx' ? await docxText(bytes) : await pdfText(bytes)
  if (!extracted.ok) {
    const problem = { line: null, message: extracted.message, ...(extracted.where ? { where: extracted.where } : {}) }
    return { result: { ok: false, problem }, text: null, origin: null }
  }
  const result = publishExtractedText(extracted.text, extracted.origin, bytes, file, sha256)
  return { result, text: extracted.text, origin: extracted.origin }
}
