import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { makeWav } from '../../../tools/lib/wav'
import { publishIssueText } from './index'
import { attachAudio, audioFileName, audioRef, checkAudioFile } from './audio'
import { readFileSync } from 'node:fs'

const sha256 = (d: string | Uint8Array) => createHash('sha256').update(d).digest('hex')

/** An MPEG-1 layer III file of constant 128 kbit/s: 16,000 bytes play one second. */
function mp3(bytes: number, id3 = false): Uint8Array {
  const tag = id3 ? [0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 10, ...new Array<number>(10).fill(0)] : []
  const out = new Uint8Array(tag.length + bytes)
  out.set(tag)
  out.set([0xff, 0xfb, 0x90, 0x00], tag.length)
  return out
}

/** An M4A whose movie header says 2.5 s (timescale 1000). */
function m4a(): Uint8Array {
  const b = Buffer.alloc(64)
  b.writeUInt32BE(16, 0)
  b.write('ftypM4A ', 4, 'ascii')
  b.writeUInt32BE(48, 16)
  b.write('mvhd', 20, 'ascii')
  b.writeUInt8(0, 24) // version 0
  b.writeUInt32BE(1000, 36) // timescale
  b.writeUInt32BE(2500, 40) // duration
  return b
}

describe('checkAudioFile', () => {
  it('takes MP3, M4A, AAC and WAV by their bytes, with their length where the file tells it', () => {
    expect(checkAudioFile('a.wav', makeWav(1.5))).toEqual({ ok: true, ext: 'wav', mime: 'audio/wav', durationSec: 1.5 })
    expect(checkAudioFile('a.MP3', mp3(32_000))).toMatchObject({ ok: true, ext: 'mp3', durationSec: 2 })
    expect(checkAudioFile('a.mp3', mp3(16_000, true))).toMatchObject({ ok: true, ext: 'mp3', durationSec: 1 })
    expect(checkAudioFile('a.m4a', m4a())).toMatchObject({ ok: true, mime: 'audio/mp4', durationSec: 2.5 })
    expect(checkAudioFile('a.aac', Uint8Array.from([0xff, 0xf1, 0x50, 0x80, 0, 0]))).toMatchObject({
      ok: true,
      mime: 'audio/aac',
      durationSec: null
    })
  })
  it('refuses other types, empty or oversized files, and bytes that do not match the name', () => {
    expect(checkAudioFile('a.ogg', makeWav(0.1))).toEqual({
      ok: false,
      message: '只能附加 .mp3、.m4a、.aac 或 .wav 音频（这是“.ogg”）'
    })
    expect(checkAudioFile('a.mp3', new Uint8Array())).toEqual({ ok: false, message: '音频文件是空的' })
    expect(checkAudioFile('a.wav', makeWav(1), 1000)).toMatchObject({ ok: false, message: /音频文件太大/ })
    expect(checkAudioFile('a.mp3', new TextEncoder().encode('<html>not audio</html>'))).toEqual({
      ok: false,
      message: '文件内容不是 MP3 音频（与扩展名 .mp3 不符）'
    })
    expect(checkAudioFile('a.m4a', makeWav(0.1))).toMatchObject({ ok: false })
  })
})

describe('attachAudio', () => {
  const text = readFileSync('content/issues/chongqing-dangshi-gongzuo-2020-02.txt', 'utf8')
  const result = publishIssueText(text, 'sample.txt', sha256)
  if (!result.ok) throw new Error('sample does not parse')
  const first = result.published.issue.sections[0].articles[0].id
  const wav = makeWav(0.5)
  const check = checkAudioFile('x.wav', wav)
  if (!check.ok) throw new Error('wav refused')
  const ref = audioRef(check, wav, sha256)

  it('sets audio on the named article and gives the issue a new hash; unknown ids are returned', () => {
    const { published, unknown } = attachAudio(result.published, { [first]: ref, nope: ref }, sha256)
    expect(unknown).toEqual(['nope'])
    expect(published.issue.sections[0].articles[0].audio).toEqual(ref)
    expect(published.hash).not.toBe(result.published.hash)
    expect(published.hash).toBe(sha256(published.json))
    expect(JSON.parse(published.json).sections[0].articles[0].audio.url).toBe(`/media/audio/${sha256(wav)}.wav`)
    expect(published.sourceHash).toBe(result.published.sourceHash)
    expect(audioFileName(ref)).toBe(`${sha256(wav)}.wav`)
    expect(audioFileName({ url: '/media/audio/../../etc/passwd' })).toBeNull()
  })
  it('changes nothing when no id names an article', () => {
    expect(attachAudio(result.published, { nope: ref }, sha256).published).toBe(result.published)
  })
})
