import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A missing snapshot fails instead of being written, on a laptop as in CI (vitest only refuses when it
    // detects CI). Write new or changed snapshots on purpose: npx vitest run -u
    update: 'none',
  },
});
