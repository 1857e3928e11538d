"""SciPy reference for `npm run bench`: the effective-GAN flow of docs/model.md §3 for a
one-hidden-layer MLP critic (wgan, R = grad2-fake, two-point kernel), written
with vectorized numpy, integrated by solve_ivp from the explicit initial state
that the TypeScript side wrote. Prints one JSON line: final state, rhs calls,
Jacobians, LU factorizations, wall time per method. Used only by the benchmark,
never by the library.

spec["problem"] selects the right-hand side: "mlp" (default, above), "linear"
(the linear critic D = w.x + b, wgan, R = |w|^2 on fake points: the flow of the
linear-critic closed forms), "robertson" and "vdp" (van der Pol in Hairer's
scaled time, eps = spec["eps"]). spec["atol"] may be a list (one per component)."""
import json, sys, time
import numpy as np
from scipy.integrate import solve_ivp

spec = json.load(open(sys.argv[1]))
problem = spec.get("problem", "mlp")
u0 = np.array(spec["u0"])
t1 = spec["t1"]
if problem in ("mlp", "linear"):
    N, d, H, M = spec["N"], spec["d"], spec["H"], spec["M"]
    Y = np.array(spec["targets"]).reshape(M, d)
    wY = np.full(M, 1.0 / M)
    g1, g2, lam, etaG, etaD = spec["g1"], spec["g2"], spec["lambda"], spec["etaG"], spec["etaD"]
    act = spec.get("activation", "tanh")
    nx = N * d

def activation(a):
    if act == "tanh":
        h = np.tanh(a); s1 = 1 - h * h; return h, s1, -2 * h * s1
    if act == "relu":
        p = a > 0; return np.where(p, a, 0.0), p.astype(float), np.zeros_like(a)
    raise ValueError(act)

def rhs(t, u):
    X = u[:nx].reshape(N, d)
    th = u[nx:]
    W1 = th[: H * d].reshape(H, d); b1 = th[H * d : H * d + H]; w = th[H * d + H : H * d + 2 * H]
    # particles (fake term and R = E_Q |grad D|^2)
    h, s1, s2 = activation(X @ W1.T + b1)
    dl = w * s1
    g = dl @ W1
    c = -1.0 / N
    v = -lam / N * 2 * g
    ad = v @ W1.T
    e = c * dl + w * s2 * ad
    gW1 = e.T @ X + dl.T @ v
    gb1 = e.sum(0)
    gw = c * h.sum(0) + (s1 * ad).sum(0)
    gb = c * N
    # targets (real term)
    hy, s1y, _ = activation(Y @ W1.T + b1)
    dly = w * s1y * wY[:, None]
    gW1 += dly.T @ Y
    gb1 += dly.sum(0)
    gw += (hy * wY[:, None]).sum(0)
    gb += wY.sum()
    dX = etaG / N * ((g1 - g2) * g + g2 * g.sum(0))
    return np.concatenate([dX.ravel(), etaD * np.concatenate([gW1.ravel(), gb1, gw, [gb]])])

def rhs_linear(t, u):
    X = u[:nx].reshape(N, d)
    w = u[nx : nx + d]
    dX = np.tile(etaG / N * ((g1 - g2) + g2 * N) * w, N)
    dw = etaD * (wY @ Y - X.mean(0) - 2 * lam * w)
    return np.concatenate([dX, dw, [0.0]])

def rhs_robertson(t, y):
    return [-0.04 * y[0] + 1e4 * y[1] * y[2], 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] ** 2, 3e7 * y[1] ** 2]

def rhs_vdp(t, y):
    return [y[1], ((1 - y[0] ** 2) * y[1] - y[0]) / spec["eps"]]

rhs = {"mlp": rhs, "linear": rhs_linear, "robertson": rhs_robertson, "vdp": rhs_vdp}[problem]

out = {}
budget = spec.get("budget")
for method in spec["methods"]:
    t0 = time.perf_counter()
    if budget is None:
        # Repeated (up to 3 times within ~10 s) and the fastest kept, as on the TypeScript side.
        best, spent = float("inf"), 0.0
        for rep in range(3):
            if rep > 0 and spent + best >= 10:
                break
            t0 = time.perf_counter()
            r = solve_ivp(rhs, (0, t1), u0, method=method, rtol=spec["rtol"], atol=spec["atol"])
            dt = time.perf_counter() - t0
            spent += dt
            best = min(best, dt)
        out[method] = {"seconds": best, "nfev": int(r.nfev), "status": int(r.status), "t": float(r.t[-1]), "final": r.y[:, -1].tolist(), "njev": int(getattr(r, "njev", 0) or 0), "nlu": int(getattr(r, "nlu", 0) or 0)}
    else:
        # A wall-time budget: step the solver class (what solve_ivp does inside) until t1 or the budget.
        from scipy.integrate import RK45, DOP853, LSODA, BDF, Radau
        cls = {"RK45": RK45, "DOP853": DOP853, "LSODA": LSODA, "BDF": BDF, "Radau": Radau}[method]
        s = cls(rhs, 0, u0, t1, rtol=spec["rtol"], atol=spec["atol"])
        while s.status == "running" and time.perf_counter() - t0 < budget:
            s.step()
        out[method] = {"seconds": time.perf_counter() - t0, "nfev": int(s.nfev), "status": 0 if s.status == "finished" else 1, "t": float(s.t), "final": s.y.tolist(), "njev": int(getattr(s, "njev", 0) or 0), "nlu": int(getattr(s, "nlu", 0) or 0)}
print(json.dumps(out))
