/**
 * Reading a part as "binary text": one character per byte (code = byte, as Latin-1 maps them), the
 * UTF-8 decoded only where the reader takes text out.
 *
 * Why: the large parts (sheets, shared strings) are mostly tags and digits, and the text we keep is
 * mostly the template's own, the same in every workbook of a batch. Decoding a whole part as UTF-8
 * makes Vietnamese parts two-byte strings at some 200 MB/s; a host's Latin-1 copy is a memory copy
 * (Node: `buffer.toString('latin1')`, about 15 times faster), the scan is the same (every character
 * the scanner looks for is ASCII, and UTF-8 never uses ASCII bytes inside a multi-byte character),
 * and each distinct text is decoded once per batch (see read-values.ts's string pools).
 *
 * Browsers have no Latin-1 decoder that keeps bytes 0x80–0x9F as they are (WHATWG's "latin1" is
 * windows-1252), so the hook is the host's: without it parts are decoded as UTF-8 as before.
 */

/** The host's bytes → string with one character per byte (char code = byte value). */
export type BinaryText = (bytes: Uint8Array) => string;

/**
 * Binary text in plain JavaScript, for hosts without a Latin-1 copy (browsers, Apps Script): the
 * values reader uses it for the pieces of a large part it reads as they are inflated (64 KB each).
 */
export const jsBinaryText: BinaryText = (bytes) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
  return s;
};

const REPLACEMENT = 0xfffd;

/**
 * The decoded UTF-16 units, a chunk at a time, one array for every call. An array grown unit by unit
 * and emptied after each chunk is allocated again and again as it grows: measured, 15 MB allocated
 * to decode the 2 MB of text of a workbook of long cells, where the chunks' text is 4.
 */
const UNITS_CHUNK = 8192;
const UNITS: number[] = new Array<number>(UNITS_CHUNK).fill(0);

/**
 * Binary text (one character per byte) → the text its bytes spell in UTF-8. Exactly what
 * `new TextDecoder('utf-8').decode` gives for those bytes, replacement characters included (WHATWG's
 * decoder: one U+FFFD per maximal invalid subpart), except that a leading byte-order mark is kept,
 * as it is in the middle of a part. ASCII-only text is returned as it is.
 */
export function utf8OfBinary(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && s.charCodeAt(i) < 0x80) i++;
  if (i === n) return s;

  const head = s.slice(0, i);
  const units = UNITS;
  let k = 0;
  let out = '';
  let needed = 0;
  let seen = 0;
  let code = 0;
  let lower = 0x80;
  let upper = 0xbf;
  const unit = (u: number): void => {
    units[k++] = u;
    if (k === UNITS_CHUNK) {
      out += String.fromCharCode.apply(null, units);
      k = 0;
    }
  };
  const emit = (cp: number): void => {
    if (cp > 0xffff) {
      cp -= 0x10000;
      unit(0xd800 + (cp >> 10));
      unit(0xdc00 + (cp & 0x3ff));
    } else {
      unit(cp);
    }
  };
  for (; i < n; i++) {
    const byte = s.charCodeAt(i) & 0xff;
    if (needed === 0) {
      if (byte < 0x80) emit(byte);
      else if (byte >= 0xc2 && byte <= 0xdf) { needed = 1; code = byte & 0x1f; }
      else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0;
        if (byte === 0xed) upper = 0x9f;
        needed = 2;
        code = byte & 0x0f;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90;
        if (byte === 0xf4) upper = 0x8f;
        needed = 3;
        code = byte & 0x07;
      } else emit(REPLACEMENT);
      continue;
    }
    if (byte < lower || byte > upper) {
      // The sequence so far is one invalid subpart; this byte starts afresh.
      needed = seen = code = 0;
      lower = 0x80;
      upper = 0xbf;
      emit(REPLACEMENT);
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    code = (code << 6) | (byte & 0x3f);
    if (++seen === needed) {
      emit(code);
      needed = seen = code = 0;
    }
  }
  if (needed !== 0) emit(REPLACEMENT);
  return head + out + (k === 0 ? '' : String.fromCharCode.apply(null, units.slice(0, k)));
}

/** Whether the part starts with a UTF-16 byte-order mark (read as UTF-16, never as binary text). */
export function isUtf16(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}
