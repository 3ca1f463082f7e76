import { createHash } from 'node:crypto';
import { sha256Hex } from '../../shared/text/sha256';

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 digests of the standard examples', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees with Node on Vietnamese text, emoji and block boundaries', () => {
    const texts = ['Cải cách thủ tục hành chính', 'Đặc khu 🏝️', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'ạ'.repeat(1000)];
    for (const t of texts) expect(sha256Hex(t)).toBe(createHash('sha256').update(t, 'utf8').digest('hex'));
  });
});
