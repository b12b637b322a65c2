import { defineConfig } from 'vitest/config'

// The built mini-program (dist/weapp) run in its own JavaScript environment: see tests/weapp/harness.
export default defineConfig({
  test: {
    include: ['tests/weapp/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/weapp/global-setup.ts'],
    testTimeout: 30000,
    hookTimeout: 120000
  }
})
