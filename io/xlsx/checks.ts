/**
 * Byte checks every part read goes through, whichever inflater and decoder a host uses, so that a file
 * is accepted or refused alike by every command and host: the CRC-32 the ZIP directory records for the
 * part (a flipped byte in a stored part, or deflate data that still inflates, is caught here), and
 * UTF-8 validity (invalid bytes would otherwise turn into U+FFFD inside a unit's name).
 * Plain TypeScript with no Node built-ins; a host may hand in native versions of both (Node's
 * `zlib.crc32` and `buffer.isUtf8`), which must give the same answers (tested).
 */

/**
 * CRC-32 (ISO-HDLC, as ZIP uses) of the bytes; with `previous`, the CRC-32 of the bytes that gave
 * `previous` followed by these (a part checked piece by piece).
 */
export type Crc32 = (bytes: Uint8Array, previous?: number) => number;
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
export const crc32: Crc32 = (bytes, previous = 0) => {
  const t = crcTable();
  let c = previous ^ -1;
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

/** Bytes a UTF-8 sequence led by `b` takes; 1 for ASCII and for bytes that cannot lead one. */
function sequenceLength(b: number): number {
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 1;
}

/**
 * UTF-8 validity of bytes handed in pieces cut anywhere (a part inflated piece by piece): `end()`
 * says what `check` says of all the pieces joined. A character cut by a piece's end is held back (at
 * most three bytes) and checked whole with the next piece's first bytes.
 */
export class Utf8Pieces {
  private readonly carry = new Uint8Array(4);
  private carried = 0;
  private valid = true;

  constructor(private readonly check: IsUtf8) {}

  push(piece: Uint8Array): void {
    if (!this.valid) return;
    let start = 0;
    if (this.carried > 0) {
      const need = sequenceLength(this.carry[0]);
      const take = Math.min(need - this.carried, piece.length);
      this.carry.set(piece.subarray(0, take), this.carried);
      this.carried += take;
      start = take;
      if (this.carried < need) return;
      this.carried = 0;
      if (!this.check(this.carry.subarray(0, need))) { this.valid = false; return; }
    }
    let cut = piece.length;
    for (let k = 1; k <= 3 && piece.length - k >= start; k++) {
      const b = piece[piece.length - k];
      if (b < 0x80) break;
      if (b >= 0xc0) {
        if (sequenceLength(b) > k) cut = piece.length - k;
        break;
      }
    }
    if (!this.check(piece.subarray(start, cut))) { this.valid = false; return; }
    this.carry.set(piece.subarray(cut), 0);
    this.carried = piece.length - cut;
  }

  /** Whether every piece pushed, joined, is well-formed UTF-8 (a character cut at the very end is not). */
  end(): boolean {
    return this.valid && this.carried === 0;
  }
}
