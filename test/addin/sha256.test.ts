import { createHash } from 'node:crypto';
import { sha256Hex, sha256HexPlain } from '../../addin/platform/sha256';

describe('SHA-256 without Web Crypto (Internet Explorer 11)', () => {
  test.each([0, 1, 55, 56, 63, 64, 65, 119, 1000, 100_003])('plain digest of %i bytes equals Node’s', (n) => {
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i++) bytes[i] = (i * 31 + 7) & 255;
    expect(sha256HexPlain(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  test('Web Crypto and the plain code agree', async () => {
    const bytes = new TextEncoder().encode('Ủy ban nhân dân xã Anh Sơn');
    expect(await sha256Hex(bytes)).toBe(sha256HexPlain(bytes));
    expect(sha256HexPlain(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
