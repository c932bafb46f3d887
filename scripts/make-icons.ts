/**
 * Draws the toolbar and store icons (assets/icons/icon-<size>.png) from a few
 * shapes, so the artwork is reproducible without an image editor.
 * Usage: npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
/** A shape is a signed distance function over the unit square (negative inside). */
type Shape = { sdf: (x: number, y: number) => number; color: Rgba };

const roundedRect = (cx: number, cy: number, hw: number, hh: number, r: number) => (x: number, y: number) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (cx: number, cy: number, r: number) => (x: number, y: number) => Math.hypot(x - cx, y - cy) - r;
const capsule = (ax: number, ay: number, bx: number, by: number, r: number) => (x: number, y: number) => {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * h, py - dy * h) - r;
};
const union =
  (...fs: ((x: number, y: number) => number)[]) =>
  (x: number, y: number) =>
    Math.min(...fs.map((f) => f(x, y)));

const NAVY: Rgba = [24, 48, 84, 255];
const AMBER: Rgba = [255, 196, 46, 255];
const WHITE: Rgba = [255, 255, 255, 255];

/** A closing quote mark: a dot with a tail falling to the lower left, like a comma. */
const quoteMark = (cx: number, cy: number, s: number) =>
  union(circle(cx, cy, s), capsule(cx + s * 0.7, cy + s * 0.2, cx - s * 0.55, cy + s * 1.9, s * 0.4));

const shapes: Shape[] = [
  { sdf: roundedRect(0.5, 0.5, 0.47, 0.47, 0.16), color: NAVY },
  { sdf: capsule(0.2, 0.74, 0.8, 0.74, 0.085), color: AMBER },
  { sdf: union(quoteMark(0.38, 0.34, 0.11), quoteMark(0.64, 0.34, 0.11)), color: WHITE },
];

function render(size: number): Buffer {
  const ss = 4; // supersampling per axis
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const u = (x + (sx + 0.5) / ss) / size;
          const v = (y + (sy + 0.5) / ss) / size;
          let c: Rgba = [0, 0, 0, 0];
          for (const s of shapes) if (s.sdf(u, v) <= 0) c = s.color;
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (y * size + x) * 4;
      px[i] = a ? Math.round(r / a) : 0;
      px[i + 1] = a ? Math.round(g / a) : 0;
      px[i + 2] = a ? Math.round(b / a) : 0;
      px[i + 3] = Math.round(a / (ss * ss));
    }
  }
  return encodePng(size, size, px);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function encodePng(w: number, h: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) rgba.copy(raw, y * (w * 4 + 1) + 1, y * w * 4, (y + 1) * w * 4);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 128]) writeFileSync(`assets/icons/icon-${size}.png`, render(size));
console.log('icons written to assets/icons/');
