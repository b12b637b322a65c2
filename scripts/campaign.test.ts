// npm run campaign -- FILE: a good definition is installed where the server loads it, a bad one refused by field.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadCampaignDir } from '../server/services/campaigns'
import { makeWav } from '../tools/lib/wav'
import { runCampaign } from './campaign'

const tmp = mkdtempSync(join(tmpdir(), 'campaign-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
const SHIPPED = 'content/campaigns/du-dangshi-2020.json'
const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8')) as Record<string, unknown>

describe('npm run campaign', () => {
  it('installs a good definition into CAMPAIGNS_DIR and says what it did; the server loads it', () => {
    const dir = join(tmp, 'installed')
    const file = join(tmp, 'branch.json')
    writeFileSync(
      file,
      JSON.stringify({
        ...shipped,
        id: 'branch-2027',
        start: '2027-03-01',
        end: '2027-06-30',
        books: [{ id: 'jianshi', title: '中国共产党简史' }],
        lectures: [{ id: 'l1', speaker: '张老师', topic: '红岩精神', date: '2027-04-01' }]
      })
    )
    const r = runCampaign(['--', file], { CAMPAIGNS_DIR: dir }, process.cwd(), Date.UTC(2027, 1, 25))
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`已安装活动“读党史、守初心、担使命”（branch-2027）`)
    expect(r.stdout).toContain('时间：2027-03-01 至 2027-06-30（未开始 · 4 天后开始）')
    expect(r.stdout).toContain('推荐书目 1 本，宣讲 1 场')
    expect(readdirSync(dir)).toEqual(['branch-2027.json'])
    const again = runCampaign([file], { CAMPAIGNS_DIR: dir })
    expect(again.stdout).toMatch(/^已替换活动/)
    const load = loadCampaignDir(dir)
    expect(load.failed).toEqual([])
    expect(load.loaded.map((c) => [c.id, c.books.length, c.lectures.length])).toEqual([['branch-2027', 1, 1]])
  })

  it('refuses a bad definition naming the field, installs nothing and exits 1 (as a process too)', () => {
    const dir = join(tmp, 'refused')
    const file = join(tmp, 'bad.json')
    const phases = (shipped.phases as Array<Record<string, unknown>>).map((p) => ({ ...p }))
    phases[2].start = '2020-5-1'
    writeFileSync(file, JSON.stringify({ ...shipped, phases, name: '' }))
    const r = runCampaign([file], { CAMPAIGNS_DIR: dir })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`${file}: phases[2].start: 日期格式应为 YYYY-MM-DD`)
    expect(r.stderr).toContain(`${file}: name: 不能为空`)
    expect(r.stderr).toContain('活动定义有误，未安装')
    expect(() => readdirSync(dir)).toThrow()

    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/campaign.ts', file], {
      env: { ...process.env, CAMPAIGNS_DIR: dir },
      encoding: 'utf8'
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('phases[2].start: 日期格式应为 YYYY-MM-DD')
  })

  it('warns when the 答 phase names a bank the server does not ship', () => {
    const file = join(tmp, 'other-bank.json')
    const phases = (shipped.phases as Array<Record<string, unknown>>).map((p) => ({ ...p }))
    phases[3].bankId = 'no-such-bank'
    writeFileSync(file, JSON.stringify({ ...shipped, id: 'other-bank', phases }))
    const r = runCampaign([file], { CAMPAIGNS_DIR: join(tmp, 'warned') })
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('phases[3].bankId “no-such-bank” 不是已发布的题库')
  })

  it('prints its usage without a file', () => {
    expect(runCampaign([], {}).code).toBe(2)
  })

  it('听: keeps a lecture recording under its hash and installs its reference; a bad file is refused by field', () => {
    const dir = join(tmp, 'with-audio')
    const audioDir = join(tmp, 'audio')
    writeFileSync(join(tmp, 'lecture.wav'), makeWav(3))
    writeFileSync(join(tmp, 'lecture.ogg'), makeWav(1))
    const def = (audio: string) =>
      JSON.stringify({
        ...shipped,
        id: 'audio-2027',
        lectures: [{ id: 'l1', speaker: '张老师', topic: '红岩精神', date: '2020-05-01', audio }]
      })
    writeFileSync(join(tmp, 'bad-audio.json'), def('lecture.ogg'))
    const bad = runCampaign([join(tmp, 'bad-audio.json')], { CAMPAIGNS_DIR: dir, AUDIO_DIR: audioDir })
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('lectures[0].audio: lecture.ogg: 只能附加 .mp3、.m4a、.aac 或 .wav 音频')

    writeFileSync(join(tmp, 'audio.json'), def('lecture.wav'))
    const r = runCampaign([join(tmp, 'audio.json')], { CAMPAIGNS_DIR: dir, AUDIO_DIR: audioDir })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('宣讲录音：红岩精神 ← /media/audio/')
    const [lecture] = loadCampaignDir(dir).loaded[0].lectures
    expect(lecture.audio).toMatchObject({ mime: 'audio/wav', bytes: makeWav(3).length, durationSec: 3 })
    expect(readdirSync(audioDir)).toEqual([`${lecture.audio!.sha256}.wav`])
    // An installed definition is loaded as it is; a path in a file the server loads was never checked: refused.
    writeFileSync(join(dir, 'raw.json'), def('lecture.wav').replace('audio-2027', 'raw-2027'))
    expect(loadCampaignDir(dir).failed[0].errors).toEqual([
      'lectures[0].audio: 音频文件要用 npm run campaign 安装（它检查文件并保存）'
    ])
  })
})
