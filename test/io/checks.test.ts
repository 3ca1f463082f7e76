/** The reader's own CRC-32 and UTF-8 check give the answers of Node's native ones, which the command line uses. */
import fc from 'fast-check';
import { isUtf8 as nodeIsUtf8 } from 'node:buffer';
import { crc32 as nodeCrc32 } from 'node:zlib';
import { crc32, isUtf8 } from '../../io/xlsx/checks';

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
