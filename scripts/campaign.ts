// npm run campaign -- FILE: checks a campaign definition (JSON) and installs it into the campaigns folder
// (CAMPAIGNS_DIR, default content/campaigns), where the next `npm start` loads it. A bad file is refused with every
// problem named by its field, and nothing is installed.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseCampaign } from '../src/domain/campaign/validate'
import { windowLabel, windowState } from '../src/domain/campaign/timeline'
import { chinaDay } from '../src/domain/sync/derive'
import { shippedBanks } from '../server/services/quiz'
import { readAudioFile, storeAudioFile } from '../server/services/audio-files'
import type { Campaign } from '../src/domain/api/campaign'
import type { AudioRef } from '../src/domain/api/issue'

const USAGE = '用法：npm run campaign -- 活动定义.json   （安装到 CAMPAIGNS_DIR，默认 content/campaigns）'

/** The definition's JSON with each lecture's audio path replaced by its reference. */
function withAudioRefs(text: string, c: Campaign): string {
  const json = JSON.parse(text.replace(/^\uFEFF/, '')) as { lectures?: Array<Record<string, unknown>> }
  for (const l of json.lectures ?? []) {
    const audio = c.lectures.find((x) => x.id === l.id)?.audio
    if (audio) l.audio = audio
  }
  return JSON.stringify(json, null, 2)
}

export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

export function runCampaign(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
  now = Date.now()
): RunResult {
  const args = argv.filter((a) => a !== '--')
  if (args.length !== 1) return { code: 2, stdout: '', stderr: USAGE + '\n' }
  const file = args[0]
  let text: string
  try {
    text = readFileSync(resolve(cwd, file), 'utf8')
  } catch (e) {
    return { code: 1, stdout: '', stderr: `${file}: 无法读取（${(e as NodeJS.ErrnoException).code ?? 'error'}）\n` }
  }
  // A lecture's "audio": "file.mp3" (beside the definition) is checked and kept under its hash in the audio folder;
  // the installed definition carries the reference instead of the path.
  const audioDir = resolve(cwd, env.AUDIO_DIR || 'content/audio')
  const toStore: Array<{ ref: AudioRef; bytes: Uint8Array }> = []
  const checked = parseCampaign(text, (path) => {
    const r = readAudioFile(resolve(dirname(resolve(cwd, file)), path))
    if (!r.ok) return { error: `${path}: ${r.message}` }
    toStore.push(r)
    return r.ref
  })
  if (!checked.ok) {
    const lines = checked.errors.map((e) => `${file}: ${e}\n`).join('')
    return { code: 1, stdout: '', stderr: lines + `${file}: 活动定义有误，未安装\n` }
  }
  const c = checked.campaign
  const dir = resolve(cwd, env.CAMPAIGNS_DIR || 'content/campaigns')
  mkdirSync(dir, { recursive: true })
  // A definition with the same id replaces the installed one, whatever its file is called.
  let target = join(dir, `${c.id}.json`)
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const other = parseCampaign(readFileSync(join(dir, name), 'utf8'))
    if (other.ok && other.campaign.id === c.id) target = join(dir, name)
  }
  let existed = true
  try {
    readFileSync(target)
  } catch {
    existed = false
  }
  for (const a of toStore) storeAudioFile(audioDir, a.ref, a.bytes)
  // The organizer's own text (checked above), so their layout and order stay as written; with audio files, the
  // definition with their references.
  writeFileSync(target, toStore.length === 0 ? text.replace(/^\uFEFF/, '') : withAudioRefs(text, c) + '\n')

  const out: string[] = []
  const shown = relative(cwd, target) || target
  out.push(`${existed ? '已替换' : '已安装'}活动“${c.name}”（${c.id}）→ ${shown}`)
  out.push(`  组织者：${c.organizer}`)
  out.push(`  时间：${c.start} 至 ${c.end}（${windowLabel(windowState(c, chinaDay(now)))}）`)
  out.push(`  环节：${c.phases.map((p) => `${p.name}（${p.tasks.length} 项任务）`).join('、')}`)
  out.push(`  推荐书目 ${c.books.length} 本，宣讲 ${c.lectures.length} 场`)
  for (const l of c.lectures.filter((x) => x.audio))
    out.push(`  宣讲录音：${l.topic} ← ${l.audio!.url}（${l.audio!.bytes} 字节）`)
  out.push('  下次 npm start 时生效。')
  let stderr = ''
  const bankId = c.phases.find((p) => p.key === 'answer')?.bankId ?? null
  const banks = shippedBanks(cwd).map((b) => b.id)
  if (bankId !== null && !banks.includes(bankId))
    stderr += `${file}: 注意：phases[3].bankId “${bankId}” 不是已发布的题库（${banks.join('、')}）\n`
  return { code: 0, stdout: out.join('\n') + '\n', stderr }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = runCampaign(process.argv.slice(2))
  process.stdout.write(r.stdout)
  process.stderr.write(r.stderr)
  process.exitCode = r.code
}
