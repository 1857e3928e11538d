/**
 * The native kernel (src/model/native.ts, native/oneLayer.c): where a C compiler exists the install builds a
 * usable one; it gives the JavaScript kernel's bits on every covered path; models it does not cover take the
 * JavaScript kernel; wrong calls throw instead of touching memory; EGAN_NATIVE=0 turns it off.
 * (properties/native.prop.ts compares the two kernels on random models.)
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { threadModel, nativeStatus, nativeSupport, type ConfigInput, type EganModel, formatError } from '../../src/index.ts';
import { kernelMismatch } from '../../src/model/nativeCheck.ts';
import { makeOneLayerCore, type OneLayerCore } from '../../src/model/rhsOneLayer.ts';
import type { NativeAddon } from '../../src/model/native.ts';
import { buildProblem, cpuFlags, machine, NATIVE_RECORD, targetFeatures, unlistedFeatureOptions } from '../../native/sources.mjs';
import { readFileSync } from 'node:fs';
import { model, rhsAt } from '../helpers/configs.ts';

const status = nativeStatus();
const addon: NativeAddon | undefined = status.available ? status.addon : undefined;
const hasCompiler = ['cc', 'gcc', 'clang'].some((cc) => spawnSync(cc, ['--version'], { stdio: 'ignore' }).status === 0);

describe('native kernel', () => {
  it.skipIf(!hasCompiler || process.env.EGAN_NATIVE === '0')('is built and usable on a machine with a C compiler', () => {
    expect(status.available ? 'available' : status.reason).toBe('available');
  });

  it.skipIf(!status.available || !cpuFlags())('is refused on a CPU that lacks a feature it was built for, whatever the CPU model says, and accepted where all are present', () => {
    const record = JSON.parse(readFileSync(NATIVE_RECORD, 'utf8'));
    expect(record.features.length).toBeGreaterThan(0);
    expect(buildProblem(record)).toBeUndefined();
    // Same model string, a feature this CPU does not have (a VM hiding AVX-512 under the model name of a CPU that has it).
    expect(buildProblem({ ...record, features: [...record.features, 'avx512f_not_here'] })).toMatch(/built for CPU features this CPU lacks \(avx512f_not_here;/);
    // Another model string with every feature present: usable.
    expect(buildProblem({ ...record, cpu: `${machine().cpu} (another stepping)` })).toBeUndefined();
    // Stale sources and an unverified build are refused too.
    expect(buildProblem({ ...record, sourceHash: 'x' })).toMatch(/out of date/);
    expect(buildProblem({ ...record, verified: false })).toMatch(/not verified/);
  });

  it.skipIf(!hasCompiler || !cpuFlags())('builds for the features this CPU lists: -march=native minus what /proc/cpuinfo does not show', () => {
    const cc = ['cc', 'gcc', 'clang'].find((c) => spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0)!;
    const flags = cpuFlags()!;
    const arch = ['-march=native'];
    const off = unlistedFeatureOptions(cc, arch);
    expect(off.every((o) => o.startsWith('-mno-'))).toBe(true);
    // What the build will rely on is all listed here, so the loader accepts it on the machine that built it
    // (a Zen 5 VM's GCC 12 took znver3, which implies abm and sse4a, and its cpuinfo lists neither).
    const features = targetFeatures(cc, [...arch, ...off]);
    expect(features.filter((f) => !flags.has(f))).toEqual([]);
    expect(features.length).toBeGreaterThan(0);
    // Nothing the CPU lists is turned off: each option removes only unlisted features.
    expect(targetFeatures(cc, arch).filter((f) => flags.has(f) && !features.includes(f))).toEqual([]);
  });

  describe.skipIf(!addon)('same bits as the JavaScript kernel', () => {
    // Sizes that leave partial blocks (32 points) and several chunks; a state moved off u0 (the initial
    // biases are 0) and one with large weights (the activations' tails and clamps).
    for (const activation of ['relu', 'leaky_relu', 'tanh', 'sigmoid'] as const) for (const dim of [1, 2, 3]) for (const kind of ['grad2-fake', 'grad2-real', 'gp-fake'] as const) {
      it(`${activation}, d = ${dim}, ${kind}`, () => {
        const m = model({
          seed: 3, target: dim === 1 ? { kind: 'gaussian', samples: 45, dim } : { kind: 'ring', samples: 45, dim }, particles: { n: 150, init: { kind: 'gaussian', std: 0.6 } },
          critic: { kind: 'mlp', hidden: [9], activation }, kernel: { kind: 'two-point', g1: 1, g2: 0.4 }, regularizer: { kind, lambda: 0.6 },
        });
        const du = rhsAt(m);
        const moved = m.u0.map((v, k) => v + 0.3 * du[k]);
        const large = m.u0.map((v, k) => (k >= m.N * m.d ? 80 * v : v));
        expect(kernelMismatch(addon!, m, [m.u0, moved, large])).toBeUndefined();
      });
    }

    // The tiled products of d != 2 (tiles.c): full blocks of 128 points, full panels of columns and the
    // columns left over (d = 20), hidden sizes that leave rows past whole tiles of 5 and of 6 (11, 13).
    for (const activation of ['relu', 'tanh'] as const) for (const hidden of [11, 13]) for (const kind of ['grad2-fake', 'grad2-real'] as const) {
      it(`${activation}, d = 20, hidden ${hidden}, ${kind}, full blocks`, () => {
        const m = model({
          seed: 5, target: { kind: 'ring', samples: 140, dim: 20 }, particles: { n: 300, init: { kind: 'gaussian', std: 0.6 } },
          critic: { kind: 'mlp', hidden: [hidden], activation }, kernel: { kind: 'two-point', g1: 1, g2: 0.4 }, regularizer: { kind, lambda: 0.6 },
        });
        const du = rhsAt(m);
        const moved = m.u0.map((v, k) => v + 0.3 * du[k]);
        expect(kernelMismatch(addon!, m, [m.u0, moved])).toBeUndefined();
      });
    }
  });

  it.skipIf(!addon)('the whole right-hand side (chunks, then finishRhs in C or the kernel in JavaScript) equals the JavaScript one bit for bit', () => {
    const kernels: NonNullable<ConfigInput['kernel']>[] = [{ kind: 'two-point', g1: 1.3, g2: 0.4 }, { kind: 'matrix', matrix: [[2, 0.5, 0.1], [0.5, 1, 0.2], [0.1, 0.2, 1.5]] }, { kind: 'ntk', latentDim: 7 }];
    for (const kernel of kernels) for (const threads of [1, 2]) {
      const m = model({
        seed: 4, target: { kind: 'ring', samples: 50 }, particles: { n: 3 }, critic: { kind: 'mlp', hidden: [6], activation: 'tanh' }, kernel,
        regularizer: { kind: 'grad2-fake', lambda: 0.8 }, weightDecay: 0.07, etaG: 1.7, etaD: 0.6,
      });
      const js = makeOneLayerCore(m, 'js'), nat = makeOneLayerCore(m);
      expect(nat.kernel).toBe('native');
      const t = threadModel(m, threads);
      if (E.isLeft(t)) throw new Error(formatError(t.left));
      try {
        const u = m.u0.map((v, k) => v + 0.2 * Math.sin(k));
        const a = new Float64Array(m.n), b = new Float64Array(m.n), c = new Float64Array(m.n);
        js.rhs(0, u, a);
        nat.rhs(0, u, b);
        t.right.model.rhs(0, u, c);
        expect(a.every((v, k) => Object.is(v, b[k])), `${kernel.kind}, one thread`).toBe(true);
        expect(a.every((v, k) => Object.is(v, c[k])), `${kernel.kind}, threadModel(${threads})`).toBe(true);
      } finally {
        t.right.close();
      }
    }
  });

  it('kernelMismatch reports a one-ulp difference and a zero of the other sign', () => {
    // A stand-in addon that runs the JavaScript kernel, then changes one entry of chunk 0's gradient or forces.
    const faulty = (m: EganModel, key: 'grad' | 'G', entry: number, change: (x: number) => number): NativeAddon => ({
      abi: 1,
      vectorWidth: 4,
      create: () => makeOneLayerCore(m, 'js'),
      load: (h, u) => (h as OneLayerCore).load(u),
      chunk: (h, u, c, grad, go, G) => {
        (h as OneLayerCore).chunk(u, c, grad, go, G);
        if (c === 0 && key === 'grad') grad[go + entry] = change(grad[go + entry]);
        if (c === 0 && key === 'G') G[entry] = change(G[entry]);
      },
      teamCreate: () => { throw new Error('not used by kernelMismatch'); },
      teamRun: () => {},
      teamClose: () => {},
    });
    const ulp = (x: number) => { const b = new Float64Array([x]); new BigInt64Array(b.buffer)[0] += 1n; return b[0]; };
    const input = { target: { kind: 'ring', samples: 20 }, particles: { n: 12 }, critic: { kind: 'mlp', hidden: [5], activation: 'tanh' } } satisfies ConfigInput;
    const m = model(input);
    expect(kernelMismatch(faulty(m, 'grad', 3, (x) => x), m, [m.u0])).toBeUndefined();
    expect(kernelMismatch(faulty(m, 'grad', 3, ulp), m, [m.u0])).toMatch(/^state 0, grad\[3\]: /);
    // With w_out = 0 every force is +0 (gs starts at +0 and only +-0 terms are added); -0 must count as a difference.
    const flat = model({ ...input, theta: Array.from({ length: m.p }, (_, k) => (k < 15 ? 0.3 * Math.sin(k + 1) : 0)) });
    expect(kernelMismatch(faulty(flat, 'G', 0, (x) => x), flat, [flat.u0])).toBeUndefined();
    expect(kernelMismatch(faulty(flat, 'G', 0, () => -0), flat, [flat.u0])).toBe('state 0, G[0]: JavaScript 0, native -0');
  });

  it('models it does not cover take the JavaScript kernel, with the reason', () => {
    const base = { target: { kind: 'ring', samples: 8 }, particles: { n: 4 } } satisfies ConfigInput;
    const cases: [ConfigInput, RegExp][] = [
      [{ ...base, critic: { kind: 'mlp', hidden: [4], activation: 'softplus' } }, /softplus/],
      [{ ...base, critic: { kind: 'mlp', hidden: [4], activation: 'sin' } }, /sin/],
      [{ ...base, critic: { kind: 'mlp', hidden: [4], activation: 'tanh' }, loss: 'nsgan' }, /nsgan/],
      [{ ...base, critic: { kind: 'mlp', hidden: [4, 4], activation: 'tanh' } }, /one-hidden-layer/],
    ];
    for (const [input, why] of cases) {
      const m = model(input);
      expect(nativeSupport(m)).toMatch(why);
      if (m.shape.hidden.length === 1) expect(makeOneLayerCore(m).kernel).toBe('js');
    }
    const covered = model({ ...base, critic: { kind: 'mlp', hidden: [4], activation: 'tanh' } });
    expect(nativeSupport(covered)).toBeUndefined();
    expect(makeOneLayerCore(covered).kernel).toBe(addon ? 'native' : 'js');
  });

  it.skipIf(!addon)('wrong calls throw a JavaScript error naming the argument', () => {
    const m = model({ target: { kind: 'ring', samples: 8 }, particles: { n: 4 }, critic: { kind: 'mlp', hidden: [4], activation: 'tanh' } });
    const core = makeOneLayerCore(m);
    const parts = new Float64Array(core.chunks * core.p), G = new Float64Array(m.N * m.d);
    expect(() => core.load(new Float64Array(3))).toThrow(/load: u must be a Float64Array of the state's size/);
    expect(() => core.chunk(m.u0, 0, new Float64Array(2), 0, G)).toThrow(/grad must be a Float64Array of at least go \+ p/);
    expect(() => core.chunk(m.u0, core.chunks, parts, 0, G)).toThrow(/c or go out of range/);
    expect(() => core.chunk(m.u0, 0, parts, 0, new Float64Array(1))).toThrow(/G must be a Float64Array of N d entries/);
    expect(() => core.chunk(m.u0, 0, parts, parts.length - core.p + 1, G)).toThrow(/at least go \+ p/);
    expect(() => addon!.create(new Int32Array(3), 1, new Float64Array(0), new Float64Array(0), new Float64Array(0))).toThrow(/ints must be an Int32Array of 14/);
  });

  it('EGAN_NATIVE=0 turns it off', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', "import('./src/index.ts').then((e) => console.log(JSON.stringify(e.nativeStatus())))"], { encoding: 'utf8', env: { ...process.env, EGAN_NATIVE: '0' } });
    expect(JSON.parse(r.stdout)).toEqual({ available: false, reason: 'turned off by EGAN_NATIVE=0' });
  });
});
