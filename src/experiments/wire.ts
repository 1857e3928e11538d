/**
 * A run's outcome on its way from a worker to the main thread. Structured cloning copies every array on its
 * own, and `final.particles` is one small array per particle: for 200,000 particles the clone took 0.2-0.4 s
 * of the time between a SIGINT and the exit (measured on a loaded 2-core machine). Here they travel as one
 * Float64Array whose buffer is transferred, not copied, and are rebuilt as rows on arrival; the saved states
 * (`trajectory.u`) that own their buffer are transferred too (the recorder slices each one). The worker must
 * not touch the outcome after sending it. SIGINT to exit in that case: 0.31-0.62 s, against 0.53-0.81 s.
 */
import type { RunOutcome } from './pool.ts';
import { toRows } from '../linalg/rows.ts';

/** What worker.ts posts: the outcome without its particle rows, and the rows packed row after row. */
export interface WireOutcome {
  readonly result: RunOutcome;
  readonly particles: Float64Array;
  /** Values per particle (0 when there are none). */
  readonly d: number;
}

/** Packs `out` for postMessage: the message and the buffers to transfer with it. */
export const toWire = (out: RunOutcome): { wire: WireOutcome; transfer: ArrayBuffer[] } => {
  const rows = out.final.particles;
  const d = rows[0]?.length ?? 0;
  const particles = new Float64Array(rows.length * d);
  for (let i = 0; i < rows.length; i++) particles.set(rows[i]!, i * d);
  const transfer: ArrayBuffer[] = [particles.buffer as ArrayBuffer];
  // A saved state's buffer goes along only when the state owns all of it and no other state shares it.
  const seen = new Set<ArrayBufferLike>(transfer);
  for (const u of out.trajectory.u) {
    if (u.byteOffset === 0 && u.byteLength === u.buffer.byteLength && !seen.has(u.buffer) && !(u.buffer instanceof SharedArrayBuffer)) {
      seen.add(u.buffer);
      transfer.push(u.buffer as ArrayBuffer);
    }
  }
  return { wire: { result: { ...out, final: { ...out.final, particles: [] } }, particles, d }, transfer };
};

/** The outcome toWire packed, with its particle rows back as plain arrays. */
export const fromWire = (w: WireOutcome): RunOutcome => {
  const n = w.d > 0 ? w.particles.length / w.d : 0;
  return { ...w.result, final: { ...w.result.final, particles: toRows(w.particles, n, w.d) } };
};
