import { afterEach, describe, expect, it, vi } from 'vitest';
import { cellProgress, progressBar } from '../../src/cli/progress.ts';

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

describe('cellProgress (a sweep of long cells)', () => {
  it('counts finished cells whole and running ones by the fraction of their span done, clamped to [0, 1]', () => {
    const p = cellProgress(3);
    expect(p.value()).toBe(3);
    p.set('a', 0.25);
    p.set('b', 0.5);
    expect(p.value()).toBe(3.75);
    p.set('a', 0.75); // replaced, not added
    expect(p.value()).toBe(4.25);
    p.finish('a');
    expect(p.value()).toBe(4.5);
    p.set('b', 1.2); // a last progress report past t1 counts as the whole cell, not more
    expect(p.value()).toBe(5);
    p.finish('b');
    p.finish('c'); // a cell recorded without any progress report (a fast or crashed one)
    expect(p.value()).toBe(6);
  });

  it('shows a sweep of one long cell moving while the cell runs (the line a log gets every 5 s)', () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { lines.push(String(s)); return true; });
    const bar = progressBar(2, 'egan sweep');
    const p = cellProgress(0);
    bar.update(p.value());
    vi.setSystemTime(6000);
    p.set('cell', 0.3);
    bar.update(p.value());
    expect(lines).toEqual(['egan sweep: 0.3/2 (15%, 6 s, ETA 34 s)\n']);
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
});
