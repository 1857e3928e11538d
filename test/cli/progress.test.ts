import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressBar } from '../../src/cli/progress.ts';

describe('progressBar without a terminal', () => {
  afterEach(() => { vi.useRealTimers(); vi.restoreAllMocks(); });

  const capture = () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { lines.push(String(s)); return true; });
    return lines;
  };

  it('prints value/total, elapsed time and an ETA from the rate since its first update, at most every 5 s', () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const lines = capture();
    const bar = progressBar(10, 'egan sweep');
    bar.update(4); // a resumed sweep: 4 cells were done before, they are not speed
    vi.setSystemTime(3000);
    bar.update(5); // within 5 s of the start: nothing printed
    expect(lines).toEqual([]);
    vi.setSystemTime(20_000);
    bar.update(6); // 2 cells in 20 s: 10 s per cell, 4 left
    expect(lines).toEqual(['egan sweep: 6/10 (60%, 20 s, ETA 40 s)\n']);
  });

  it('gives no ETA before anything has moved', () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const lines = capture();
    const bar = progressBar(100, 'egan run');
    bar.update(0);
    vi.setSystemTime(6000);
    bar.update(0);
    expect(lines).toEqual(['egan run: 0/100 (0%, 6 s)\n']);
  });
});
