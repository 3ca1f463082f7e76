import ExcelJS from 'exceljs';
import { runInNewContext } from 'node:vm';
import { NODE_XLSX_CODECS } from '../../cli/codecs';
import { readXlsxValues, type ReadXlsxOptions, type XlsxWorkbookValues } from '../../io/xlsx/read-values';
import {
  buildPackage,
  buildRichWorkbook,
  excelJsGrid,
  loadWithExcelJs,
  patchPackage,
  sheetXml,
  toBytes,
  UTC,
} from './xlsx-fixtures';

/**
 * Every test runs twice: as a browser reads (fflate, parts decoded as UTF-8) and as the command line
 * reads (zlib, sheets and shared strings scanned as binary text and decoded where text is taken out).
 */
const READ_MODES: [string, ReadXlsxOptions][] = [
  ['UTF-8 text', {}],
  ['binary text (command line)', NODE_XLSX_CODECS],
];

describe.each(READ_MODES)('read as %s', (_mode, codecs) => {
  function read(bytes: Uint8Array, opts?: Parameters<typeof readXlsxValues>[1]): XlsxWorkbookValues {
    const r = readXlsxValues(bytes, { ...codecs, ...opts });
    if (!r.ok) throw new Error(`${r.code}: ${r.reason}`);
    return r.value;
  }

  async function expectParity(bytes: Uint8Array): Promise<XlsxWorkbookValues> {
    const ours = read(bytes);
    const theirs = await loadWithExcelJs(bytes);
    expect(ours.sheets.map((s) => s.name)).toEqual(theirs.worksheets.map((w) => w.name));
    expect(ours.sheets.map((s) => s.hidden)).toEqual(theirs.worksheets.map((w) => w.state !== 'visible'));
    for (const sheet of ours.sheets) {
      expect(sheet.grid).toEqual(excelJsGrid(theirs.getWorksheet(sheet.name)!));
    }
    return ours;
  }

  describe('readXlsxValues: parity with exceljs on workbooks exceljs writes', () => {
    let sharedBytes: Uint8Array;
    beforeAll(async () => {
      sharedBytes = await toBytes(buildRichWorkbook());
    });

    it('reads the same values as exceljs, with shared strings', async () => {
      const wb = await expectParity(sharedBytes);
      expect(wb.date1904).toBe(false);
      const g = wb.sheets[0].grid;
      expect(g[0]).toEqual(['STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu năm 2025', 'Hạn hoàn thành', 'Đã đạt', 'Kết quả', null, null]);
      expect(g[1]).toEqual([1, 'Tỷ lệ hồ sơ giải quyết đúng hạn', 0.955, UTC(2025, 3, 31), true, 95.5, null, null]);
      expect(g[2]).toEqual([2, '=Không phải công thức: bắt đầu bằng dấu bằng', -1234567.25, UTC(2025, 12, 15, 14, 30), false, null, null, null]);
      expect(g[3]).toEqual([3, 'Đảm bảo đúng hạn 100%', '#DIV/0!', UTC(2025, 4, 1), true, '#DIV/0!', null, null]);
      expect(g[4]).toEqual(['Ghi chú <b> & "trích dẫn" \'đơn\'', 'Tỷ lệ hồ sơ giải quyết đúng hạn (xã)', 'dòng 1\ndòng 2', '#N/A', null, null, null, null]);
      expect(g).toHaveLength(9);
      expect(g[8][7]).toBe('Cuối');
    });

    it('reads the same values as exceljs when strings are written inline (t="str" and inlineStr)', async () => {
      const bytes = await toBytes(buildRichWorkbook(), { useSharedStrings: false });
      const wb = await expectParity(bytes);
      expect(wb.sheets[0].grid[3][1]).toBe('Đảm bảo đúng hạn 100%');
      expect(wb.sheets[0].grid[0][1]).toBe('Chỉ tiêu');
    });

    it('lists formulas without a cached value and error cells by address', () => {
      const s = read(sharedBytes).sheets[0];
      expect(s.formulasWithoutValue).toEqual(['F3']);
      expect(s.grid[2][5]).toBeNull();
      expect(s.errorCells).toEqual([
        { address: 'C4', value: '#DIV/0!' },
        { address: 'F4', value: '#DIV/0!' },
        { address: 'D5', value: '#N/A' },
      ]);
    });

    it('keeps a merged range value in its top-left cell only, where exceljs repeats it', async () => {
      const s = read(sharedBytes).sheets[0];
      expect(s.merges).toEqual(['A7:C8', 'E7:F7']);
      expect(s.grid[6].slice(0, 6)).toEqual(['Nhiệm vụ trọng tâm (gộp ô)', null, null, null, 42, null]);
      expect(s.grid[7].slice(0, 3)).toEqual([null, null, null]);
      const theirs = (await loadWithExcelJs(sharedBytes)).getWorksheet('Phụ lục 1')!;
      expect(theirs.getCell('C8').value).toBe('Nhiệm vụ trọng tâm (gộp ô)');
      expect(theirs.getCell('F7').value).toBe(42);
    });

    it('reports hidden and very hidden sheets', () => {
      const wb = read(sharedBytes);
      expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
        ['Phụ lục 1', false],
        ['Danh mục ẩn', true],
        ['Cấu hình', true],
      ]);
      expect(wb.sheets[1].grid).toEqual([['Mã', null], [null, 'Quý IV']]);
    });

    it('reads only the sheets the filter keeps', () => {
      const wb = read(sharedBytes, { sheetFilter: (name) => name === 'Cấu hình' });
      expect(wb.sheets.map((s) => s.name)).toEqual(['Cấu hình']);
      expect(wb.sheets[0].grid).toEqual([[2025]]);
    });

    it('does not modify the bytes it reads', () => {
      const copy = sharedBytes.slice();
      read(sharedBytes);
      expect(sharedBytes).toEqual(copy);
    });
  });

  describe('readXlsxValues: the 1904 date system', () => {
    it('matches exceljs on date1904="1"', async () => {
      const bytes = await toBytes(buildRichWorkbook({ date1904: true }));
      const wb = await expectParity(bytes);
      expect(wb.date1904).toBe(true);
      expect(wb.sheets[0].grid[1][3]).toEqual(UTC(2025, 3, 31));
    });

    it('honours date1904="true" (LibreOffice), which exceljs ignores and shifts by 1462 days', async () => {
      const bytes = await toBytes(buildRichWorkbook({ date1904: true }));
      let patched = false;
      const trueBytes = patchPackage(bytes, (path, text) => {
        if (path !== 'xl/workbook.xml') return undefined;
        patched = text.includes('date1904="1"');
        return text.replace('date1904="1"', 'date1904="true"');
      });
      expect(patched).toBe(true);
      const wb = read(trueBytes);
      expect(wb.date1904).toBe(true);
      expect(wb.sheets[0].grid[1][3]).toEqual(UTC(2025, 3, 31));
      expect(wb.sheets[0].grid[2][3]).toEqual(UTC(2025, 12, 15, 14, 30));
      const theirs = (await loadWithExcelJs(trueBytes)).getWorksheet('Phụ lục 1')!;
      const shifted = theirs.getCell('D2').value as Date;
      expect((UTC(2025, 3, 31).getTime() - shifted.getTime()) / 86400000).toBe(1462);
    });
  });

  describe('readXlsxValues: packages from other writers', () => {
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
      <numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0 &quot;ngày&quot;"/><numFmt numFmtId="166" formatCode="[h]:mm"/></numFmts>
      <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
      <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="166"/></cellXfs>
    </styleSheet>`;

    it('decodes Excel escapes, entities, rich runs without phonetic guides, and CDATA', () => {
      const bytes = buildPackage({
        sharedStrings: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">
          <si><t>dòng 1_x000D_
dòng 2</t></si>
          <si><t>_x005F_x0041_ là chữ, _x0041_ là A</t></si>
          <si><r><rPr><b/></rPr><t>Đ&#7843;m </t></r><r><t xml:space="preserve">b&#x1EA3;o &amp; </t></r><rPh sb="0" eb="1"><t>PHIÊN ÂM</t></rPh></si>
          <si><t><![CDATA[<không phải thẻ> & ký tự]]></t></si>
          <si/>
        </sst>`,
        sheets: [
          {
            name: 'Chuỗi',
            xml: sheetXml(
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>',
            ),
          },
        ],
      });
      expect(read(bytes).sheets[0].grid).toEqual([
        ['dòng 1\r\ndòng 2', '_x0041_ là chữ, A là A', 'Đảm bảo & ', '<không phải thẻ> & ký tự', ''],
      ]);
    });

    it('reads prefixed elements, cells and rows without r, inline strings, t="d", and custom date formats', () => {
      const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:D3"/><x:sheetData>
        <x:row><x:c t="inlineStr"><x:is><x:t>Tiêu đề</x:t></x:is></x:c><x:c s="1"><x:v>45747</x:v></x:c><x:c s="2"><x:v>15</x:v></x:c><x:c s="4"><x:v>1.5</x:v></x:c></x:row>
        <x:row><x:c t="d"><x:v>2025-03-31T00:00:00</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c><x:c r="D2" s="3"><x:v>45658.5</x:v></x:c></x:row>
        <x:row r="3"><x:c r="B3" t="str"><x:f>A1&amp;"!"</x:f><x:v>Tiêu đề!</x:v></x:c><x:c r="C3" t="e"><x:v>#REF!</x:v></x:c></x:row>
      </x:sheetData></x:worksheet>`;
      const wb = read(buildPackage({ styles, sheets: [{ name: 'Khác', xml }] }));
      expect(wb.sheets[0].grid).toEqual([
        ['Tiêu đề', UTC(2025, 3, 31), 15, UTC(1899, 12, 31, 12)],
        [UTC(2025, 3, 31), false, null, UTC(2025, 1, 1, 12)],
        [null, 'Tiêu đề!', '#REF!', null],
      ]);
      expect(wb.sheets[0].errorCells).toEqual([{ address: 'C3', value: '#REF!' }]);
    });

    it('trims the grid to the last value, starting at A1', () => {
      const xml = sheetXml('<row r="2"><c r="C2" s="0"/><c r="B2"><v>7</v></c></row><row r="9"><c r="Z9" s="1"/></row>');
      expect(read(buildPackage({ sheets: [{ name: 'S', xml }] })).sheets[0].grid).toEqual([[null, null], [null, 7]]);
    });

    it('empties the other cells of a merged range even when the file still holds values there', () => {
      // LibreOffice can keep the hidden contents of merged cells; Excel shows only the top-left one.
      const xml = sheetXml(
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t>Gộp</t></is></c><c r="C1"><v>9</v></c><c r="D1"><v>8</v></c></row>' +
          '<row r="2"><c r="B2"><v>7</v></c><c r="D2"><v>6</v></c></row>',
        '<mergeCells count="2"><mergeCell ref="B1:C2"/><mergeCell ref="D1:D2"/></mergeCells>',
      );
      const s = read(buildPackage({ sheets: [{ name: 'S', xml }] })).sheets[0];
      expect(s.merges).toEqual(['B1:C2', 'D1:D2']);
      expect(s.grid).toEqual([[1, 'Gộp', null, 8]]);
    });

    it('reads a sheet with no cells as an empty grid', () => {
      const wb = read(buildPackage({ sheets: [{ name: 'Trống', xml: sheetXml('') }] }));
      expect(wb.sheets[0]).toEqual({ name: 'Trống', hidden: false, grid: [], merges: [], formulasWithoutValue: [], errorCells: [] });
    });

    it('lists a formula with an empty <v/> as without value, but keeps an empty string result', () => {
      const xml = sheetXml('<row r="1"><c r="A1"><f>B1</f><v></v></c><c r="B1" t="str"><f>""</f><v></v></c><c r="C1"><v>1</v></c></row>');
      const s = read(buildPackage({ sheets: [{ name: 'S', xml }] })).sheets[0];
      expect(s.grid).toEqual([[null, '', 1]]);
      expect(s.formulasWithoutValue).toEqual(['A1']);
    });

    it('reads the workbook named by the root relationships, wherever it is', () => {
      const bytes = buildPackage({ sheets: [{ name: 'A', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }] });
      // Same package, but _rels/.rels points at an absolute target: still found.
      const patched = patchPackage(bytes, (p, t) => (p === '_rels/.rels' ? t.replace('Target="xl/workbook.xml"', 'Target="/xl/workbook.xml"') : undefined));
      expect(read(patched).sheets[0].grid).toEqual([[1]]);
    });

    it('skips chart sheets', async () => {
      const bytes = buildPackage({
        sheets: [{ name: 'Số liệu', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }],
      });
      const withChart = patchPackage(bytes, (p, t) => {
        if (p === 'xl/workbook.xml') return t.replace('</sheets>', '<sheet name="Biểu đồ" sheetId="9" r:id="rIdC"/></sheets>');
        if (p === 'xl/_rels/workbook.xml.rels') {
          return t.replace(
            '</Relationships>',
            '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
          );
        }
        return undefined;
      });
      expect(read(withChart).sheets.map((s) => s.name)).toEqual(['Số liệu']);
    });
  });

  describe('readXlsxValues: text details', () => {
    it('reads the text of a formula result written with t="str" and entities', async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('S').getCell('A1').value = { formula: '"a<b"', result: 'a<b & c' };
      const r = read(await toBytes(wb));
      expect(r.sheets[0].grid).toEqual([['a<b & c']]);
    });

    it('accepts UTF-8 with a byte-order mark in a part', () => {
      const bytes = buildPackage({ sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Xã</t></is></c></row>') }] });
      const bom = patchPackage(bytes, (p, t) => (p === 'xl/worksheets/sheet1.xml' ? '\uFEFF' + t : undefined));
      expect(read(bom).sheets[0].grid).toEqual([['Xã']]);
    });
  });

  describe('readXlsxValues: what callers hand over', () => {
    it('accepts a Node Buffer, a sub-view, an ArrayBuffer and bytes from another realm', async () => {
      const bytes = await toBytes(buildRichWorkbook());
      const expected = read(bytes);
      expect(read(Buffer.from(bytes))).toEqual(expected);
      const padded = new Uint8Array(bytes.length + 10);
      padded.set(bytes, 5);
      expect(read(padded.subarray(5, 5 + bytes.length))).toEqual(expected);
      expect(read(bytes.slice().buffer as unknown as Uint8Array)).toEqual(expected);
      // An iframe or vm context has its own Uint8Array: `instanceof` fails across realms.
      const foreign = runInNewContext('new Uint8Array(n)', { n: bytes.length }) as Uint8Array;
      foreign.set(bytes);
      expect(foreign instanceof Uint8Array).toBe(false);
      expect(read(foreign)).toEqual(expected);
    });
  });
});
