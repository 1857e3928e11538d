import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'properties/**/*.prop.ts'],
    // The slow tier (minutes, gigabytes) runs with npm run test:slow (vitest.slow.config.ts).
    exclude: ['test/slow/**', '**/node_modules/**'],
    globalSetup: ['test/helpers/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
