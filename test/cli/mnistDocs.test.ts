/**
 * docs/mnist, the MNIST phase diagram committed with the package, is what the README's commands make of its
 * results: `egan merge ... --sweep examples/sweep-mnist.json` gives back the committed cells.csv and results.jsonl
 * byte for byte (so every cell is a cell of that sweep, with its key, and none is listed twice), `egan phase` with
 * the README's metrics gives back phase.svg, and the README's status counts the cells that are there.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { egan } from '../helpers/cli.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const docs = join(root, 'docs', 'mnist');
const read = (p: string) => readFileSync(p, 'utf8');

describe('docs/mnist', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'egan-mnist-docs-')), 'merged');

  it('comes back byte for byte from egan merge against the sweep it documents', () => {
    const r = egan(['merge', docs, '--out', out, '--sweep', join(root, 'examples', 'sweep-mnist.json')]);
    expect(r.stderr).toBe('');
    const committed = JSON.parse(read(join(docs, 'summary.json')));
    // Exit 1 and the missing cells listed while the grid has gaps (the README's status says how many).
    expect(r.status).toBe(committed.complete ? 0 : 1);
    expect(r.stdout).toContain(committed.complete ? 'no cell missing' : `missing cells: ${committed.missing.join(', ')}`);
    expect(read(join(out, 'results.jsonl'))).toBe(read(join(docs, 'results.jsonl')));
    expect(read(join(out, 'cells.csv'))).toBe(read(join(docs, 'cells.csv')));
    const merged = JSON.parse(read(join(out, 'summary.json')));
    expect(merged.conflicts).toEqual([]);
    expect(merged.duplicates).toEqual([]);
    expect({ cells: merged.cells, complete: merged.complete, missing: merged.missing }).toEqual({ cells: committed.cells, complete: committed.complete, missing: committed.missing });
    const header = read(join(docs, 'cells.csv')).split('\n')[0]!.split(',');
    for (const c of ['g2g1', 'etaDetaG', 'digitsHit', 'entropyGap', 'meanNearestDistance']) expect(header).toContain(c);
  });

  it('has the phase diagram egan phase draws with the README\'s metrics, and the README counts its cells', () => {
    const readme = read(join(root, 'README.md'));
    const cmd = /egan\.js phase docs\/mnist --metric ([\w,]+)/.exec(readme);
    expect(cmd).not.toBeNull();
    const svg = join(out, '..', 'phase.svg');
    const r = egan(['phase', out, '--metric', cmd![1]!, '--out', svg]);
    expect(r.status).toBe(0);
    expect(read(svg)).toBe(read(join(docs, 'phase.svg')));
    const rows = read(join(docs, 'cells.csv')).trim().split('\n').length - 1;
    const status = /Status: (\d+) of the 130 cells are done/.exec(readme);
    if (status) expect(Number(status[1])).toBe(rows);
    else expect(rows).toBe(130);
  });
});
