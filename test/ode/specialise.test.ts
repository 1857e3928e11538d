/**
 * specialise() compiles a fresh copy of a self-contained function; the one-layer
 * kernel and the activation loops compiled that way compute bitwise what the
 * shared code computes (a reference to anything outside the function would
 * throw in the copy).
 */
import { describe, expect, it } from 'vitest';
import { specialise } from '../../src/ode/specialise.ts';
import { oneLayerKernel } from '../../src/model/oneLayerKernel.ts';
import { activationKernels, activationLoop } from '../../src/model/activations.ts';
import { ACTIVATIONS } from '../../src/model/config.ts';
import { chunkCount } from '../../src/model/rhsOneLayer.ts';
import { model } from '../helpers/configs.ts';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dopri5Core } from '../../src/ode/solvers/dopri5.ts';
import { fixedCore } from '../../src/ode/solvers/fixed.ts';
import { freeIdentifiers } from '../helpers/freeIdentifiers.ts';

/** Every factory src/ compiles afresh from its source (specialise, directly or through acquireCore). */
const FACTORIES = { oneLayerKernel, activationKernels, dopri5Core, fixedCore } as const;

describe('specialise', () => {
  for (const [name, f] of Object.entries(FACTORIES)) {
    it(`${name} is self-contained: it refers to no free identifier (its copy would throw at call time)`, () => {
      expect(freeIdentifiers(f as never), `${name} refers to something outside itself`).toEqual([]);
    });
  }

  it('the check names a free identifier (a factory that uses a module-level value)', () => {
    const outside = 3;
    expect(freeIdentifiers(((x: number) => x * outside) as never)).toEqual(['outside']);
  });

  it('every factory specialised in src/ is in the list checked above', () => {
    const root = fileURLToPath(new URL('../../src', import.meta.url));
    const walk = (d: string): string[] => readdirSync(d).flatMap((f) => { const p = join(d, f); return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : []; });
    const used = new Set<string>();
    for (const file of walk(root)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/specialise\((\w+)\)|acquireCore\([^,]+,[^,]+,\s*(\w+)/g)) used.add(m[1] ?? m[2]);
    }
    used.delete('factory'); used.delete('f'); // the generic parameters of stepperCache.ts and specialise.ts
    expect([...used].sort()).toEqual(Object.keys(FACTORIES).sort());
  });

  it('returns a fresh function with the same behaviour', () => {
    const f = (a: number, b: number) => { const g = (x: number) => x * a; return g(b) + 1; };
    const g = specialise(f);
    expect(g).not.toBe(f);
    expect(g(3, 4)).toBe(13);
    expect(specialise(f)).not.toBe(g); // a new copy every time
  });

  it('falls back to the function itself when its source cannot be evaluated', () => {
    const bound = ((a: number) => a + 1).bind(null); // native code: no evaluable source
    expect(specialise(bound)).toBe(bound);
  });

  for (const [name, dim, activation] of [['d = 2, tanh', 2, 'tanh'], ['d = 3, relu', 3, 'relu']] as const) {
    it(`the specialised one-layer kernel equals the shared one bit for bit (${name})`, () => {
      const m = model({ seed: 4, target: { kind: 'ring', samples: 45, dim }, particles: { n: 37 }, critic: { kind: 'mlp', hidden: [11], activation }, regularizer: { kind: 'grad2-fake', lambda: 0.8 }, loss: 'nsgan' });
      const chunks = chunkCount(m.N, m.M, m.d);
      const deps = { activation: activationKernels, chunks, BLOCK: 32 };
      const run = (k: ReturnType<typeof oneLayerKernel>) => {
        const p = m.shape.p, parts = new Float64Array(chunks * p), G = new Float64Array(m.N * m.d);
        k.load(m.u0);
        for (let c = 0; c < chunks; c++) k.chunk(m.u0, c, parts, c * p, G);
        return [...parts, ...G];
      };
      const fresh = specialise(oneLayerKernel);
      expect(fresh).not.toBe(oneLayerKernel);
      const a = run(oneLayerKernel(m, deps)), b = run(fresh(m, { ...deps, activation: specialise(activationKernels) }));
      expect(b.every((v, i) => Object.is(v, a[i]))).toBe(true);
    });
  }

  it('the specialised activation loops equal the shared ones bit for bit, for every activation', () => {
    const n = 301, a = Float64Array.from({ length: n }, (_, i) => (i - 150) * 0.173 + (i % 7) * 1e-3);
    for (const kind of ACTIVATIONS) {
      const out = () => [new Float64Array(n), new Float64Array(n), new Float64Array(n)] as const;
      const [h1, p1, q1] = out(), [h2, p2, q2] = out();
      activationLoop(kind, 1.5, a, h1, p1, q1)(3, n - 5);
      specialise(activationKernels)(kind, 1.5).loop(a, h2, p2, q2)(3, n - 5);
      for (const [x, y] of [[h1, h2], [p1, p2], [q1, q2]]) expect(y.every((v, i) => Object.is(v, x[i])), kind).toBe(true);
      expect(h1[1]).toBe(0); // outside the run: untouched
    }
  });
});
