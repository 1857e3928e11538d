import { criticParamCount } from "./config.js";
import { activationLoop } from "./activations.js";
import { makeRng } from "./random.js";
export const criticShape = (c, d) => {
    const hidden = c.kind === 'mlp' ? c.hidden : [];
    const wOff = [], bOff = [];
    let off = 0, fanIn = d;
    for (const h of hidden) {
        wOff.push(off);
        off += h * fanIn;
        bOff.push(off);
        off += h;
        fanIn = h;
    }
    const shape = {
        kind: c.kind, d, hidden, activation: c.kind === 'mlp' ? c.activation : 'relu', beta: c.kind === 'mlp' ? c.beta : 1,
        p: criticParamCount(c, d), wOff, bOff, outOff: off, boutOff: off + fanIn,
    };
    return shape;
};
/** Default initialisation (SPEC §1): W entries N(0, 1/fan_in), biases 0, from the seed. */
export const initTheta = (s, seed) => {
    const rng = makeRng(seed, 'critic');
    const th = new Float64Array(s.p);
    let fanIn = s.d;
    for (let l = 0; l < s.hidden.length; l++) {
        const h = s.hidden[l], sd = 1 / Math.sqrt(fanIn);
        for (let k = 0; k < h * fanIn; k++)
            th[s.wOff[l] + k] = sd * rng.normal();
        fanIn = h;
    }
    const sd = 1 / Math.sqrt(fanIn);
    for (let k = 0; k < fanIn; k++)
        th[s.outOff + k] = sd * rng.normal();
    return th;
};
export const criticWork = (s) => {
    const lo = [];
    let tot = 0;
    for (const h of s.hidden) {
        lo.push(tot);
        tot += h;
    }
    const mk = () => new Float64Array(Math.max(1, tot));
    const a = mk(), h = mk(), s1 = mk(), s2 = mk();
    return { lo, a, h, s1, s2, q: mk(), delta: mk(), ad: mk(), hd: mk(), dd: mk(), g: new Float64Array(s.d), act: activationLoop(s.activation, s.beta, a, h, s1, s2), D: 0 };
};
/**
 * Forward and backward pass at x = X[xo .. xo + d): fills D, g and the
 * per-layer buffers of `w` (needed by `accumulate`).
 */
export const evalCritic = (s, th, to, X, xo, w) => {
    const d = s.d;
    const L = s.hidden.length;
    if (L === 0) {
        let D = th[to + d];
        for (let k = 0; k < d; k++) {
            D += th[to + k] * X[xo + k];
            w.g[k] = th[to + k];
        }
        w.D = D;
        return;
    }
    const { a, h, s1, s2, q, delta, lo } = w;
    // forward
    let fanIn = d;
    for (let l = 0; l < L; l++) {
        const H = s.hidden[l], W = to + s.wOff[l], B = to + s.bOff[l], o = lo[l];
        if (l === 0) {
            for (let r = 0; r < H; r++) {
                let acc = th[B + r];
                const row = W + r * d;
                for (let k = 0; k < d; k++)
                    acc += th[row + k] * X[xo + k];
                a[o + r] = acc;
            }
        }
        else {
            const pi = lo[l - 1];
            for (let r = 0; r < H; r++) {
                let acc = th[B + r];
                const row = W + r * fanIn;
                for (let k = 0; k < fanIn; k++)
                    acc += th[row + k] * h[pi + k];
                a[o + r] = acc;
            }
        }
        w.act(o, H);
        fanIn = H;
    }
    const HL = s.hidden[L - 1], oL = lo[L - 1], WO = to + s.outOff;
    let D = th[to + s.boutOff];
    for (let k = 0; k < HL; k++) {
        D += th[WO + k] * h[oL + k];
        q[oL + k] = th[WO + k];
        delta[oL + k] = th[WO + k] * s1[oL + k];
    }
    w.D = D;
    // backward: q_l = W_{l+1}^T delta_{l+1}
    for (let l = L - 2; l >= 0; l--) {
        const H = s.hidden[l], Hn = s.hidden[l + 1], W = to + s.wOff[l + 1], o = lo[l], on = lo[l + 1];
        for (let k = 0; k < H; k++)
            q[o + k] = 0;
        for (let r = 0; r < Hn; r++) {
            const dr = delta[on + r];
            if (dr === 0)
                continue;
            const row = W + r * H;
            for (let k = 0; k < H; k++)
                q[o + k] += th[row + k] * dr;
        }
        for (let k = 0; k < H; k++)
            delta[o + k] = q[o + k] * s1[o + k];
    }
    const H0 = s.hidden[0], W0 = to + s.wOff[0];
    for (let k = 0; k < d; k++)
        w.g[k] = 0;
    for (let r = 0; r < H0; r++) {
        const dr = delta[r];
        if (dr === 0)
            continue;
        const row = W0 + r * d;
        for (let k = 0; k < d; k++)
            w.g[k] += th[row + k] * dr;
    }
};
/**
 * After `evalCritic` at the same point: grad[go ..] += c grad_theta D(x)
 * + grad_theta (v . grad_x D(x)), with v = V[vo .. vo + d) (or no v when vo < 0).
 */
export const accumulate = (s, th, to, X, xo, w, c, V, vo, grad, go) => {
    const d = s.d;
    const L = s.hidden.length;
    const hasV = vo >= 0;
    if (L === 0) {
        for (let k = 0; k < d; k++)
            grad[go + k] += c * X[xo + k] + (hasV ? V[vo + k] : 0);
        grad[go + d] += c;
        return;
    }
    const { a, h, s1, s2, q, delta, ad, hd, dd, lo } = w;
    if (hasV) {
        // tangent forward: ad_l = W_l hd_{l-1} (hd_0 = v), hd_l = s1 * ad_l
        let fanIn = d;
        for (let l = 0; l < L; l++) {
            const H = s.hidden[l], W = to + s.wOff[l], o = lo[l];
            for (let r = 0; r < H; r++) {
                let acc = 0;
                if (l === 0) {
                    const row = W + r * d;
                    for (let k = 0; k < d; k++)
                        acc += th[row + k] * V[vo + k];
                }
                else {
                    const row = W + r * fanIn, pi = lo[l - 1];
                    for (let k = 0; k < fanIn; k++)
                        acc += th[row + k] * hd[pi + k];
                }
                ad[o + r] = acc;
                hd[o + r] = s1[o + r] * acc;
            }
            fanIn = H;
        }
        // tangent backward: dd_l = (W_{l+1}^T dd_{l+1}) s1_l + q_l s2_l ad_l; at the top W^T dd = 0.
        for (let l = L - 1; l >= 0; l--) {
            const H = s.hidden[l], o = lo[l];
            if (l === L - 1) {
                for (let k = 0; k < H; k++)
                    dd[o + k] = q[o + k] * s2[o + k] * ad[o + k];
            }
            else {
                const Hn = s.hidden[l + 1], W = to + s.wOff[l + 1], on = lo[l + 1];
                // a_l is not needed after the forward pass (h, s1, s2 hold what is used): reuse it as scratch for W^T dd.
                for (let k = 0; k < H; k++)
                    a[o + k] = 0;
                for (let r = 0; r < Hn; r++) {
                    const dr = dd[on + r];
                    if (dr === 0)
                        continue;
                    const row = W + r * H;
                    for (let k = 0; k < H; k++)
                        a[o + k] += th[row + k] * dr;
                }
                for (let k = 0; k < H; k++)
                    dd[o + k] = a[o + k] * s1[o + k] + q[o + k] * s2[o + k] * ad[o + k];
            }
        }
    }
    // gradients: W_l += (c delta_l + dd_l) h_{l-1}^T + delta_l hd_{l-1}^T; b_l += c delta_l + dd_l
    let fanIn = d;
    for (let l = 0; l < L; l++) {
        const H = s.hidden[l], W = go + s.wOff[l], B = go + s.bOff[l], o = lo[l];
        for (let r = 0; r < H; r++) {
            const e = c * delta[o + r] + (hasV ? dd[o + r] : 0);
            const dl = delta[o + r];
            grad[B + r] += e;
            const row = W + r * fanIn;
            if (l === 0) {
                if (hasV)
                    for (let k = 0; k < d; k++)
                        grad[row + k] += e * X[xo + k] + dl * V[vo + k];
                else
                    for (let k = 0; k < d; k++)
                        grad[row + k] += e * X[xo + k];
            }
            else {
                const pi = lo[l - 1];
                if (hasV)
                    for (let k = 0; k < fanIn; k++)
                        grad[row + k] += e * h[pi + k] + dl * hd[pi + k];
                else
                    for (let k = 0; k < fanIn; k++)
                        grad[row + k] += e * h[pi + k];
            }
        }
        fanIn = H;
    }
    const oL = lo[L - 1], WO = go + s.outOff;
    for (let k = 0; k < fanIn; k++)
        grad[WO + k] += c * h[oL + k] + (hasV ? hd[oL + k] : 0);
    grad[go + s.boutOff] += c;
};
//# sourceMappingURL=critic.js.map