/**
 * egan as users get it: `npm pack` (dist/ is built by globalSetup.ts), the tarball installed into a fresh
 * project, then from plain node (no tsx) the package imported, an ODE solved, a model built and run from a
 * config and a bad config refused as a value; the installed `egan` bin answers `--version` and `info`; and
 * a TypeScript project with default strict settings (no allowImportingTsExtensions, no @types/node)
 * type-checks against the published types, while one with a type error does not.
 * The install runs the package's install script (the native kernel's build and check, from dist/).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nativeStatus } from '../../src/index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
// A clean npm environment: nothing inherited from the `npm test` that may be running this file.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
const sh = (cmd: string, args: string[], cwd: string, timeout = 180_000) => {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
};

const USER_TS = `
import { solve, dopri5, makeModel, type Solver, type EganError, formatError } from 'egan';
import { linearize, findEquilibrium } from 'egan/analysis';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
const s: Solver = dopri5({ rtol: 1e-8 });
const r = solve({ rhs: (_t, u, du) => { du[0] = -u[0]; }, u0: Float64Array.of(1), tspan: [0, 1] }, s);
const alpha = pipe(
  makeModel({ target: { kind: 'points', points: [[1, 0], [0, 1]] }, particles: { n: 2 }, critic: { kind: 'linear' } }),
  E.chainW((m) => pipe(findEquilibrium(m), E.chainW((eq) => linearize(m, eq.u)))),
  E.map((lin) => lin.alpha),
  E.mapLeft((e: EganError) => formatError(e)),
);
export const out: number = E.isRight(r) ? r.right.uEnd[0] + (E.isRight(alpha) ? alpha.right : 0) : 0;
`;

const CHECK_MJS = `
import { solve, dopri5, makeModel, runModel, formatError } from 'egan';
import { solve as solveFromSubpath } from 'egan/ode';
import * as E from 'fp-ts/lib/Either.js';
const r = solve({ rhs: (_t, u, du) => { du[0] = -u[0]; }, u0: Float64Array.of(1), tspan: [0, 1] }, dopri5({ rtol: 1e-10, atol: 1e-12 }));
const m = makeModel({ target: { kind: 'ring', samples: 32 }, particles: { n: 8 }, critic: { kind: 'mlp', hidden: [4], activation: 'tanh' }, t1: 1 });
const run = E.isRight(m) ? runModel(m.right) : undefined;
const bad = makeModel({ target: { kind: 'ring' }, particles: { n: -1 } });
// The model's exact Jacobian and Jacobian-vector product agree: J v from the matrix equals jvp(v).
let jvpErr = null;
if (E.isRight(m)) {
  const mm = m.right, n = mm.n, J = new Float64Array(n * n), v = Float64Array.from({ length: n }, (_, i) => Math.cos(i)), jv = new Float64Array(n);
  mm.jacobian(0, mm.u0, J);
  mm.jvp(0, mm.u0, v, jv);
  jvpErr = 0;
  for (let i = 0; i < n; i++) { let s = 0; for (let j = 0; j < n; j++) s += J[i * n + j] * v[j]; jvpErr = Math.max(jvpErr, Math.abs(s - jv[i])); }
}
console.log(JSON.stringify({ jvpErr,
  decay: E.isRight(r) ? r.right.uEnd[0] : null, sameSolve: solveFromSubpath === solve,
  status: run && E.isRight(run) ? run.right.status : null, bad: E.isLeft(bad) ? [bad.left._tag, bad.left.path, formatError(bad.left)] : null,
}));
`;

describe('the published package', () => {
  it('installs from its tarball and works from plain node, the bin and a strict TypeScript project', () => {
    const dir = mkdtempSync(join(tmpdir(), 'egan-pack-'));
    const pack = sh('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], root);
    expect(pack.status, pack.out).toBe(0);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const proj = join(dir, 'proj');
    sh('mkdir', [proj], dir);
    writeFileSync(join(proj, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', type: 'module', private: true }));
    const install = sh('npm', ['install', join(dir, tarball), '--prefer-offline', '--no-audit', '--no-fund'], proj, 300_000);
    expect(install.status, install.out).toBe(0);

    writeFileSync(join(proj, 'check.mjs'), CHECK_MJS);
    const check = sh(process.execPath, ['check.mjs'], proj);
    expect(check.status, check.out).toBe(0);
    const out = JSON.parse(check.stdout.trim());
    expect(Math.abs(out.decay - Math.exp(-1))).toBeLessThan(1e-9);
    expect(out.sameSolve).toBe(true);
    expect(out.status).toBe('success');
    expect(out.jvpErr).toBeLessThan(1e-12);
    expect(out.bad.slice(0, 2)).toEqual(['ConfigError', 'particles.n']);
    expect(out.bad[2]).toMatch(/^config\.particles\.n: got -1;/);

    const bin = join(proj, 'node_modules', '.bin', 'egan');
    expect(sh(bin, ['--version'], proj).stdout.trim()).toBe(version);
    const info = sh(bin, ['info', '--json'], proj);
    expect(info.status, info.out).toBe(0);
    expect(JSON.parse(info.stdout).version).toBe(version);
    // The kernel compiled from the tarball's own sources at install (a source missing from package.json's
    // "files" would leave users on the JavaScript kernel without a word), wherever this checkout's compiled.
    if (nativeStatus().available) expect(JSON.parse(info.stdout).native).toMatchObject({ inUse: true, verified: true });

    // One tsc run over two files: user.ts type-checks clean, and the check is real: wrong.ts, the same code with
    // a wrong setting type, fails (the only error reported).
    writeFileSync(join(proj, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true }, include: ['user.ts', 'wrong.ts'] }));
    writeFileSync(join(proj, 'user.ts'), USER_TS);
    writeFileSync(join(proj, 'wrong.ts'), `${USER_TS}\nexport const wrong = dopri5({ rtol: 'tight' });\n`);
    const typed = sh(process.execPath, [tsc, '-p', '.'], proj);
    expect(typed.status).not.toBe(0);
    expect(typed.stdout.trim().split('\n').filter((l) => /error TS/.test(l)), typed.out).toEqual([expect.stringMatching(/^wrong\.ts\(16,\d+\): error TS2322/)]);

    // Without its build (install scripts turned off, say), the installed egan names the command that builds it
    // in a user's project (npm rebuild egan; `npm run native` exists only in a clone of egan).
    rmSync(join(proj, 'node_modules', 'egan', 'native', 'build'), { recursive: true, force: true });
    expect(sh(bin, ['info'], proj).stdout).toMatch(/native kernel: not in use: not built \(`npm rebuild egan` builds it; it needs a C compiler\)/);
  }, 420_000);
});
