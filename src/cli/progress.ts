/** A progress bar on stderr when stderr is a terminal (cli-progress); silent otherwise. */
import cliProgress from 'cli-progress';

export interface Progress {
  update(value: number, payload?: Record<string, unknown>): void;
  stop(): void;
}

export const progressBar = (total: number, label: string): Progress => {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} |{bar}| {percentage}% | {value}/{total} | ETA {eta_formatted}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (v, p) => bar.update(v, p), stop: () => bar.stop() };
};

/** Install SIGINT/SIGTERM handlers that call `onSignal` once; returns a function removing them. */
export const onInterrupt = (onSignal: (sig: string) => void): (() => void) => {
  let fired = false;
  const h = (sig: string) => { if (!fired) { fired = true; onSignal(sig); } };
  process.on('SIGINT', h);
  process.on('SIGTERM', h);
  return () => { process.off('SIGINT', h); process.off('SIGTERM', h); };
};
