/**
 * Point clouds from files, for `dataset` targets and initial particles (docs/model.md §1, §9): a matrix of
 * rows (points) x columns (coordinates) read from
 * - IDX (the MNIST format: magic 0x0000 TT NN, big-endian dimensions, then the data; ubyte, byte, short,
 *   int, float and double), raw or gzipped;
 * - NumPy .npy (format versions 1-3; little- or big-endian floats, ints and unsigned ints of 1-8 bytes;
 *   C or Fortran order), raw or gzipped (.npy.gz);
 * - CSV (numbers separated by commas or white space, one point per line; a first line that is not numbers
 *   is a header and skipped);
 * - JSON (an array of points, each an array of numbers).
 * Arrays of more than two dimensions are flattened per row (an image of 28 x 28 pixels is a point in 784
 * dimensions). Options: take rows offset .. offset + count, multiply by `scale`, then normalize: 'none',
 * { mean, std } (x -> (x - mean) / std, the same numbers for every coordinate), or 'standardize' (each
 * coordinate to mean 0 and std 1 over the rows taken; a constant coordinate becomes 0).
 * A bad file is a DataError naming the file and what is wrong (unknown format, wrong magic number,
 * truncated data, rows of unequal length, non-finite values, a slice beyond the data).
 *
 * Reads are cached per process (by path, size, modification time and options): a sweep builds one model per
 * cell from the same file.
 *
 * @example
 * loadPoints({ file: 'digits.npy', offset: 0, count: 100, scale: 1, normalize: 'none' });   // Right({ rows: 100, dim: 784, points })
 */
import * as E from 'fp-ts/lib/Either.js';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';

export type DataFormat = 'idx' | 'npy' | 'csv' | 'json';
export type Normalize = 'none' | 'standardize' | { readonly mean: number; readonly std: number };

export interface DataSpec {
  readonly file: string;
  /** Inferred from the file name when absent: .idx / -idxN-ubyte / .gz of those, .npy(.gz), .csv(.gz), .json. */
  readonly format?: DataFormat;
  readonly offset?: number;
  readonly count?: number;
  readonly scale?: number;
  readonly normalize?: Normalize;
}

export interface PointCloud {
  readonly rows: number;
  readonly dim: number;
  /** rows x dim, row-major. */
  readonly points: Float64Array;
}

export interface DataError {
  readonly _tag: 'DataError';
  readonly file: string;
  readonly message: string;
}

const dataError = (file: string, message: string): DataError => ({ _tag: 'DataError', file, message });

/** The format a file name implies, or undefined. */
export const formatOf = (file: string): DataFormat | undefined => {
  const f = file.toLowerCase().replace(/\.gz$/, '');
  if (f.endsWith('.npy')) return 'npy';
  if (f.endsWith('.csv') || f.endsWith('.txt')) return 'csv';
  if (f.endsWith('.json')) return 'json';
  if (f.endsWith('.idx') || /-idx\d-u?byte$/.test(f) || /\.idx\d-u?byte$/.test(f) || /-idx\d$/.test(f)) return 'idx';
  return undefined;
};

interface Raw { readonly shape: readonly number[]; readonly data: Float64Array }

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/** The whole file, gunzipped when it is gzip (by its magic bytes, whatever its name). */
const readBytes = (file: string): Uint8Array => {
  const b = readFileSync(file);
  return isGzip(b) ? gunzipSync(b) : b;
};

const IDX_TYPES: Record<number, { size: number; get: (v: DataView, o: number) => number }> = {
  0x08: { size: 1, get: (v, o) => v.getUint8(o) },
  0x09: { size: 1, get: (v, o) => v.getInt8(o) },
  0x0b: { size: 2, get: (v, o) => v.getInt16(o, false) },
  0x0c: { size: 4, get: (v, o) => v.getInt32(o, false) },
  0x0d: { size: 4, get: (v, o) => v.getFloat32(o, false) },
  0x0e: { size: 8, get: (v, o) => v.getFloat64(o, false) },
};

/** Random access to a file's bytes: raw files are read in part, gzipped ones decompressed once. */
interface ByteSource { readonly size: number; read(offset: number, length: number): Uint8Array; close(): void }

const openSource = (file: string): ByteSource => {
  const fd = openSync(file, 'r');
  const magic = new Uint8Array(2);
  readSync(fd, magic, 0, 2, 0);
  if (isGzip(magic)) {
    closeSync(fd);
    const bytes = gunzipSync(readFileSync(file));
    return { size: bytes.length, read: (o, n) => bytes.subarray(o, o + n), close: () => {} };
  }
  const size = statSync(file).size;
  return {
    size,
    read: (o, n) => { const b = new Uint8Array(Math.max(0, Math.min(n, size - o))); if (b.length) readSync(fd, b, 0, b.length, o); return b; },
    close: () => closeSync(fd),
  };
};

/** The IDX header: element type, shape, data offset; or why it is not one. */
const idxHeader = (src: ByteSource): E.Either<string, { type: number; shape: number[]; head: number }> => {
  const b = src.read(0, 4);
  if (b.length < 4) return E.left(`truncated: ${src.size} bytes, not even an IDX header`);
  const type = b[2], ndim = b[3];
  if (b[0] !== 0 || b[1] !== 0 || !IDX_TYPES[type] || ndim < 1) {
    const magic = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return E.left(`wrong magic number 0x${magic} for an IDX file (expected 0x0000TTNN: TT the data type 08/09/0b/0c/0d/0e, NN the number of dimensions)`);
  }
  const head = 4 + 4 * ndim;
  const dims = src.read(4, 4 * ndim);
  if (dims.length < 4 * ndim) return E.left(`truncated: the header needs ${head} bytes, the file has ${src.size}`);
  const v = new DataView(dims.buffer, dims.byteOffset, dims.byteLength);
  return E.right({ type, shape: Array.from({ length: ndim }, (_, k) => v.getUint32(4 * k, false)), head });
};

/** IDX rows [first, first + take): the header, then only those rows' bytes (raw files). */
const readIdx = (file: string, first: number, take: number | undefined): E.Either<string, { raw: Raw; total: number }> => {
  const src = openSource(file);
  try {
    const h = idxHeader(src);
    if (E.isLeft(h)) return h;
    const { type, shape, head } = h.right;
    const { size, get } = IDX_TYPES[type];
    const rowLen = shape.slice(1).reduce((a, b) => a * b, 1);
    const total = shape[0];
    if (src.size < head + total * rowLen * size) return E.left(`truncated: ${total} rows of ${rowLen} values need ${head + total * rowLen * size} bytes, the file has ${src.size}`);
    const n = take ?? Math.max(0, total - first);
    if (first + n > total) return E.right({ raw: { shape: [0], data: new Float64Array(0) }, total });
    const bytes = src.read(head + first * rowLen * size, n * rowLen * size);
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const data = new Float64Array(n * rowLen);
    if (type === 0x08) for (let i = 0; i < data.length; i++) data[i] = bytes[i];
    else for (let i = 0; i < data.length; i++) data[i] = get(v, i * size);
    return E.right({ raw: { shape: [n, ...shape.slice(1)], data }, total });
  } finally {
    src.close();
  }
};

/** The shape an IDX file's header declares (raw files: a few bytes read), or undefined when it is not one. */
const idxShape = (file: string): number[] | undefined => {
  const src = openSource(file);
  try {
    const h = idxHeader(src);
    return E.isRight(h) ? h.right.shape : undefined;
  } finally {
    src.close();
  }
};

const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

const readNpy = (bytes: Uint8Array): E.Either<string, Raw> => {
  if (bytes.length < 10 || NPY_MAGIC.some((m, k) => bytes[k] !== m)) return E.left('wrong magic number for a .npy file (expected \\x93NUMPY)');
  const major = bytes[6];
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hlen = major === 1 ? v.getUint16(8, true) : v.getUint32(8, true);
  const hstart = major === 1 ? 10 : 12;
  if (bytes.length < hstart + hlen) return E.left('truncated: the .npy header is cut short');
  const header = new TextDecoder(major >= 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(hstart, hstart + hlen));
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1] === 'True';
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!descr || shapeText === undefined) return E.left(`unreadable .npy header: ${header.trim()}`);
  const shape = shapeText.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  const m = /^([<>|=])([fiu])(\d)$/.exec(descr);
  if (!m) return E.left(`unsupported .npy dtype ${descr} (expected float, int or unsigned int of 1-8 bytes)`);
  const little = m[1] !== '>', kind = m[2], size = Number(m[3]);
  const get: ((o: number) => number) | undefined =
    kind === 'f' ? (size === 8 ? (o) => v.getFloat64(o, little) : size === 4 ? (o) => v.getFloat32(o, little) : undefined)
      : kind === 'i' ? (size === 1 ? (o) => v.getInt8(o) : size === 2 ? (o) => v.getInt16(o, little) : size === 4 ? (o) => v.getInt32(o, little) : size === 8 ? (o) => Number(v.getBigInt64(o, little)) : undefined)
        : (size === 1 ? (o) => v.getUint8(o) : size === 2 ? (o) => v.getUint16(o, little) : size === 4 ? (o) => v.getUint32(o, little) : size === 8 ? (o) => Number(v.getBigUint64(o, little)) : undefined);
  if (!get) return E.left(`unsupported .npy dtype ${descr}`);
  const count = shape.reduce((a, b) => a * b, 1);
  const start = hstart + hlen;
  if (bytes.length < start + count * size) return E.left(`truncated: shape (${shape.join(', ')}) of ${descr} needs ${count * size} data bytes, the file has ${bytes.length - start}`);
  const flat = new Float64Array(count);
  for (let i = 0; i < count; i++) flat[i] = get(start + i * size);
  if (!fortran || shape.length < 2) return E.right({ shape: shape.length ? shape : [1], data: flat });
  // Fortran order: index (i0, i1, ...) at i0 + s0 (i1 + s1 (...)); rewrite to C order.
  const data = new Float64Array(count);
  const strides = shape.map((_, k) => shape.slice(0, k).reduce((a, b) => a * b, 1));
  const idx = new Array<number>(shape.length).fill(0);
  for (let c = 0; c < count; c++) {
    let f = 0;
    for (let k = 0; k < shape.length; k++) f += idx[k] * strides[k];
    data[c] = flat[f];
    for (let k = shape.length - 1; k >= 0; k--) { if (++idx[k] < shape[k]) break; idx[k] = 0; }
  }
  return E.right({ shape, data });
};

const rowsToRaw = (rows: number[][], what: string): E.Either<string, Raw> => {
  if (rows.length === 0) return E.left(`no ${what} in the file`);
  const dim = rows[0].length;
  const bad = rows.findIndex((r) => r.length !== dim);
  if (bad >= 0) return E.left(`row ${bad + 1} has ${rows[bad].length} values, row 1 has ${dim}`);
  const data = new Float64Array(rows.length * dim);
  rows.forEach((r, i) => data.set(r, i * dim));
  return E.right({ shape: [rows.length, dim], data });
};

const readCsv = (bytes: Uint8Array): E.Either<string, Raw> => {
  const lines = new TextDecoder().decode(bytes).split(/\r?\n/).filter((l) => l.trim() !== '');
  const parse = (l: string) => l.trim().split(/[\s,;]+/).map(Number);
  const start = lines.length > 0 && parse(lines[0]).some((x) => Number.isNaN(x)) ? 1 : 0;
  const rows: number[][] = [];
  for (let k = start; k < lines.length; k++) {
    const r = parse(lines[k]);
    const bad = r.findIndex((x) => Number.isNaN(x));
    if (bad >= 0) return E.left(`line ${k + 1}, value ${bad + 1} is not a number (${JSON.stringify(lines[k].trim().split(/[\s,;]+/)[bad])})`);
    rows.push(r);
  }
  return rowsToRaw(rows, 'rows');
};

const readJsonPoints = (bytes: Uint8Array): E.Either<string, Raw> => {
  let v: unknown;
  try { v = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')); } catch (e) { return E.left(`not valid JSON: ${(e as Error).message}`); }
  const points = Array.isArray(v) ? v : v !== null && typeof v === 'object' && Array.isArray((v as { particles?: unknown }).particles) ? (v as { particles: unknown[] }).particles : undefined;
  if (!points || !points.every((p) => Array.isArray(p) && p.every((x) => typeof x === 'number'))) return E.left('expected an array of points, each an array of numbers (or an object with such a "particles" array, as egan run writes in final.json)');
  return rowsToRaw(points as number[][], 'points');
};

const cache = new Map<string, E.Either<DataError, PointCloud>>();

/** The normalization's effect on a matrix of rows x dim, in place. */
const normalizeRows = (x: Float64Array, rows: number, dim: number, n: Normalize): void => {
  if (n === 'none') return;
  if (n !== 'standardize') { for (let i = 0; i < x.length; i++) x[i] = (x[i] - n.mean) / n.std; return; }
  for (let k = 0; k < dim; k++) {
    let s = 0;
    for (let i = 0; i < rows; i++) s += x[i * dim + k];
    const mean = s / rows;
    let ss = 0;
    for (let i = 0; i < rows; i++) ss += (x[i * dim + k] - mean) ** 2;
    const sd = Math.sqrt(ss / rows);
    for (let i = 0; i < rows; i++) x[i * dim + k] = sd > 0 ? (x[i * dim + k] - mean) / sd : 0;
  }
};

/** Read points from a file (see the module's doc). Right(rows x dim points) or Left(DataError). */
export const loadPoints = (spec: DataSpec): E.Either<DataError, PointCloud> => {
  const file = resolve(spec.file);
  let st;
  try { st = statSync(file); } catch (e) { return E.left(dataError(spec.file, `cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`)); }
  if (!st.isFile()) return E.left(dataError(spec.file, 'not a file'));
  const offset = spec.offset ?? 0, scale = spec.scale ?? 1, normalize = spec.normalize ?? 'none';
  const key = JSON.stringify([file, st.size, st.mtimeMs, spec.format, offset, spec.count, scale, normalize]);
  const hit = cache.get(key);
  if (hit) return hit;
  const format = spec.format ?? formatOf(file);
  const result = ((): E.Either<DataError, PointCloud> => {
    if (!format) return E.left(dataError(spec.file, 'unknown format: name it .npy, .csv, .json or .idx (or an MNIST IDX name such as train-images-idx3-ubyte, optionally .gz), or set "format"'));
    let raw: E.Either<string, Raw>;
    let total: number | undefined;
    try {
      if (format === 'idx') {
        const r = readIdx(file, offset, spec.count);
        raw = E.map((x: { raw: Raw; total: number }) => { total = x.total; return x.raw; })(r);
      } else {
        const bytes = readBytes(file);
        raw = format === 'npy' ? readNpy(bytes) : format === 'csv' ? readCsv(bytes) : readJsonPoints(bytes);
      }
    } catch (e) {
      return E.left(dataError(spec.file, `cannot read it: ${(e as Error).message}`));
    }
    if (E.isLeft(raw)) return E.left(dataError(spec.file, raw.left));
    const { shape, data } = raw.right;
    const all = total ?? shape[0];
    const dim = shape.slice(1).reduce((a, b) => a * b, 1);
    const count = spec.count ?? all - offset;
    if (offset + count > all || count < 1) return E.left(dataError(spec.file, `rows ${offset} .. ${offset + count - 1} asked for, the file has ${all} (0 .. ${all - 1})`));
    // IDX was read in part already; the other formats hold every row.
    const first = format === 'idx' ? 0 : offset;
    const points = new Float64Array(count * dim);
    for (let i = 0; i < count * dim; i++) points[i] = data[first * dim + i] * scale;
    for (let i = 0; i < points.length; i++) {
      if (!Number.isFinite(points[i])) return E.left(dataError(spec.file, `row ${offset + Math.floor(i / dim)}, coordinate ${i % dim} is ${points[i]}; every value must be finite`));
    }
    normalizeRows(points, count, dim, normalize);
    return E.right({ rows: count, dim, points });
  })();
  cache.set(key, result);
  return result;
};

/** The number of rows and the dimension of a file's points, from its header where the format has one (IDX, .npy). */
export const pointsShape = (spec: DataSpec): E.Either<DataError, { rows: number; dim: number }> => {
  const format = spec.format ?? formatOf(spec.file);
  if (format === 'idx') {
    try {
      const shape = idxShape(resolve(spec.file));
      if (shape) return E.right({ rows: shape[0], dim: shape.slice(1).reduce((a, b) => a * b, 1) });
    } catch { /* fall through to a full read, which names the problem */ }
  }
  return E.map((p: PointCloud) => ({ rows: p.rows, dim: p.dim }))(loadPoints(spec));
};
