import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// Each case lints a file as if it stood at that path: a rule that never fires would fail here.
const eslint = new ESLint({ cwd: process.cwd() })
async function errors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`)
}

describe('import rules of architecture.md', () => {
  it('domain imports no React, Taro, platform or I/O', async () => {
    expect(await errors('src/domain/bad.ts', "import React from 'react'\nexport const x = React")).toHaveLength(1)
    expect(await errors('src/domain/bad.ts', "import Taro from '@tarojs/taro'\nexport const x = Taro")).toHaveLength(1)
    expect(
      (await errors('src/domain/bad.ts', "import { kv } from '../platform/kv'\nexport const x = kv")).join()
    ).toMatch(/no-restricted-paths/)
    expect(
      await errors('src/domain/bad.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync")
    ).toHaveLength(1)
    expect(await errors('src/domain/bad.ts', 'export const t = Date.now() + Math.random()')).toHaveLength(2)
    expect(await errors('src/domain/bad.ts', 'export const t = new Date()')).toHaveLength(1)
  })
  it('domain may import domain and dayjs', async () => {
    expect(
      await errors(
        'src/domain/good.ts',
        "import dayjs from 'dayjs'\nimport { FONT_STEPS } from './reading/typography'\nexport const x = [dayjs, FONT_STEPS]"
      )
    ).toEqual([])
  })
  it('components import no stores, services, platform or @tarojs/taro', async () => {
    expect(
      (
        await errors(
          'src/components/Bad.tsx',
          "import { settingsStore } from '../stores'\nexport const x = settingsStore"
        )
      ).join()
    ).toMatch(/no-restricted-paths/)
    expect(
      await errors('src/components/Bad.tsx', "import Taro from '@tarojs/taro'\nexport const x = Taro")
    ).toHaveLength(1)
    expect(
      await errors(
        'src/components/Good.tsx',
        "import { View } from '@tarojs/components'\nimport type { Issue } from '../domain/issue/types'\nexport const x: [typeof View, Issue | null] = [View, null]"
      )
    ).toEqual([])
  })
  it('platform imports no stores; stores import no services', async () => {
    expect(
      await errors('src/platform/bad.ts', "import { settingsStore } from '../stores'\nexport const x = settingsStore")
    ).toHaveLength(1)
    expect(
      await errors('src/stores/bad.ts', "import { contentApi } from '../services'\nexport const x = contentApi")
    ).toHaveLength(1)
  })
  it('server, mock and scripts import no platform code', async () => {
    expect(
      (await errors('server/bad.ts', "import { kv } from '../src/platform/kv'\nexport const x = kv")).join()
    ).toMatch(/no-restricted-paths/)
    expect(await errors('scripts/bad.ts', "import Taro from '@tarojs/taro'\nexport const x = Taro")).toHaveLength(1)
    expect(
      await errors(
        'server/good.ts',
        "import type { Issue } from '../src/domain/issue/types'\nexport const x: Issue | null = null"
      )
    ).toEqual([])
  })
  it('scripts/, bench/ and tests/ share helpers through tools/lib, never sideways', async () => {
    expect(
      (
        await errors(
          'scripts/bad.ts',
          "import { syncFixtureConfig } from '../bench/lib/fixture'\nexport const x = syncFixtureConfig"
        )
      ).join()
    ).toMatch(/no-restricted-paths/)
    expect(
      (
        await errors('scripts/bad.ts', "import { startApp } from '../tests/e2e/support'\nexport const x = startApp")
      ).join()
    ).toMatch(/no-restricted-paths/)
    expect(
      (
        await errors('bench/bad.bench.ts', "import { startApp } from '../tests/e2e/support'\nexport const x = startApp")
      ).join()
    ).toMatch(/no-restricted-paths/)
    expect(
      (await errors('bench/bad.bench.ts', "import { main } from '../scripts/publish'\nexport const x = main")).join()
    ).toMatch(/no-restricted-paths/)
    expect(
      (await errors('tests/e2e/bad.ts', "import { run } from '../../bench/import.bench'\nexport const x = run")).join()
    ).toMatch(/no-restricted-paths/)
    expect(
      (await errors('tests/e2e/bad.ts', "import { main } from '../../scripts/publish'\nexport const x = main")).join()
    ).toMatch(/no-restricted-paths/)
    expect(
      (await errors('tools/lib/bad.ts', "import { run } from '../../bench/import.bench'\nexport const x = run")).join()
    ).toMatch(/no-restricted-paths/)
    expect(
      (await errors('tools/lib/bad.ts', "import { kv } from '../../src/platform/kv'\nexport const x = kv")).join()
    ).toMatch(/no-restricted-paths/)
    for (const file of ['scripts/good.ts', 'bench/good.bench.ts', 'tests/e2e/good.ts']) {
      const up = file.startsWith('tests/') ? '../../' : '../'
      expect(
        await errors(file, `import { startApp } from '${up}tools/lib/app'\nexport const x = startApp`),
        file
      ).toEqual([])
    }
  })
})

describe('rules of React hooks', () => {
  it('a hook called conditionally and an effect missing a dependency both fail', async () => {
    const code =
      "import { useEffect, useState } from 'react'\nexport function useX(a: number) {\n  const [b] = useState(0)\n  if (a) useState(1)\n  useEffect(() => { void [a, b] }, [])\n}\n"
    const found = (await errors('src/pages/bad.ts', code)).join('\n')
    expect(found).toMatch(/react-hooks\/rules-of-hooks/)
    expect(found).toMatch(/react-hooks\/exhaustive-deps/)
  })
})
