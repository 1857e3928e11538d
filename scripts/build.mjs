#!/usr/bin/env node
/**
 * Compiles src/ to dist/ (ESM JavaScript, .d.ts, source maps) with tsc and tsconfig.build.json: run by
 * `npm install` / `npm ci` in a clone (prepare), before `npm test` (pretest), and cleanly (`--clean`) before
 * `npm pack` / `npm publish` (prepack). Incremental: an unchanged tree rebuilds in about a second.
 * After tsc: the vendored eigen-decomposition (src/linalg/evd.js and its .d.ts, which tsc does not emit)
 * is copied, and the relative `.ts` specifiers tsc leaves in .d.ts files are rewritten to `.js`, so that
 * TypeScript projects with default settings (no allowImportingTsExtensions) can use the types.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
if (process.argv.includes('--clean')) rmSync(dist, { recursive: true, force: true });

let tsc;
try { tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc'); }
catch { console.error('egan build: typescript is not installed (it is a dev dependency: run npm install in the clone)'); process.exit(1); }
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (r.status !== 0) { console.error('egan build: tsc failed'); process.exit(r.status ?? 1); }

for (const f of ['evd.js', 'evd.d.ts']) copyFileSync(join(root, 'src', 'linalg', f), join(dist, 'linalg', f));

const walk = (dir) => readdirSync(dir).flatMap((f) => { const p = join(dir, f); return statSync(p).isDirectory() ? walk(p) : [p]; });
for (const file of walk(dist).filter((f) => f.endsWith('.d.ts'))) {
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]*?)\.ts(['"])/g, '$1$2.js$3');
  if (fixed !== text) writeFileSync(file, fixed);
}
mkdirSync(dist, { recursive: true });
