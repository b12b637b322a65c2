/** Issue ids are file names without extension; this keeps them safe in URLs, file names and SQL alike. */
export const ISSUE_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*$'
export const ISSUE_ID_MAX = 100
const ISSUE_ID_RE = new RegExp(ISSUE_ID_PATTERN)

/** Whether a string is an acceptable issue id. */
export function isIssueId(id: string): boolean {
  return id.length <= ISSUE_ID_MAX && ISSUE_ID_RE.test(id)
}

/**
 * The issue id for a source file: its name without folder and extension (content/issues/x.txt → x), as Node's
 * `basename(file, extname(file))` gives it. Both / and \ separate folders, so a Windows path works too.
 */
export function issueIdFromFileName(file: string): string {
  const name =
    file
      .replace(/[/\\]+$/, '')
      .split(/[/\\]/)
      .pop() ?? ''
  const dot = name.lastIndexOf('.')
  // A leading dot starts a hidden name, not an extension (.hidden → .hidden); a name of dots has none either.
  return dot > 0 && !/^\.+$/.test(name) ? name.slice(0, dot) : name
}
