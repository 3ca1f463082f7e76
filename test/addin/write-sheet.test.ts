import { emptySheet, type SheetModel } from '../../shared/layout/sheet-model';
import { needsTextFormat } from '../../addin/excel/host-values';
import { anchorAtA1, readGrids } from '../../addin/excel/read-grids';
import { BatchedWriter, charactersToPoints, formatRuns, SheetNameSet, writeSheetModel, writeSheets } from '../../addin/excel/write-sheet';
import { FakeWorkbook } from './fake-excel';

function sample(): SheetModel {
  const m = emptySheet('Phụ lục 1 - Chỉ tiêu');
  m.rows = [
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['Mã', 'STT', 'Chỉ tiêu', 'Tử số', 'Mẫu số', 'Kết quả', 'Ghi chú'],
    ['CT.01', '3.1', '=1+1 là ghi chú', 45, 50, 0.9, '- Rà soát thủ tục'],
    ['CT.02', '05', '+84 912 345 678', '', '', '', '@mention'],
    ['CT.03', 'I', 'TRUE', new Date(Date.UTC(2025, 0, 10)), '10/01/2025', '', 'bình thường'],
  ];
  m.formulas = [{ row: 2, col: 5, formula: 'IF(E3>0,D3/E3,"")', value: 0.9 }];
  m.columnWidths = [12, 6, 48];
  m.hiddenColumns = [0];
  m.merges = ['A1:G1'];
  m.styles = [
    { range: 'A2:G2', style: { bold: true, fill: '#D9E1F2', border: true, hAlign: 'center', wrap: true } },
    { range: 'F3:F40', style: { numberFormat: '0.0%' } },
    { range: 'A1', style: { fontSize: 14 } },
  ];
  m.validations = [
    { range: 'D3:E40', kind: 'decimal', min: 0, strict: false, title: 'Số lượng', prompt: 'Nhập số, hoặc "x"' },
    { range: 'G3:G40', kind: 'list', values: ['Đạt', 'Chưa đạt'], strict: true },
    { range: 'H3:H40', kind: 'date', min: '2025-01-01', max: '2025-12-31' },
  ];
  m.conditionalFormats = [{ range: 'F3:F40', formula: 'AND(ISNUMBER($F3),$F3<0.8)', style: { fill: '#FFC7CE', color: '#9C0006' } }];
  m.frozenRows = 2;
  m.frozenColumns = 3;
  m.printTitleRows = '2:2';
  m.print = { paper: 'A4', orientation: 'landscape', fitToWidth: true };
  m.rowHeights = { 1: 30 };
  return m;
}

async function write(book: FakeWorkbook, model: SheetModel, pageLayout = true) {
  const { fake, context } = book.requestContext();
  const ws = context.workbook.worksheets;
  ws.load('items/name');
  await context.sync();
  writeSheetModel(context, model, new SheetNameSet(ws.items.map((s) => s.name)), { pageLayout });
  await context.sync();
  return fake.syncCount;
}

describe('writeSheetModel', () => {
  test('text that Excel would read as a formula, number, date or boolean stays text', async () => {
    const book = new FakeWorkbook();
    await write(book, sample());
    const s = book.sheet('Phụ lục 1 - Chỉ tiêu');
    expect(s.value('C3')).toBe('=1+1 là ghi chú');
    expect(s.formula('C3')).toBeNull();
    expect(s.value('G3')).toBe('- Rà soát thủ tục');
    expect(s.value('C4')).toBe('+84 912 345 678');
    expect(s.value('G4')).toBe('@mention');
    expect(s.value('B4')).toBe('05');
    expect(s.value('B3')).toBe('3.1');
    expect(s.value('C5')).toBe('TRUE');
    expect(s.value('E5')).toBe('10/01/2025');
    expect(s.numberFormat('C3')).toBe('@');
    // plain words and real numbers keep their own formats
    expect(s.value('G5')).toBe('bình thường');
    expect(s.numberFormat('G5')).toBe('General');
    expect(s.value('D3')).toBe(45);
  });

  test('the fake behaves like Excel: the same strings written without the text format turn into formulas and numbers', async () => {
    const book = new FakeWorkbook();
    const { context } = book.requestContext();
    const r = context.workbook.worksheets.getItem('Sheet1').getRange('A1:C1');
    r.values = [['=1+1 là ghi chú', '05', '- Rà soát']];
    await context.sync();
    const s = book.sheet('Sheet1');
    expect(s.formula('A1')).toBe('=1+1 là ghi chú');
    expect(s.value('A1')).toBe('#NAME?');
    expect(s.value('B1')).toBe(5);
    expect(s.value('C1')).toBe('#NAME?');
  });

  test('formulas are written as formulas over the computed values; dates as serials shown dd/mm/yyyy', async () => {
    const book = new FakeWorkbook();
    await write(book, sample());
    const s = book.sheet('Phụ lục 1 - Chỉ tiêu');
    expect(s.formula('F3')).toBe('=IF(E3>0,D3/E3,"")');
    expect(s.value('F3')).toBe(0.9);
    expect(s.numberFormat('F3')).toBe('0.0%');
    expect(s.numberFormat('F40')).toBe('0.0%');
    expect(s.value('D5')).toBe(45667);
    expect(s.numberFormat('D5')).toBe('dd/mm/yyyy');
  });

  test('formats, widths, merges, validation, conditional formats, panes and page setup', async () => {
    const book = new FakeWorkbook();
    await write(book, sample());
    const s = book.sheet('Phụ lục 1 - Chỉ tiêu');
    expect(s.format('B2', 'font.bold')).toBe(true);
    expect(s.format('B2', 'fill.color')).toBe('#D9E1F2');
    expect(s.format('C2', 'border.InsideVertical.style')).toBe('Continuous');
    expect(s.format('A1', 'font.size')).toBe(14);
    expect(s.format('Z99', 'font.name')).toBe('Times New Roman');
    expect(s.format('A2', 'rowHeight')).toBe(30);
    expect(s.columnWidths.get(2)).toBe(charactersToPoints(48));
    expect([...s.hiddenColumns]).toEqual([0]);
    expect(s.merges).toEqual(['A1:G1']);
    const list = s.validations.find((v) => v.address === 'G3:G40');
    expect(list?.rule).toEqual({ list: { inCellDropDown: true, source: 'Đạt,Chưa đạt' } });
    expect(list?.errorAlert?.style).toBe('Stop');
    const counts = s.validations.find((v) => v.address === 'D3:E40');
    expect(counts?.rule).toEqual({ decimal: { operator: 'GreaterThanOrEqualTo', formula1: 0 } });
    expect(counts?.errorAlert?.style).toBe('Warning');
    expect(counts?.prompt).toEqual({ showPrompt: true, title: 'Số lượng', message: 'Nhập số, hoặc "x"' });
    const dates = s.validations.find((v) => v.address === 'H3:H40');
    // ISO bounds, read the same under any regional setting
    expect(dates?.rule).toEqual({ date: { operator: 'Between', formula1: '2025-01-01', formula2: '2025-12-31' } });
    expect(s.conditionalFormats).toEqual([
      { address: 'F3:F40', type: 'Custom', formula: '=AND(ISNUMBER($F3),$F3<0.8)', fill: '#FFC7CE', fontColor: '#9C0006' },
    ]);
    expect(s.frozen).toEqual({ rows: 2, cols: 3 });
    expect(s.page).toEqual({
      paperSize: 'A4', orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: '$2:$2',
    });
  });

  test('without ExcelApi 1.9 the page setup is skipped and the rest is written', async () => {
    const book = new FakeWorkbook();
    await write(book, sample(), false);
    const s = book.sheet('Phụ lục 1 - Chỉ tiêu');
    expect(s.page).toEqual({});
    expect(s.value('A3')).toBe('CT.01');
  });

  test('writing again updates the same sheet in place: no duplicate, old merges and rules gone', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    await write(book, sample());
    const second = sample();
    second.rows = second.rows.slice(0, 3);
    second.merges = ['A1:C1'];
    second.validations = [];
    second.hiddenColumns = [];
    await write(book, second);
    expect(book.names).toEqual(['Sheet1', 'Phụ lục 1 - Chỉ tiêu']);
    const s = book.sheet('Phụ lục 1 - Chỉ tiêu');
    expect(s.merges).toEqual(['A1:C1']);
    expect(s.validations).toEqual([]);
    expect(s.hiddenColumns.size).toBe(0);
    expect(s.value('A4')).toBe('');
    expect(s.conditionalFormats).toHaveLength(1);
  });

  test('hidden sheets are hidden', async () => {
    const book = new FakeWorkbook();
    const meta = emptySheet('_cchc_meta');
    meta.rows = [['templateId', 'CCHC-PL']];
    meta.hidden = true;
    await write(book, meta);
    expect(book.sheet('_cchc_meta').visibility).toBe('Hidden');
  });

  test('writing a sheet takes the caller\'s syncs only, however many rows', async () => {
    const small = sample();
    const big = sample();
    for (let i = 0; i < 2000; i++) big.rows.push([`CT.${i}`, `${i}`, `Chỉ tiêu ${i}`, i, i + 1, '', '']);
    expect(await write(new FakeWorkbook(), small)).toBe(2);
    expect(await write(new FakeWorkbook(), big)).toBe(2);
  });
});

describe('formatRuns', () => {
  test('joins consecutive same-style cells into one range, skips number-format-only styles, keeps order', () => {
    const italic = { italic: true, color: '#9C5700' };
    const runs = formatRuns(
      [
        { range: 'E5', style: italic }, { range: 'F5', style: italic }, { range: 'G5', style: italic },
        { range: 'H5', style: { numberFormat: '0.0%' } },
        { range: 'E6', style: italic }, { range: 'E7', style: italic },
        { range: 'E7', style: { fill: '#F8D7DA' } },
        { range: 'E8', style: italic },
      ],
      { rows: 10, cols: 10 },
    );
    expect(runs).toEqual([
      { box: { row: 4, col: 4, rows: 1, cols: 3 }, style: italic },
      { box: { row: 5, col: 4, rows: 2, cols: 1 }, style: italic },
      { box: { row: 6, col: 4, rows: 1, cols: 1 }, style: { fill: '#F8D7DA' } },
      { box: { row: 7, col: 4, rows: 1, cols: 1 }, style: italic },
    ]);
  });
});

describe('readGrids', () => {
  test('one sync for all sheets; grids anchored at A1 whatever the used range', async () => {
    const book = new FakeWorkbook(['A', 'B', 'Empty']);
    const { fake, context } = book.requestContext();
    context.workbook.worksheets.getItem('A').getRange('C3:D4').values = [[1, 'x'], ['', 2]];
    context.workbook.worksheets.getItem('B').getRange('A1').values = [['y']];
    const grids = await readGrids(context, ['A', 'B', 'Empty']);
    expect(fake.syncCount).toBe(1);
    expect(grids.A).toEqual([[], [], ['', '', 1, 'x'], ['', '', '', 2]]);
    expect(grids.B).toEqual([['y']]);
    expect(grids.Empty).toEqual([]);
  });

  test('anchorAtA1 pads rows and columns', () => {
    expect(anchorAtA1([[1]], 1, 2)).toEqual([[], ['', '', 1]]);
  });

  test('reading a property before sync fails, as in Office.js', () => {
    const book = new FakeWorkbook();
    const { context } = book.requestContext();
    const r = context.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
    expect(() => r.values).toThrow(/before load\(\) and sync\(\)/);
  });
});

describe('needsTextFormat', () => {
  test.each([
    ['=SUM(A1)', true], ['+84', true], ['-', true], ['@x', true], ['05', true], ['3.1', true], ['80%', true],
    ['10/01/2025', true], ['1e5', true], ['TRUE', true], ['#N/A', true], ['Jan 2025', true],
    ['Hoàn thành', false], ['12/KH-UBND', false], ['Quý I', false], ['x', false], ['', false],
  ])('%s → %s', (text, expected) => {
    expect(needsTextFormat(text)).toBe(expected);
  });
});

describe('writeSheets under a request budget', () => {
  function big(rows: number): SheetModel {
    const m = emptySheet('Lớn');
    for (let r = 0; r < rows; r++) m.rows.push([`ĐV${r}`, `Ủy ban nhân dân xã số ${r}`, r, r / 7, r % 2 ? 'Đạt' : 'Chưa đạt']);
    m.rowHeights = Object.fromEntries(Array.from({ length: rows }, (_, r) => [r, r < rows / 2 ? 30 : 45]));
    m.styles = [{ range: `C1:C${rows}`, style: { numberFormat: '#,##0' } }, { range: `D1:D${rows}`, style: { numberFormat: '0.0%' } }];
    return m;
  }

  test('a sheet far above one request is written in several syncs, each within the host limit, and whole', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    book.requestLimit = 200 * 1024;
    const { fake, context } = book.requestContext();
    const writer = new BatchedWriter(context, 120 * 1024);
    const model = big(3000);
    await writeSheets(writer, context, [model], new SheetNameSet(['Sheet1']));
    await context.sync();
    const total = fake.requestBytes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(book.requestLimit);
    expect(fake.requestBytes.length).toBeGreaterThanOrEqual(3);
    for (const b of fake.requestBytes) expect(b).toBeLessThanOrEqual(book.requestLimit);
    const s = book.sheet('Lớn');
    expect(s.value('B3000')).toBe('Ủy ban nhân dân xã số 2999');
    expect(s.numberFormat('C2999')).toBe('#,##0');
    expect(s.numberFormat('D1')).toBe('0.0%');
    // row heights grouped into two runs, not 3,000 writes
    const heights = s.formats.filter((f) => 'rowHeight' in f.props);
    expect(heights.map((h) => [h.box.row, h.box.rows, h.props.rowHeight])).toEqual([
      [0, 1500, 30],
      [1500, 1500, 45],
    ]);
  });

  test('the same sheet in one request is refused by the host limit (what the budget prevents)', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    book.requestLimit = 200 * 1024;
    const { fake, context } = book.requestContext();
    writeSheetModel(context, big(3000), new SheetNameSet(['Sheet1']));
    await expect(fake.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(book.names).toEqual(['Sheet1']);
  });
});
