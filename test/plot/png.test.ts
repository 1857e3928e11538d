/**
 * The PNG encoder writes files a PNG reader accepts: signature, IHDR with the size and 8-bit grayscale,
 * IDAT that inflates to the pixels row by row (filter byte 0), and every chunk's CRC-32 (checked against
 * the fixed CRC of IEND, AE 42 60 82, and a table-free bitwise CRC written here).
 */
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { grayPng, grayPngDataUrl, toGray } from '../../src/index.ts';

const crcBitwise = (b: Uint8Array) => {
  let c = 0xffffffff;
  for (const x of b) { c ^= x; for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1; }
  return (c ^ 0xffffffff) >>> 0;
};

const chunks = (bytes: Uint8Array) => {
  const png = Buffer.from(bytes);
  const out: { type: string; data: Buffer; crc: number; crcOk: boolean }[] = [];
  for (let p = 8; p < png.length;) {
    const len = png.readUInt32BE(p), type = png.toString('ascii', p + 4, p + 8), data = png.subarray(p + 8, p + 8 + len), crc = png.readUInt32BE(p + 8 + len);
    out.push({ type, data, crc, crcOk: crcBitwise(png.subarray(p + 4, p + 8 + len)) === crc });
    p += 12 + len;
  }
  return out;
};

describe('grayPng', () => {
  it('encodes a 5 x 3 grayscale image that decodes to the same pixels', () => {
    const px = Uint8Array.from({ length: 15 }, (_, i) => (i * 17) % 256);
    const png = grayPng(5, 3, px);
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const cs = chunks(png);
    expect(cs.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(cs.every((c) => c.crcOk)).toBe(true);
    expect(cs[2].crc).toBe(0xae426082);
    expect(cs[0].data.readUInt32BE(0)).toBe(5);
    expect(cs[0].data.readUInt32BE(4)).toBe(3);
    expect([cs[0].data[8], cs[0].data[9]]).toEqual([8, 0]);
    const raw = inflateSync(cs[1].data);
    expect(raw.length).toBe(3 * 6);
    for (let y = 0; y < 3; y++) {
      expect(raw[y * 6]).toBe(0);
      expect([...raw.subarray(y * 6 + 1, y * 6 + 6)]).toEqual([...px.subarray(y * 5, y * 5 + 5)]);
    }
    expect(grayPngDataUrl(5, 3, px)).toBe(`data:image/png;base64,${Buffer.from(png).toString('base64')}`);
    expect(() => grayPng(4, 4, px)).toThrow(/15 pixels for a 4 x 4 image/);
  });

  it('toGray maps [lo, hi] linearly onto 0..255 and clamps outside', () => {
    expect([...toGray([-1, 0, 0.5, 1, 2], 0, 1)]).toEqual([0, 0, 128, 255, 255]);
  });
});
