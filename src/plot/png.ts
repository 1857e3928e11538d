/**
 * A minimal PNG encoder for 8-bit grayscale images (zlib from Node), so that particles of image-shaped data
 * (28 x 28 MNIST digits) can be drawn as pictures inside an SVG (vega's image mark with a data: URL),
 * headless and without a canvas.
 *
 * @example
 * grayPngDataUrl(28, 28, pixels);   // "data:image/png;base64,iVBORw0..."
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

const crc32 = (b: Uint8Array): number => {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

const chunk = (type: string, data: Buffer): Buffer => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** PNG bytes of a w x h grayscale image (row-major, 0 black .. 255 white). */
export const grayPng = (w: number, h: number, gray: ArrayLike<number>): Uint8Array => {
  if (gray.length !== w * h) throw new RangeError(`grayPng: ${gray.length} pixels for a ${w} x ${h} image`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth; colour type 0 (grayscale), deflate, no filter, no interlace
  const raw = Buffer.alloc((w + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw[y * (w + 1) + 1 + x] = gray[y * w + x];
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
};

/** The same as a data: URL for an SVG image element. */
export const grayPngDataUrl = (w: number, h: number, gray: ArrayLike<number>): string => `data:image/png;base64,${Buffer.from(grayPng(w, h, gray)).toString('base64')}`;

/**
 * A vector of d = side² values as 8-bit gray, mapped linearly from [lo, hi] (clamped), so that particles and
 * the data they are compared with share one scale.
 */
export const toGray = (v: ArrayLike<number>, lo: number, hi: number): Uint8Array => {
  const out = new Uint8Array(v.length);
  const s = hi > lo ? 255 / (hi - lo) : 0;
  for (let i = 0; i < v.length; i++) out[i] = Math.max(0, Math.min(255, Math.round((v[i] - lo) * s)));
  return out;
};
