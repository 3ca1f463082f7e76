import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { NODE_XLSX_CODECS, nodeBinaryText } from '../../cli/codecs';
import { utf8OfBinary } from '../../io/xlsx/binary-text';
import { parseSharedStrings } from '../../io/xlsx/parts';
import { readXlsxValues, type ReadXlsxOptions, type XlsxWorkbookValues } from '../../io/xlsx/read-values';
import { itemReader } from '../../io/xlsx/text-items';
import { buildPackage, sheetXml, UTC } from './xlsx-fixtures';

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const binary = (bytes: number[] | Uint8Array) => nodeBinaryText(Uint8Array.from(bytes));

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('utf8OfBinary', () => {
  it('decodes Vietnamese, emoji and ASCII as TextDecoder does, returning ASCII text itself', () => {
    for (const text of ['Ủy ban nhân dân xã Đồng Tâm', 'Tỷ lệ 95,5% — đạt', '📊 Báo cáo', 'plain ASCII', '']) {
      const bytes = new TextEncoder().encode(text);
      expect(utf8OfBinary(binary(bytes))).toBe(text);
    }
    const ascii = binary(new TextEncoder().encode('STT'));
    expect(utf8OfBinary(ascii)).toBe(ascii);
  });

  it('replaces invalid sequences exactly as TextDecoder does (one U+FFFD per maximal invalid part)', () => {
    const cases: number[][] = [
      [0xc0, 0x80], // overlong
      [0xe0, 0x80, 0x80], // overlong three-byte
      [0xed, 0xa0, 0x80], // a UTF-16 surrogate
      [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
      [0x61, 0xe1, 0xbb], // cut off at the end
      [0xe1, 0xbb, 0x61], // cut off in the middle
      [0xff, 0xfe, 0x41],
      [0xf0, 0x9f, 0x93], // emoji cut off
    ];
    for (const bytes of cases) expect(utf8OfBinary(binary(bytes))).toBe(decoder.decode(Uint8Array.from(bytes)));
    expect(utf8OfBinary(binary([0xed, 0xa0, 0x80]))).toBe('\uFFFD\uFFFD\uFFFD');
  });

  it('decodes texts of several chunks, a surrogate pair cut by the end of a chunk included', () => {
    for (const text of ['ệ' + 'a'.repeat(8190) + '📊' + 'tỷ lệ hồ sơ '.repeat(2500), 'Tối thiểu 1% ' + 'tỷ lệ hồ sơ '.repeat(2500)]) {
      expect(utf8OfBinary(binary(new TextEncoder().encode(text)))).toBe(text);
    }
    expect(utf8OfBinary(binary([0xe1, 0xbb, 0x87]))).toBe('ệ');
  });

  it('agrees with TextDecoder on 3,000 random byte strings, long ones included', () => {
    const next = random(20251231);
    // Bytes biased towards UTF-8's interesting values, so that valid and broken sequences both occur.
    const pool = [0x41, 0x7f, 0x80, 0x9f, 0xa0, 0xbb, 0xbf, 0xc2, 0xc3, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    for (let n = 0; n < 3000; n++) {
      const length = n % 100 === 0 ? 20_000 : Math.floor(next() * 24);
      const bytes = new Uint8Array(length);
      for (let i = 0; i < length; i++) bytes[i] = next() < 0.5 ? pool[Math.floor(next() * pool.length)] : Math.floor(next() * 256);
      const got = utf8OfBinary(binary(bytes));
      if (got !== decoder.decode(bytes)) throw new Error(`differs for [${Array.from(bytes).join(',')}]`);
    }
  });
});

/** `<si>` items for these texts (escaped where XML needs it). */
const sst = (texts: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${texts
    .map((t) => `<si><t>${t.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></si>`)
    .join('')}</sst>`;

const row = (n: number) =>
  `<row r="1">${Array.from({ length: n }, (_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('')}</row>`;

function readOk(bytes: Uint8Array, opts: ReadXlsxOptions): XlsxWorkbookValues {
  const r = readXlsxValues(bytes, opts);
  if (!r.ok) throw new Error(`${r.code}: ${r.reason}`);
  return r.value;
}

describe.each([
  ['UTF-8 text', {} as ReadXlsxOptions],
  ['binary text', NODE_XLSX_CODECS as ReadXlsxOptions],
])('what is kept from one workbook to the next (%s)', (_mode, codecs) => {
  const template = ['Tên đơn vị', 'Mã đơn vị', 'Tỷ lệ hồ sơ đúng hạn', 'Hoàn thành', 'Đang thực hiện', 'Chưa thực hiện'];

  it('gives every workbook its own strings when tables shift, change and shrink between workbooks', () => {
    const tables = [
      template,
      // The unit's own text early on shifts the rest by one; one template text changed.
      ['UBND xã An Phú', ...template.slice(0, 3), 'Hoàn thành (đã sửa)', ...template.slice(4)],
      ['Mã riêng 1', 'Mã riêng 2', 'Mã riêng 3', ...template.slice(1)],
      template.slice(0, 2),
      [...template].reverse(),
      template,
    ];
    for (const texts of tables) {
      const bytes = buildPackage({ sharedStrings: sst(texts), sheets: [{ name: 'S', xml: sheetXml(row(texts.length)) }] });
      expect(readOk(bytes, codecs).sheets[0].grid).toEqual([texts]);
    }
  });

  it('uses each workbook\'s own styles and date system, even right after a workbook that had others', () => {
    const styles = (dateFormat: boolean) =>
      `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${dateFormat ? 14 : 12}"/></cellXfs></styleSheet>`;
    const cell = sheetXml('<row r="1"><c r="A1" s="1"><v>45747</v></c></row>');
    const asDate = buildPackage({ styles: styles(true), sheets: [{ name: 'S', xml: cell }] });
    const asNumber = buildPackage({ styles: styles(false), sheets: [{ name: 'S', xml: cell }] });
    const in1904 = buildPackage({ styles: styles(true), workbookPr: '<workbookPr date1904="1"/>', sheets: [{ name: 'S', xml: cell }] });
    const renamed = buildPackage({ styles: styles(true), sheets: [{ name: 'Phụ lục 1', xml: cell }] });
    for (let round = 0; round < 2; round++) {
      expect(readOk(asDate, codecs).sheets[0].grid).toEqual([[UTC(2025, 3, 31)]]);
      expect(readOk(asNumber, codecs).sheets[0].grid).toEqual([[45747]]);
      const y1904 = readOk(in1904, codecs);
      expect(y1904.date1904).toBe(true);
      expect(y1904.sheets[0].grid).toEqual([[UTC(2029, 4, 1)]]);
      expect(readOk(renamed, codecs).sheets.map((s) => s.name)).toEqual(['Phụ lục 1']);
    }
  });

  it('refuses a part whose bytes are not valid UTF-8, and reads a UTF-16 part as UTF-16', () => {
    const files = unzipSync(buildPackage({ sharedStrings: sst(['x']), sheets: [{ name: 'S', xml: sheetXml(row(1)) }] }));
    const broken = Uint8Array.from([...strToU8('<sst><si><t>X'), 0xc3, 0x28, 0xe1, 0xbb, ...strToU8('</t></si></sst>')]);
    const utf16 = '\uFEFF' + sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Xã Đồng Tâm</t></is></c></row>');
    const sheet16 = new Uint8Array(utf16.length * 2);
    for (let i = 0; i < utf16.length; i++) {
      sheet16[2 * i] = utf16.charCodeAt(i) & 0xff;
      sheet16[2 * i + 1] = utf16.charCodeAt(i) >> 8;
    }
    const patched: Zippable = { ...files, 'xl/sharedStrings.xml': broken };
    expect(readXlsxValues(zipSync(patched), codecs)).toMatchObject({ ok: false, code: 'file.bad_text' });
    const wide: Zippable = { ...files, 'xl/worksheets/sheet1.xml': sheet16 };
    expect(readOk(zipSync(wide), codecs).sheets[0].grid).toEqual([['Xã Đồng Tâm']]);
  });
});

describe('parseSharedStrings against the previous table', () => {
  it('takes an item from the previous table only when its raw text is the same', () => {
    const memo = { raws: [] as string[], texts: [] as string[] };
    const read = itemReader(false);
    expect(parseSharedStrings(sst(['a &amp; b', 'Xã', 'Phường']), read, memo)).toEqual(['a &amp; b', 'Xã', 'Phường']);
    // Same texts shifted by two, one in between changed, a prefixed table, an empty item.
    expect(parseSharedStrings(sst(['mới', 'khác', 'a &amp; b', 'Xa', 'Phường']), read, memo)).toEqual(['mới', 'khác', 'a &amp; b', 'Xa', 'Phường']);
    expect(parseSharedStrings('<x:sst><x:si><x:t>Phường</x:t></x:si><x:si/></x:sst>', read, memo)).toEqual(['Phường', '']);
    expect(memo.raws).toEqual(['<x:t>Phường</x:t>', '']);
  });

});
