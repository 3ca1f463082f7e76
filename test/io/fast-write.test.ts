/**
 * The direct writer (io/xlsx/fast-write.ts) against two independent readers: exceljs's full load and
 * the product's values reader. A real commune template and a real summary are written and every
 * cell, style, merge, width, pane, validation, conditional format and print setting is compared with
 * the SheetModel it came from. The expected style of a cell is worked out here from the model's
 * ranges ("a later range overrides only what it sets"), not taken from the writer.
 */
import ExcelJS from 'exceljs';
import { crc32 } from 'node:zlib';
import { nodeDeflate } from '../../cli/codecs';
import { strFromU8, unzipSync } from 'fflate';
import { a1, type CellValue, type Grid } from '../../shared/cell';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { buildPlan } from '../../shared/catalog/plan';
import { consolidate } from '../../shared/consolidate/consolidate';
import { emptySheet, PAGE_NUMBER_FOOTER, type CellStyle, type SheetModel } from '../../shared/layout/sheet-model';
import { standardTemplate } from '../../shared/layout/standard-template';
import { buildSummarySheets } from '../../shared/layout/summary';
import { readXlsxValues, type XlsxWorkbookValues } from '../../io/xlsx/read-values';
import { parseRange, writeXlsxFast } from '../../io/xlsx/fast-write';
import { writeXlsx } from '../../io/xlsx/write';
import { SAMPLE_COMMUNES } from '../../sample/communes';
import { sampleInfo, sampleReport } from '../../sample/generate';
import { ALL_EXPECTED, Q2_2025, district1Inputs, district2Inputs } from '../consolidate/fixtures';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

function values(bytes: Uint8Array): XlsxWorkbookValues {
  const read = readXlsxValues(bytes, { fileName: 'ghi-nhanh.xlsx' });
  if (!read.ok) throw new Error(read.reason);
  return read.value;
}

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

const sheetOf = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};
/** exceljs 4.4 reads validations per cell into this model, missing from its type declarations. */
const validationAt = (ws: ExcelJS.Worksheet, address: string): ExcelJS.DataValidation | undefined =>
  (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model[address];
const conditionalFormats = (ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] =>
  (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;

/** Cells under a merge other than its first cell: written without a value. */
function mergedAway(model: SheetModel): Set<string> {
  const out = new Set<string>();
  for (const m of model.merges) {
    const b = parseRange(m);
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) if (r !== b.top || c !== b.left) out.add(`${r},${c}`);
  }
  return out;
}

/** A model value as a reader gives it back: '' and non-numbers are empty. */
function expectedValue(v: CellValue | undefined): CellValue {
  if (v === undefined || v === '' || (typeof v === 'number' && !Number.isFinite(v))) return null;
  return v;
}

/** The style each cell should have: ranges in order, each setting only what it defines; Dates default to dd/mm/yyyy. */
function expectedStyles(model: SheetModel): Map<string, CellStyle> {
  const out = new Map<string, CellStyle>();
  for (const { range, style } of model.styles) {
    const b = parseRange(range);
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        const merged: CellStyle = { ...(out.get(`${r},${c}`) ?? {}) };
        for (const [k, v] of Object.entries(style)) if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
        out.set(`${r},${c}`, merged);
      }
    }
  }
  model.rows.forEach((row, r) => row.forEach((v, c) => {
    if (v instanceof Date && !out.get(`${r},${c}`)?.numberFormat) out.set(`${r},${c}`, { ...(out.get(`${r},${c}`) ?? {}), numberFormat: 'dd/mm/yyyy' });
  }));
  // Cells under a merge show the merge's first cell.
  for (const m of model.merges) {
    const b = parseRange(m);
    const anchor = out.get(`${b.top},${b.left}`) ?? {};
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out.set(`${r},${c}`, anchor);
  }
  return out;
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

/** Checks one sheet read back by both readers against its model; returns how many cells it compared. */
function checkSheet(model: SheetModel, ws: ExcelJS.Worksheet, read: XlsxWorkbookValues, sheetXml: string): number {
  const grid: Grid = read.sheets.find((s) => s.name === model.name)!.grid;
  const away = mergedAway(model);
  const formulas = new Map(model.formulas.map((f) => [`${f.row},${f.col}`, f]));
  let compared = 0;

  // Values: the values reader gives each cell's value (a formula's stored result); exceljs gives
  // values, and formulas with their text.
  const height = Math.max(model.rows.length, grid.length);
  for (let r = 0; r < height; r++) {
    const width = Math.max(model.rows[r]?.length ?? 0, grid[r]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const key = `${r},${c}`;
      const f = formulas.get(key);
      // A formula's empty text result is stored, and read back as ''.
      const want = away.has(key) ? null : f?.value === '' ? '' : expectedValue(model.rows[r]?.[c]);
      expect([a1(r, c), grid[r]?.[c] ?? null]).toEqual([a1(r, c), want]);
      if (away.has(key)) continue;
      const cell = ws.getCell(r + 1, c + 1);
      if (f) {
        expect([a1(r, c), cell.formula]).toEqual([a1(r, c), f.formula.replace(/^=/, '')]);
        // exceljs drops a stored result of 0 or '' on reading; the values reader checked those above.
        if (f.value !== 0 && f.value !== '' && f.value !== null) expect([a1(r, c), cell.result]).toEqual([a1(r, c), f.value]);
      } else {
        expect([a1(r, c), cell.formula]).toEqual([a1(r, c), undefined]);
        expect([a1(r, c), cell.value]).toEqual([a1(r, c), want]);
      }
      compared++;
    }
  }

  // Styles of every styled cell, and the sheet font on every cell written.
  for (const [key, s] of expectedStyles(model)) {
    const [r, c] = key.split(',').map(Number);
    const cell = ws.getCell(r + 1, c + 1);
    const at = a1(r, c);
    expect([at, cell.font?.name, cell.font?.size, !!cell.font?.bold, !!cell.font?.italic, cell.font?.color?.argb]).toEqual(
      [at, model.font.name, s.fontSize ?? model.font.size, !!s.bold, !!s.italic, s.color ? argb(s.color) : undefined],
    );
    expect([at, cell.numFmt]).toEqual([at, s.numberFormat || undefined]);
    const fill = cell.fill as ExcelJS.FillPattern | undefined;
    expect([at, fill?.pattern === 'solid' ? fill.fgColor?.argb : undefined]).toEqual([at, s.fill ? argb(s.fill) : undefined]);
    expect([at, cell.border?.top?.style, cell.border?.bottom?.style]).toEqual([at, ...(s.border ? ['thin', 'thin'] : [undefined, undefined])]);
    expect([at, cell.alignment?.horizontal, cell.alignment?.vertical, !!cell.alignment?.wrapText]).toEqual([at, s.hAlign, s.vAlign, !!s.wrap]);
  }

  // Columns: widths, hidden ones, the sheet font for what users type later.
  model.columnWidths.forEach((w, c) => {
    const col = ws.getColumn(c + 1);
    expect([c, col.width, !!col.hidden, col.font?.name]).toEqual([c, w, model.hiddenColumns.includes(c), model.font.name]);
  });
  for (const [r, h] of Object.entries(model.rowHeights ?? {})) expect([r, ws.getRow(Number(r) + 1).height]).toEqual([r, h]);
  expect([...ws.model.merges].sort()).toEqual([...model.merges].sort());
  expect([...read.sheets.find((s) => s.name === model.name)!.merges].sort()).toEqual([...model.merges].sort());

  // Panes, print.
  if (model.frozenRows || model.frozenColumns) {
    expect(ws.views[0]).toMatchObject({
      state: 'frozen', xSplit: model.frozenColumns, ySplit: model.frozenRows, topLeftCell: a1(model.frozenRows, model.frozenColumns),
    });
  }
  expect(ws.pageSetup.printTitlesRow).toBe(model.printTitleRows);
  if (model.print) {
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9, orientation: model.print.orientation,
      ...(model.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      margins: model.print.margins ?? { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    });
  }
  expect(ws.headerFooter?.oddFooter).toBe(model.print?.pageNumbers ? PAGE_NUMBER_FOOTER : undefined);
  // exceljs does not read page breaks: the sheet's XML says where they are (a break before 0-based row r is id r).
  const breaks = [...new Set(model.print?.rowBreaks ?? [])].filter((r) => r > 0).sort((a, b) => a - b);
  expect([...sheetXml.matchAll(/<brk id="(\d+)" max="16383" man="1"\/>/g)].map((m) => Number(m[1]))).toEqual(breaks);
  // A sheet with charts refers to its drawing; one without, to none.
  expect(sheetXml.includes('<drawing r:id="rId1"/>')).toBe((model.charts?.length ?? 0) > 0);

  // Validations, at both corners of each range.
  for (const v of model.validations) {
    const b = parseRange(v.range);
    const formulae = v.kind === 'list'
      ? [`"${v.values.join(',')}"`]
      : [v.min, v.max].filter((x) => x !== undefined).map((x) => (v.kind === 'date' ? new Date(`${x}T00:00:00Z`) : x));
    const operator = v.kind === 'list' ? undefined : v.min !== undefined && v.max !== undefined ? 'between' : v.max !== undefined ? 'lessThanOrEqual' : 'greaterThanOrEqual';
    for (const at of [a1(b.top, b.left), a1(b.bottom, b.right)]) {
      const got = validationAt(ws, at);
      expect([at, got?.type, got?.formulae, got?.allowBlank, got?.showErrorMessage, got?.errorStyle]).toEqual(
        [at, v.kind, formulae, true, true, v.strict === false ? 'warning' : 'stop'],
      );
      if (operator && operator !== 'between') expect([at, got?.operator]).toEqual([at, operator]);
      if (v.title && v.title.length <= 32) expect([at, got?.promptTitle, got?.errorTitle]).toEqual([at, v.title, v.title]);
      if (v.prompt && v.prompt.length <= 255) expect([at, got?.prompt, got?.showInputMessage]).toEqual([at, v.prompt, true]);
      if (v.error && v.error.length <= 255) expect([at, got?.error]).toEqual([at, v.error]);
    }
  }

  // Conditional formats: range, formula, style.
  const cfs = conditionalFormats(ws) ?? [];
  expect(cfs.map((cf) => [cf.ref, (cf.rules[0] as { formulae?: string[] }).formulae?.[0]]))
    .toEqual(model.conditionalFormats.map((cf) => [cf.range, cf.formula]));
  cfs.forEach((cf, i) => {
    const want = model.conditionalFormats[i].style;
    const style = cf.rules[0].style;
    expect([(style?.fill as ExcelJS.FillPattern | undefined)?.bgColor?.argb, style?.font?.color?.argb, !!style?.font?.bold])
      .toEqual([want.fill ? argb(want.fill) : undefined, want.color ? argb(want.color) : undefined, !!want.bold]);
  });
  return compared;
}

function checkWorkbook(sheets: SheetModel[], wb: ExcelJS.Workbook, read: XlsxWorkbookValues, bytes: Uint8Array): void {
  expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual(sheets.map((s) => [s.name, s.hidden ? 'hidden' : 'visible']));
  expect(read.sheets.map((s) => [s.name, s.hidden])).toEqual(sheets.map((s) => [s.name, s.hidden]));
  expect(read.date1904).toBe(false);
  const xml = parts(bytes);
  sheets.forEach((model, i) => expect(checkSheet(model, sheetOf(wb, model.name), read, xml[`xl/worksheets/sheet${i + 1}.xml`])).toBeGreaterThan(0));
  // One chart part per chart of the workbook, as many anchors in each sheet's drawing as it has charts.
  expect(Object.keys(xml).filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k))).toHaveLength(sheets.reduce((n, s) => n + (s.charts?.length ?? 0), 0));
  let drawing = 0;
  for (const model of sheets) {
    if (!model.charts?.length) continue;
    drawing++;
    expect([model.name, xml[`xl/drawings/drawing${drawing}.xml`].split('<xdr:twoCellAnchor').length - 1]).toEqual([model.name, model.charts.length]);
  }
}

describe('a commune template with a sample report', () => {
  const unit = SAMPLE_COMMUNES[0];
  const plan = buildPlan(CATALOG_2025);
  const { sheets } = standardTemplate(sampleInfo(unit, 2025, 'Q2'), {
    report: sampleReport(unit, plan.indicators, plan.tasks, 2025, 'Q2'),
  });
  const bytes = writeXlsxFast(sheets, { creator: unit.name });
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await load(bytes);
  });

  test('the model has what the checks below need', () => {
    expect(sheets.map((s) => s.name)).toEqual(['Thông tin', 'Phụ lục 1 - Chỉ tiêu', 'Phụ lục 2 - Nhiệm vụ', '_cchc_meta', '_cchc_danh_muc']);
    const all = (f: (s: SheetModel) => number) => sheets.reduce((n, s) => n + f(s), 0);
    expect(all((s) => s.formulas.length)).toBeGreaterThan(20);
    expect(all((s) => s.validations.length)).toBeGreaterThan(5);
    expect(all((s) => s.conditionalFormats.length)).toBeGreaterThan(20);
    expect(all((s) => s.merges.length)).toBeGreaterThan(5);
    expect(sheets.some((s) => s.rows.some((r) => r.some((v) => v instanceof Date)))).toBe(true);
  });

  test('an .xlsx package with the creator and the first visible sheet active', () => {
    expect(Array.from(bytes.slice(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(wb.creator).toBe(unit.name);
    expect(wb.lastModifiedBy).toBe(unit.name);
    const p = parts(bytes);
    expect(Object.keys(p).sort()).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml',
      'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml', 'xl/worksheets/sheet5.xml',
    ]);
    expect(p['xl/workbook.xml']).toMatch(/<workbookView [^>]*firstSheet="0" activeTab="0"\/>/);
    expect(p['xl/worksheets/sheet1.xml']).toMatch(/<sheetView tabSelected="1"/);
    expect(p['xl/worksheets/sheet2.xml']).not.toMatch(/tabSelected/);
  });

  test('every value, formula, style, merge, width, pane, validation, conditional format and print setting reads back', () => {
    checkWorkbook(sheets, wb, values(bytes), bytes);
  });

  test('sample cells, as a reader of the report sees them', () => {
    const pl1 = sheetOf(wb, 'Phụ lục 1 - Chỉ tiêu');
    expect(pl1.getCell('C8').value).toBe('Chỉ tiêu');
    expect(pl1.getCell('C8').font).toMatchObject({ name: 'Times New Roman', bold: true });
    expect(pl1.getCell('C8').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    const rate = pl1.getCell('I10');
    expect(rate.formula).toBe('IF(AND(ISNUMBER(G10),ISNUMBER(H10),H10>0),G10/H10,"")');
    expect(rate.numFmt).toBe('0.0%');
    expect(pl1.getColumn(1).hidden).toBe(true);
    expect(pl1.views[0]).toMatchObject({ state: 'frozen', ySplit: 8, topLeftCell: 'A9' });
    expect(pl1.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '8:8' });
    expect(validationAt(pl1, 'J9')).toMatchObject({ type: 'list', formulae: ['"Đạt,Chưa đạt"'], errorStyle: 'stop' });
    expect(validationAt(pl1, 'G9')).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], errorStyle: 'warning' });
    expect(sheetOf(wb, '_cchc_meta').state).toBe('hidden');
    const xml = parts(bytes)['xl/workbook.xml'];
    expect(xml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="1">\'Phụ lục 1 - Chỉ tiêu\'!$8:$8</definedName>');
  });

  test('writeXlsx gives the same workbook', async () => {
    const again = await writeXlsx(sheets, { creator: unit.name });
    expect(values(again)).toEqual(values(bytes));
    const a = parts(again);
    const b = parts(bytes);
    for (const name of Object.keys(b).filter((n) => n !== 'docProps/core.xml')) expect([name, a[name]]).toEqual([name, b[name]]);
  });
});

describe('a consolidated summary', () => {
  const summary = consolidate([...district1Inputs(), ...district2Inputs()], {
    ...Q2_2025, consolidatingUnit: { name: 'Sở Nội vụ tỉnh Bình Định', level: 'tinh' }, expectedUnits: ALL_EXPECTED,
  });
  const sheets = buildSummarySheets(summary);
  const bytes = writeXlsxFast(sheets);
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await load(bytes);
  });

  test('every value, formula, style, merge, width, pane, validation, conditional format and print setting reads back', () => {
    expect(sheets).toHaveLength(7);
    expect(sheets.reduce((n, s) => n + s.formulas.length, 0)).toBeGreaterThan(3);
    checkWorkbook(sheets, wb, values(bytes), bytes);
  });

  test('with page numbers, breaks, margins and a chart sheet added, every setting still reads back', async () => {
    const [first, ...rest] = sheets;
    const printed: SheetModel = {
      ...first,
      print: {
        paper: 'A4', orientation: 'landscape', fitToWidth: true, pageNumbers: true, rowBreaks: [12, 4, 12],
        margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 },
      },
    };
    const chart = emptySheet('Biểu đồ chỉ tiêu');
    chart.rows = [['Đơn vị', 'Kết quả', 'Chỉ tiêu'], ['Xã Xuân Lâm', 0.5, 0.8], ['Xã Tân Hòa', 0.9, 0.8]];
    chart.charts = [{ sheet: chart.name, range: 'A1:C3', title: 'Kết quả', anchor: 'E1', seriesBy: 'Columns', type: 'barClustered' }];
    const more = [printed, ...rest, chart];
    const again = writeXlsxFast(more);
    checkWorkbook(more, await load(again), values(again), again);
    expect(parts(again)['xl/worksheets/sheet1.xml']).toContain('<brk id="4" max="16383" man="1"/><brk id="12" max="16383" man="1"/></rowBreaks>');
  });

  test('sample cells: a rate formula, a submission date, a missed-target highlight', () => {
    const ind = sheetOf(wb, 'Tổng hợp chỉ tiêu');
    const r = sheets[0].rows.findIndex((row) => row.includes('TTHC.01')) + 1;
    expect(ind.getCell(`F${r}`).value).toEqual({ formula: `IF(E${r}>0,D${r}/E${r},"không phát sinh")`, result: 0.696875 });
    expect(ind.getCell(`F${r}`).numFmt).toBe('0.0%');
    const header = Number(sheets[0].printTitleRows!.split(':')[0]);
    expect(ind.getCell(`A${header}`).font).toMatchObject({ name: 'Times New Roman', bold: true });
    const sub = sheetOf(wb, 'Tình hình nộp báo cáo');
    const dates = sub.getColumn(5).values.filter((v): v is Date => v instanceof Date);
    expect(dates.length).toBeGreaterThan(3);
    for (const d of dates) expect(d.getUTCHours()).toBe(0);
  });

  test('each distinct look is one cellXfs entry', () => {
    const styles = parts(bytes)['xl/styles.xml'];
    const xfs = /<cellXfs count="(\d+)">(.*?)<\/cellXfs>/.exec(styles)!;
    const list = xfs[2].match(/<xf [^]*?(?:\/>|<\/xf>)/g)!;
    expect(list).toHaveLength(Number(xfs[1]));
    expect(new Set(list).size).toBe(list.length);
    expect(list.length).toBeLessThan(40);
    expect(styles).toMatch(/<numFmts count="2"><numFmt numFmtId="16[45]" formatCode="dd\/mm\/yyyy"\/>|<numFmt numFmtId="165" formatCode="dd\/mm\/yyyy"\/><\/numFmts>/);
  });
});

describe('text, formulas and styles at the edges of the contract', () => {
  function edgeSheet(): SheetModel {
    const s = emptySheet("Nhật ký's");
    s.rows = [
      ['=1+1', '_x0041_', '_X004a_ và _x000D_', '+84 912', '@ghi chú'],
      ['a\u0001b\u0008c\u000Bd\u001Fe', 'x\uFFFEy\uFFFF', 'lẻ \uD800 cặp 😀', 'dòng 1\ndòng 2\tcột', '  cách  '],
      [new Date(Date.UTC(2025, 2, 14)), new Date(Date.UTC(2025, 5, 30)), 0, false, 1e-7],
      ['', 0, new Date(Date.UTC(2025, 2, 14)), true, 'Gộp'],
      [Number.NaN, Number.POSITIVE_INFINITY, null, undefined as unknown as CellValue, 'mất'],
    ];
    s.formulas = [
      { row: 3, col: 0, formula: 'IF(A3>0,"","x")', value: '' },
      { row: 3, col: 1, formula: '=C3*2', value: 0 },
      { row: 3, col: 2, formula: 'A3', value: new Date(Date.UTC(2025, 2, 14)) },
      { row: 3, col: 3, formula: 'NOT(D3)', value: true },
      { row: 4, col: 2, formula: 'CONCAT("_x0041_","a\u0002")', value: '_x0041_a\u0002' },
      { row: 4, col: 3, formula: 'NA()', value: null },
    ];
    s.columnWidths = [14, 14, 14, 14, 14];
    s.merges = ['E4:E5'];
    s.styles = [
      { range: 'A1:E5', style: { bold: true, border: true } },
      { range: 'A1', style: { bold: false, fill: '#ffc7ce' } },
      { range: 'B3', style: { numberFormat: 'd/m/yyyy' } },
      { range: 'E4', style: { hAlign: 'center', vAlign: 'middle', italic: true } },
    ];
    s.validations = [{
      range: 'A6:A9', kind: 'whole', min: 1, max: 9, strict: false, title: 'Một tiêu đề rất dài quá ba mươi hai ký tự', prompt: 'Nhập\nsố & "chữ" <1..9>',
    }];
    s.printTitleRows = '1:2';
    return s;
  }
  const sheets = [edgeSheet()];
  const bytes = writeXlsxFast(sheets);
  const xml = parts(bytes);
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    wb = await load(bytes);
    ws = sheetOf(wb, "Nhật ký's");
  });

  test('no part holds a character XML 1.0 forbids; both readers open the file', () => {
    for (const [name, text] of Object.entries(xml)) {
      // eslint-disable-next-line no-control-regex
      expect([name, /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)]).toEqual([name, false]);
    }
    expect(wb.worksheets).toHaveLength(1);
    expect(values(bytes).sheets).toHaveLength(1);
  });

  test('strings stay text: "=1+1" is no formula, a literal _x0041_ is not read as "A"', () => {
    const grid = values(bytes).sheets[0].grid;
    expect(grid[0]).toEqual(['=1+1', '_x0041_', '_X004a_ và _x000D_', '+84 912', '@ghi chú']);
    for (const [at, text] of [['A1', '=1+1'], ['B1', '_x0041_'], ['C1', '_X004a_ và _x000D_'], ['D1', '+84 912'], ['E1', '@ghi chú']]) {
      expect([at, ws.getCell(at).type, ws.getCell(at).value, ws.getCell(at).formula]).toEqual([at, ExcelJS.ValueType.String, text, undefined]);
    }
    expect(xml['xl/sharedStrings.xml']).toContain('<t>_x005F_x0041_</t>');
    expect(xml['xl/sharedStrings.xml']).toContain('<t>_x005F_X004a_ và _x005F_x000D_</t>');
  });

  test('forbidden characters are dropped, tabs, line breaks, pairs and spaces kept', () => {
    const grid = values(bytes).sheets[0].grid;
    expect(grid[1]).toEqual(['abcde', 'xy', 'lẻ  cặp 😀', 'dòng 1\ndòng 2\tcột', '  cách  ']);
    expect([1, 2, 3, 4, 5].map((c) => ws.getCell(2, c).value)).toEqual(['abcde', 'xy', 'lẻ  cặp 😀', 'dòng 1\ndòng 2\tcột', '  cách  ']);
    expect(xml['xl/sharedStrings.xml']).toContain('<t xml:space="preserve">  cách  </t>');
  });

  test('dates, zero, false, tiny numbers; NaN and infinities are left empty', () => {
    const grid = values(bytes).sheets[0].grid;
    expect(grid[2]).toEqual([new Date(Date.UTC(2025, 2, 14)), new Date(Date.UTC(2025, 5, 30)), 0, false, 1e-7]);
    expect(ws.getCell('A3').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('B3').numFmt).toBe('d/m/yyyy');
    expect(xml['xl/worksheets/sheet1.xml']).toMatch(/<c r="A3" s="\d+"><v>45730<\/v><\/c>/);
    expect(grid[4].slice(0, 2)).toEqual([null, null]);
    expect(xml['xl/worksheets/sheet1.xml']).toMatch(/<row r="5"><c r="A5" s="\d+"\/><c r="B5" s="\d+"\/><c r="C5"/);
  });

  test('formula results of every kind; a formula without a result has none', () => {
    const read = values(bytes).sheets[0];
    expect(read.grid[3].slice(0, 4)).toEqual(['', 0, new Date(Date.UTC(2025, 2, 14)), true]);
    expect(read.grid[4].slice(2, 4)).toEqual(['_x0041_a', null]);
    expect(read.formulasWithoutValue).toEqual(['D5']);
    const sheetXml = xml['xl/worksheets/sheet1.xml'];
    expect(sheetXml).toMatch(/<c r="A4" s="\d+" t="str"><f>IF\(A3&gt;0,&quot;&quot;,&quot;x&quot;\)<\/f><v><\/v><\/c>/);
    expect(sheetXml).toMatch(/<c r="B4" s="\d+"><f>C3\*2<\/f><v>0<\/v><\/c>/);
    expect(sheetXml).toMatch(/<c r="C4" s="\d+"><f>A3<\/f><v>45730<\/v><\/c>/);
    expect(sheetXml).toMatch(/<c r="D4" s="\d+" t="b"><f>NOT\(D3\)<\/f><v>1<\/v><\/c>/);
    expect(sheetXml).toMatch(/<c r="C5" s="\d+" t="str"><f>CONCAT\(&quot;_x0041_&quot;,&quot;a&quot;\)<\/f><v>_x005F_x0041_a<\/v><\/c>/);
    expect(sheetXml).toMatch(/<c r="D5" s="\d+"><f>NA\(\)<\/f><\/c>/);
    expect(ws.getCell('D4').value).toEqual({ formula: 'NOT(D3)', result: true });
  });

  test('a later range overrides only what it sets, false included; cells under a merge take its first cell', () => {
    expect(ws.getCell('A1').font?.bold).toBeFalsy();
    expect(ws.getCell('A1').border?.top?.style).toBe('thin');
    expect(ws.getCell('A1').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(ws.getCell('B1').font).toMatchObject({ bold: true, name: 'Times New Roman', size: 12 });
    expect(ws.getCell('E4').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle' });
    expect(ws.getCell('E4').font).toMatchObject({ bold: true, italic: true });
    // E5 had its own value and style: under the merge it keeps neither.
    expect(ws.getCell('E5').font).toMatchObject({ bold: true, italic: true });
    expect(ws.getCell('E5').alignment).toMatchObject({ horizontal: 'center' });
    const read = values(bytes).sheets[0];
    expect(read.grid[3][4]).toBe('Gộp');
    expect(read.grid[4]?.[4] ?? null).toBeNull();
    expect(read.merges).toEqual(['E4:E5']);
    expect(xml['xl/worksheets/sheet1.xml']).toMatch(/<c r="E5" s="\d+"\/>/);
  });

  test('validation texts are clipped to what Excel allows and escaped; print titles quote the sheet name', () => {
    expect(validationAt(ws, 'A6')).toMatchObject({
      type: 'whole', formulae: [1, 9], errorStyle: 'warning', showErrorMessage: true,
      promptTitle: 'Một tiêu đề rất dài quá ba mươi…', prompt: 'Nhập\nsố & "chữ" <1..9>',
    });
    expect(xml['xl/worksheets/sheet1.xml']).toContain('prompt="Nhập&#10;số &amp; &quot;chữ&quot; &lt;1..9&gt;"');
    expect(xml['xl/workbook.xml']).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">\'Nhật ký\'\'s\'!$1:$2</definedName>');
  });

  test('a list longer than a native list allows is refused, as before', () => {
    const s = emptySheet('Danh sách');
    s.validations = [{ range: 'A1', kind: 'list', values: Array.from({ length: 40 }, (_, i) => `Lựa chọn số ${i + 1}`), strict: true }];
    expect(() => writeXlsxFast([s])).toThrow(/255/);
  });
});

test('a sheet of 12,000 rows goes through several deflate pushes and reads back whole', () => {
  const s = emptySheet('Lớn');
  s.rows = Array.from({ length: 12_000 }, (_, r) => [`ĐV-${r}`, r, r / 7, r % 3 === 0, `Xã số ${r % 500}`, '', 'Đạt']);
  s.styles = [{ range: 'A2:G12000', style: { border: true } }];
  const bytes = writeXlsxFast([s]);
  const read = values(bytes).sheets[0];
  expect(read.grid).toHaveLength(12_000);
  expect(read.grid[11_999]).toEqual(['ĐV-11999', 11_999, 11_999 / 7, false, 'Xã số 499', null, 'Đạt']);
  expect(read.grid[2_345]).toEqual(['ĐV-2345', 2_345, 2_345 / 7, false, 'Xã số 345', null, 'Đạt']);
  expect(read.grid[2_346][3]).toBe(true);
  const sheetXml = parts(bytes)['xl/worksheets/sheet1.xml'];
  expect(sheetXml.length).toBeGreaterThan(2 * (1 << 20));
  expect(sheetXml).toContain('<dimension ref="A1:G12000"/>');
  expect(sheetXml).toMatch(/<c r="F12000" s="\d+"\/><c r="G12000"/);
});

describe("written with the host's deflater (the command line: Node's zlib)", () => {
  /** Central-directory CRC-32 and sizes of each entry, read by hand. */
  function directory(bytes: Uint8Array): Map<string, { crc: number; size: number; method: number }> {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let eocd = bytes.length - 22;
    while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
    const out = new Map<string, { crc: number; size: number; method: number }>();
    let p = view.getUint32(eocd + 16, true);
    for (let n = view.getUint16(eocd + 10, true); n > 0; n--) {
      const nameLength = view.getUint16(p + 28, true);
      const name = strFromU8(bytes.subarray(p + 46, p + 46 + nameLength));
      out.set(name, { method: view.getUint16(p + 10, true), crc: view.getUint32(p + 16, true), size: view.getUint32(p + 24, true) });
      p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    return out;
  }

  const big = emptySheet('Lớn');
  big.rows = Array.from({ length: 12_000 }, (_, r) => [`ĐV-${r}`, r, r / 7, `Xã số ${r % 500}`, 'Đạt']);
  const summary = buildSummarySheets(
    consolidate([...district1Inputs(), ...district2Inputs()], {
      ...Q2_2025, consolidatingUnit: { name: 'Sở Nội vụ tỉnh Bình Định', level: 'tinh' }, expectedUnits: ALL_EXPECTED,
    }),
  );
  const sheets = [...summary, big];
  const ours = writeXlsxFast(sheets, { deflate: nodeDeflate });
  const theirs = writeXlsxFast(sheets);

  test('holds exactly the parts fflate writes, each deflated (a 2 MB sheet in several pieces)', () => {
    const a = parts(ours);
    const b = parts(theirs);
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    for (const name of Object.keys(b).filter((n) => n !== 'docProps/core.xml')) expect([name, a[name]]).toEqual([name, b[name]]);
    expect(a['xl/worksheets/sheet8.xml'].length).toBeGreaterThan(2 * (1 << 20));
    expect([...directory(ours).values()].every((e) => e.method === 8)).toBe(true);
    expect(ours.length).toBeLessThan(theirs.length * 1.1);
  });

  test('declares the right size and CRC-32 of every part', () => {
    const files = unzipSync(ours);
    const entries = directory(ours);
    expect(entries.size).toBe(Object.keys(files).length);
    for (const [name, data] of Object.entries(files)) {
      expect([name, entries.get(name)]).toEqual([name, { method: 8, crc: crc32(data) >>> 0, size: data.length }]);
    }
  });

  test('reads back with the same values', () => {
    expect(values(ours)).toEqual(values(theirs));
  });
});

test('xml:space="preserve" exactly for shared strings that start or end with white space', () => {
  const sheet = emptySheet('Khoảng trắng');
  sheet.rows = [[' đầu', 'cuối\n', 'giữa  hai', '\u00a0cách', 'x"y"\t', '"a"']];
  const sst = parts(writeXlsxFast([sheet], { deflate: nodeDeflate }))['xl/sharedStrings.xml'];
  expect(sst.match(/<si>[^]*?<\/si>/g)).toEqual([
    '<si><t xml:space="preserve"> đầu</t></si>',
    '<si><t xml:space="preserve">cuối\n</t></si>',
    '<si><t>giữa  hai</t></si>',
    '<si><t xml:space="preserve">\u00a0cách</t></si>',
    '<si><t xml:space="preserve">x&quot;y&quot;\t</t></si>',
    '<si><t>&quot;a&quot;</t></si>',
  ]);
});
