import { defineConfig } from 'vitest/config';

// Whole extension in real Chromium: one file at a time (2 cores, one browser each).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
