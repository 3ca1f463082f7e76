import { deflateRawSync } from 'node:zlib';
import { unzipSync, zipSync } from 'fflate';
import { nodeInflateRaw } from '../../cli/codecs';
import { readXlsxValues } from '../../io/xlsx/read-values';
import { buildPackage, buildRichWorkbook, lieAboutSize, sheetXml, toBytes } from './xlsx-fixtures';

/**
 * The command line reads with Node's zlib instead of fflate: the values, the refusals and the
 * zip-bomb guarantees must be exactly those of the default reader.
 */
const both = (bytes: Uint8Array, opts: { fileName?: string; maxInflatedBytes?: number } = {}) => ({
  fflate: readXlsxValues(bytes, opts),
  zlib: readXlsxValues(bytes, { ...opts, inflate: nodeInflateRaw }),
});

describe('nodeInflateRaw', () => {
  it('returns null past the cap and throws on data that is not deflate', () => {
    const deflated = zipSync({ a: [new Uint8Array(100_000), { level: 9 }] });
    const raw = unzipSync(deflated).a;
    expect(raw.length).toBe(100_000);
    // Raw deflate of 100 000 zeros, taken from the package: local header 30 bytes + name "a".
    const size = new DataView(deflated.buffer).getUint32(18, true);
    const data = deflated.subarray(31, 31 + size);
    expect(nodeInflateRaw(data, 100_000)?.length).toBe(100_000);
    expect(nodeInflateRaw(data, 99_999)).toBeNull();
    expect(() => nodeInflateRaw(new Uint8Array([1, 2, 3, 4, 5]), 1000)).toThrow();
    expect(() => nodeInflateRaw(data.subarray(0, 10), 100_000)).toThrow();
  });

  it('gives the same bytes whether the part fits one output chunk or needs several', () => {
    // 5 MB of varied bytes: more than one 4 MB chunk; and tiny parts under zlib's 64-byte chunk floor.
    const big = new Uint8Array(5 * 1024 * 1024 + 17);
    for (let i = 0; i < big.length; i++) big[i] = (i * 2654435761) >>> 27;
    for (const raw of [big, new Uint8Array([7]), new TextEncoder().encode('<v>12</v>'), new Uint8Array(0)]) {
      const data = deflateRawSync(raw);
      const out = nodeInflateRaw(data, raw.length + 1);
      expect(out && Buffer.compare(Buffer.from(out), Buffer.from(raw))).toBe(0);
      if (raw.length > 1) expect(nodeInflateRaw(data, raw.length - 1)).toBeNull();
    }
  });
});

describe('readXlsxValues with zlib', () => {
  /** A workbook whose only sheet is 60 MB of zeros, deflated to about 60 KB. */
  let bomb: Uint8Array;
  beforeAll(() => {
    const files = unzipSync(buildPackage({ sheets: [{ name: 'S', xml: sheetXml('') }] }));
    bomb = zipSync({ ...files, 'xl/worksheets/sheet1.xml': [new Uint8Array(60 * 1024 * 1024), { level: 1 }] });
  });

  it('reads the same values as with fflate', async () => {
    const r = both(await toBytes(buildRichWorkbook()), { fileName: 'phu-luc.xlsx' });
    expect(r.zlib.ok).toBe(true);
    expect(r.zlib).toEqual(r.fflate);
  });

  it('refuses the same bombs with the same messages: a 60 MB entry, a lying header, a small budget', async () => {
    const declared = both(bomb, { fileName: 'bom.xlsx' });
    expect(declared.zlib).toMatchObject({ ok: false, code: 'file.zip_bomb' });
    expect(declared.zlib).toEqual(declared.fflate);

    const liar = lieAboutSize(bomb, 'xl/worksheets/sheet1.xml', 2000);
    const started = performance.now();
    const lied = both(liar, { fileName: 'noi-doi.xlsx' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(lied.zlib).toMatchObject({ ok: false, code: 'file.zip_bomb' });
    expect(lied.zlib).toEqual(lied.fflate);

    const small = both(await toBytes(buildRichWorkbook()), { fileName: 'nho.xlsx', maxInflatedBytes: 4096 });
    expect(small.zlib).toMatchObject({ ok: false, code: 'file.zip_bomb' });
    expect(small.zlib).toEqual(small.fflate);
  });

  it('stops inflating a lying entry near the cap, not at its full size', () => {
    const calls: { max: number; out: number | null }[] = [];
    const liar = lieAboutSize(bomb, 'xl/worksheets/sheet1.xml', 2000);
    readXlsxValues(liar, {
      inflate: (data, max) => {
        const out = nodeInflateRaw(data, max);
        calls.push({ max, out: out ? out.length : null });
        return out;
      },
    });
    expect(calls).toContainEqual({ max: 2001, out: null });
  });

  it('reports a damaged entry as corrupt, as fflate does', async () => {
    const bytes = await toBytes(buildRichWorkbook());
    const broken = bytes.slice();
    // Scramble the middle of the package (inside a deflated part), keeping the directory intact.
    for (let i = 2000; i < 2400; i++) broken[i] = (broken[i] * 31 + 7) & 0xff;
    const r = both(broken, { fileName: 'hong.xlsx' });
    expect(r.zlib).toMatchObject({ ok: false, code: 'file.corrupt' });
    expect(r.zlib).toEqual(r.fflate);
  });
});
