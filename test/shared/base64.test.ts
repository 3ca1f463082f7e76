import { fromBase64, toBase64 } from '../../shared/text/base64';

describe('base64', () => {
  it('agrees with Node for every length mod 3, and reads its own output back', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255, 256, 1000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
      const text = toBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(fromBase64(text)).toEqual(bytes);
    }
  });

  it('refuses text that is not base64', () => {
    expect(fromBase64('abc')).toBeNull();
    expect(fromBase64('ab!d')).toBeNull();
    expect(fromBase64('a=bc')).toBeNull();
  });
});
