/**
 * Gradient regularizers R (docs/model.md §2) as functions rho(g) of g = grad_x D at a
 * point, averaged over the fake (particles) or real (target) points:
 *   grad2-fake: R = E_Q |g|^2,  grad2-real: R = E_P |g|^2,  gp-fake: R = E_Q (|g| - 1)^2.
 * `direction` writes v = scale * d rho / d g, the direction whose double
 * backprop gives grad_theta R (critic.ts). At g = 0, gp-fake's rho is not
 * differentiable; its subgradient 0 is used.
 */
import type { Config } from './config.ts';

export interface Regularizer {
  readonly kind: Config['regularizer']['kind'];
  /** True when R averages over particles, false over target points. */
  readonly onFake: boolean;
  value(g: Float64Array, go: number, d: number): number;
  direction(g: Float64Array, go: number, d: number, scale: number, v: Float64Array, vo: number): void;
  /** The tangent of `direction` along gd: vd = scale * (d^2 rho / d g^2) gd (the flow's Jacobian, tangent.ts). */
  directionTangent(g: Float64Array, go: number, gd: Float64Array, gdo: number, d: number, scale: number, vd: Float64Array, vdo: number): void;
}

const norm2 = (g: Float64Array, go: number, d: number) => { let s = 0; for (let k = 0; k < d; k++) s += g[go + k] * g[go + k]; return s; };

const grad2 = (kind: 'grad2-fake' | 'grad2-real'): Regularizer => ({
  kind,
  onFake: kind === 'grad2-fake',
  value: norm2,
  direction(g, go, d, scale, v, vo) { for (let k = 0; k < d; k++) v[vo + k] = 2 * scale * g[go + k]; },
  directionTangent(_g, _go, gd, gdo, d, scale, vd, vdo) { for (let k = 0; k < d; k++) vd[vdo + k] = 2 * scale * gd[gdo + k]; },
});

const gpFake: Regularizer = {
  kind: 'gp-fake',
  onFake: true,
  value: (g, go, d) => (Math.sqrt(norm2(g, go, d)) - 1) ** 2,
  direction(g, go, d, scale, v, vo) {
    const n = Math.sqrt(norm2(g, go, d));
    const f = n > 0 ? (2 * scale * (n - 1)) / n : 0;
    for (let k = 0; k < d; k++) v[vo + k] = f * g[go + k];
  },
  // v = 2 scale (1 - 1/|g|) g, so vd = 2 scale [(1 - 1/|g|) gd + (g . gd) / |g|^3 g]; 0 at g = 0 (the subgradient's choice).
  directionTangent(g, go, gd, gdo, d, scale, vd, vdo) {
    const n2 = norm2(g, go, d), n = Math.sqrt(n2);
    let dot = 0;
    for (let k = 0; k < d; k++) dot += g[go + k] * gd[gdo + k];
    const f = n > 0 ? (2 * scale * (n - 1)) / n : 0, e = n > 0 ? (2 * scale * dot) / (n2 * n) : 0;
    for (let k = 0; k < d; k++) vd[vdo + k] = f * gd[gdo + k] + e * g[go + k];
  },
};

export const regularizerOf = (kind: Config['regularizer']['kind']): Regularizer => (kind === 'gp-fake' ? gpFake : grad2(kind));
