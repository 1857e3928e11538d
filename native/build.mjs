#!/usr/bin/env node
/**
 * Builds egan's optional native kernel (oneLayer.c, team.c, binding.c) into
 * native/build/egan.node with this machine's C compiler, then checks it
 * against the JavaScript kernel (src/model/nativeVerify.ts: per chunk and
 * through the thread team, bit for bit) and records the build
 * (build/build.json: compiler, flags, the CPU features they rely on, CPU,
 * source hash, verified). Run by
 * `npm install` / `npm ci` (the package's install script), before `npm test`
 * (pretest) and by `npm run native`; a build that is still valid for the
 * current sources, interface and machine is kept (`--force` rebuilds).
 *
 * Never fails the install: without a C compiler, or when the build or the
 * check fails, it says why in one line and egan uses its JavaScript kernel
 * (the same numbers, slower). Environment: CC picks the compiler (default:
 * the first of cc, gcc, clang on PATH); EGAN_NATIVE=0 skips the build.
 *
 * Flags: -O3 -march=native (the machine's vector width; falls back to
 * portable code where the compiler refuses it), with -mno-<feature> for each
 * feature it would assume that /proc/cpuinfo does not list (the loader checks
 * the build's features against that list), -ffp-contract=off (no fused
 * multiply-add: the JavaScript kernel rounds every product), no -ffast-math
 * (no reordered sums), -fno-math-errno (sqrt without an errno branch; the
 * same result).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { platform } from 'node:os';
import { join } from 'node:path';
import { NATIVE_ABI, NATIVE_BUILD, NATIVE_DIR, NATIVE_MODULE, NATIVE_RECORD, buildProblem, machine, sourceHash, targetFeatures, unlistedFeatureOptions } from './sources.mjs';

const say = (s) => process.stdout.write(`egan native kernel: ${s}\n`);

const findCompiler = () => {
  const candidates = process.env.CC ? [process.env.CC] : ['cc', 'gcc', 'clang'];
  return candidates.find((cc) => spawnSync(cc, ['--version'], { stdio: 'ignore' }).status === 0);
};

/** The existing build's record when it is usable as it is (native/sources.mjs decides, as for the loader). */
const upToDate = () => {
  if (!existsSync(NATIVE_MODULE) || !existsSync(NATIVE_RECORD)) return undefined;
  try {
    const r = JSON.parse(readFileSync(NATIVE_RECORD, 'utf8'));
    return buildProblem(r) === undefined ? r : undefined;
  } catch {
    return undefined;
  }
};

/**
 * How to run the bit-for-bit check: on the TypeScript sources with tsx in a clone (where dist/ may be older
 * than src/), else on the compiled package (an installed egan has dist/ and no tsx).
 */
const verifier = () => {
  const root = join(NATIVE_DIR, '..');
  const src = join(root, 'src', 'model', 'nativeVerifyMain.ts');
  let tsx = false;
  try { createRequire(join(root, 'package.json')).resolve('tsx'); tsx = true; } catch { /* not a development install */ }
  if (tsx && existsSync(src)) return ['--import', 'tsx', src];
  const dist = join(root, 'dist', 'model', 'nativeVerifyMain.js');
  return existsSync(dist) ? [dist] : undefined;
};

const build = () => {
  if (process.env.EGAN_NATIVE === '0') return say('skipped (EGAN_NATIVE=0); egan uses its JavaScript kernel');
  const current = process.argv.includes('--force') ? undefined : upToDate();
  if (current) return say(`up to date (${current.cc} ${current.flags.join(' ')}, ${current.date})`);
  const cc = findCompiler();
  if (!cc) return say('no C compiler found (set CC to one); egan uses its JavaScript kernel, the same numbers, slower');
  mkdirSync(NATIVE_BUILD, { recursive: true });
  rmSync(NATIVE_RECORD, { force: true });
  const tmp = join(NATIVE_BUILD, `egan-${process.pid}.node`);
  const base = ['-O3', '-std=c11', '-ffp-contract=off', '-fno-math-errno', '-fPIC', '-shared', '-pthread', '-Wall', ...(platform() === 'darwin' ? ['-undefined', 'dynamic_lookup'] : [])];
  const sources = ['oneLayer.c', 'tiles.c', 'team.c', 'binding.c'].map((f) => join(NATIVE_DIR, f));
  let flags, error = '';
  for (const arch of [['-march=native'], ['-mcpu=native'], []]) {
    const target = [...arch, ...unlistedFeatureOptions(cc, arch)];
    const args = [...base, ...target, '-o', tmp, ...sources, '-lm'];
    const r = spawnSync(cc, args, { encoding: 'utf8', timeout: 120_000 });
    if (r.status === 0) { flags = [...base, ...target]; break; }
    error = (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n')[0];
  }
  if (!flags) return say(`${cc} failed (${error}); egan uses its JavaScript kernel`);
  const verify = verifier();
  if (!verify) { rmSync(tmp, { force: true }); return say('built, but egan\'s JavaScript is not built yet to check it against (npm run build, then npm run native); egan uses its JavaScript kernel'); }
  const check = spawnSync(process.execPath, [...verify, tmp], { encoding: 'utf8', timeout: 300_000 });
  const verdict = (check.stdout || check.stderr || check.error?.message || '').trim().split('\n').pop();
  if (check.status !== 0) {
    rmSync(tmp, { force: true });
    return say(`built with ${cc}, but ${verdict ?? 'the check did not run'}; not used, egan uses its JavaScript kernel`);
  }
  renameSync(tmp, NATIVE_MODULE);
  const record = { abi: NATIVE_ABI, sourceHash: sourceHash(), cc, flags, features: targetFeatures(cc, flags), ...machine(), node: process.version, verified: true, date: new Date().toISOString() };
  writeFileSync(NATIVE_RECORD, JSON.stringify(record, null, 2) + '\n');
  say(`built with ${cc} ${flags.join(' ')} (${verdict.replace(/^verify: /, '')})`);
};

try {
  build();
} catch (e) {
  say(`not built (${e instanceof Error ? e.message : String(e)}); egan uses its JavaScript kernel`);
}
