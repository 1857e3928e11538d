/**
 * The effective-GAN flow (SPEC §3) over the state u = [X (N d, particle-major), theta (p)]:
 *
 *   dx_i/dt   = eta_G (1/N) sum_j K_ij s_j grad_x D(x_j)
 *   dtheta/dt = eta_D grad_theta [ E_P f_r(D) + E_Q f_f(D) - lambda R - (mu/2)|theta|^2 ]
 *
 * `makeEganRhs(parts)` returns (t, u, du) => void writing into du. All work
 * buffers are allocated here, once; a call allocates nothing. Cost per call:
 * O((N + M) p) for the critic and O(N d) for the two-point kernel.
 */
import type { Rhs } from '../ode/problem.js';
import type { EganParts } from './parts.js';
/**
 * The flow's right-hand side; a one-hidden-layer MLP takes the fused path of
 * rhsOneLayer.ts (unless `generic`), every other critic the layer-by-layer one.
 */
export declare const makeEganRhs: (m: EganParts, generic?: boolean) => Rhs;
/** Layer-by-layer right-hand side for any critic (the reference for the fused path). */
export declare const makeGenericRhs: (m: EganParts) => Rhs;
//# sourceMappingURL=rhs.d.ts.map