import { copyFileSync, existsSync, lstatSync, readdirSync, readFileSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'

/**
 * A bench fixture is a Taro app under bench/fixtures/NAME built with the root's node_modules and the root's build
 * settings, so that "this app / empty app" compares the app's code and not two configurations.
 * Its config/root-index.ts, dev.ts, prod.ts and babel.config.js are copies of the root's; config/index.ts wraps
 * root-index.ts (see the comment there). Returns the files that were out of date and have been re-copied.
 */
export function syncFixtureConfig(root: string, fixture: string): string[] {
  const pairs: Array<[string, string]> = [[join(root, 'babel.config.js'), join(fixture, 'babel.config.js')]]
  for (const name of readdirSync(join(root, 'config'))) {
    if (!/\.(ts|js|mjs|cjs|json)$/.test(name)) continue
    pairs.push([join(root, 'config', name), join(fixture, 'config', name === 'index.ts' ? 'root-index.ts' : name)])
  }
  const changed: string[] = []
  for (const [from, to] of pairs) {
    if (existsSync(to) && readFileSync(to).equals(readFileSync(from))) continue
    copyFileSync(from, to)
    changed.push(relative(root, to))
  }
  return changed
}

/**
 * The fixture has no node_modules of its own: Node and webpack find the root's by walking up from the fixture.
 * If that ever stops working (the fixture moved, a resolver that does not walk up), link the root's node_modules
 * in; .gitignore already ignores bench/fixtures/NAME/node_modules. Returns a note when it had to link.
 */
export function ensureFixtureResolves(root: string, fixture: string): string | undefined {
  const want = join(root, 'node_modules', '@tarojs', 'taro', 'package.json')
  const resolves = (): boolean => {
    try {
      return createRequire(join(fixture, 'package.json')).resolve('@tarojs/taro/package.json') === want
    } catch {
      return false
    }
  }
  if (resolves()) return undefined
  const link = join(fixture, 'node_modules')
  if (!existsSync(link) && !isSymlink(link)) symlinkSync(join(root, 'node_modules'), link, 'dir')
  if (!resolves()) throw new Error(`${fixture} cannot resolve @tarojs/taro from ${root}/node_modules`)
  return 'linked node_modules into the fixture'
}

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink()
  } catch {
    return false
  }
}
