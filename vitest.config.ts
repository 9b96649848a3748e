import { defineConfig } from 'vitest/config';

// Unit tests are pure and fast; integration and end-to-end tests start real databases and
// processes, so they get longer timeouts (a process may take minutes to start when other work
// shares the machine) and run in a few forks at most (2 cores here).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
