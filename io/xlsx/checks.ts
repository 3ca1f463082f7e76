/**
 * Byte checks every part read goes through, whichever inflater and decoder a host uses, so that a file
 * is accepted or refused alike by every command and host: the CRC-32 the ZIP directory records for the
 * part (a flipped byte in a stored part, or deflate data that still inflates, is caught here), and
 * UTF-8 validity (invalid bytes would otherwise turn into U+FFFD inside a unit's name).
 * Plain TypeScript with no Node built-ins; a host may hand in native versions of both (Node's
 * `zlib.crc32` and `buffer.isUtf8`), which must give the same answers (tested).
 */

/** CRC-32 (ISO-HDLC, as ZIP uses) of the bytes. */
export type Crc32 = (bytes: Uint8Array) => number;
/** Whether the bytes are well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF). */
export type IsUtf8 = (bytes: Uint8Array) => boolean;

let table: Int32Array | null = null;

function crcTable(): Int32Array {
  if (table) return table;
  table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
}

/** `crc32(new TextEncoder().encode('123456789'))` → 0xcbf43926. */
export const crc32: Crc32 = (bytes) => {
  const t = crcTable();
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};

/** The strict UTF-8 of the WHATWG decoder with `fatal: true`, byte by byte (ASCII runs skipped fast). */
export const isUtf8: IsUtf8 = (b) => {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const x = b[i];
    if (x < 0x80) { i++; continue; }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (x >= 0xc2 && x <= 0xdf) need = 1;
    else if (x >= 0xe0 && x <= 0xef) {
      need = 2;
      if (x === 0xe0) lower = 0xa0;
      if (x === 0xed) upper = 0x9f;
    } else if (x >= 0xf0 && x <= 0xf4) {
      need = 3;
      if (x === 0xf0) lower = 0x90;
      if (x === 0xf4) upper = 0x8f;
    } else return false;
    if (i + need >= n) return false;
    const y = b[i + 1];
    if (y < lower || y > upper) return false;
    for (let k = 2; k <= need; k++) {
      const z = b[i + k];
      if (z < 0x80 || z > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
};
