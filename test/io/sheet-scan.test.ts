/**
 * The worksheet scanner's in-place reading: references, attribute quotes, cell types and the lone
 * <v> fast path give what the general path gives; merged ranges are found wherever they stand after
 * the cell data, and only there.
 */
import { readSheetXml, type SheetContext } from '../../io/xlsx/sheet';

const ctx: SheetContext = { sharedStrings: ['không', 'một'], dateStyles: [false, true], date1904: false };
const sheet = (data: string, after = '') =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData>${after}</worksheet>`;
const read = (xml: string) => readSheetXml(xml, ctx);

describe('readSheetXml: cells read in place', () => {
  it('reads references, quotes and spacing of any kind', () => {
    expect(read(sheet(`<row r="1"><c r='A1' t = "s"><v>1</v></c><c  r = "$C$1"  t='s'><v>0</v></c></row>`))).toMatchObject({
      grid: [['một', null, 'không']],
    });
  });

  it('gives the same value by the fast path and by the general one', () => {
    const fast = read(sheet('<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1"><v>2.5</v></c><c r="C1" s="1"><v>45658</v></c></row>'));
    const general = read(sheet('<row r="1"><c r="A1" t="s"><f>X</f><v>1</v></c><c r="B1"><v>2.5</v><f>Y</f></c><c r="C1" s="1"><v>45658</v> </c></row>'));
    expect(fast).toMatchObject({ grid: [['một', 2.5, new Date(Date.UTC(2025, 0, 1))]] });
    expect(general).toMatchObject({ grid: (fast as { grid: unknown }).grid });
  });

  it('reads a shared-string index with spaces around it (XML Schema collapses them), and refuses one out of range or not a plain integer', () => {
    expect(read(sheet('<row r="1"><c r="A1" t="s"><v> 1 </v></c></row>'))).toMatchObject({ grid: [['một']] });
    expect(read(sheet('<row r="1"><c r="A1" t="s"><v>7</v></c></row>'))).toEqual({
      problem: 'corrupt',
      detail: 'shared string',
      reason: 'ô A1 trỏ tới chuỗi dùng chung “7” không có trong tệp',
    });
    for (const v of ['5e0', '1.0', '+1', '0x1', '1 0', '']) {
      expect(read(sheet(`<row r="1"><c r="A1" t="s"><v>${v}</v></c></row>`))).toMatchObject({ problem: 'corrupt', reason: expect.stringMatching(/^ô A1 /) });
    }
  });

  it('reads t="n" as a number and refuses a type Excel does not have (upper case, unknown, padded)', () => {
    expect(read(sheet('<row r="1"><c r="A1" t="n"><v>1</v></c></row>'))).toMatchObject({ grid: [[1]] });
    for (const t of ['S', 'foo', 's ', 'N', '']) {
      expect(read(sheet(`<row r="1"><c r="B1" t="${t}"><v>2</v></c></row>`))).toMatchObject({
        problem: 'corrupt',
        reason: expect.stringMatching(/^ô B1 có kiểu dữ liệu/),
      });
    }
  });

  it('refuses booleans, errors and ISO dates that are not one, and an empty value where none can be', () => {
    const bad: [string, RegExp][] = [
      ['<c r="A1" t="b"><v>2</v></c>', /đúng\/sai “2”/],
      ['<c r="A1" t="b"><v>yes</v></c>', /đúng\/sai “yes”/],
      ['<c r="A1" t="e"><v>oops</v></c>', /mã lỗi “oops”/],
      ['<c r="A1" t="d"><v>2025-13-01</v></c>', /ngày giờ “2025-13-01”/],
      ['<c r="A1" t="d"><v>hôm qua</v></c>', /ngày giờ “hôm qua”/],
      ['<c r="A1" t="s"><v></v></c>', /giá trị trống/],
      ['<c r="A1"><v></v></c>', /giá trị trống/],
    ];
    for (const [cell, why] of bad) expect(read(sheet(`<row r="1">${cell}</row>`))).toMatchObject({ problem: 'corrupt', reason: expect.stringMatching(why) });
    expect(read(sheet('<row r="1"><c r="A1" t="b"><v>true</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c></row>'))).toMatchObject({
      grid: [[true, false, '#N/A']],
    });
  });

  it('reads ISO time-only cells as times of day, as a serial time reads', () => {
    const xml = sheet('<row r="1"><c r="A1" t="d"><v>12:30:00</v></c><c r="B1" t="d"><v>T00:15</v></c><c r="C1" t="d"><v>2025-05-05</v></c></row>');
    expect(read(xml)).toMatchObject({ grid: [[new Date(Date.UTC(1899, 11, 30, 12, 30)), new Date(Date.UTC(1899, 11, 30, 0, 15)), new Date(Date.UTC(2025, 4, 5))]] });
    expect(read(sheet('<row r="1"><c r="A1" t="d"><v>25:00</v></c></row>'))).toMatchObject({ problem: 'corrupt' });
  });

  it('refuses a cell written twice, whether in order or not, and reads cells out of order that are each written once', () => {
    expect(read(sheet('<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>'))).toMatchObject({ problem: 'corrupt', reason: 'ô A1 được ghi hai lần' });
    expect(read(sheet('<row r="2"><c r="B2"><v>1</v></c></row><row r="1"><c r="A1"><v>3</v></c></row><row r="2"><c r="B2"><v>2</v></c></row>'))).toMatchObject({
      problem: 'corrupt',
      reason: 'ô B2 được ghi hai lần',
    });
    expect(read(sheet('<row r="2"><c r="C2"><v>1</v></c><c r="B2"><v>2</v></c></row><row r="1"><c r="A1"><v>3</v></c></row>'))).toMatchObject({
      grid: [[3, null, null], [null, 2, 1]],
    });
  });

  it('refuses what has lost a tag: a value outside a cell, a stray end tag, a cell holding another cell, text in a cell, no sheetData', () => {
    const bad: [string, RegExp][] = [
      ['<row r="1"><v>5</v></c></row>', /thẻ “<v>” nằm ngoài ô/],
      ['<row r="1"><c r="A1"><v>1</v></c>5</v></c></row>', /chữ nằm ngoài ô sau ô A1/],
      ['<row r="1"><c r="A1"><v>1</v><c r="B1"><v>2</v></c></row>', /ô A1 có thẻ “<c”|ô A1 có thẻ “<c>”/],
      ['<row r="1"><c r="A1">5</v></c></row>', /ô A1 có chữ nằm ngoài thẻ giá trị/],
      ['<row r="1"><c r="A1"><v>5</c></row>', /ô A1 thiếu thẻ đóng “<\/v>”/],
      ['<row r="1"><c r="A1"><f>B1</f>2</v></c></row>', /ô A1 có chữ/],
    ];
    for (const [rows, why] of bad) expect(read(sheet(rows))).toMatchObject({ problem: 'corrupt', reason: expect.stringMatching(why) });
    expect(read('<worksheet><dimension ref="A1"/></worksheet>')).toMatchObject({ problem: 'corrupt', reason: 'không có phần dữ liệu ô (sheetData)' });
  });

  it('refuses a number whose style the file does not declare (a lost <xf> would turn a date into a number)', () => {
    const ctx: SheetContext = { sharedStrings: [], dateStyles: [false, true], date1904: false };
    expect(readSheetXml(sheet('<row r="1"><c r="A1" s="1"><v>45658</v></c></row>'), ctx)).toMatchObject({ grid: [[new Date(Date.UTC(2025, 0, 1))]] });
    expect(readSheetXml(sheet('<row r="1"><c r="A1" s="2"><v>45658</v></c></row>'), ctx)).toMatchObject({ problem: 'corrupt', reason: expect.stringMatching(/ô A1 dùng kiểu định dạng số 2/) });
  });

  it('reads prefixed cells through the general path', () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2"><x:v>7</x:v></x:c><x:c r="C2" t="str"><x:v>chữ</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(read(xml)).toMatchObject({ grid: [[null, null, null], [null, 7, 'chữ']] });
  });

  it('refuses an attribute without its closing quote, and a cell never closed', () => {
    expect(read(sheet('<row r="1"><c r="A1 t="s"><v>1</v></c></row>'))).toMatchObject({ problem: 'corrupt' });
    expect(read(`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></sheetData></worksheet>`)).toMatchObject({ problem: 'corrupt' });
    expect(read(sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v>'))).toMatchObject({ problem: 'corrupt' });
  });

  it('names a reference past Excel limits as written', () => {
    expect(read(sheet('<row r="1"><c r=" XFE1"><v>1</v></c></row>'))).toMatchObject({ problem: 'corrupt', reason: 'có ô mang địa chỉ “ XFE1” không hợp lệ' });
    expect(read(sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>'))).toEqual({ problem: 'too_large', cell: 'XFE1' });
  });
});

describe('readSheetXml: the usual cell tag read in one pass', () => {
  /** A small deterministic generator (mulberry32), so a failure can be replayed. */
  function random(seed: number): () => number {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const column = (n: number): string => (n < 26 ? '' : column(Math.floor(n / 26) - 1)) + String.fromCharCode(65 + (n % 26));
  const dated: SheetContext = { sharedStrings: ['không', 'một', 'hai'], dateStyles: [false, true, false, true], date1904: false };

  interface Cell { ref: string; s?: string; t?: string; v?: string; extra?: string }
  /** Excel's own form: r, then s, then t, double quotes, one space, nothing else. */
  const usual = (c: Cell) => `<c r="${c.ref}"${c.s !== undefined ? ` s="${c.s}"` : ''}${c.t !== undefined ? ` t="${c.t}"` : ''}${c.v === undefined ? '/>' : `><v>${c.v}</v></c>`}`;
  /** The same cell written otherwise: t first, single quotes, spaces around "=", an extra attribute. */
  const unusual = (c: Cell) =>
    `<c${c.t !== undefined ? ` t = '${c.t}'` : ''}  r='${c.ref}'${c.s !== undefined ? ` s= "${c.s}"` : ''} cm="1"${c.v === undefined ? ' />' : `><v>${c.v}</v></c>`}`;

  it('reads random cells as the general reader does', () => {
    const next = random(20251122);
    for (let round = 0; round < 40; round++) {
      const rows: { number: number; cells: Cell[] }[] = [];
      for (let r = 0; r < 6; r++) {
        const number = r * 10 + 1 + Math.floor(next() * 9);
        const cells: Cell[] = [];
        for (let col = 0; col < 30; col++) {
          if (next() < 0.4) continue;
          const kind = next();
          const cell: Cell = { ref: `${column(col * 26)}${number}` };
          if (next() < 0.6) cell.s = String(Math.floor(next() * 4));
          if (kind < 0.3) { cell.t = 's'; cell.v = String(Math.floor(next() * 3)); }
          else if (kind < 0.4) { cell.t = 'b'; cell.v = next() < 0.5 ? '1' : '0'; }
          else if (kind < 0.45) { cell.t = 'e'; cell.v = '#DIV/0!'; }
          else if (kind < 0.5) { cell.t = 'str'; cell.v = 'Tổng'; }
          else if (kind < 0.8) { if (next() < 0.3) cell.t = 'n'; cell.v = String(Math.round(next() * 1e6) / 100); }
          cells.push(cell);
        }
        rows.push({ number, cells });
      }
      const write = (form: (c: Cell) => string, row: (n: number) => string) => sheet(rows.map((r) => `${row(r.number)}${r.cells.map(form).join('')}</row>`).join(''));
      const fast = readSheetXml(write(usual, (n) => `<row r="${n}" spans="1:30">`), dated);
      expect(fast).toEqual(readSheetXml(write(unusual, (n) => `<row spans="1:30"  r = '${n}' >`), dated));
      expect(fast).toHaveProperty('grid');
    }
  });

  it('reads styles, types and references at their limits, and hands anything else to the general reader', () => {
    const one = (tag: string) => readSheetXml(sheet(`<row r="1">${tag}</row>`), dated);
    expect(one('<c r="C1" s="3"><v>45658</v></c>')).toMatchObject({ grid: [[null, null, new Date(Date.UTC(2025, 0, 1))]] });
    expect(one('<c r="C1" s="2"><v>45658</v></c>')).toMatchObject({ grid: [[null, null, 45658]] });
    expect(one('<c r="A1" s="003" t="s"><v>2</v></c>')).toMatchObject({ grid: [['hai']] });
    expect(one('<c r="A1" t="inlineStr"><is><t>Xã Tân Phú</t></is></c>')).toMatchObject({ grid: [['Xã Tân Phú']] });
    expect(one('<c r="a1" t="s"><v>1</v></c>')).toMatchObject({ grid: [['một']] });
    expect(one('<c r="A1" s="1" t="s" cm="1"><v>1</v></c>')).toMatchObject({ grid: [['một']] });
    expect(one('<c r="A1"s="1"><v>5</v></c>')).toMatchObject({ grid: [[new Date(Date.UTC(1900, 0, 4))]] });
    expect(readSheetXml(sheet('<row r="1048576"><c r="XFD1048576"/></row>'), dated)).toMatchObject({ grid: [] });
    expect(one('<c r="A1048577"><v>1</v></c>')).toEqual({ problem: 'too_large', cell: 'A1048577' });
    expect(one('<c r="XFE1"/>')).toEqual({ problem: 'too_large', cell: 'XFE1' });
    expect(one('<c r="A0"><v>1</v></c>')).toMatchObject({ problem: 'corrupt', detail: 'cell r' });
    expect(one('<c r="A1" s="1x"><v>45658</v></c>')).toMatchObject({ problem: 'corrupt', reason: 'ô A1 có số kiểu định dạng “1x” không hợp lệ' });
    const rows = (xml: string) => readSheetXml(sheet(xml), dated);
    expect(rows('<row r="002"><c r="A2"><v>1</v></c></row><row r="3"><c><v>2</v></c></row>')).toMatchObject({ grid: [[null], [1], [2]] });
    expect(rows('<row r="0"><c r="A1"><v>1</v></c></row>')).toMatchObject({ problem: 'corrupt', reason: 'có số dòng “0” không hợp lệ' });
    expect(rows('<row r="1048577"><c><v>1</v></c></row>')).toEqual({ problem: 'too_large', cell: 'A1048577' });
    expect(rows('<row r="12345678"></row>')).toEqual({ problem: 'too_large', cell: 'A12345678' });
  });
});

describe('readSheetXml: merged ranges', () => {
  const cells = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>4</v></c></row>';

  it('finds merges after formats and validations, prefixed or not, and not in cell text', () => {
    const after =
      '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>' +
      '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>A1&gt;0</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="list" sqref="A2"><formula1>"mergeCell ref"</formula1></dataValidation></dataValidations>' +
      '<x:mergeCell xmlns:x="urn:x" ref=" A2:A2 "/>';
    const withText = cells.replace('<c r="B2"><v>4</v></c>', '<c r="B2" t="inlineStr"><is><t>&lt;mergeCell ref="A1:B2"/&gt;</t></is></c>');
    const r = read(sheet(withText, after));
    expect(r).toMatchObject({ merges: ['A1:B1', 'A2:A2'], grid: [[1, null], [3, '<mergeCell ref="A1:B2"/>']] });
  });

  it('reads no merge when the word appears only before the cell data ends', () => {
    const r = read(sheet(cells.replace('<v>4</v>', '<v>4</v><f>mergeCell</f>')));
    expect(r).toMatchObject({ merges: [], grid: [[1, 2], [3, 4]] });
  });

  it('refuses a merge reaching past Excel limits', () => {
    expect(read(sheet(cells, '<mergeCells><mergeCell ref="A1:XFE1"/></mergeCells>'))).toEqual({ problem: 'too_large', cell: 'XFE1' });
  });
});

describe('readSheetXml: where the cell data ends', () => {
  it('stops at the end of sheetData, prefixed or not, and reads nothing that looks like a cell after it', () => {
    const after = '<extLst><ext><c r="B1"><v>9</v></c><row r="5"/></ext></extLst>';
    expect(read(sheet('<row r="1"><c r="A1"><v>1</v></c></row>', after))).toMatchObject({ grid: [[1]] });
    const prefixed = `<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>2</x:v></x:c></x:row></x:sheetData>${after}</x:worksheet>`;
    expect(read(prefixed)).toMatchObject({ grid: [[2]] });
    expect(read(`<worksheet><sheetData/>${after}</worksheet>`)).toMatchObject({ grid: [] });
  });

  it('refuses sheet data that never ends, and a cell whose end lies past it', () => {
    expect(read('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></worksheet>')).toMatchObject({ problem: 'corrupt', reason: 'có thẻ đóng “</worksheet>” thừa sau ô A1' });
    expect(read('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>')).toMatchObject({ problem: 'corrupt', detail: 'sheetData not closed' });
    expect(read('<worksheet><sheetData><row r="1"><c r="A1"><f>X</f><v>1</v></row></sheetData><c>2</c></worksheet>')).toMatchObject({
      problem: 'corrupt',
      reason: 'ô A1 thiếu thẻ đóng',
    });
  });

  it('reads row numbers with spaces, passes over the rest of a row tag, and reads date styles written with spaces', () => {
    const rows =
      '<row r=" 2 " spans="1:3" x14ac:dyDescent="0.25" odd="a>b"><c r="A2"><v>1</v></c></row>' +
      '<row r="3" ht="20" customHeight="1"><c r="B3" s=" 1 "><v>45658</v></c></row>';
    expect(read(sheet(rows))).toMatchObject({ grid: [[null, null], [1, null], [null, new Date(Date.UTC(2025, 0, 1))]] });
    expect(read(sheet('<row r="2x"><c r="A1"><v>1</v></c></row>'))).toMatchObject({ problem: 'corrupt', reason: 'có số dòng “2x” không hợp lệ' });
  });

  it('reads the merges of every merge list, each once', () => {
    const cells = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>';
    const after = '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><phoneticPr fontId="1"/><mergeCells><mergeCell ref="C1:C1"/></mergeCells>';
    expect(read(sheet(cells, after))).toMatchObject({ merges: ['A1:B1', 'C1:C1'], grid: [[1, null, 3]] });
  });
});

describe('readSheetXml: numbers read in place', () => {
  it('reads whole numbers, decimals, signs, exponents and padded digits in the XML Schema form', () => {
    const texts = ['0', '7', '007', '123456789012345', '1234567890123456', '-3', '+4', '2.5', '1E3', '1e-7', ' 12 ', '.5', '5.'];
    const cells = texts.map((t, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${t}</v></c>`).join('');
    expect(read(sheet(`<row r="1">${cells}</row>`))).toMatchObject({ grid: [texts.map(Number)] });
  });

  it('refuses what Number() would take but XML Schema does not: hexadecimal, blanks, Infinity, NaN, commas, overflow', () => {
    for (const t of ['0x1A', ' ', 'Infinity', '-Infinity', 'INF', 'NaN', '1,5', '1e999', '1_000', '١٢', '0b1', '1e', '+', '.']) {
      expect(read(sheet(`<row r="1"><c r="C4"><v>${t}</v></c></row>`))).toMatchObject({ problem: 'corrupt', reason: `ô C4 có số “${t}” không đúng dạng` });
    }
  });
});
