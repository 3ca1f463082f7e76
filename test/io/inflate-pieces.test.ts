import { constants, deflateRawSync, inflateRawSync, type ZlibOptions } from 'node:zlib';
import { INFLATE_PIECE_BYTES, inflatePieces } from '../../io/xlsx/inflate-pieces';
import { entryData, isZipProblem, readZipDirectory } from '../../io/xlsx/zip';
import { buildRichWorkbook, toBytes } from './xlsx-fixtures';
import { buildReport } from '../cli/fixtures';
import { nodeDeflate } from '../../cli/codecs';
import { writeXlsx } from '../../io/xlsx/write';

/** Inflates `data`, checking every piece; the pieces joined, and what the call returned. */
function inflateAll(data: Uint8Array, maxOutput = Infinity): { out: Buffer; result: number | null; pieces: number[] } {
  const chunks: Buffer[] = [];
  const pieces: number[] = [];
  const result = inflatePieces(data, maxOutput, (piece) => {
    expect(piece).toBeInstanceOf(Uint8Array);
    if (piece.length === 0 || piece.length > INFLATE_PIECE_BYTES) throw new Error(`piece of ${piece.length} bytes`);
    pieces.push(piece.length);
    chunks.push(Buffer.from(piece));
  });
  return { out: Buffer.concat(chunks), result, pieces };
}

/**
 * zlib's verdict on `data`: its output, or an Error with zlib's message (zlib's own errors come from
 * another realm than the test's, where `instanceof Error` does not hold).
 */
function zlibInflate(data: Uint8Array): Buffer | Error {
  try {
    return inflateRawSync(data);
  } catch (e) {
    return new Error(String((e as { message?: unknown }).message));
  }
}

function expectSameAsZlib(data: Uint8Array): Buffer {
  const expected = zlibInflate(data);
  if (expected instanceof Error) throw expected;
  const { out, result } = inflateAll(data);
  expect(result).toBe(expected.length);
  expect(out.equals(expected)).toBe(true);
  return expected;
}

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

function randomBytes(size: number, seed: number): Uint8Array {
  const next = random(seed);
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (next() * 256) | 0;
  return out;
}

/** Sheet-like XML: long repeats, short matches, numbers, Vietnamese text. */
function xmlBytes(size: number, seed: number): Uint8Array {
  const next = random(seed);
  const words = ['<c r="', '"><v>', '</v></c>', '<row r="', '">', '</row>', 'Hoàn thành', 'Đang thực hiện', '<si><t>', '</t></si>'];
  let text = '';
  while (text.length < size) {
    text += words[(next() * words.length) | 0];
    if (next() < 0.3) text += String((next() * 100000) | 0);
    if (next() < 0.01) text += 'x'.repeat((next() * 600) | 0);
  }
  return new Uint8Array(Buffer.from(text).subarray(0, size));
}

/** Writes a raw deflate stream bit by bit, for streams zlib's deflate never makes. */
class BitWriter {
  private bytes: number[] = [];
  private bit = 0;
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.push((value >>> i) & 1);
  }
  /** A Huffman code: most significant bit first. */
  code(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.push((code >>> i) & 1);
  }
  private push(b: number): void {
    if (this.bit === 0) this.bytes.push(0);
    this.bytes[this.bytes.length - 1] |= b << this.bit;
    this.bit = (this.bit + 1) & 7;
  }
  alignToByte(): void {
    this.bit = 0;
  }
  byte(b: number): void {
    this.bytes.push(b);
  }
  done(): Uint8Array {
    return new Uint8Array(this.bytes);
  }
}

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

type Op = number | { length: number; dist: number };

/** Canonical codes for code lengths (RFC 1951 3.2.2). */
function canonicalCodes(lengths: number[]): number[] {
  const count = new Array(16).fill(0);
  for (const l of lengths) if (l) count[l]++;
  const start = new Array(16).fill(0);
  for (let bits = 2; bits < 16; bits++) start[bits] = (start[bits - 1] + count[bits - 1]) << 1;
  return lengths.map((l) => (l ? start[l]++ : 0));
}

const FIXED_LIT_LENGTHS = Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8));
const FIXED_DIST_LENGTHS = new Array(30).fill(5);

/** Writes `ops` (literals and matches) with the given codes. */
function writeSymbols(w: BitWriter, ops: Op[], litLengths: number[], distLengths: number[]): void {
  const litCodes = canonicalCodes(litLengths);
  const distCodes = canonicalCodes(distLengths);
  for (const op of ops) {
    if (typeof op === 'number') {
      w.code(litCodes[op], litLengths[op]);
      continue;
    }
    let l = LENGTH_BASE.length - 1;
    while (LENGTH_BASE[l] > op.length) l--;
    if (op.length === 258) l = 28;
    w.code(litCodes[257 + l], litLengths[257 + l]);
    w.bits(op.length - LENGTH_BASE[l], LENGTH_EXTRA[l]);
    let d = DIST_BASE.length - 1;
    while (DIST_BASE[d] > op.dist) d--;
    w.code(distCodes[d], distLengths[d]);
    w.bits(op.dist - DIST_BASE[d], DIST_EXTRA[d]);
  }
  w.code(litCodes[256], litLengths[256]);
}

/** One fixed-Huffman block holding `ops`. */
function fixedBlock(w: BitWriter, ops: Op[], final: boolean): void {
  w.bits(final ? 1 : 0, 1);
  w.bits(1, 2);
  writeSymbols(w, ops, FIXED_LIT_LENGTHS, FIXED_DIST_LENGTHS);
}

/**
 * One dynamic block with the given code lengths (any, even invalid ones), its code lengths sent with a
 * code-length code of sixteen 4-bit codes for lengths 0..15.
 */
function dynamicBlock(w: BitWriter, litLengths: number[], distLengths: number[], ops: Op[], final: boolean): void {
  w.bits(final ? 1 : 0, 1);
  w.bits(2, 2);
  w.bits(litLengths.length - 257, 5);
  w.bits(distLengths.length - 1, 5);
  w.bits(19 - 4, 4);
  const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  for (const sym of order) w.bits(sym < 16 ? 4 : 0, 3);
  for (const l of [...litLengths, ...distLengths]) w.code(l, 4);
  writeSymbols(w, ops, litLengths, distLengths);
}

function storedBlock(w: BitWriter, bytes: Uint8Array, final: boolean): void {
  w.bits(final ? 1 : 0, 1);
  w.bits(0, 2);
  w.alignToByte();
  w.byte(bytes.length & 255);
  w.byte(bytes.length >>> 8);
  w.byte(~bytes.length & 255);
  w.byte((~bytes.length >>> 8) & 255);
  for (const b of bytes) w.byte(b);
}

const LEVELS: [string, ZlibOptions][] = [
  ['level 0 (stored blocks)', { level: 0 }],
  ['level 1', { level: 1 }],
  ['level 6', { level: 6 }],
  ['level 9', { level: 9 }],
  ['fixed Huffman blocks', { strategy: constants.Z_FIXED }],
  ['Huffman only', { strategy: constants.Z_HUFFMAN_ONLY }],
  ['run-length', { strategy: constants.Z_RLE }],
  ['many small blocks (memLevel 1)', { level: 9, memLevel: 1 }],
];

describe('inflatePieces gives the bytes zlib gives', () => {
  const sizes = [0, 1, 2, 100, 4096, 65535, 65536, 65537, 100_000, 300_000];
  it.each(LEVELS)('%s, random and XML-like data of many sizes', (_, opts) => {
    for (const size of sizes) {
      for (const raw of [randomBytes(size, size + 1), xmlBytes(size, size + 2)]) {
        const out = expectSameAsZlib(deflateRawSync(raw, opts));
        expect(out.length).toBe(size);
      }
    }
  });

  it('the empty stream (a final fixed block with only its end code) gives 0 bytes and no piece', () => {
    const data = deflateRawSync(new Uint8Array(0));
    expect([...data]).toEqual([3, 0]);
    expect(inflateAll(data)).toEqual({ out: Buffer.alloc(0), result: 0, pieces: [] });
  });

  it('several megabytes, at level 1 and 9, across many pieces', () => {
    const raw = xmlBytes(3_000_000, 7);
    for (const level of [1, 9]) {
      const { out, pieces } = inflateAll(deflateRawSync(raw, { level }));
      expect(out.equals(Buffer.from(raw))).toBe(true);
      expect(pieces.length).toBeGreaterThanOrEqual(Math.ceil(raw.length / INFLATE_PIECE_BYTES));
    }
    const mixed = randomBytes(2_000_000, 3);
    mixed.set(xmlBytes(1_000_000, 4), 500_000);
    expectSameAsZlib(deflateRawSync(mixed, { level: 6 }));
  });

  it('streams cut into blocks by full and sync flushes, and stored blocks between compressed ones', () => {
    const raw = xmlBytes(400_000, 11);
    for (const flush of [constants.Z_FULL_FLUSH, constants.Z_SYNC_FLUSH]) {
      const parts: Buffer[] = [];
      for (let at = 0; at < raw.length; at += 37_123) {
        const chunk = raw.subarray(at, at + 37_123);
        const last = at + 37_123 >= raw.length;
        // Incompressible chunks come out as stored blocks.
        const bytes = at % 3 === 0 ? randomBytes(chunk.length, at) : chunk;
        parts.push(deflateRawSync(bytes, { level: 6, finishFlush: last ? constants.Z_FINISH : flush }));
      }
      expectSameAsZlib(Buffer.concat(parts));
    }
  });

  it('a match of length 258 at distance 32768, and matches that repeat their own output', () => {
    const first = randomBytes(32768, 5);
    const w = new BitWriter();
    storedBlock(w, first.subarray(0, 20000), false);
    storedBlock(w, first.subarray(20000), false);
    const ops: Op[] = [];
    for (let i = 0; i < 300; i++) ops.push({ length: 258, dist: 32768 }, { length: 3 + (i % 256), dist: 1 + (i % 7) });
    ops.push(65, { length: 258, dist: 1 }, { length: 257, dist: 2 }, { length: 227, dist: 32768 });
    fixedBlock(w, ops, true);
    const data = w.done();
    const out = expectSameAsZlib(data);
    expect(out.subarray(32768, 32768 + 258).equals(Buffer.from(first.subarray(0, 258)))).toBe(true);
  });

  it('stops a match or a stored block at every position of a piece boundary', () => {
    // A prefix of n literals moves every later symbol by n bytes against the 64 KB piece boundaries.
    for (let shift = 0; shift < 300; shift += 7) {
      const w = new BitWriter();
      const ops: Op[] = [];
      for (let i = 0; i < shift; i++) ops.push(i & 255);
      ops.push(1, 2, 3);
      for (let i = 0; i < 600; i++) ops.push({ length: 3 + ((i * 37) % 256), dist: 1 + ((i * 101) % (shift + 3)) });
      fixedBlock(w, ops, false);
      storedBlock(w, randomBytes(65535, shift), false);
      storedBlock(w, randomBytes(1000 + shift, shift + 1), false);
      fixedBlock(w, [{ length: 258, dist: 30000 }, { length: 100, dist: 65 }], true);
      expectSameAsZlib(w.done());
    }
  });

  it('ignores bytes after the final block, as zlib does', () => {
    const raw = xmlBytes(70_000, 9);
    const data = Buffer.concat([deflateRawSync(raw), Buffer.from([1, 2, 3, 255, 0, 7])]);
    expect(inflateAll(data).out.equals(Buffer.from(raw))).toBe(true);
    expect(zlibInflate(data)).toEqual(Buffer.from(raw));
  });

  /** Every deflated part of a package (more than five) inflates to zlib's bytes, of its declared size. */
  function expectPartsSameAsZlib(bytes: Uint8Array): void {
    const dir = readZipDirectory(bytes);
    if (isZipProblem(dir)) throw new Error(dir.detail);
    const deflated = dir.entries.filter((e) => e.method === 8);
    expect(deflated.length).toBeGreaterThan(5);
    for (const entry of deflated) {
      const data = entryData(bytes, entry);
      if (isZipProblem(data)) throw new Error(data.detail);
      expect(expectSameAsZlib(data).length).toBe(entry.size);
    }
  }

  it('the parts of a workbook ExcelJS writes', async () => {
    expectPartsSameAsZlib(await toBytes(buildRichWorkbook()));
  });

  it('the parts of a commune’s report as the product writes it, deflated by zlib (the command line) and by fflate (the browser)', async () => {
    const { sheets } = await buildReport('90004');
    expectPartsSameAsZlib(await writeXlsx(sheets, { deflate: nodeDeflate }));
    expectPartsSameAsZlib(await writeXlsx(sheets));
  });
});

describe('inflatePieces in pieces', () => {
  it('hands out pieces of at most 64 KB, none empty, in order, reusing one window', () => {
    const raw = xmlBytes(1_000_000, 21);
    const buffers = new Set<ArrayBufferLike>();
    const sizes: number[] = [];
    const total = inflatePieces(deflateRawSync(raw, { level: 9 }), Infinity, (piece) => {
      buffers.add(piece.buffer);
      sizes.push(piece.length);
    });
    expect(total).toBe(raw.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(raw.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(INFLATE_PIECE_BYTES);
    expect(Math.min(...sizes)).toBeGreaterThan(0);
    // Pieces come nearly full: a piece ends less than one match short of 64 KB.
    expect(Math.min(...sizes.slice(0, -1))).toBeGreaterThan(INFLATE_PIECE_BYTES - 258);
    expect(buffers.size).toBe(1);
    expect([...buffers][0].byteLength).toBeLessThanOrEqual(128 * 1024);
  });

  it('returns the size when the cap equals it, null one byte below, and never hands out past the cap', () => {
    for (const size of [0, 1, 1000, 65535, 65536, 65537, 200_000, 262_144]) {
      const raw = xmlBytes(size, size);
      for (const level of [0, 6]) {
        const data = deflateRawSync(raw, { level });
        expect(inflateAll(data, size).result).toBe(size);
        if (size === 0) continue;
        const below = inflateAll(data, size - 1);
        expect(below.result).toBeNull();
        expect(below.out.length).toBeLessThanOrEqual(size - 1);
        expect(below.out.equals(Buffer.from(raw.subarray(0, below.out.length)))).toBe(true);
        expect(inflateAll(data, 0).result).toBeNull();
      }
    }
  });

  it('stops when the consumer returns true, returning what was handed out', () => {
    const raw = xmlBytes(500_000, 3);
    const data = deflateRawSync(raw);
    for (const stopAt of [1, 2, 5]) {
      let calls = 0;
      let seen = 0;
      const result = inflatePieces(data, Infinity, (piece) => {
        calls++;
        seen += piece.length;
        return calls === stopAt;
      });
      expect(calls).toBe(stopAt);
      expect(result).toBe(seen);
    }
    // Stopping at the last piece returns the whole size.
    let last = 0;
    expect(inflatePieces(deflateRawSync(new Uint8Array(10)), Infinity, (p) => ((last = p.length), true))).toBe(10);
    expect(last).toBe(10);
  });

  it('lets the consumer inflate another stream from inside a piece', () => {
    const outer = xmlBytes(300_000, 1);
    const inner = xmlBytes(150_000, 2);
    const innerData = deflateRawSync(inner);
    const chunks: Buffer[] = [];
    inflatePieces(deflateRawSync(outer), Infinity, (piece) => {
      const copy = Buffer.from(piece);
      expect(inflateAll(innerData).out.equals(Buffer.from(inner))).toBe(true);
      expect(Buffer.from(piece).equals(copy)).toBe(true);
      chunks.push(copy);
    });
    expect(Buffer.concat(chunks).equals(Buffer.from(outer))).toBe(true);
  });

  it('refuses a deflate bomb (100 MB of zeros) a piece past a 1 MB cap, without allocating for it', () => {
    const bomb = deflateRawSync(new Uint8Array(100 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    inflatePieces(bomb, 1 << 20, () => {}); // warm
    const before = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    let handedOut = 0;
    expect(inflatePieces(bomb, 1 << 20, (p) => void (handedOut += p.length))).toBeNull();
    expect(performance.now() - started).toBeLessThan(200);
    expect(handedOut).toBeLessThanOrEqual(1 << 20);
    expect(handedOut).toBeGreaterThan((1 << 20) - INFLATE_PIECE_BYTES);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1 << 20);
  });
});

describe('inflatePieces on data that is not deflate', () => {
  /** Our verdict matches zlib's: the same Error-or-bytes, and never a byte that is not 0..255. */
  function expectZlibVerdict(data: Uint8Array): 'error' | 'ok' {
    const expected = zlibInflate(data);
    let got: Buffer | Error;
    try {
      const chunks: Buffer[] = [];
      inflatePieces(data, 1 << 24, (piece) => {
        for (let i = 0; i < piece.length; i++) if (!Number.isInteger(piece[i]) || piece[i] < 0 || piece[i] > 255) throw new Error('garbage');
        chunks.push(Buffer.from(piece));
      });
      got = Buffer.concat(chunks);
    } catch (e) {
      got = e as Error;
    }
    if (expected instanceof Error) {
      expect(got).toBeInstanceOf(Error);
      return 'error';
    }
    expect(got instanceof Error ? got.message : got.equals(expected)).toBe(true);
    return 'ok';
  }

  it('throws when the data ends before the final block does, cut at every position', () => {
    const raw = Buffer.concat([Buffer.from(xmlBytes(1500, 1)), Buffer.from(randomBytes(200, 2))]);
    for (const opts of [{ level: 9 }, { level: 0 }, { strategy: constants.Z_FIXED }]) {
      const data = deflateRawSync(raw, opts);
      for (let cut = 0; cut < data.length; cut++) {
        expect(() => inflatePieces(data.subarray(0, cut), Infinity, () => {})).toThrow(Error);
        expect(zlibInflate(data.subarray(0, cut))).toBeInstanceOf(Error);
      }
    }
    // A stream that stops at a block boundary without a final block.
    const open = deflateRawSync(raw, { finishFlush: constants.Z_SYNC_FLUSH });
    expect(() => inflatePieces(open, Infinity, () => {})).toThrow(/unexpected end/);
  });

  it('agrees with zlib on damaged streams: random byte flips over many seeds', () => {
    const sources = [
      deflateRawSync(xmlBytes(5000, 1), { level: 9 }),
      deflateRawSync(xmlBytes(5000, 2), { strategy: constants.Z_FIXED }),
      deflateRawSync(randomBytes(700, 3), { level: 6 }),
      deflateRawSync(xmlBytes(2000, 4), { level: 0 }),
    ];
    const verdicts = { error: 0, ok: 0 };
    for (let seed = 1; seed <= 1500; seed++) {
      const next = random(seed);
      const data = Buffer.from(sources[seed % sources.length]);
      const flips = 1 + ((next() * 3) | 0);
      for (let f = 0; f < flips; f++) data[(next() * Math.min(data.length, 40 + seed)) | 0] ^= 1 + ((next() * 255) | 0);
      verdicts[expectZlibVerdict(data)]++;
    }
    expect(verdicts.error).toBeGreaterThan(300);
    expect(verdicts.ok).toBeGreaterThan(300);
  });

  it('agrees with zlib on random bytes', () => {
    for (let seed = 1; seed <= 2000; seed++) expectZlibVerdict(randomBytes(1 + (seed % 200), seed));
  });

  it('rejects each malformed block as zlib does, and accepts the odd valid ones', () => {
    /** 254 literals of 9 bits and 2 of 8 (258/512 of the code space) with `overrides`: incomplete unless they fill it. */
    const lit = (overrides: Record<number, number>, n = 257) => {
      const lengths = new Array(n).fill(0);
      for (let i = 0; i < 256; i++) lengths[i] = i < 2 ? 8 : 9;
      for (const [k, v] of Object.entries(overrides)) lengths[Number(k)] = v;
      return lengths;
    };
    /** A complete literal/length code: 256 literals of 9 bits (half the space), the end code and length 3 of 2 bits. */
    const complete = (n = 258) => {
      const lengths = new Array(n).fill(0);
      for (let i = 0; i < 256; i++) lengths[i] = 9;
      lengths[256] = 2;
      lengths[257] = 2;
      return lengths;
    };
    const cases: { name: string; data: Uint8Array; verdict: 'error' | 'ok' }[] = [];
    const add = (name: string, verdict: 'error' | 'ok', build: (w: BitWriter) => void) => {
      const w = new BitWriter();
      build(w);
      cases.push({ name, data: w.done(), verdict });
    };
    add('a single one-bit distance code (incomplete, allowed)', 'ok', (w) => dynamicBlock(w, complete(), [1], [65, 66, { length: 4, dist: 1 }], true));
    add('no distance codes in a block without matches', 'ok', (w) => dynamicBlock(w, complete(), [0], [65, 66, 67], true));
    add('a match with no distance codes', 'error', (w) => dynamicBlock(w, complete(), [0], [65, { length: 3, dist: 1 }], true));
    add('a single one-bit literal/length code (only the end code)', 'ok', (w) => {
      const lengths = new Array(257).fill(0);
      lengths[256] = 1;
      dynamicBlock(w, lengths, [1], [], true);
    });
    add('incomplete literal/length code', 'error', (w) => dynamicBlock(w, lit({ 256: 8 }), [1], [65], true));
    add('over-subscribed literal/length code', 'error', (w) => dynamicBlock(w, lit({ 256: 1, 2: 1 }), [1], [65], true));
    add('incomplete distance code of two lengths', 'error', (w) => dynamicBlock(w, complete(), [1, 2], [65], true));
    add('over-subscribed distance code', 'error', (w) => dynamicBlock(w, complete(), [1, 1, 1], [65], true));
    add('no end-of-block code', 'error', (w) => {
      const lengths = complete();
      lengths[256] = 0;
      lengths[258] = 2;
      dynamicBlock(w, lengths.concat([0]), [1], [], true);
    });
    add('a distance past the start of the output', 'error', (w) => fixedBlock(w, [65, 66, { length: 3, dist: 3 }], true));
    add('a distance right at the start of the output', 'ok', (w) => fixedBlock(w, [65, 66, { length: 30, dist: 2 }], true));
    add('literal/length symbol 286 in a fixed block', 'error', (w) => {
      w.bits(1, 1);
      w.bits(1, 2);
      w.code(0xc0 + 6, 8);
    });
    add('distance symbol 30 in a fixed block', 'error', (w) => {
      w.bits(1, 1);
      w.bits(1, 2);
      w.code(65 + 0x30, 8);
      w.code(1, 7); // length 3
      w.code(30, 5);
    });
    add('block type 3', 'error', (w) => w.bits(7, 3));
    add('stored length mismatch', 'error', (w) => {
      w.bits(1, 3);
      w.alignToByte();
      for (const b of [5, 0, 0xfa, 0xfe, 1, 2, 3, 4, 5]) w.byte(b);
    });
    add('too many literal/length symbols (HLIT 30)', 'error', (w) => dynamicBlock(w, complete(287), [1], [65], true));
    add('too many distance symbols (HDIST 31)', 'error', (w) => dynamicBlock(w, complete(), new Array(31).fill(5).concat([5]), [65], true));
    for (const c of cases) {
      const zlibVerdict = zlibInflate(c.data) instanceof Error ? 'error' : 'ok';
      expect({ name: c.name, zlib: zlibVerdict }).toEqual({ name: c.name, zlib: c.verdict });
      expect({ name: c.name, ours: expectZlibVerdict(c.data) }).toEqual({ name: c.name, ours: c.verdict });
    }
  });
});
