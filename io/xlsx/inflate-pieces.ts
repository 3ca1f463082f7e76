/**
 * Raw DEFLATE (RFC 1951) inflated in bounded pieces, in constant memory: one window buffer of the
 * 32 KB history plus one piece, and small Huffman tables. A part of tens of megabytes is read without
 * its inflated bytes ever being held at once (Node's zlib has no synchronous streaming call, and
 * fflate's streaming Inflate grows its buffers with the output).
 *
 * Decoding is table-driven: a 10-bit primary table for literal/length codes and an 8-bit one for
 * distance codes, with second-level tables for longer codes, read from a bit buffer of up to 31 bits.
 * Table entries carry the decoded value directly (literal byte, length or distance base and its
 * number of extra bits).
 *
 * Verdicts are zlib's (tested on hand-made malformed blocks, damaged and random streams): what zlib
 * refuses throws (with messages of our own), bytes after the final block are ignored as Node's
 * zlib.inflateRawSync ignores them. Output past the cap returns null, found when the piece that passes
 * it is complete (so at most 64 KB past the cap are inflated, none handed out).
 */

/** Output pieces are at most this many bytes. */
export const INFLATE_PIECE_BYTES = 64 * 1024;

const HISTORY = 32 * 1024;
const WINDOW = HISTORY + INFLATE_PIECE_BYTES;
/** The longest match: a piece is handed out before a symbol could carry it past its bound. */
const MAX_MATCH = 258;
/** Matches at least this long are copied with copyWithin/fill rather than byte by byte. */
const COPY_CALL_MIN = 16;

/*
 * Table entry layout (Int32): bits 0-3 code length (or, for a link, the index bits of the second-level
 * table); bits 4-7 kind; bits 8-11 extra bits; bits 16-30 value (literal byte, length or distance base,
 * or the offset of a second-level table).
 */
const LITERAL = 0x00;
const LENGTH = 0x10;
const END = 0x20;
const INVALID = 0x30;
const LINK = 0x40;
const KIND = 0xf0;

const LIT_ROOT = 10;
const DIST_ROOT = 8;
const MAX_BITS = 15;
/** Primary table plus at most one 2^(15 - root) second-level table per symbol: a loose but sure bound. */
const LIT_TABLE_SIZE = (1 << LIT_ROOT) + 288 * (1 << (MAX_BITS - LIT_ROOT));
const DIST_TABLE_SIZE = (1 << DIST_ROOT) + 32 * (1 << (MAX_BITS - DIST_ROOT));

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
  8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** Order in which the code length code lengths are stored. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

type SymbolKind = 'lit' | 'dist' | 'codelen';

function entryFor(kind: SymbolKind, sym: number, len: number): number {
  if (kind === 'codelen') return (sym << 16) | LITERAL | len;
  if (kind === 'dist') return sym < 30 ? (DIST_BASE[sym] << 16) | (DIST_EXTRA[sym] << 8) | LITERAL | len : INVALID | len;
  if (sym < 256) return (sym << 16) | LITERAL | len;
  if (sym === 256) return END | len;
  if (sym < 286) return (LENGTH_BASE[sym - 257] << 16) | (LENGTH_EXTRA[sym - 257] << 8) | LENGTH | len;
  return INVALID | len;
}

// Scratch for building tables; building never calls out, so sharing it is safe.
const count = new Uint16Array(MAX_BITS + 1);
const offsets = new Uint16Array(MAX_BITS + 2);
const sorted = new Uint16Array(320);

/**
 * Fills `table` with the lookup entries for the canonical Huffman code of `lens[start..start+n)`;
 * returns the primary table's index bits. Throws on an over-subscribed code and on an incomplete one,
 * except (as zlib allows) a literal/length or distance code of a single one-bit code, whose other half
 * decodes as invalid.
 */
function buildTable(lens: Uint8Array, start: number, n: number, table: Int32Array, root: number, kind: SymbolKind): number {
  count.fill(0);
  for (let s = 0; s < n; s++) count[lens[start + s]]++;
  let max = MAX_BITS;
  while (max > 0 && count[max] === 0) max--;
  if (max === 0) {
    // No codes at all (allowed for distances when a block has no matches): any lookup is invalid.
    if (kind === 'codelen') throw new Error('invalid deflate data: empty code lengths code');
    table[0] = INVALID | 1;
    table[1] = INVALID | 1;
    return 1;
  }
  let left = 1;
  for (let len = 1; len <= MAX_BITS; len++) {
    left = (left << 1) - count[len];
    if (left < 0) throw new Error('invalid deflate data: over-subscribed ' + kind + ' code');
  }
  if (left > 0 && (kind === 'codelen' || max !== 1)) throw new Error('invalid deflate data: incomplete ' + kind + ' code');

  offsets[1] = 0;
  for (let len = 1; len < MAX_BITS; len++) offsets[len + 1] = offsets[len] + count[len];
  for (let s = 0; s < n; s++) {
    const len = lens[start + s];
    if (len !== 0) sorted[offsets[len]++] = s;
  }
  const codes = n - count[0];
  if (root > max) root = max;
  const rootSize = 1 << root;
  if (left > 0) for (let i = 0; i < rootSize; i++) table[i] = INVALID | 1;

  // Codes in canonical order; `huff` is the current code bit-reversed (the stream is read from the
  // low bit), incremented in reversed order.
  let huff = 0;
  let next = rootSize;
  let low = -1;
  let subStart = 0;
  let subBits = 0;
  for (let i = 0; i < codes; i++) {
    const sym = sorted[i];
    const len = lens[start + sym];
    const entry = entryFor(kind, sym, len);
    if (len <= root) {
      for (let k = huff; k < rootSize; k += 1 << len) table[k] = entry;
    } else {
      const prefix = huff & (rootSize - 1);
      if (prefix !== low) {
        // A new second-level table, as wide as the codes under this prefix need (zlib's sizing).
        let curr = len - root;
        let room = 1 << curr;
        while (curr + root < max) {
          room -= count[curr + root];
          if (room <= 0) break;
          curr++;
          room <<= 1;
        }
        subStart = next;
        subBits = curr;
        next += 1 << curr;
        table[prefix] = (subStart << 16) | LINK | subBits;
        low = prefix;
      }
      for (let k = huff >>> root; k < 1 << subBits; k += 1 << (len - root)) table[subStart + k] = entry;
    }
    count[len]--;
    let incr = 1 << (len - 1);
    while (huff & incr) incr >>>= 1;
    huff = incr !== 0 ? (huff & (incr - 1)) + incr : 0;
  }
  return root;
}

let fixedLit: Int32Array | undefined;
let fixedDist: Int32Array | undefined;
const FIXED_LIT_BITS = 9;
const FIXED_DIST_BITS = 5;

function buildFixed(): void {
  const lens = new Uint8Array(288 + 32);
  for (let i = 0; i < 144; i++) lens[i] = 8;
  for (let i = 144; i < 256; i++) lens[i] = 9;
  for (let i = 256; i < 280; i++) lens[i] = 7;
  for (let i = 280; i < 288; i++) lens[i] = 8;
  for (let i = 288; i < 320; i++) lens[i] = 5;
  fixedLit = new Int32Array(1 << FIXED_LIT_BITS);
  fixedDist = new Int32Array(1 << FIXED_DIST_BITS);
  buildTable(lens, 0, 288, fixedLit, FIXED_LIT_BITS, 'lit');
  buildTable(lens, 288, 32, fixedDist, FIXED_DIST_BITS, 'dist');
}

/** Where decoding stands between calls of decodeSymbols. */
interface DecodeState {
  inPos: number;
  bitBuf: number;
  bitCount: number;
  pos: number;
}

/**
 * Decodes one block's symbols into `win` until its end code (returns true) or until the write position
 * passes `limit` (returns false: the caller hands out a piece and calls again). Kept apart from the
 * block headers and the handing out so that it is compiled small and early.
 */
function decodeSymbols(
  data: Uint8Array, win: Uint8Array, limit: number, litTable: Int32Array, litBits: number, distTable: Int32Array, distBits: number,
  state: DecodeState,
): boolean {
  const inLen = data.length;
  let inPos = state.inPos;
  let bitBuf = state.bitBuf;
  let bitCount = state.bitCount;
  let pos = state.pos;
  let ended = false;
  const litMask = (1 << litBits) - 1;
  const distMask = (1 << distBits) - 1;
  while (pos <= limit) {
    if (bitCount < 15) {
      do {
        bitBuf |= (inPos < inLen ? data[inPos] : 0) << bitCount;
        inPos++;
        bitCount += 8;
      } while (bitCount <= 23);
    }
    let e = litTable[bitBuf & litMask];
    if ((e & KIND) === LINK) e = litTable[(e >>> 16) + ((bitBuf >>> litBits) & ((1 << (e & 15)) - 1))];
    let n = e & 15;
    bitBuf >>>= n;
    bitCount -= n;
    const kind = e & KIND;
    if (kind === LITERAL) {
      if (inPos > inLen && (inPos - inLen) * 8 > bitCount) throw truncated();
      win[pos++] = e >>> 16;
      continue;
    }
    if (kind !== LENGTH) {
      if (inPos > inLen && (inPos - inLen) * 8 > bitCount) throw truncated();
      if (kind === END) {
        ended = true;
        break;
      }
      throw new Error('invalid deflate data: invalid literal/length code');
    }
    n = (e >>> 8) & 15;
    if (bitCount < n) {
      do {
        bitBuf |= (inPos < inLen ? data[inPos] : 0) << bitCount;
        inPos++;
        bitCount += 8;
      } while (bitCount <= 23);
    }
    const length = (e >>> 16) + (bitBuf & ((1 << n) - 1));
    bitBuf >>>= n;
    bitCount -= n;
    if (bitCount < 15) {
      do {
        bitBuf |= (inPos < inLen ? data[inPos] : 0) << bitCount;
        inPos++;
        bitCount += 8;
      } while (bitCount <= 23);
    }
    e = distTable[bitBuf & distMask];
    if ((e & KIND) === LINK) e = distTable[(e >>> 16) + ((bitBuf >>> distBits) & ((1 << (e & 15)) - 1))];
    n = e & 15;
    bitBuf >>>= n;
    bitCount -= n;
    if ((e & KIND) !== LITERAL) {
      if (inPos > inLen && (inPos - inLen) * 8 > bitCount) throw truncated();
      throw new Error('invalid deflate data: invalid distance code');
    }
    n = (e >>> 8) & 15;
    if (bitCount < n) {
      do {
        bitBuf |= (inPos < inLen ? data[inPos] : 0) << bitCount;
        inPos++;
        bitCount += 8;
      } while (bitCount <= 23);
    }
    const dist = (e >>> 16) + (bitBuf & ((1 << n) - 1));
    bitBuf >>>= n;
    bitCount -= n;
    if (inPos > inLen && (inPos - inLen) * 8 > bitCount) throw truncated();
    if (dist > pos) throw new Error('invalid deflate data: distance too far back');
    let from = pos - dist;
    if (length < COPY_CALL_MIN) {
      const end = pos + length;
      while (pos < end) win[pos++] = win[from++];
    } else if (dist >= length) {
      win.copyWithin(pos, from, from + length);
      pos += length;
    } else if (dist === 1) {
      win.fill(win[from], pos, pos + length);
      pos += length;
    } else {
      // The match repeats its last `dist` bytes: copy what is already there, doubling each time.
      const end = pos + length;
      while (pos < end) {
        const n = pos - from < end - pos ? pos - from : end - pos;
        win.copyWithin(pos, from, from + n);
        pos += n;
      }
    }
  }
  state.inPos = inPos;
  state.bitBuf = bitBuf;
  state.bitCount = bitCount;
  state.pos = pos;
  return ended;
}

function truncated(): Error {
  return new Error('invalid deflate data: unexpected end of data');
}

/**
 * Inflates raw deflate `data` in one synchronous call, handing the output to `onPiece` in order, in
 * pieces of at most INFLATE_PIECE_BYTES (every piece non-empty). A piece is a view into the inflater's own
 * window buffer, valid only during the call: the consumer copies or consumes it before returning.
 * Returns the total bytes produced, or null as soon as the output would exceed `maxOutput` (nothing
 * past maxOutput is ever handed out; pieces already handed out stay handed out).
 * Throws an Error on data that is not valid deflate (bad block type, bad code lengths, incomplete or
 * over-subscribed Huffman code, distance too far back, stored length mismatch, data that ends before the
 * final block ends). Trailing bytes after the final block are ignored, as Node's zlib.inflateRawSync
 * ignores them.
 * `onPiece` may return true to stop early (then the function returns the bytes produced so far).
 */
export function inflatePieces(data: Uint8Array, maxOutput: number, onPiece: (piece: Uint8Array) => boolean | void): number | null {
  if (fixedLit === undefined) buildFixed();
  // A consumer may inflate another stream from inside onPiece: that call gets buffers of its own.
  const buffers = spare ?? newBuffers();
  spare = undefined;
  try {
    return inflateWith(buffers, data, maxOutput, onPiece);
  } finally {
    spare = buffers;
  }
}

interface Buffers {
  win: Uint8Array;
  lens: Uint8Array;
  codeLenTable: Int32Array;
  litTable: Int32Array;
  distTable: Int32Array;
}

/**
 * The buffers of the last call, kept for the next: allocating (and zeroing) their 155 KB per call made the
 * parts of 100 ordinary reports (1,300 parts of 12 KB on average) a fifth or more slower to inflate.
 * Every table entry a lookup can reach is rewritten for each block, so nothing of a previous stream
 * is ever read.
 */
let spare: Buffers | undefined;

function newBuffers(): Buffers {
  return {
    win: new Uint8Array(WINDOW),
    lens: new Uint8Array(288 + 32),
    codeLenTable: new Int32Array(1 << 7),
    litTable: new Int32Array(LIT_TABLE_SIZE),
    distTable: new Int32Array(DIST_TABLE_SIZE),
  };
}

function inflateWith(buffers: Buffers, data: Uint8Array, maxOutput: number, onPiece: (piece: Uint8Array) => boolean | void): number | null {
  const { win, lens, codeLenTable } = buffers;
  const dynLit = buffers.litTable;
  const dynDist = buffers.distTable;
  let litTable = dynLit;
  let distTable = dynDist;

  const inLen = data.length;
  // `inPos` runs past the end of the data while the bit buffer is padded with zeros; reading a padding
  // bit is caught by `(inPos - inLen) * 8 > bitCount`.
  let inPos = 0;
  let bitBuf = 0;
  let bitCount = 0;
  let pos = 0; // write position in `win`
  let pieceStart = 0;
  let limit = INFLATE_PIECE_BYTES - MAX_MATCH; // hand out before writing a symbol when pos > limit
  let handedOut = 0;
  const state: DecodeState = { inPos, bitBuf, bitCount, pos };

  /**
   * Hands out win[pieceStart, pos) and keeps its last 32 KB as the history. Returns what inflatePieces
   * returns when it stops here (null past the cap, the bytes handed out when the consumer asks to
   * stop), undefined to go on.
   */
  const handOut = (): number | null | undefined => {
    const size = pos - pieceStart;
    if (handedOut + size > maxOutput) return null;
    handedOut += size;
    if (size > 0 && onPiece(win.subarray(pieceStart, pos)) === true) return handedOut;
    if (pos > HISTORY) {
      win.copyWithin(0, pos - HISTORY, pos);
      pos = HISTORY;
    }
    pieceStart = pos;
    limit = pos + INFLATE_PIECE_BYTES - MAX_MATCH;
    return undefined;
  };

  let final = 0;
  while (final === 0) {
    while (bitCount < 3) {
      bitBuf |= (inPos < inLen ? data[inPos] : 0) << bitCount;
      inPos++;
      bitCount += 8;
    }
    final = bitBuf & 1;
    const type = (bitBuf >>> 1) & 3;
    bitBuf >>>= 3;
    bitCount -= 3;
    if (inPos > inLen && (inPos - inLen) * 8 > bitCount) throw truncated();

    if (type === 0) {
      // Stored: skip to the byte boundary, give back whole bytes still in the bit buffer.
      inPos -= bitCount >>> 3;
      bitBuf = 0;
      bitCount = 0;
      if (inPos + 4 > inLen) throw truncated();
      const length = data[inPos] | (data[inPos + 1] << 8);
      const check = data[inPos + 2] | (data[inPos + 3] << 8);
      inPos += 4;
      if (length !== (~check & 0xffff)) throw new Error('invalid deflate data: stored block length mismatch');
      if (inPos + length > inLen) throw truncated();
      let remaining = length;
      while (remaining > 0) {
        let room = pieceStart + INFLATE_PIECE_BYTES - pos;
        if (room === 0) {
          const stop = handOut();
          if (stop !== undefined) return stop;
          room = INFLATE_PIECE_BYTES;
        }
        const n = remaining < room ? remaining : room;
        win.set(data.subarray(inPos, inPos + n), pos);
        pos += n;
        inPos += n;
        remaining -= n;
      }
      continue;
    }

    let litBits: number;
    let distBits: number;
    if (type === 1) {
      litTable = fixedLit!;
      distTable = fixedDist!;
      litBits = FIXED_LIT_BITS;
      distBits = FIXED_DIST_BITS;
    } else if (type === 2) {
      while (bitCount < 14) {
        bitBuf |= (inPos < inLen ? data[inPos] : 0) << bitCount;
        inPos++;
        bitCount += 8;
      }
      const nLit = (bitBuf & 31) + 257;
      const nDist = ((bitBuf >>> 5) & 31) + 1;
      const nCodeLen = ((bitBuf >>> 10) & 15) + 4;
      bitBuf >>>= 14;
      bitCount -= 14;
      if (nLit > 286 || nDist > 30) throw new Error('invalid deflate data: too many length or distance symbols');
      lens.fill(0, 0, 19);
      for (let i = 0; i < nCodeLen; i++) {
        if (bitCount < 3) {
          bitBuf |= (inPos < inLen ? data[inPos] : 0) << bitCount;
          inPos++;
          bitCount += 8;
        }
        lens[CODE_LENGTH_ORDER[i]] = bitBuf & 7;
        bitBuf >>>= 3;
        bitCount -= 3;
      }
      if (inPos > inLen && (inPos - inLen) * 8 > bitCount) throw truncated();
      const clBits = buildTable(lens, 0, 19, codeLenTable, 7, 'codelen');
      const clMask = (1 << clBits) - 1;
      const total = nLit + nDist;
      let i = 0;
      while (i < total) {
        while (bitCount <= 23) {
          bitBuf |= (inPos < inLen ? data[inPos] : 0) << bitCount;
          inPos++;
          bitCount += 8;
        }
        const e = codeLenTable[bitBuf & clMask];
        const n = e & 15;
        bitBuf >>>= n;
        bitCount -= n;
        const sym = e >>> 16;
        if (sym < 16) {
          lens[i++] = sym;
        } else {
          let value = 0;
          let repeat: number;
          if (sym === 16) {
            if (i === 0) throw new Error('invalid deflate data: length repeat with no previous length');
            value = lens[i - 1];
            repeat = 3 + (bitBuf & 3);
            bitBuf >>>= 2;
            bitCount -= 2;
          } else if (sym === 17) {
            repeat = 3 + (bitBuf & 7);
            bitBuf >>>= 3;
            bitCount -= 3;
          } else {
            repeat = 11 + (bitBuf & 127);
            bitBuf >>>= 7;
            bitCount -= 7;
          }
          if (i + repeat > total) throw new Error('invalid deflate data: code length repeat past the end');
          while (repeat-- > 0) lens[i++] = value;
        }
        if (inPos > inLen && (inPos - inLen) * 8 > bitCount) throw truncated();
      }
      if (lens[256] === 0) throw new Error('invalid deflate data: no end-of-block code');
      litTable = dynLit;
      distTable = dynDist;
      litBits = buildTable(lens, 0, nLit, litTable, LIT_ROOT, 'lit');
      distBits = buildTable(lens, nLit, nDist, distTable, DIST_ROOT, 'dist');
    } else {
      throw new Error('invalid deflate data: invalid block type');
    }

    for (;;) {
      state.inPos = inPos;
      state.bitBuf = bitBuf;
      state.bitCount = bitCount;
      state.pos = pos;
      const ended = decodeSymbols(data, win, limit, litTable, litBits, distTable, distBits, state);
      inPos = state.inPos;
      bitBuf = state.bitBuf;
      bitCount = state.bitCount;
      pos = state.pos;
      if (ended) break;
      const stop = handOut();
      if (stop !== undefined) return stop;
    }
  }
  const stop = handOut();
  return stop !== undefined ? stop : handedOut;
}
