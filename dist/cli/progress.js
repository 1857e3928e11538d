/**
 * Progress on stderr: a bar when stderr is a terminal (cli-progress); otherwise (logs, CI, batch jobs)
 * a plain line "label: value/total (pct%)" at most every 5 seconds.
 */
import cliProgress from 'cli-progress';
export const progressBar = (total, label) => {
    if (!process.stderr.isTTY) {
        let last = Date.now();
        const t0 = last;
        const fmt = (v) => (Number.isInteger(v) ? String(v) : v.toPrecision(4));
        return {
            update(v) {
                const now = Date.now();
                if (now - last < 5000)
                    return;
                last = now;
                process.stderr.write(`${label}: ${fmt(v)}/${fmt(total)} (${((100 * v) / total).toFixed(0)}%, ${((now - t0) / 1000).toFixed(0)} s)\n`);
            },
            stop: () => { },
        };
    }
    const bar = new cliProgress.SingleBar({ stream: process.stderr, format: `${label} |{bar}| {percentage}% | {value}/{total} | ETA {eta_formatted}`, hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(total, 0);
    return { update: (v, p) => bar.update(v, p), stop: () => bar.stop() };
};
/** Install SIGINT/SIGTERM handlers that call `onSignal` once; returns a function removing them. */
export const onInterrupt = (onSignal) => {
    let fired = false;
    const h = (sig) => { if (!fired) {
        fired = true;
        onSignal(sig);
    } };
    process.on('SIGINT', h);
    process.on('SIGTERM', h);
    return () => { process.off('SIGINT', h); process.off('SIGTERM', h); };
};
//# sourceMappingURL=progress.js.map