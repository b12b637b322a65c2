import { spawn } from 'node:child_process'

export interface RunResult {
  code: number
  output: string
  ms: number
}

/**
 * Runs a command without a shell and collects stdout+stderr. Taro's progress bars make thousands of lines, so the
 * output is kept for error messages rather than streamed; `echo` streams it too (for long installs, say).
 */
export function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; echo?: boolean } = {}
): Promise<RunResult> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const chunks: Buffer[] = []
    const take = (chunk: Buffer) => {
      chunks.push(chunk)
      if (opts.echo) process.stderr.write(chunk)
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    child.on('error', reject)
    child.on('close', (code) =>
      resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - started })
    )
  })
}

/** Like run(), but a non-zero exit throws with the last lines of output (ANSI codes stripped) so the cause is visible. */
export async function runOrThrow(
  cmd: string,
  args: string[],
  opts: Parameters<typeof run>[2] = {}
): Promise<RunResult> {
  const r = await run(cmd, args, opts)
  if (r.code !== 0)
    throw new Error(
      `${[cmd, ...args].join(' ')} (cwd ${opts.cwd ?? process.cwd()}) exited ${r.code}:\n${tail(r.output, 25)}`
    )
  return r
}

/** The last `n` meaningful lines of a command's output, without colour codes and progress-bar noise. */
export function tail(output: string, n: number): string {
  const plain = output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')
  const lines = plain
    .split(/\r?\n|\r/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '' && !/^● Webpack|^ ?[A-Z][A-Za-z]+Plugin$/.test(l.trim()))
  return lines.slice(-n).join('\n')
}
