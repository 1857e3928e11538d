/**
 * Run with `node --expose-gc --max-semi-space-size=1 --import tsx`:
 * 1e5 steps of a method (step fixed by h0 = hmax) on a 100-dimensional
 * linear problem, after a warm-up. Prints one JSON line with
 *  - growth: heap retained after the solve (gc before and after),
 *  - scavenges: young-generation collections during the solve; with a 1 MB
 *    semispace, the bytes allocated per step are at most about
 *    (scavenges + 1) MB / steps.
 */
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { solve, solverEntry } from '../../src/index.ts';

const n = 100;
const rhs = (_t: number, u: Float64Array, du: Float64Array) => {
  for (let i = 0; i < n; i++) du[i] = -0.001 * u[i] + 0.0005 * u[(i + 1) % n];
};
const u0 = new Float64Array(n).fill(1);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const method = process.argv[2] ?? 'dopri5';
const steps = Number(process.argv[3] ?? 1e5);
const run = (k: number) => solve({ rhs, u0, tspan: [0, k * 0.01] }, solverEntry(method)!.make({ h0: 0.01, hmax: 0.01, h: 0.01, rtol: 0.5, atol: 1e6, maxSteps: 10 * k }), { detectStiffness: process.env.EGAN_NO_STIFF ? false : undefined });
run(2000); // warm-up: JIT and buffers
let scavenges = 0;
const obs = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if ((e as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) scavenges++;
});
gc(); gc();
const before = process.memoryUsage().heapUsed;
obs.observe({ entryTypes: ['gc'] });
const r = run(steps);
await new Promise((res) => setTimeout(res, 50)); // let the observer deliver
obs.disconnect();
gc(); gc();
const after = process.memoryUsage().heapUsed;
if (r._tag === 'Left') throw new Error(r.left.message);
console.log(JSON.stringify({ method, steps: r.right.stats.accepted, growth: after - before, scavenges }));
