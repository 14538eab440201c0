import { defineConfig } from 'vitest/config';

// The reliability suite (`npm run test:reliability`): duplicate and concurrent deliveries,
// a misbehaving Bot API, kill -9 restarts, malformed bodies, forged webhooks, cron fired twice.
// Kept out of `npm test` because it starts servers and runs for minutes.
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: files that start servers and count requests stay honest one or two at a time.
    maxWorkers: 2,
  },
});
