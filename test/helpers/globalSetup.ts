/**
 * Before any test file: compile src/ to dist/ (incremental, ~1 s when nothing changed), so that the CLI
 * tests run the compiled `egan` exactly as users do (bin/egan.js -> dist/cli/main.js), whatever way vitest
 * was started (`npm test`, `npx vitest run test/cli`, ...).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const script = fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the build failed before the tests:\n${r.stdout}${r.stderr}`);
}
