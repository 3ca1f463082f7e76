/**
 * Minimal ZIP reading for .xlsx packages: the central directory read by hand, entries inflated by the
 * reader's own inflater (inflate-pieces.ts) into a buffer of the declared size, which must fit the
 * package's budget: output past it is refused as it comes, so a deflate bomb is stopped within one
 * 64 KB piece, whatever its headers claim.
 * A host may hand in its own raw inflater (Node's zlib is about twice as fast); it is given the same
 * cap, so the guarantees above hold whichever inflates.
 * No Node built-ins: runs in Node and in the browser.
 */
import { inflatePieces } from './inflate-pieces';
import { crc32 as jsCrc32, type Crc32 } from './checks';

export interface ZipEntry {
  /** Name as stored (backslashes turned into slashes, no leading slash). */
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  /** Uncompressed size as declared by the central directory: a claim, checked while inflating. */
  size: number;
  /** CRC-32 of the uncompressed bytes as the central directory records it: checked on every part read. */
  crc: number;
  localOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Lower-cased name → entry: OPC part names are case-insensitive. */
  byName: Map<string, ZipEntry>;
  /** Sum of the declared uncompressed sizes of all entries. */
  declaredTotal: number;
}

/** Why a package could not be read: truncated (cut off), corrupt, or inflating past a budget. */
export type ZipProblem = { problem: 'truncated' | 'corrupt' | 'too_big'; detail: string };

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;


const u16 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
const u64 = (b: Uint8Array, i: number): number => u32(b, i) + u32(b, i + 4) * 0x100000000;

/**
 * The bytes as a Uint8Array, whatever view or realm they come from (a Uint8Array made in an iframe or
 * a vm context fails `instanceof Uint8Array`; browsers hand out ArrayBuffers). Null for anything else.
 */
export function asBytes(x: unknown): Uint8Array | null {
  if (x instanceof Uint8Array) return x;
  if (ArrayBuffer.isView(x)) return new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  if (x instanceof ArrayBuffer || Object.prototype.toString.call(x) === '[object ArrayBuffer]') return new Uint8Array(x as ArrayBuffer);
  return null;
}

export function isZipProblem(x: unknown): x is ZipProblem {
  return typeof x === 'object' && x !== null && 'problem' in x;
}

export function startsWithZipSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7);
}

function decodeName(raw: Uint8Array, utf8: boolean): string {
  let ascii = true;
  for (let i = 0; i < raw.length; i++) if (raw[i] > 0x7f) { ascii = false; break; }
  let s = '';
  if (ascii || !utf8) {
    for (let i = 0; i < raw.length; i++) s += String.fromCharCode(raw[i]);
  } else {
    // Only non-ASCII names (never the parts we look up) reach this; percent-decoding is enough.
    let pct = '';
    for (let i = 0; i < raw.length; i++) pct += '%' + raw[i].toString(16).padStart(2, '0');
    try { s = decodeURIComponent(pct); } catch { s = pct; }
  }
  return s.replace(/\\/g, '/').replace(/^\/+/, '');
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const last = bytes.length - 22;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) return i;
  }
  return -1;
}

/** Reads the central directory. Never throws; never inflates anything. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory | ZipProblem {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return { problem: 'truncated', detail: 'no end of central directory' };
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== SIG_ZIP64_LOCATOR) return { problem: 'corrupt', detail: 'zip64 locator missing' };
    const z = u64(bytes, loc + 8);
    if (z + 56 > bytes.length || u32(bytes, z) !== SIG_ZIP64_EOCD) return { problem: 'truncated', detail: 'zip64 directory missing' };
    count = u64(bytes, z + 32);
    cdSize = u64(bytes, z + 40);
    cdOffset = u64(bytes, z + 48);
  }
  if (cdOffset + cdSize > eocd) return { problem: 'truncated', detail: 'central directory past its end record' };

  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let declaredTotal = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || u32(bytes, p) !== SIG_CENTRAL) return { problem: 'corrupt', detail: 'bad central directory entry' };
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const nameStart = p + 46;
    const extraStart = nameStart + nameLen;
    const next = extraStart + extraLen + commentLen;
    if (next > eocd) return { problem: 'corrupt', detail: 'central directory entry overflows' };
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // Zip64 extended information: only the fields that overflowed are present, in this order.
      let e = extraStart;
      while (e + 4 <= extraStart + extraLen) {
        const id = u16(bytes, e);
        const len = u16(bytes, e + 2);
        if (id === 1) {
          let f = e + 4;
          if (size === 0xffffffff) { size = u64(bytes, f); f += 8; }
          if (compressedSize === 0xffffffff) { compressedSize = u64(bytes, f); f += 8; }
          if (localOffset === 0xffffffff) localOffset = u64(bytes, f);
          break;
        }
        e += 4 + len;
      }
    }
    const name = decodeName(bytes.subarray(nameStart, extraStart), (flags & 0x800) !== 0);
    const entry: ZipEntry = { name, flags, method, compressedSize, size, crc, localOffset };
    entries.push(entry);
    const key = name.toLowerCase();
    // Part names are unique ignoring case (OPC); two readers picking different twins is an old trick.
    if (byName.has(key)) return { problem: 'corrupt', detail: `duplicate entry ${name}` };
    byName.set(key, entry);
    declaredTotal += size;
    p = next;
  }
  return { entries, byName, declaredTotal };
}

/**
 * Inflates raw deflate data (no zlib or gzip header) into at most `maxOutput` bytes. Returns the
 * bytes, or null when the output would be longer than `maxOutput`; throws on data that is not valid
 * deflate. It must stop soon after passing `maxOutput` (Node's `zlib.inflateRawSync(data,
 * { maxOutputLength })` stops within one 16 KB chunk), since a bomb's full output is never wanted.
 */
export type InflateRaw = (data: Uint8Array, maxOutput: number) => Uint8Array | null;

/** Inflated-bytes budget shared by all entries of one package. */
export interface InflateBudget {
  remaining: number;
}

/** An entry's stored (compressed) bytes, a view into `bytes`, found through its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | ZipProblem {
  const at = entry.localOffset;
  if (at + 30 > bytes.length) return { problem: 'truncated', detail: `${entry.name}: local header past end` };
  if (u32(bytes, at) !== SIG_LOCAL) return { problem: 'corrupt', detail: `${entry.name}: bad local header` };
  if (entry.flags & 1) return { problem: 'corrupt', detail: `${entry.name}: zip-level encryption` };
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return { problem: 'truncated', detail: `${entry.name}: data past end` };
  return bytes.subarray(start, end);
}

/**
 * Inflates one entry and checks its CRC-32. Refuses output past the entry's declared size (a lying
 * header) or the shared budget; nothing past the declared size is ever kept. `inflate`: the host's
 * raw inflater, else the reader's own (inflate-pieces.ts); `crc`: the host's CRC-32, else checks.ts's.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, inflate?: InflateRaw, crc: Crc32 = jsCrc32): Uint8Array | ZipProblem {
  const out = inflateUnchecked(bytes, entry, budget, inflate);
  if (isZipProblem(out)) return out;
  // A flipped byte in a stored part reads as another value; in deflated data it may still inflate.
  if (crc(out) !== entry.crc) return { problem: 'corrupt', detail: `${entry.name}: CRC-32` };
  return out;
}

function inflateUnchecked(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, inflate?: InflateRaw): Uint8Array | ZipProblem {
  const data = entryData(bytes, entry);
  if (isZipProblem(data)) return data;

  if (entry.method === 0) {
    if (data.length > budget.remaining) return { problem: 'too_big', detail: entry.name };
    budget.remaining -= data.length;
    return data;
  }
  if (entry.method !== 8) return { problem: 'corrupt', detail: `${entry.name}: compression method ${entry.method}` };
  if (entry.size > budget.remaining) return { problem: 'too_big', detail: entry.name };

  if (inflate && data.length > 0) {
    // Capped one byte past the declared size (itself within the budget), as below: a lying header
    // is seen, not trusted, and at most one byte past the budget is ever kept. (No data at all is
    // left to the reader's own inflater, so that it reads exactly as without a host inflater.)
    let out: Uint8Array | null;
    try {
      out = inflate(data, entry.size + 1);
    } catch (e) {
      return { problem: 'corrupt', detail: `${entry.name}: ${(e as Error).message}` };
    }
    if (out === null || out.length > entry.size) return { problem: 'too_big', detail: entry.name };
    budget.remaining -= out.length;
    return out;
  }

  // The reader's own inflater, into a buffer of the declared size (within the budget): output past
  // it refuses the entry as soon as it comes, whatever the header claims.
  const out = new Uint8Array(entry.size);
  let at = 0;
  let produced: number | null;
  try {
    produced = inflatePieces(data, entry.size, (piece) => {
      out.set(piece, at);
      at += piece.length;
    });
  } catch (e) {
    return { problem: 'corrupt', detail: `${entry.name}: ${(e as Error).message}` };
  }
  if (produced === null) return { problem: 'too_big', detail: entry.name };
  budget.remaining -= produced;
  return produced === entry.size ? out : out.subarray(0, produced);
}
