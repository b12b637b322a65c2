// Lint = the layering rules of docs/architecture.md ("who may import whom") and the rules of React hooks, enforced in npm test.
import tseslint from 'typescript-eslint'
import importPlugin from 'eslint-plugin-import'
import reactHooks from 'eslint-plugin-react-hooks'

const layers = {
  domain: './src/domain',
  platform: './src/platform',
  stores: './src/stores',
  services: './src/services',
  components: './src/components',
  pages: './src/pages',
  server: './server',
  mock: './mock',
  scripts: './scripts',
  bench: './bench',
  tests: './tests',
  // The one place scripts/, bench/ and tests/ share helpers through (tools/wxci is miniprogram-ci's own install).
  tools: './tools/lib'
}
const zone = (target, from, message) => ({ target, from, message })
const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'zlib',
  'stream',
  'events',
  'worker_threads'
]

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'content/dist/**',
      'tools/wxci/**',
      'bench/fixtures/**',
      '**/*.d.ts',
      'data/**'
    ]
  },
  {
    files: ['**/*.{ts,tsx,mts,mjs,js}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } }
    },
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.mts', '.js', '.json'] } } },
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            zone(
              layers.domain,
              [
                layers.platform,
                layers.stores,
                layers.services,
                layers.components,
                layers.pages,
                layers.server,
                layers.mock,
                layers.scripts
              ],
              'src/domain is pure: it imports only src/domain.'
            ),
            zone(
              layers.platform,
              [layers.stores, layers.services, layers.components, layers.pages],
              'src/platform may import domain types and platform APIs only.'
            ),
            zone(
              layers.stores,
              [layers.services, layers.components, layers.pages],
              'src/stores import domain and platform storage only.'
            ),
            zone(
              layers.services,
              [layers.components, layers.pages],
              'src/services import domain, platform and stores only.'
            ),
            zone(
              layers.components,
              [layers.stores, layers.services, layers.pages, layers.platform],
              'Components are presentational: props in, events out (no stores, services or platform).'
            ),
            zone(
              [layers.server, layers.mock, layers.scripts, layers.bench, layers.tools],
              [layers.platform, layers.stores, layers.services, layers.components, layers.pages],
              'server/, mock/, scripts/, bench/ and tools/lib import src/domain only.'
            ),
            // Helper folders do not import each other sideways: what two of them need lives in tools/lib.
            zone(
              layers.scripts,
              [layers.bench, layers.tests],
              'scripts/ imports no bench/ or tests/ code: share it through tools/lib.'
            ),
            zone(
              layers.bench,
              [layers.scripts, layers.tests],
              'bench/ imports no scripts/ or tests/ code: share it through tools/lib.'
            ),
            zone(
              layers.tests,
              [layers.scripts, layers.bench],
              'tests/ imports no scripts/ or bench/ code: share it through tools/lib.'
            ),
            zone(
              layers.tools,
              [layers.scripts, layers.bench, layers.tests],
              'tools/lib is shared by scripts/, bench/ and tests/ and imports none of them.'
            )
          ]
        }
      ]
    }
  },
  {
    // React hooks are checked, not reasoned about in comments.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' }
  },
  {
    files: ['src/domain/**/*.{ts,tsx}'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'src/domain does no I/O.' })),
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', '@tarojs/*', 'zustand', 'zustand/*', 'workbox-*'],
              message: 'src/domain imports no Taro, React, stores or platform code.'
            },
            { group: ['node:*'], message: 'src/domain does no I/O.' }
          ]
        }
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time comes in as an argument in src/domain.' },
        { object: 'Math', property: 'random', message: 'Randomness comes in as an argument in src/domain.' }
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time comes in as an argument in src/domain.'
        }
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'fetch', 'wx', 'navigator', 'indexedDB']
    }
  },
  {
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tarojs/taro', 'zustand', 'zustand/*'],
              message: 'Components get data by props and report by events; no @tarojs/taro or stores.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['server/**/*.ts', 'mock/**/*.ts', 'scripts/**/*.ts', 'tools/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tarojs/*', 'react', 'react-dom'],
              message: 'server/, mock/, scripts/ and tools/lib run in Node: no Taro or React.'
            }
          ]
        }
      ]
    }
  }
)
