import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { emptySheet, type SheetModel } from '../../shared/layout/sheet-model';
import { buildTemplate } from '../../shared/layout/template';
import { INDICATOR_SHEET, TASK_SHEET } from '../../shared/spec/annex';
import { dataValidation, writeXlsx } from '../../io/xlsx/write';
import { filledInput } from '../support/template-fixture';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}
const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};
/** exceljs 4.4 reads validations per cell into this model, missing from its type declarations. */
const validationAt = (ws: ExcelJS.Worksheet, address: string): ExcelJS.DataValidation | undefined =>
  (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model[address];

/** Likewise for conditional formats. */
const conditionalFormats = (ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] =>
  (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;

function sample(): SheetModel {
  const s = emptySheet('Mẫu');
  s.rows = [
    ['Tiêu đề', '', ''],
    ['=1+1', '+84 912', '-giảm', '@ghi chú'],
    [12.5, true, new Date(Date.UTC(2025, 2, 14)), ''],
    [3, 4, 0.75, null],
    ['Đạt', '', '', ''],
  ];
  s.formulas = [
    { row: 3, col: 2, formula: 'A4/B4', value: 0.75 },
    { row: 3, col: 3, formula: '=IF(B4>5,1,"")', value: '' },
  ];
  s.columnWidths = [20, 12, 14, 9];
  s.hiddenColumns = [3];
  s.rowHeights = { 0: 30 };
  s.merges = ['A1:C1'];
  s.styles = [
    { range: 'A1:C1', style: { bold: true, hAlign: 'center', fill: '#D9E1F2' } },
    { range: 'A2:D4', style: { border: true, wrap: true } },
    { range: 'C4', style: { numberFormat: '0.0%' } },
    { range: 'A1', style: { fontSize: 14, italic: true } },
  ];
  s.validations = [
    { range: 'A5:A9', kind: 'list', values: ['Đạt', 'Chưa đạt'], strict: true, title: 'Đánh giá', prompt: 'Chọn trong danh sách.', error: 'Chỉ nhận: Đạt; Chưa đạt.' },
    { range: 'B5:B9', kind: 'decimal', min: 0, strict: false, prompt: 'Số không âm' },
    { range: 'C5:C9', kind: 'date', min: '2000-01-01', max: '2100-12-31' },
    { range: 'D5:D9', kind: 'whole', max: 10 },
  ];
  s.conditionalFormats = [{ range: 'C4', formula: 'AND(ISNUMBER($C4),$C4<0.9)', style: { fill: '#FFC7CE', color: '#9C0006' } }];
  s.frozenRows = 2;
  s.frozenColumns = 1;
  s.printTitleRows = '2:2';
  s.print = { paper: 'A4', orientation: 'landscape', fitToWidth: true };
  return s;
}

describe('writeXlsx', () => {
  let wb: ExcelJS.Workbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    const hidden = emptySheet('_an');
    hidden.rows = [['key', 'value']];
    hidden.hidden = true;
    bytes = await writeXlsx([sample(), hidden], { creator: 'UBND xã Anh Sơn' });
    wb = await load(bytes);
  });

  test('returns the bytes of an xlsx package', () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(bytes.slice(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(wb.creator).toBe('UBND xã Anh Sơn');
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([['Mẫu', 'visible'], ['_an', 'hidden']]);
  });

  test('values round-trip; text that starts like a formula stays text', () => {
    const ws = sheet(wb, 'Mẫu');
    expect(ws.getCell('A1').value).toBe('Tiêu đề');
    for (const [address, text] of [['A2', '=1+1'], ['B2', '+84 912'], ['C2', '-giảm'], ['D2', '@ghi chú']]) {
      expect(ws.getCell(address).value).toBe(text);
      expect(ws.getCell(address).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(address).formula).toBeUndefined();
    }
    expect(ws.getCell('A3').value).toBe(12.5);
    expect(ws.getCell('B3').value).toBe(true);
    expect(ws.getCell('D3').value).toBeNull();
  });

  test('a calendar-day Date is written as a date serial and shown dd/mm/yyyy', () => {
    const ws = sheet(wb, 'Mẫu');
    expect(ws.getCell('C3').value).toEqual(new Date(Date.UTC(2025, 2, 14)));
    expect(ws.getCell('C3').numFmt).toBe('dd/mm/yyyy');
  });

  test('formulas are written with their stored result, without the leading "="', () => {
    const ws = sheet(wb, 'Mẫu');
    expect(ws.getCell('C4').value).toEqual({ formula: 'A4/B4', result: 0.75 });
    expect(ws.getCell('D4').formula).toBe('IF(B4>5,1,"")');
    // exceljs reads an empty text result back as no result: look at the stored cell itself.
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(xml).toMatch(/<c r="D4"[^>]* t="str"><f>IF\(B4&gt;5,1,&quot;&quot;\)<\/f><v><\/v><\/c>/);
  });

  test('a stored result of 0 is written (exceljs would read it back as no result)', async () => {
    const s = emptySheet('Không');
    s.rows = [[0, 12, 0]];
    s.formulas = [{ row: 0, col: 2, formula: 'A1/B1', value: 0 }];
    const xml = strFromU8(unzipSync(await writeXlsx([s]))['xl/worksheets/sheet1.xml']);
    expect(xml).toMatch(/<c r="C1"[^>]*><f>A1\/B1<\/f><v>0<\/v><\/c>/);
  });

  test('widths, hidden column, row height, merges', () => {
    const ws = sheet(wb, 'Mẫu');
    expect([1, 2, 3, 4].map((c) => ws.getColumn(c).width)).toEqual([20, 12, 14, 9]);
    expect([1, 2, 3, 4].map((c) => ws.getColumn(c).hidden)).toEqual([false, false, false, true]);
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.model.merges).toEqual(['A1:C1']);
  });

  test('styles: sheet font everywhere, later ranges override only what they set', () => {
    const ws = sheet(wb, 'Mẫu');
    expect(ws.getCell('A1').font).toMatchObject({ name: 'Times New Roman', size: 14, bold: true, italic: true });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(ws.getCell('B3').border?.top).toMatchObject({ style: 'thin' });
    expect(ws.getCell('B3').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('C4').numFmt).toBe('0.0%');
    expect(ws.getCell('C4').border?.bottom).toMatchObject({ style: 'thin' });
    expect(ws.getCell('A3').font).toMatchObject({ name: 'Times New Roman', size: 12 });
    expect(ws.getCell('A3').font?.bold).toBeUndefined();
    // A cell nobody wrote takes the column's font: what users type later is Times New Roman too.
    expect(ws.getColumn(2).font).toMatchObject({ name: 'Times New Roman', size: 12 });
  });

  test('data validation: lists, numbers with warning style, dates, prompts and errors', () => {
    const ws = sheet(wb, 'Mẫu');
    expect(validationAt(ws, 'A5')).toMatchObject({
      type: 'list', formulae: ['"Đạt,Chưa đạt"'], allowBlank: true, showErrorMessage: true, errorStyle: 'stop',
      promptTitle: 'Đánh giá', prompt: 'Chọn trong danh sách.', error: 'Chỉ nhận: Đạt; Chưa đạt.',
    });
    expect(validationAt(ws, 'A9')?.type).toBe('list');
    expect(validationAt(ws, 'A10')).toBeUndefined();
    expect(validationAt(ws, 'B7')).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], errorStyle: 'warning', showInputMessage: true });
    expect(validationAt(ws, 'C5')).toMatchObject({
      type: 'date', operator: 'between', formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
    });
    expect(validationAt(ws, 'D5')).toMatchObject({ type: 'whole', operator: 'lessThanOrEqual', formulae: [10] });
  });

  test('list values with a comma cannot become a native list', () => {
    expect(() => dataValidation({ range: 'A1', kind: 'list', values: ['Có, đã làm', 'Không'], strict: true })).toThrow(/comma/);
  });

  test('conditional format, frozen panes, print setup and print titles', () => {
    const ws = sheet(wb, 'Mẫu');
    const cfs = conditionalFormats(ws);
    expect(cfs).toHaveLength(1);
    expect(cfs[0].ref).toBe('C4');
    expect(cfs[0].rules[0]).toMatchObject({ type: 'expression', formulae: ['AND(ISNUMBER($C4),$C4<0.9)'] });
    expect(cfs[0].rules[0].style?.fill).toMatchObject({ bgColor: { argb: 'FFFFC7CE' } });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2, topLeftCell: 'B3' });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' });
  });
});

describe('writeXlsx with the commune template', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await load(await writeXlsx(buildTemplate(filledInput())));
  });

  test('sheets, hidden metadata, frozen header, print titles', () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Thông tin', 'visible'], ['Phụ lục 1 - Chỉ tiêu', 'visible'], ['Phụ lục 2 - Nhiệm vụ', 'visible'], ['_cchc_meta', 'hidden'],
    ]);
    const pl1 = sheet(wb, INDICATOR_SHEET.name);
    expect(pl1.views[0]).toMatchObject({ state: 'frozen', ySplit: 8 });
    expect(pl1.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '8:8' });
    expect(pl1.getColumn(1).hidden).toBe(true);
    expect(sheet(wb, TASK_SHEET.name).pageSetup.printTitlesRow).toBe('8:8');
  });

  test('header, formulas with results, text notes and dates as the template built them', () => {
    const pl1 = sheet(wb, INDICATOR_SHEET.name);
    expect(pl1.getCell('C8').value).toBe('Chỉ tiêu');
    expect(pl1.getCell('B6').value).toBe('(Ban hành kèm theo Kế hoạch số 05/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân xã Anh Sơn)');
    expect(pl1.getCell('I13').value).toEqual({ formula: 'IF(AND(ISNUMBER(G13),ISNUMBER(H13),H13>0),G13/H13,"")', result: 0.855 });
    expect(pl1.getCell('I13').numFmt).toBe('0.0%');
    expect(pl1.getCell('K13').value).toBe('=1+1');
    expect(pl1.model.merges).toContain('B5:K5');
    expect(validationAt(pl1, 'J12')).toMatchObject({ type: 'list', formulae: ['"Đạt,Chưa đạt"'] });
    const pl2 = sheet(wb, TASK_SHEET.name);
    expect(pl2.getCell('J11').value).toEqual(new Date(Date.UTC(2025, 2, 20)));
    expect(pl2.getCell('J11').numFmt).toBe('dd/mm/yyyy');
    expect(validationAt(pl2, 'I10')).toMatchObject({ type: 'list', formulae: ['"Hoàn thành,Đang thực hiện,Chưa thực hiện"'] });
    expect(sheet(wb, '_cchc_meta').getCell('B7').value).toBe('Quý II');
    expect(sheet(wb, 'Thông tin').getCell('B4').value).toBe('16279');
    expect(sheet(wb, 'Thông tin').getCell('B4').numFmt).toBe('@');
  });
});
