/**
 * Checkpoints of a fixed-step solve: its whole state after an accepted step, so that a long integration killed
 * or interrupted on the way goes on later from there (`SolveOptions.resume`) and ends with the same numbers,
 * bit for bit, as if it had never stopped.
 *
 * Only steppers that carry no memory from one step to the next beyond f(t, u) can do this (`Stepper.resumable`:
 * rk4 and euler). An error-controlled method would also need its step size, its controller's error history and
 * its stages (FSAL, Nordsieck arrays, spectral estimates); those are not captured, and a solve that asks for
 * checkpoints with such a method fails at once with `invalidProblem`. Dense output (`dense: true`) is not kept
 * across a checkpoint either.
 *
 * A checkpoint holds: the solve's identity (method, step, tspan, state size, saveAt), the time and state reached,
 * the stats so far, the saveAt points and event crossings recorded so far, and each event function's last value.
 * The resumed solve's stats count as if it had not stopped (the one call that re-derives f at the checkpoint is
 * not counted), so its result, stats included, is the uninterrupted one's.
 * `encodeCheckpoint` / `decodeCheckpoint` turn it into bytes and back (every double exactly: binary, little
 * endian), with a JSON `meta` of the caller's (egan's runs store the hash of their config there).
 *
 * @example
 * const saved: SolveCheckpoint[] = [];
 * solve(problem, rk4({ h: 0.01 }), { checkpoint: { everySteps: 1000, save: (c) => saved.push(c) }, signal });
 * // ... later, in another process:
 * solve(problem, rk4({ h: 0.01 }), { resume: saved[saved.length - 1] });   // same uEnd, bit for bit
 */
import * as E from 'fp-ts/lib/Either.js';
import type { SaveAt } from './options.ts';
import type { EventHit, SolveStats } from './solution.ts';

/** What the recorder has kept so far (recorder.ts). */
export interface RecorderState {
  readonly t: readonly number[];
  readonly u: readonly Float64Array[];
  readonly events: readonly EventHit[];
  /** Each event function's value at the last accepted step's end. */
  readonly gPrev: readonly number[];
  /** Index of the next saveAt time to record. */
  readonly next: number;
}

/** A fixed-step solve's state after an accepted step (see the module's documentation). */
export interface SolveCheckpoint {
  readonly method: string;
  /** The solver's nominal step. */
  readonly h: number;
  readonly t0: number;
  readonly t1: number;
  /** The options' saveAt (undefined: t0 and t1). */
  readonly saveAt: SaveAt | undefined;
  /** Time reached: t0 + steps h. */
  readonly t: number;
  /** State at t (n components). */
  readonly u: Float64Array;
  readonly stats: SolveStats;
  readonly recorder: RecorderState;
}

/** Where a solve asks for checkpoints. */
export interface CheckpointOptions {
  /**
   * Called with each checkpoint (its arrays are the caller's to keep): "periodic" ones as set below, and an
   * "interrupted" one when the signal stops the solve after at least one step.
   */
  readonly save: (c: SolveCheckpoint, reason: 'periodic' | 'interrupted') => void;
  /** A checkpoint every this many accepted steps. */
  readonly everySteps?: number;
  /** A checkpoint when this many seconds of wall time have passed since the last one (or the solve's start). */
  readonly everySeconds?: number;
}

const sameSaveAt = (a: SaveAt | undefined, b: SaveAt | undefined): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Why a checkpoint cannot continue this solve, or undefined when it can: it must come from the same method and
 * step, time span, state size, saveAt and number of events, and lie inside the time span with a finite state.
 * @example
 * checkpointMismatch(c, { method: 'rk4', h: 0.02, t0: 0, t1: 20, n: 2, saveAt: undefined, events: 0 });
 * // "the checkpoint is of another solve: step h = 0.01, this solve's is 0.02"
 */
export const checkpointMismatch = (c: SolveCheckpoint, s: { method: string; h: number | undefined; t0: number; t1: number; n: number; saveAt: SaveAt | undefined; events: number }): string | undefined => {
  const what = 'the checkpoint is of another solve';
  if (c.method !== s.method) return `${what}: method ${c.method}, this solve's is ${s.method}`;
  if (c.h !== s.h) return `${what}: step h = ${c.h}, this solve's is ${s.h}`;
  if (c.t0 !== s.t0 || c.t1 !== s.t1) return `${what}: tspan [${c.t0}, ${c.t1}], this solve's is [${s.t0}, ${s.t1}]`;
  if (c.u.length !== s.n) return `${what}: a state of ${c.u.length} components, this solve's has ${s.n}`;
  if (!sameSaveAt(c.saveAt, s.saveAt)) return `${what}: saveAt ${JSON.stringify(c.saveAt ?? null)}, this solve's is ${JSON.stringify(s.saveAt ?? null)}`;
  if (c.recorder.gPrev.length !== s.events) return `${what}: ${c.recorder.gPrev.length} event function(s), this solve has ${s.events}`;
  const dir = s.t1 >= s.t0 ? 1 : -1;
  if (!(dir * (c.t - s.t0) >= 0 && dir * (s.t1 - c.t) > 0)) return `the checkpoint's time ${c.t} is not inside [${s.t0}, ${s.t1})`;
  for (let i = 0; i < c.u.length; i++) if (!Number.isFinite(c.u[i])) return `the checkpoint's state has a non-finite component (${i}: ${c.u[i]})`;
  return undefined;
};

/** First bytes of an encoded checkpoint. */
export const CHECKPOINT_MAGIC = 'EGANCKPT';
const VERSION = 1;

/**
 * A checkpoint as bytes: the magic, a version and header length (uint32 LE each), a JSON header (padded to a
 * multiple of 8 bytes), then the doubles (little endian): u, the saved states, the events' states, gPrev.
 * @example
 * writeFileSync('run.ckpt', encodeCheckpoint(c, { note: 'mine' }));
 */
export const encodeCheckpoint = (c: SolveCheckpoint, meta: unknown = null): Uint8Array => {
  const n = c.u.length;
  const r = c.recorder;
  const header = JSON.stringify({
    method: c.method, h: c.h, t0: c.t0, t1: c.t1, saveAt: c.saveAt ?? null, t: c.t, n, stats: c.stats,
    saved: r.t, next: r.next, events: r.events.map((e) => ({ index: e.index, ...(e.name !== undefined ? { name: e.name } : {}), t: e.t, direction: e.direction })),
    g: r.gPrev.length, meta,
  });
  const hb = new TextEncoder().encode(header);
  const headLen = Math.ceil(hb.length / 8) * 8;
  const doubles = n * (1 + r.u.length + r.events.length) + r.gPrev.length;
  const out = new Uint8Array(16 + headLen + 8 * doubles);
  out.set(new TextEncoder().encode(CHECKPOINT_MAGIC), 0);
  const dv = new DataView(out.buffer);
  dv.setUint32(8, VERSION, true);
  dv.setUint32(12, headLen, true);
  out.fill(0x20, 16 + hb.length, 16 + headLen);
  out.set(hb, 16);
  let off = 16 + headLen;
  const put = (a: ArrayLike<number>) => { for (let i = 0; i < a.length; i++, off += 8) dv.setFloat64(off, a[i], true); };
  put(c.u);
  for (const u of r.u) put(u);
  for (const e of r.events) put(e.u);
  put(r.gPrev);
  return out;
};

interface Header {
  method: string; h: number; t0: number; t1: number; saveAt: SaveAt | null; t: number; n: number; stats: SolveStats;
  saved: number[]; next: number; events: { index: number; name?: string; t: number; direction: 1 | -1 }[]; g: number; meta: unknown;
}

/**
 * The checkpoint and the caller's meta from bytes written by encodeCheckpoint, or what is wrong with them.
 * @example
 * const d = decodeCheckpoint(readFileSync('run.ckpt'));   // Right({ checkpoint, meta: { note: 'mine' } }) or Left("truncated checkpoint: ...")
 */
export const decodeCheckpoint = (bytes: Uint8Array): E.Either<string, { checkpoint: SolveCheckpoint; meta: unknown }> => {
  if (bytes.length < 16 || new TextDecoder().decode(bytes.subarray(0, 8)) !== CHECKPOINT_MAGIC) return E.left(`not an egan checkpoint (its first bytes are not "${CHECKPOINT_MAGIC}")`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint32(8, true);
  if (version !== VERSION) return E.left(`checkpoint format version ${version}; this egan reads version ${VERSION}`);
  const headLen = dv.getUint32(12, true);
  if (16 + headLen > bytes.length) return E.left(`truncated checkpoint: its header needs ${16 + headLen} bytes, the file has ${bytes.length}`);
  let h: Header;
  try { h = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + headLen))) as Header; } catch (e) { return E.left(`corrupt checkpoint header: ${(e as Error).message}`); }
  const n = h.n;
  const doubles = n * (1 + h.saved.length + h.events.length) + h.g;
  const need = 16 + headLen + 8 * doubles;
  if (bytes.length !== need) return E.left(`truncated checkpoint: ${bytes.length} bytes, expected ${need} for a state of ${n} components and ${h.saved.length} saved states`);
  let off = 16 + headLen;
  const take = (len: number) => { const a = new Float64Array(len); for (let i = 0; i < len; i++, off += 8) a[i] = dv.getFloat64(off, true); return a; };
  const u = take(n);
  const savedU = h.saved.map(() => take(n));
  const events: EventHit[] = h.events.map((e) => ({ ...e, u: take(n) }));
  const gPrev = Array.from(take(h.g));
  return E.right({
    checkpoint: {
      method: h.method, h: h.h, t0: h.t0, t1: h.t1, saveAt: h.saveAt ?? undefined, t: h.t, u, stats: h.stats,
      recorder: { t: h.saved, u: savedU, events, gPrev, next: h.next },
    },
    meta: h.meta,
  });
};
