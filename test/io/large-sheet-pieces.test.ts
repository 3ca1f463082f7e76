/**
 * Large sheets are scanned piece by piece (read-values.ts, SheetScan), their text never made whole, and
 * read exactly as a sheet read whole — the same values, the same refusals with the same message, a
 * character cut by a piece's end read as one. `streamPartBytes: 0` reads every sheet that way.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { NODE_XLSX_CODECS, nodeBinaryText } from '../../cli/codecs';
import { jsBinaryText } from '../../io/xlsx/binary-text';
import { INFLATE_PIECE_BYTES } from '../../io/xlsx/inflate-pieces';
import { readXlsxValues, STREAM_PART_BYTES, type ReadXlsxOptions } from '../../io/xlsx/read-values';
import { buildPackage, buildRichWorkbook, sheetXml, toBytes } from './xlsx-fixtures';

const WHOLE: ReadXlsxOptions = { ...NODE_XLSX_CODECS, fileName: 'xa.xlsx' };
const IN_PIECES: ReadXlsxOptions = { ...WHOLE, streamPartBytes: 0 };

/** The same package with every entry stored (no compression), or deflated at `level`. */
const rezip = (bytes: Uint8Array, level: 0 | 6): Uint8Array => zipSync(unzipSync(bytes) as Zippable, { level });

/** The package with `needle` (inside a stored entry) overwritten by `replacement`: the entry's CRC-32 is left as it was. */
function flipStoredByte(zip: Uint8Array, needle: string, replacement: string): Uint8Array {
  const text = Buffer.from(zip).toString('latin1');
  const at = text.indexOf(needle);
  if (at < 0 || needle.length !== replacement.length) throw new Error('needle');
  const out = zip.slice();
  for (let k = 0; k < replacement.length; k++) out[at + k] = replacement.charCodeAt(k);
  return out;
}

describe('a large sheet read piece by piece', () => {
  it('reads the rich fixture (shared strings or inline, deflated or stored) exactly as read whole', async () => {
    for (const useSharedStrings of [true, false]) {
      const made = await toBytes(buildRichWorkbook(), { useSharedStrings });
      for (const bytes of [made, rezip(made, 0)]) {
        const whole = readXlsxValues(bytes, WHOLE);
        expect(whole.ok).toBe(true);
        const texts: number[] = [];
        expect(readXlsxValues(bytes, { ...IN_PIECES, binaryText: (b) => (texts.push(b.length), nodeBinaryText(b)) })).toEqual(whole);
        // The shared strings whole (exceljs writes the table either way), each of the three sheets as its one piece.
        expect(texts.length).toBe(4);
      }
    }
  });

  it('refuses what read whole refuses, with the same message', () => {
    const cases: [string, string][] = [
      ['<row r="1"><c r="A1"><v>0x1A</v></c></row>', 'ô A1 có số “0x1A” không đúng dạng'],
      ['<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>', 'được ghi hai lần'],
      ['<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></row>', 'B2'],
      [`<row r="1"><c r="C1" t="inlineStr"><is><t>${'a'.repeat(40_000)}</t></is></c></row>`, 'C1'],
      ['<row r="1"><c r="XFE1"><v>1</v></c></row>', 'XFE1'],
    ];
    for (const [data, words] of cases) {
      const bytes = buildPackage({ sheets: [{ name: 'Phụ lục 1', xml: sheetXml(data) }] });
      const whole = readXlsxValues(bytes, WHOLE);
      expect(whole.ok).toBe(false);
      expect(!whole.ok && whole.reason).toContain(words);
      expect(readXlsxValues(bytes, IN_PIECES)).toEqual(whole);
    }
  });

  it('refuses a stored sheet whose digit was changed (its CRC-32), as read whole', () => {
    const bytes = rezip(buildPackage({ sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>12345</v></c></row>') }] }), 0);
    expect(readXlsxValues(bytes, IN_PIECES)).toMatchObject({ ok: true, value: { sheets: [{ grid: [[12345]] }] } });
    const damaged = flipStoredByte(bytes, '<v>12345<', '<v>12346<');
    const whole = readXlsxValues(damaged, WHOLE);
    expect(whole).toMatchObject({ ok: false, code: 'file.corrupt' });
    expect(readXlsxValues(damaged, IN_PIECES)).toEqual(whole);
  });

  it('reads a character cut by a piece’s end as one, and refuses it broken, as read whole', () => {
    // White space before the first row puts "Đ" (two bytes) across the first piece's end.
    const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    const cell = '<row r="1"><c r="A1" t="inlineStr"><is><t>';
    const pad = INFLATE_PIECE_BYTES - 1 - head.length - cell.length;
    const all = unzipSync(buildPackage({ sheets: [{ name: 'S', xml: 'x' }] })) as Zippable;
    all['xl/worksheets/sheet1.xml'] = strToU8(`${head}${' '.repeat(pad)}${cell}Đồng</t></is></c></row></sheetData></worksheet>`);
    const bytes = zipSync(all, { level: 0 });
    const whole = readXlsxValues(bytes, WHOLE);
    expect(whole).toMatchObject({ ok: true, value: { sheets: [{ grid: [['Đồng']] }] } });
    expect(readXlsxValues(bytes, IN_PIECES)).toEqual(whole);

    // The second byte of "Đ" (0xC4 0x90) turned into a lead byte, CRC-32 computed anew: invalid UTF-8.
    const sheet = all['xl/worksheets/sheet1.xml'] as Uint8Array;
    const at = Buffer.from(sheet).indexOf(Buffer.from('Đồng'));
    expect(at).toBe(INFLATE_PIECE_BYTES - 1);
    const brokenSheet = sheet.slice();
    brokenSheet[at + 1] = 0xc4;
    const broken = zipSync({ ...all, 'xl/worksheets/sheet1.xml': brokenSheet }, { level: 0 });
    const refused = readXlsxValues(broken, WHOLE);
    expect(refused).toMatchObject({ ok: false, code: 'file.bad_text' });
    expect(readXlsxValues(broken, IN_PIECES)).toEqual(refused);
  });

  it('a sheet past STREAM_PART_BYTES is inflated and scanned by default in pieces, neither its bytes nor its text made whole', () => {
    const row = (r: number) => `<row r="${r}">${Array.from({ length: 26 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r * 100 + c}</v></c>`).join('')}</row>`;
    const rows: string[] = [];
    let size = 0;
    for (let r = 1; size < STREAM_PART_BYTES + 1000; r++) {
      const x = row(r);
      rows.push(x);
      size += x.length;
    }
    const bytes = buildPackage({ sheets: [{ name: 'S', xml: sheetXml(rows.join('')) }] });
    const made: number[] = [];
    const inflated: number[] = [];
    const read = readXlsxValues(bytes, {
      ...WHOLE,
      binaryText: (b) => (made.push(b.length), nodeBinaryText(b)),
      inflate: (data, max) => {
        const out = NODE_XLSX_CODECS.inflate(data, max);
        inflated.push(out ? out.length : -1);
        return out;
      },
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const grid = read.value.sheets[0].grid;
    expect(grid.length).toBe(rows.length);
    expect(grid[0].slice(0, 3)).toEqual([100, 101, 102]);
    expect(grid[rows.length - 1][25]).toBe(rows.length * 100 + 25);
    expect(made.length).toBeGreaterThan(STREAM_PART_BYTES / INFLATE_PIECE_BYTES);
    expect(Math.max(...made)).toBeLessThanOrEqual(INFLATE_PIECE_BYTES);
    expect(Math.max(...made)).toBeGreaterThan(INFLATE_PIECE_BYTES - 300);
    // The host's inflater only ever gave the small parts, whole.
    expect(Math.max(...inflated)).toBeLessThan(4096);
    // Read whole, the same values.
    expect(readXlsxValues(bytes, { ...WHOLE, streamPartBytes: Infinity })).toEqual(read);
  });
});

describe('a large part read as it is inflated on a host without a Latin-1 copy (browsers, Apps Script)', () => {
  const PLAIN: ReadXlsxOptions = { fileName: 'xa.xlsx' };

  it('jsBinaryText gives one character per byte, 0x80–0x9F included, across its 8 KB steps', () => {
    const bytes = Uint8Array.from({ length: 20_000 }, (_, i) => (i * 7) % 256);
    const text = jsBinaryText(bytes);
    expect(text.length).toBe(bytes.length);
    expect(text).toBe(nodeBinaryText(bytes));
  });

  it('reads the rich fixture in pieces with no host codecs at all, exactly as read whole', async () => {
    for (const useSharedStrings of [true, false]) {
      const made = await toBytes(buildRichWorkbook(), { useSharedStrings });
      for (const bytes of [made, rezip(made, 0)]) {
        const whole = readXlsxValues(bytes, { ...PLAIN, streamPartBytes: Infinity });
        expect(whole.ok).toBe(true);
        expect(readXlsxValues(bytes, { ...PLAIN, streamPartBytes: 0 })).toEqual(whole);
      }
    }
  });

  it('a Vietnamese sheet past STREAM_PART_BYTES: the same values as the command line reads, its bytes never inflated whole', () => {
    const rows: string[] = [];
    let size = 0;
    for (let r = 1; size < STREAM_PART_BYTES + 1000; r++) {
      const x = `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Xã Đồng Tâm ${r} — hồ sơ trực tuyến</t></is></c><c r="B${r}"><v>${r}</v></c></row>`;
      rows.push(x);
      size += x.length;
    }
    const bytes = buildPackage({ sheets: [{ name: 'S', xml: sheetXml(rows.join('')) }] });
    const inflated: number[] = [];
    const read = readXlsxValues(bytes, { ...PLAIN, inflate: (data, max) => {
      const out = NODE_XLSX_CODECS.inflate(data, max);
      inflated.push(out ? out.length : -1);
      return out;
    } });
    expect(read).toEqual(readXlsxValues(bytes, WHOLE));
    expect(readXlsxValues(bytes, PLAIN)).toEqual(read);
    // The host's inflater (here only to watch it) was asked for the small parts alone.
    expect(Math.max(...inflated)).toBeLessThan(4096);
    expect(read.ok && read.value.sheets[0].grid[rows.length - 1]).toEqual([`Xã Đồng Tâm ${rows.length} — hồ sơ trực tuyến`, rows.length]);
  });
});
