/**
 * Progress on stderr: a bar when stderr is a terminal (cli-progress); otherwise (logs, CI, batch jobs)
 * a plain line "label: value/total (pct%, elapsed s, ETA s)" at most every 5 seconds, the ETA from the
 * rate since the first update (so a resumed sweep's cells done before do not count as speed).
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(value: number, payload?: Record<string, unknown>): void;
  stop(): void;
}

export const progressBar = (total: number, label: string): Progress => {
  if (!process.stderr.isTTY) {
    let last = Date.now();
    const t0 = last;
    let v0: number | undefined;
    const fmt = (v: number) => String(Number(v.toPrecision(4))); // 4 significant digits, no trailing zeros
    return {
      update(v) {
        v0 ??= v;
        const now = Date.now();
        if (now - last < 5000) return;
        last = now;
        const eta = v > v0 ? `, ETA ${(((now - t0) / (v - v0)) * (total - v) / 1000).toFixed(0)} s` : '';
        process.stderr.write(`${label}: ${fmt(v)}/${fmt(total)} (${((100 * v) / total).toFixed(0)}%, ${((now - t0) / 1000).toFixed(0)} s${eta})\n`);
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} |{bar}| {percentage}% | {value}/{total} | ETA {eta_formatted}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  // Fractional values (a sweep's running cells) are shown to two decimals.
  return { update: (v, p) => bar.update(Math.round(v * 100) / 100, p), stop: () => bar.stop() };
};

/**
 * A sweep's progress in cells, counting the running ones by the fraction of their time span done: finished
 * cells plus, for each running (or resumed) cell, t / t1. Cells of an hour then show progress (and an ETA)
 * while they run, instead of nothing until they end.
 * @example
 * const p = cellProgress(3);   // 3 cells done before
 * p.set('a', 0.25); p.value(); // 3.25
 * p.finish('a'); p.value();    // 4
 */
export const cellProgress = (finished: number) => {
  const running = new Map<string, number>();
  let done = finished;
  return {
    /** Cell `key` has done this fraction of its span (0 to 1). */
    set(key: string, fraction: number) { running.set(key, Math.min(1, Math.max(0, fraction))); },
    /** Cell `key` is recorded: one more whole cell. */
    finish(key: string) { running.delete(key); done++; },
    value(): number { let v = done; for (const f of running.values()) v += f; return v; },
  };
};

/** Install SIGINT/SIGTERM handlers that call `onSignal` once; returns a function removing them. */
export const onInterrupt = (onSignal: (sig: string) => void): (() => void) => {
  let fired = false;
  const h = (sig: string) => { if (!fired) { fired = true; onSignal(sig); } };
  process.on('SIGINT', h);
  process.on('SIGTERM', h);
  return () => { process.off('SIGINT', h); process.off('SIGTERM', h); };
};
