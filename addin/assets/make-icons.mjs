// Draws the add-in's ribbon and manifest icons (16, 32, 64, 80 px PNGs): a green tile with a white
// sheet and a check mark. Run `node addin/assets/make-icons.mjs` after changing the drawing; the
// PNGs are committed so the manifest's icons exist in a fresh clone.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const GREEN = [31, 110, 67];
const WHITE = [255, 255, 255];
const LINE = [170, 200, 182];

/** Colour at a point of the unit square (0..1), or null for transparent. */
function paint(x, y) {
  const r = 0.16;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null; // rounded corners
  // check mark: two thick strokes
  const dist = (px, py, ax, ay, bx, by) => {
    const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
  };
  if (Math.min(dist(x, y, 0.42, 0.62, 0.55, 0.76), dist(x, y, 0.55, 0.76, 0.84, 0.40)) < 0.065) return GREEN;
  if (x > 0.2 && x < 0.8 && y > 0.2 && y < 0.8) {
    if (Math.min(dist(x, y, 0.42, 0.62, 0.55, 0.76), dist(x, y, 0.55, 0.76, 0.84, 0.40)) < 0.11) return WHITE;
    const rowLine = [0.35, 0.5, 0.65].some((l) => Math.abs(y - l) < 0.018);
    const colLine = Math.abs(x - 0.38) < 0.018;
    return rowLine || colLine ? LINE : WHITE;
  }
  if (Math.min(dist(x, y, 0.42, 0.62, 0.55, 0.76), dist(x, y, 0.55, 0.76, 0.84, 0.40)) < 0.11) return WHITE;
  return GREEN;
}

function png(size) {
  const ss = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = paint((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a++;
        }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / (ss * ss)) * 255);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const here = dirname(fileURLToPath(import.meta.url));
for (const size of [16, 32, 64, 80]) writeFileSync(join(here, `icon-${size}.png`), png(size));
console.log('icons written to', here);
