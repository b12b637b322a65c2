import { defineConfig } from 'vitest/config'

// End-to-end tests drive the built H5 app in Debian's Chromium; they run one file at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120000,
    hookTimeout: 180000
  }
})
