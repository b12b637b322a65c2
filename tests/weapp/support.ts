// Shared set-up for the weapp runtime tests: the real server on loopback, phones (Devices), and mini-programs
// started on them. Every test ends by checking that the bundle threw nothing, called no API above the floor, sent
// no setData over the audit's 256 KB or 20 a second, and no more than 10 requests at once.
import { resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import type { Issue } from '../../src/domain/issue/types'
import { Device, type DeviceOptions } from './harness/device'
import { MiniProgram, SET_DATA_AUDIT_BYTES, type LaunchSpec } from './harness/miniprogram'
import { startServer, type WeappServer } from './harness/server'

export const DIST = resolve('dist/weapp')
export const SAMPLE_ID = 'chongqing-dangshi-gongzuo-2020-02'

export interface Fixture {
  server(): WeappServer
  /** A fresh phone with WeChat on it. */
  device(options?: Omit<DeviceOptions, 'server'>): Device
  /** Cold-starts the mini-program on a phone (the previous run on it, if any, must have been killed). */
  start(device: Device, spec?: LaunchSpec): MiniProgram
  /** The sample issue as the server has it, to know what the pages must show. */
  issue(): Promise<Issue>
}

/** Registers the hooks of one test file and returns its fixture. */
export function weappFixture(): Fixture {
  let server: WeappServer | null = null
  let issue: Issue | null = null
  const running: MiniProgram[] = []
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    await server?.close()
  })
  afterEach(() => {
    const problems = running.flatMap((mp) => [
      ...mp.errors.map((e) => `error: ${String(e)}`),
      ...mp.wx.log.violations,
      ...mp.history.flatMap((p) =>
        p.setDataCalls
          .filter((c) => c.bytes > SET_DATA_AUDIT_BYTES)
          .map((c) => `${p.route}: setData of ${c.bytes} bytes (audit: ≤ 256 KB)`)
      ),
      ...mp.history
        .filter((p) => p.maxSetDataPerSecond() > 20)
        .map((p) => `${p.route}: ${p.maxSetDataPerSecond()} setData calls in one second (audit: ≤ 20)`),
      ...(mp.wx.log.maxConcurrentRequests > 10
        ? [`${mp.wx.log.maxConcurrentRequests} concurrent wx.request (WeChat allows 10)`]
        : [])
    ])
    for (const mp of running.splice(0)) mp.kill()
    expect(problems).toEqual([])
  })
  return {
    server: () => {
      if (!server) throw new Error('server not started')
      return server
    },
    device: (options = {}) => new Device({ ...options, server: server!.url }),
    start(device, spec = {}) {
      const mp = MiniProgram.start(DIST, device, spec)
      running.push(mp)
      return mp
    },
    async issue() {
      if (!issue) issue = (await (await fetch(`${server!.url}/api/issues/${SAMPLE_ID}`)).json()) as Issue
      return issue
    }
  }
}

/** The first titled article of the sample issue and the one after it. */
export function firstArticles(issue: Issue) {
  const all = issue.sections.flatMap((s) => s.articles.map((a) => ({ ...a, section: s.title })))
  const titled = all.filter((a) => a.title)
  return { first: titled[0], second: all[all.indexOf(titled[0]) + 1], all }
}

/** The path a chat share opens: the article's deep link as onShareAppMessage gives it. */
export function articleLink(articleId: string, extra = '&from=share'): string {
  return `/pages/article/index?issue=${encodeURIComponent(SAMPLE_ID)}&article=${encodeURIComponent(articleId)}${extra}`
}

/** The member signed in on a phone (the session the app persisted). */
export function memberOf(device: Device): string {
  const raw = device.storage.get('session')
  const id = raw ? (JSON.parse(String(raw)) as { state: { member: { id: string } | null } }).state.member?.id : null
  if (!id) throw new Error('not signed in')
  return id
}
