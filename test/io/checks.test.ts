/** The reader's own CRC-32 and UTF-8 check give the answers of Node's native ones, which the command line uses. */
import fc from 'fast-check';
import { isUtf8 as nodeIsUtf8 } from 'node:buffer';
import { crc32 as nodeCrc32 } from 'node:zlib';
import { crc32, isUtf8, Utf8Pieces } from '../../io/xlsx/checks';
import { nodeCrc32 as cliCrc32 } from '../../cli/codecs';

/** Bytes that are often almost UTF-8: valid sequences, cut or damaged ones, overlongs, surrogates. */
const nearUtf8 = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary' }).map((s) => [...new TextEncoder().encode(s)]),
      fc.constantFrom([0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5], [0xc3], [0xe1, 0xbb], [0xff], [0x80]),
      fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 6 }),
    ),
    { maxLength: 20 },
  )
  .map((parts) => Uint8Array.from(parts.flat()));

describe('checks.ts against Node', () => {
  it('isUtf8 agrees with buffer.isUtf8 on valid, cut and damaged sequences', () => {
    fc.assert(fc.property(nearUtf8, (bytes) => isUtf8(bytes) === nodeIsUtf8(bytes)), { numRuns: 5000 });
    expect(isUtf8(new TextEncoder().encode('Xã Anh Sơn, phường Đông Sơn'))).toBe(true);
    expect(isUtf8(Uint8Array.from([0x58, 0xc3, 0x28]))).toBe(false);
  });

  it('crc32 agrees with zlib.crc32, and gives the check value of "123456789"', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => crc32(bytes) === nodeCrc32(bytes)), { numRuns: 500 });
  });
});

/** `bytes` cut at the given places (sorted, within bounds, repeats giving empty pieces). */
function cutAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const c of at) { pieces.push(bytes.subarray(from, c)); from = c; }
  pieces.push(bytes.subarray(from));
  return pieces;
}

describe('a part checked piece by piece (read as it is inflated) gets the answers of the whole', () => {
  it('crc32 continued over pieces is the CRC-32 of the whole, ours and the command line’s', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(), { maxLength: 6 }), (bytes, cuts) => {
        let ours = 0;
        let cli = 0;
        for (const p of cutAt(bytes, cuts)) { ours = crc32(p, ours); cli = cliCrc32(p, cli); }
        expect(ours).toBe(nodeCrc32(bytes));
        expect(cli).toBe(nodeCrc32(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('Utf8Pieces says what isUtf8 says of the pieces joined, wherever they are cut', () => {
    fc.assert(
      fc.property(nearUtf8, fc.array(fc.nat(), { maxLength: 8 }), (bytes, cuts) => {
        const pieces = new Utf8Pieces(isUtf8);
        for (const p of cutAt(bytes, cuts)) pieces.push(p);
        expect(pieces.end()).toBe(nodeIsUtf8(bytes));
      }),
      { numRuns: 20000 },
    );
  });

  it('a character cut by a piece’s end is one character; one cut off at the very end is not UTF-8', () => {
    const o = new TextEncoder().encode('Hồ sơ 𝒳');
    const whole = new Utf8Pieces(isUtf8);
    for (let i = 0; i < o.length; i++) whole.push(o.subarray(i, i + 1));
    expect(whole.end()).toBe(true);
    const cut = new Utf8Pieces(isUtf8);
    cut.push(o.subarray(0, o.length - 1));
    expect(cut.end()).toBe(false);
    const broken = new Utf8Pieces(isUtf8);
    broken.push(Uint8Array.of(0x48, 0xe1));
    broken.push(Uint8Array.of(0xbb, 0x41));
    expect(broken.end()).toBe(false);
  });
});
