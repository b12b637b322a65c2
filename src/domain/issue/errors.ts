/**
 * The only error the importer throws. `line` is 1-based and always points into the input, so a tool can
 * print `file:line: message` and an organizer can open the file at the right place.
 */
export class IssueParseError extends Error {
  readonly line: number

  constructor(line: number, message: string) {
    super(message)
    this.name = 'IssueParseError'
    // Guard against NaN / 0 / fractions from a bug upstream: callers rely on an integer ≥ 1.
    this.line = Number.isInteger(line) && line >= 1 ? line : 1
    // Keep `instanceof` working when compiled down to ES5-style classes.
    Object.setPrototypeOf(this, IssueParseError.prototype)
  }
}

/** True for errors produced by the importer (works across bundles, where `instanceof` may not). */
export function isIssueParseError(e: unknown): e is IssueParseError {
  return (
    e instanceof IssueParseError ||
    (typeof e === 'object' &&
      e !== null &&
      (e as { name?: unknown }).name === 'IssueParseError' &&
      typeof (e as { line?: unknown }).line === 'number')
  )
}
