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
    // Both cores: left to itself vitest 4 ran one worker on this 2-vCPU machine (a subset: 51 s against 32 s with two),
    // and npm test reached 5:00-5:40 there; with two, 3:07-3:17 and the same 581 tests passing.
    maxWorkers: '100%',
    // One module graph per worker, not per file: every file imports src/index.ts, and importing it afresh in each
    // of ~70 files cost ~1 s a file. Full suite on this 2-core EPYC (Zen 3), same 616 tests passing: vitest 324 s
    // isolated, 262 s not. No test relies on a fresh module state: none sets process.env or globals in-process
    // (the EGAN_NATIVE=0 checks spawn a child), and progress.test.ts restores its fake timers after each test.
    isolate: false,
  },
});
