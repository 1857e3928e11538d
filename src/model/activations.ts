/**
 * Activations s with their first and second derivatives, evaluated over a
 * whole layer at once (the switch is outside the loop). relu'(0) := 0
 * (SPEC §1); leaky_relu has slope 0.2; softplus(a) = log(1 + exp(beta a)) / beta.
 * tanh uses one expm1 (exact to rounding, cheaper than Math.tanh), guarded
 * beyond |a| > 20 where tanh is 1 to double precision.
 */
import type { Activation } from './config.ts';

export const activate = (
  kind: Activation, beta: number, a: Float64Array, h: Float64Array, d1: Float64Array, d2: Float64Array, off: number, len: number,
): void => {
  const end = off + len;
  switch (kind) {
    case 'relu':
      for (let i = off; i < end; i++) { const x = a[i]; const p = x > 0; h[i] = p ? x : 0; d1[i] = p ? 1 : 0; d2[i] = 0; }
      return;
    case 'leaky_relu':
      for (let i = off; i < end; i++) { const x = a[i]; const p = x > 0; h[i] = p ? x : 0.2 * x; d1[i] = p ? 1 : 0.2; d2[i] = 0; }
      return;
    case 'tanh':
      for (let i = off; i < end; i++) {
        const x = a[i];
        let t: number;
        if (x > 20) t = 1;
        else if (x < -20) t = -1;
        else { const e = Math.expm1(2 * x); t = e / (e + 2); }
        const s = 1 - t * t;
        h[i] = t; d1[i] = s; d2[i] = -2 * t * s;
      }
      return;
    case 'sigmoid':
      for (let i = off; i < end; i++) {
        const x = a[i];
        const s = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
        const q = s * (1 - s);
        h[i] = s; d1[i] = q; d2[i] = q * (1 - 2 * s);
      }
      return;
    case 'softplus':
      for (let i = off; i < end; i++) {
        const x = beta * a[i];
        const s = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
        h[i] = (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))) / beta;
        d1[i] = s; d2[i] = beta * s * (1 - s);
      }
      return;
    case 'sin':
      for (let i = off; i < end; i++) { const x = a[i]; const s = Math.sin(x); h[i] = s; d1[i] = Math.cos(x); d2[i] = -s; }
      return;
  }
};

/** Activations whose derivative jumps (Filippov right-hand side, SPEC §8). */
export const isNonSmooth = (kind: Activation): boolean => kind === 'relu' || kind === 'leaky_relu';
