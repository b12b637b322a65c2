// The file-system half of publishing, for every Node program (server start-up scan, npm run import, npm run
// publish, benches): read bytes, list a folder. Everything else is the pure src/domain/publish.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { decodeUtf8, publishIssueBytes, type PublishResult } from '../../src/domain/publish'
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
  return publishIssueBytes(bytes, file, sha256)
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
