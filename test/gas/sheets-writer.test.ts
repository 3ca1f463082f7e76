/**
 * The SheetModel → Sheets translation on small hand-made models, against the fake SpreadsheetApp
 * (which reads setValues() strings the way Sheets does).
 */
import { calendarDate, emptySheet, type SheetModel } from '../../shared/layout/sheet-model';
import { contentBands, needsTextMark, sheetsInput, writeSheet } from '../../apps-script/src/sheets-writer';
import { styleGroups } from '../../apps-script/src/sheets-styles';
import { readWorkbook } from '../../apps-script/src/sheets-reader';
import { CallLog } from './fakes/calls';
import { fakeUtilities } from './fakes/services';
import { FakeSpreadsheetApp, type FakeSpreadsheet } from './fakes/sheets';

/** The fake as the writer's parameter type: the cast at the boundary. */
const asSheets = (ss: FakeSpreadsheet) => ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

function world(): { ss: FakeSpreadsheet; log: CallLog } {
  const log = new CallLog();
  const app = new FakeSpreadsheetApp({ log, Date, language: () => 'en' }, { now: 0 });
  Object.assign(globalThis, { SpreadsheetApp: app.api(), Utilities: fakeUtilities() });
  const ss = app.create('book-1', 'Sổ thử');
  return { ss, log };
}

const TRICKY = ['=1+1', '+84 912 345 678', '- Rà soát thủ tục', '-', '@xa', "'trích dẫn", '3.10', '1,5', '10/1/2025', '80%', 'TRUE', '8:30', '00123'];

function model(): SheetModel {
  const m = emptySheet('Thử');
  m.rows = [
    ['Tiêu đề', '', ''],
    ['Mã', 'Nội dung', 'Số'],
    ...TRICKY.map((t, i) => [`R${i}`, t, i]),
    ['Ngày', calendarDate('2025-03-14'), 0.95],
  ];
  m.rows.push(['Tổng', '', 78]);
  m.formulas = [{ row: m.rows.length - 1, col: 2, formula: 'SUM(C3:C15)', value: 78 }];
  m.columnWidths = [10, 40, 8];
  m.rowHeights = { 0: 30 };
  m.hiddenColumns = [0];
  m.merges = ['A1:C1'];
  m.styles = [
    { range: 'A2:C2', style: { bold: true, fill: '#D9E1F2', border: true } },
    { range: 'B2', style: { fill: '#FFFF00' } },
    { range: `C${TRICKY.length + 3}`, style: { numberFormat: '0.0%' } },
  ];
  m.validations = [
    { range: 'C3:C15', kind: 'whole', min: 0, prompt: 'Nhập số nguyên không âm' },
    { range: 'B3', kind: 'list', values: ['Có', 'Không'], strict: false, title: 'Chọn' },
  ];
  m.conditionalFormats = [{ range: 'C3:C15', formula: 'AND(ISNUMBER($C3),$C3>10)', style: { fill: '#FFC7CE', bold: true } }];
  m.frozenRows = 2;
  m.protectedRanges = ['A1:C2'];
  return m;
}

describe('text Sheets would reinterpret', () => {
  test('is recognised: formula starters, its own apostrophe, numbers, dates, times, percents, booleans', () => {
    expect(TRICKY.filter((t) => !needsTextMark(t))).toEqual([]);
    expect(['Hoàn thành', '12/KH-UBND', 'Quý I/2025', 'Trước 10/12/2025', '(Ban hành kèm theo…)', 'x'].filter(needsTextMark)).toEqual([]);
    expect(sheetsInput('=1+1')).toBe("'=1+1");
    expect(sheetsInput('Hoàn thành')).toBe('Hoàn thành');
    expect(sheetsInput(calendarDate('2025-01-01'))).toBe(45658);
    expect(sheetsInput(null)).toBe('');
  });
});

describe('writeSheet', () => {
  test('every string comes back as the same text, dates as days, formulas as formulas — in one setValues()', () => {
    const { ss, log } = world();
    writeSheet(asSheets(ss), model());
    expect(log.methodsFor('book-1').filter((m) => m === 'setValues')).toHaveLength(1);
    // Styles: one RangeList setter per style value, nothing read back.
    const calls = log.methodsFor('book-1');
    expect(calls.filter((m) => /^get(FontWeights|Backgrounds|NumberFormats|Wraps)$/.test(m))).toEqual([]);
    expect(calls.filter((m) => /^set(FontWeight|Background|NumberFormat|Border)$/.test(m))).toEqual([
      'setFontWeight', 'setBackground', 'setBackground', 'setNumberFormat', 'setNumberFormat', 'setBorder',
    ]);
    const sheet = ss._sheet('Thử');
    // The later fill wins where the two overlap; cells no style names keep Sheets' own defaults.
    expect(sheet.getRange('A2:C2').getBackgrounds()).toEqual([['#D9E1F2', '#FFFF00', '#D9E1F2']]);
    expect(sheet.getRange('A5:B5').getWraps()).toEqual([[true, true]]);
    expect(sheet.getRange('A5').getNumberFormats()).toEqual([['0.###############']]);
    const values = sheet._grid();
    expect(values.slice(2, 2 + TRICKY.length).map((r) => r[1])).toEqual(TRICKY);
    expect(sheet.getRange('B3:B15').getFormulas().flat().filter(Boolean)).toEqual([]);
    expect(sheet.getRange('C17').getFormulas()).toEqual([['=SUM(C3:C15)']]);
    // The date cell holds the day's serial, shown dd/mm/yyyy, and reads back as that calendar day.
    expect(sheet.getRange('B16').getNumberFormats()).toEqual([['dd/mm/yyyy']]);
    const read = readWorkbook(asSheets(ss));
    expect(read['Thử'][15][1]).toEqual(calendarDate('2025-03-14'));
    expect(sheet.getRange('C16').getNumberFormats()).toEqual([['0.0%']]);
  });

  test('translates validation, conditional formats, merges, widths, frozen rows, hidden columns and protection', () => {
    const { ss } = world();
    writeSheet(asSheets(ss), model());
    const sheet = ss._sheet('Thử');
    const whole = sheet.getRange('C7').getDataValidation()!;
    expect([whole.getCriteriaType(), whole.getCriteriaValues(), whole.getAllowInvalid(), whole.getHelpText()]).toEqual([
      'CUSTOM_FORMULA',
      ['=AND(ISNUMBER(C3),C3=INT(C3),C3>=0)'],
      false,
      'Nhập số nguyên không âm.',
    ]);
    const list = sheet.getRange('B3').getDataValidation()!;
    expect([list.getCriteriaType(), list.getCriteriaValues(), list.getAllowInvalid(), list.getHelpText()]).toEqual([
      'VALUE_IN_LIST',
      [['Có', 'Không'], true],
      true,
      'Chọn',
    ]);
    expect(sheet._conditionalRules).toEqual([{ formula: '=AND(ISNUMBER($C3),$C3>10)', ranges: ['C3:C15'], background: '#FFC7CE', bold: true }]);
    expect(sheet._merges).toEqual([{ row: 0, col: 0, rows: 1, cols: 3 }]);
    expect([...sheet._widths]).toEqual([[0, 75], [1, 285], [2, 61]]);
    // Sheets fits rows to wrapped text itself: no fixed heights.
    expect([...sheet._heights]).toEqual([]);
    expect(sheet._frozenRows).toBe(2);
    expect([...sheet._hiddenColumns]).toEqual([0]);
    expect(sheet._protections.map((p) => [p.range, p.warningOnly, p.description])).toEqual([['A1:C2', true, 'CCHC: Thử A1:C2']]);
    expect(sheet.getRange('A2').getBackground()).toBe('#D9E1F2');
    // A later style overrides only what it sets.
    expect(sheet.getRange('B2').getBackground()).toBe('#FFFF00');
    expect(sheet._peek(1, 1).style).toMatchObject({ fontWeight: 'bold', border: true });
    expect(sheet._peek(1, 0).style).toMatchObject({ fontWeight: 'bold', border: true, fontFamily: 'Times New Roman', fontSize: 12 });
  });

  test('writing again replaces the earlier write: no stale validation, merge, protection or value', () => {
    const { ss } = world();
    ss._newSheet('Trang khác');
    writeSheet(asSheets(ss), model());
    const second = emptySheet('Thử');
    second.rows = [['Chỉ còn một ô']];
    second.hidden = true;
    writeSheet(asSheets(ss), second);
    const sheet = ss._sheet('Thử');
    expect(sheet._grid()).toEqual([['Chỉ còn một ô']]);
    expect(sheet.getRange('C7').getDataValidation()).toBeNull();
    expect(sheet._merges).toEqual([]);
    expect(sheet._protections).toEqual([]);
    expect(sheet._conditionalRules).toEqual([]);
    expect([...sheet._hiddenColumns]).toEqual([]);
    expect(sheet._hidden).toBe(true);
    expect(ss._sheets.map((s) => s._name)).toEqual(['Trang khác', 'Thử']);
  });

  test('a protection someone else added survives a rewrite', () => {
    const { ss } = world();
    writeSheet(asSheets(ss), model());
    ss._sheet('Thử').getRange('B3').protect().setDescription('Khóa của văn phòng');
    writeSheet(asSheets(ss), model());
    expect(ss._sheet('Thử')._protections.map((p) => p.description)).toEqual(['Khóa của văn phòng', 'CCHC: Thử A1:C2']);
  });
});

describe('writeSheet within what Sheets accepts', () => {
  test('a model freezing columns through a merged title is frozen before the merge; a rewrite over old frozen panes does not clash', () => {
    const { ss } = world();
    const first = emptySheet('Tổng hợp');
    first.rows = [['a', 'b', 'c', 'd'], ['1', '2', '3', '4']];
    first.frozenColumns = 2;
    writeSheet(asSheets(ss), first);
    expect(ss._sheet('Tổng hợp')._frozenColumns).toBe(2);
    const second = emptySheet('Tổng hợp');
    second.rows = [['TIÊU ĐỀ', '', '', ''], ['x', 'y', 'z', 'w']];
    second.merges = ['A1:D1'];
    second.frozenRows = 1;
    second.frozenColumns = 2;
    writeSheet(asSheets(ss), second);
    const sheet = ss._sheet('Tổng hợp');
    expect(sheet._frozenColumns).toBe(0);
    expect(sheet._frozenRows).toBe(1);
    expect(sheet._merges).toEqual([{ row: 0, col: 0, rows: 1, cols: 4 }]);
  });

  test('values are written only in the bands of rows holding content', () => {
    expect(contentBands([['A', ''], ['', ''], ['', 'b', 'c'], ['', '', 'd']])).toEqual([
      { row: 0, rows: 1, col: 0, cols: 1 },
      { row: 2, rows: 2, col: 1, cols: 2 },
    ]);
    expect(contentBands([['', ''], ['', '']])).toEqual([]);
    const { ss, log } = world();
    const m = emptySheet('Thưa');
    m.rows = [['Tiêu đề'], [], [], ['', '', 'x', 'y']];
    writeSheet(asSheets(ss), m);
    expect(log.entries.filter((e) => e.method === 'setValues')).toHaveLength(2);
    expect(ss._sheet('Thưa')._grid()).toEqual([
      ['Tiêu đề', '', '', ''],
      ['', '', '', ''],
      ['', '', '', ''],
      ['', '', 'x', 'y'],
    ]);
  });

  test('style groups keep every override of the model, whatever the order of values', () => {
    const box = (row: number, col: number, rows = 1, cols = 1) => ({ row, col, rows, cols });
    const groups = styleGroups([
      { box: box(0, 0, 1, 3), range: 'A1:C1', value: 'red' },
      { box: box(0, 1), range: 'B1', value: 'blue' },
      { box: box(5, 0), range: 'A6', value: 'red' }, // touches nothing blue: joins the first red group
      { box: box(0, 1), range: 'B1', value: 'red' }, // overrides blue: must come after it
    ]);
    expect(groups.map((g) => [g.value, g.ranges])).toEqual([
      ['red', ['A1:C1', 'A6']],
      ['blue', ['B1']],
      ['red', ['B1']],
    ]);
  });
});
