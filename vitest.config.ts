import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit (pure) and dom (extraction over saved pages in happy-dom) tiers.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/dom/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
  },
});
