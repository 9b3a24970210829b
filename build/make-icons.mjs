#!/usr/bin/env node
/**
 * Draws Crossing's icon (an arrow crossing a dashed border) and writes every size the packagers need:
 * build/icon.png (1024), build/icons/<n>x<n>.png (Linux), build/icon.ico (Windows), build/icon.icns (macOS).
 * Plain Node, no image library: shapes are signed-distance functions, edges antialiased by coverage.
 * Run it again only when the drawing changes; its output is committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

const BACKGROUND = [29, 53, 87];
const BORDER = [244, 162, 97];
const ARROW = [241, 250, 238];

const length = (x, y) => Math.hypot(x, y);
const roundedSquare = (x, y, half, radius) => {
  const qx = Math.abs(x) - half + radius;
  const qy = Math.abs(y) - half + radius;
  return length(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
};
const segment = (x, y, ax, ay, bx, by, width) => {
  const [px, py, dx, dy] = [x - ax, y - ay, bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return length(px - dx * t, py - dy * t) - width / 2;
};
/** Arrowhead pointing right: tip at (tipX, 0), base at baseX, half height h. */
const arrowHead = (x, y, baseX, tipX, h) => {
  const slope = h / (tipX - baseX);
  const edge = (Math.abs(y) - slope * (tipX - x)) / Math.hypot(1, slope);
  return Math.max(baseX - x, edge);
};
const dashedBorder = (x, y) => {
  const period = 0.16;
  const inDash = (((y + 0.04) % period) + period) % period < period * 0.55;
  const d = segment(x, y, 0.08, -0.34, 0.08, 0.34, 0.05);
  return inDash ? d : Math.max(d, 0.01);
};

/** Colour of one pixel centre in [-0.5, 0.5]²: the layers painted back to front. */
function shade(x, y, pixel) {
  const cover = (d) => Math.max(0, Math.min(1, 0.5 - d / pixel));
  const layers = [
    [BACKGROUND, cover(roundedSquare(x, y, 0.45, 0.1))],
    [BORDER, cover(dashedBorder(x, y))],
    [ARROW, cover(Math.min(segment(x, y, -0.3, 0.02, 0.14, 0.02, 0.09), arrowHead(x, y - 0.02, 0.1, 0.32, 0.16)))],
  ];
  // Premultiplied "over", then back to straight colour for PNG.
  let [r, g, b, a] = [0, 0, 0, 0];
  for (const [[cr, cg, cb], alpha] of layers) {
    [r, g, b, a] = [
      cr * alpha + r * (1 - alpha),
      cg * alpha + g * (1 - alpha),
      cb * alpha + b * (1 - alpha),
      alpha + a * (1 - alpha),
    ];
  }
  return a === 0 ? [0, 0, 0, 0] : [r / a, g / a, b / a, a * 255].map((v) => Math.round(Math.min(255, v)));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

export function renderPng(size) {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    rows[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const rgba = shade((px + 0.5) / size - 0.5, (py + 0.5) / size - 0.5, 1 / size);
      rows.set(rgba, py * (size * 4 + 1) + 1 + px * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Windows .ico holding PNG images (Vista and later read PNG entries). */
export function ico(images) {
  const head = Buffer.alloc(6 + 16 * images.length);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach(([size, png], i) => {
    const entry = 6 + 16 * i;
    head[entry] = size >= 256 ? 0 : size;
    head[entry + 1] = size >= 256 ? 0 : size;
    head.writeUInt16LE(1, entry + 4);
    head.writeUInt16LE(32, entry + 6);
    head.writeUInt32LE(png.length, entry + 8);
    head.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([head, ...images.map(([, png]) => png)]);
}

/** macOS .icns holding PNG images under their type codes. */
export function icns(images) {
  const parts = images.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = new URL('.', import.meta.url);
  const png = Object.fromEntries([16, 32, 48, 64, 128, 256, 512, 1024].map((size) => [size, renderPng(size)]));
  mkdirSync(new URL('icons/', dir), { recursive: true });
  for (const size of [16, 32, 48, 64, 128, 256, 512])
    writeFileSync(new URL(`icons/${size}x${size}.png`, dir), png[size]);
  writeFileSync(new URL('icon.png', dir), png[1024]);
  writeFileSync(new URL('icon.ico', dir), ico([16, 32, 48, 64, 128, 256].map((size) => [size, png[size]])));
  writeFileSync(
    new URL('icon.icns', dir),
    icns([
      ['icp4', png[16]],
      ['icp5', png[32]],
      ['ic07', png[128]],
      ['ic08', png[256]],
      ['ic09', png[512]],
      ['ic10', png[1024]],
    ]),
  );
  console.log('icons written to build/');
}
