import { defineConfig } from 'vitest/config';

// The browser suite (`npm run test:browser`, or scripts/ci-browser.sh which installs Chromium first):
// the real server as a child process and Debian's headless Chromium driven by playwright-core.
// Kept out of `npm test` because it needs /usr/bin/chromium (or CHROMIUM_PATH).
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    // Two cores: one server and one Chromium at a time.
    maxWorkers: 1,
    fileParallelism: false,
  },
});
