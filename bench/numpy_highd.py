"""
The one-hidden-layer effective-GAN right-hand side written with numpy matrix products (OpenBLAS), for bench
section 7 (high-dimensional kernel): the same model as egan's (docs/model.md section 3: wgan, grad2-fake,
weight decay, two-point kernel; relu or tanh critic), read from a JSON spec that bench/run.ts writes:
N, M, d, H, activation, lam, mu, etaG, etaD, g1, g2, Y (M x d), wY (M), u (state), du (egan's derivative).

Prints one JSON line: the largest relative difference between numpy's and egan's derivative (a check that
both compute the same thing before either is timed), and seconds per call with the BLAS thread count the
environment sets (OPENBLAS_NUM_THREADS), the best of five runs of at least 0.3 s each.
"""
import json
import sys
import time

import numpy as np

spec = json.load(open(sys.argv[1]))
N, M, d, H = spec["N"], spec["M"], spec["d"], spec["H"]
lam, mu, etaG, etaD, g1, g2 = spec["lam"], spec["mu"], spec["etaG"], spec["etaD"], spec["g1"], spec["g2"]
Y = np.array(spec["Y"], dtype=np.float64).reshape(M, d)
wY = np.array(spec["wY"], dtype=np.float64)
u = np.array(spec["u"], dtype=np.float64)
tanh = spec["activation"] == "tanh"
nx = N * d


def rhs(u):
    X = u[:nx].reshape(N, d)
    th = u[nx:]
    W = th[: H * d].reshape(H, d)
    b = th[H * d: H * d + H]
    w = th[H * d + H: H * d + 2 * H]
    AX = X @ W.T + b
    AY = Y @ W.T + b
    if tanh:
        sX, sY = np.tanh(AX), np.tanh(AY)
        s1X, s1Y = 1 - sX * sX, 1 - sY * sY
        s2X = -2 * sX * s1X
    else:
        s1X, s1Y = (AX > 0).astype(np.float64), (AY > 0).astype(np.float64)
        sX, sY = AX * s1X, AY * s1Y
        s2X = None
    DelX = s1X * w                      # w_out s'(a) at the particles
    g = DelX @ W                        # grad_x D (N x d)
    V = (2 * (-lam / N)) * g            # grad2-fake direction
    ad = V @ W.T                        # a_d = W v (N x H)
    c = -1.0 / N
    eX = c * DelX if s2X is None else c * DelX + w * s2X * ad
    cS1Y = wY[:, None] * s1Y
    grad_W = eX.T @ X + DelX.T @ V + w[:, None] * (cS1Y.T @ Y)
    grad_b = eX.sum(0) + w * cS1Y.sum(0)
    grad_w = (c * sX + s1X * ad).sum(0) + (wY[:, None] * sY).sum(0)
    grad_bout = N * c + wY.sum()
    grad = np.concatenate([grad_W.ravel(), grad_b, grad_w, [grad_bout]])
    dth = etaD * (grad - mu * th)
    dX = (etaG / N) * ((g1 - g2) * g + g2 * g.sum(0))
    return np.concatenate([dX.ravel(), dth])


du = rhs(u)
ref = np.array(spec["du"], dtype=np.float64)
rel = float(np.max(np.abs(du - ref)) / max(1e-300, np.max(np.abs(ref))))
best = float("inf")
for _ in range(5):
    t0, n = time.perf_counter(), 0
    while True:
        rhs(u)
        n += 1
        t = time.perf_counter() - t0
        if t >= 0.3:
            break
    best = min(best, t / n)
print(json.dumps({"maxRelDiff": rel, "seconds": best}))
