import { defineConfig } from 'vitest/config';

/** The slow tier (`npm run test:slow`): checks that take minutes or gigabytes, kept out of `npm test`. */
export default defineConfig({
  test: {
    include: ['test/slow/**/*.test.ts'],
    globalSetup: ['test/helpers/globalSetup.ts'],
    testTimeout: 600_000,
    pool: 'forks',
  },
});
