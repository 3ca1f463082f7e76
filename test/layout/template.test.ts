import { a1, parseA1, type CellValue } from '../../shared/cell';
import { annexHeading, localUnitName } from '../../shared/layout/heading';
import { romanNumeral } from '../../shared/layout/annex-sheet';
import type { CellStyle, SheetModel } from '../../shared/layout/sheet-model';
import { buildTemplate } from '../../shared/layout/template';
import {
  EVALUATION_VALUES,
  INDICATOR_SHEET,
  INFO_SHEET,
  META_SHEET,
  PERIOD_LABELS,
  STATUS_VALUES,
  TASK_SHEET,
  TEMPLATE_ID,
  TEMPLATE_VERSION,
  columnIndex,
} from '../../shared/spec/annex';
import { blankInput, filledInput, INFO } from '../support/template-fixture';

const byName = (sheets: SheetModel[], name: string): SheetModel => {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const at = (sheet: SheetModel, address: string): CellValue => {
  const p = parseA1(address)!;
  return sheet.rows[p.row]?.[p.col] ?? '';
};
/** The style a writer gives the cell: styles applied in order, later properties win. */
const styleAt = (sheet: SheetModel, address: string): CellStyle => {
  const p = parseA1(address)!;
  const out: CellStyle = {};
  for (const { range, style } of sheet.styles) {
    const [from, to = from] = range.split(':').map((x) => parseA1(x)!);
    if (p.row >= from.row && p.row <= to.row && p.col >= from.col && p.col <= to.col) Object.assign(out, style);
  }
  return out;
};

describe('buildTemplate', () => {
  const sheets = buildTemplate(filledInput());
  const info = byName(sheets, INFO_SHEET.name);
  const pl1 = byName(sheets, INDICATOR_SHEET.name);
  const pl2 = byName(sheets, TASK_SHEET.name);
  const meta = byName(sheets, META_SHEET.name);

  test('writes the spec sheets in order, metadata last and hidden', () => {
    expect(sheets.map((s) => s.name)).toEqual(['Thông tin', 'Phụ lục 1 - Chỉ tiêu', 'Phụ lục 2 - Nhiệm vụ', '_cchc_meta']);
    expect(sheets.map((s) => s.hidden)).toEqual([false, false, false, true]);
    for (const s of sheets) expect(s.font).toEqual({ name: 'Times New Roman', size: 12 });
  });

  test.each([
    [INDICATOR_SHEET.name, INDICATOR_SHEET],
    [TASK_SHEET.name, TASK_SHEET],
  ])('%s: header row at spec.headerRow holds the spec headers, widths and hidden code column', (name, spec) => {
    const sheet = byName(sheets, name);
    expect(spec.headerRow).toBe(7);
    spec.columns.forEach((c, i) => expect(at(sheet, a1(7, i))).toBe(c.header));
    expect(at(sheet, 'A8')).toBe('Mã');
    expect(at(sheet, 'C8')).toBe(name === INDICATOR_SHEET.name ? 'Chỉ tiêu' : 'Nhiệm vụ');
    expect(sheet.columnWidths).toEqual(spec.columns.map((c) => c.width));
    expect(sheet.hiddenColumns).toEqual([0]);
    expect(sheet.frozenRows).toBe(8);
    expect(sheet.frozenColumns).toBe(0);
    expect(sheet.printTitleRows).toBe('8:8');
    expect(sheet.print).toEqual({ paper: 'A4', orientation: 'landscape', fitToWidth: true });
    expect(styleAt(sheet, 'C8')).toMatchObject({ bold: true, wrap: true, border: true, hAlign: 'center' });
    expect(sheet.rowHeights?.[7]).toBeGreaterThanOrEqual(32);
  });

  test('Phụ lục 1 prints the national header block, the annex line and the plan reference', () => {
    expect(at(pl1, 'B1')).toBe('ỦY BAN NHÂN DÂN');
    expect(at(pl1, 'B2')).toBe('XÃ ANH SƠN');
    expect(at(pl1, 'H1')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(at(pl1, 'H2')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(at(pl1, 'B4')).toBe('PHỤ LỤC 1');
    expect(at(pl1, 'B5')).toBe('CÁC CHỈ TIÊU CÔNG TÁC CẢI CÁCH HÀNH CHÍNH XÃ ANH SƠN NĂM 2025');
    expect(at(pl1, 'B6')).toBe('(Ban hành kèm theo Kế hoạch số 05/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân xã Anh Sơn)');
    expect(pl1.merges).toEqual(['B1:C1', 'B2:C2', 'H1:K1', 'H2:K2', 'B4:K4', 'B5:K5', 'B6:K6']);
    expect(styleAt(pl1, 'B5')).toMatchObject({ bold: true, hAlign: 'center' });
    expect(styleAt(pl1, 'B6')).toMatchObject({ italic: true });
  });

  test('Phụ lục 2 prints its own annex line and title; its right block spans the last columns', () => {
    expect(at(pl2, 'B4')).toBe('PHỤ LỤC 2');
    expect(at(pl2, 'B5')).toBe('NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH XÃ ANH SƠN NĂM 2025');
    expect(at(pl2, 'K1')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pl2.merges).toContain('K2:M2');
    expect(pl2.merges).toContain('B6:M6');
  });

  test('a section row per reform area with rows, in the given order, Roman-numbered, code LV.<area>', () => {
    // Cải cách thể chế (TC) has no rows in the fixture: no empty section.
    expect([at(pl1, 'A9'), at(pl1, 'B9'), at(pl1, 'C9')]).toEqual(['LV.CDDH', 'I', 'Công tác chỉ đạo, điều hành']);
    expect([at(pl1, 'A11'), at(pl1, 'B11'), at(pl1, 'C11')]).toEqual(['LV.TTHC', 'II', 'Cải cách thủ tục hành chính']);
    expect([at(pl1, 'A15'), at(pl1, 'B15')]).toEqual(['LV.CQS', 'III']);
    expect(styleAt(pl1, 'C11')).toMatchObject({ bold: true, fill: '#FFF2CC', border: true });
    expect(styleAt(pl1, 'C12').bold).toBeUndefined();
    expect(pl1.rows).toHaveLength(16);
    expect(['A10', 'A12', 'A13', 'A14', 'A16'].map((x) => at(pl1, x))).toEqual(['CT.CDDH.01', 'CT.TTHC.01', 'CT.TTHC.02', 'CT.TTHC.03', 'CT.CQS.01']);
    expect(['B10', 'B12', 'B13', 'B16'].map((x) => at(pl1, x))).toEqual(['1', '3.1', '3.2', '7.1']);
    expect(at(pl1, 'D13')).toBe('tối thiểu 90%');
  });

  test('group headings go above their first indicator, unless they repeat the whole section', () => {
    const input = filledInput();
    input.headings = [
      { area: 'TTHC', stt: '3', name: 'Cải cách thủ tục hành chính', codes: ['CT.TTHC.01', 'CT.TTHC.02', 'CT.TTHC.03'] },
      { area: 'TTHC', stt: '3.2', name: 'Giải quyết thủ tục hành chính', codes: ['CT.TTHC.02', 'CT.TTHC.03'] },
      { area: 'CQS', stt: '7', name: 'Không có chỉ tiêu nào trong mẫu', codes: ['CT.CQS.99'] },
    ];
    const s = byName(buildTemplate(input), INDICATOR_SHEET.name);
    expect(s.rows.slice(8).map((r) => [r[0], r[1]])).toEqual([
      ['LV.CDDH', 'I'], ['CT.CDDH.01', '1'],
      ['LV.TTHC', 'II'], ['CT.TTHC.01', '3.1'], ['', '3.2'], ['CT.TTHC.02', '3.2'], ['CT.TTHC.03', '3.3'],
      ['LV.CQS', 'III'], ['CT.CQS.01', '7.1'],
    ]);
    expect(at(s, 'C13')).toBe('Giải quyết thủ tục hành chính');
    expect(styleAt(s, 'C13').bold).toBe(true);
    expect(s.protectedRanges).toContain('A13:K13');
    expect(s.formulas.map((f) => a1(f.row, f.col))).toEqual(['I10', 'I14', 'I17']);
  });

  test('overdue tasks are coloured over the visible row, from their earliest milestone', () => {
    const cutoff = `INDIRECT("'Thông tin'!B12")`;
    const overdue = (row: number, serial: number) =>
      `AND($I${row}<>"Hoàn thành",ISNUMBER(${cutoff}),${cutoff}>${serial},OR(NOT(ISNUMBER($J${row})),$J${row}>${cutoff}))`;
    expect(pl2.conditionalFormats.map((c) => [c.range, c.formula])).toEqual([
      ['B10:M10', overdue(10, 45747)], // Ban hành Kế hoạch: Quý I; Thực hiện: Cả năm → 31/03/2025
      ['B11:M11', overdue(11, 45747)], // Quý I
      ['B12:M12', overdue(12, 45747)], // Định kỳ hàng quý → first report 31/03/2025
      ['B14:M14', overdue(14, 46000)], // Trước 10/12/2025 → 09/12/2025
      // Thường xuyên: never overdue by date
    ]);
    expect(pl2.conditionalFormats[0].style).toEqual({ fill: '#FCE4D6', color: '#C00000' });
    const noYear = filledInput();
    noYear.info = { ...INFO, year: null, planDate: null };
    expect(byName(buildTemplate(noYear), TASK_SHEET.name).conditionalFormats).toEqual([]);
  });

  test('tasks are numbered 1..n inside each section', () => {
    expect(['A9', 'B9'].map((x) => at(pl2, x))).toEqual(['LV.CDDH', 'I']);
    expect(['B10', 'B11', 'B12'].map((x) => at(pl2, x))).toEqual([1, 2, 3]);
    expect(['A13', 'B13', 'B14', 'A15', 'B16'].map((x) => at(pl2, x))).toEqual(['LV.TTHC', 'II', 1, 'LV.CQS', 1]);
    expect(at(pl2, 'G10')).toBe('Ban hành Kế hoạch: Quý I; Thực hiện: Cả năm');
  });

  test('sections follow the order of the areas given, whatever the catalog order', () => {
    const input = filledInput();
    input.areas = [...input.areas].reverse();
    const s = byName(buildTemplate(input), INDICATOR_SHEET.name);
    expect(s.rows.filter((r) => String(r[0]).startsWith('LV.')).map((r) => [r[0], r[1]])).toEqual([
      ['LV.CQS', 'I'], ['LV.TTHC', 'II'], ['LV.CDDH', 'III'],
    ]);
  });

  test('ratio results are formulas built from the spec columns, value stored in the formula and in rows', () => {
    const result = columnIndex(INDICATOR_SHEET, 'result');
    expect(result).toBe(8);
    expect(pl1.formulas).toEqual([
      { row: 9, col: 8, formula: 'IF(AND(ISNUMBER(G10),ISNUMBER(H10),H10>0),G10/H10,"")', value: 1 },
      { row: 12, col: 8, formula: 'IF(AND(ISNUMBER(G13),ISNUMBER(H13),H13>0),G13/H13,"")', value: 0.855 },
      { row: 15, col: 8, formula: 'IF(AND(ISNUMBER(G16),ISNUMBER(H16),H16>0),G16/H16,"")', value: '' },
    ]);
    expect([at(pl1, 'I10'), at(pl1, 'I13'), at(pl1, 'I16')]).toEqual([1, 0.855, '']);
    expect(styleAt(pl1, 'I13').numberFormat).toBe('0.0%');
    // Non-ratio rows keep what was reported, as typed.
    expect([at(pl1, 'I12'), at(pl1, 'I14')]).toEqual(['Hoàn thành', 12]);
    expect(styleAt(pl1, 'I14').numberFormat).toBeUndefined();
    expect(pl2.formulas).toEqual([]);
  });

  test('results below a single numeric target are coloured light red', () => {
    expect(pl1.conditionalFormats.map((c) => [c.range, c.formula])).toEqual([
      ['I10', 'AND(ISNUMBER($I10),$I10<1)'], // 100%
      // CT.TTHC.01 is qualitative: nothing to compare
      ['I13', 'AND(ISNUMBER($I13),$I13<0.9)'], // tối thiểu 90%
      ['I14', 'AND(ISNUMBER($I14),$I14>15)'], // tối đa 15 phút/01 lượt giao dịch
      ['I16', 'AND(ISNUMBER($I16),$I16<0.95)'], // từ 95% - 100%
    ]);
    expect(pl1.conditionalFormats[0].style).toEqual({ fill: '#FFC7CE', color: '#9C0006' });
  });

  test('report values are pre-filled; text that looks like a formula stays a value', () => {
    expect(['G13', 'H13', 'J13', 'K13', 'K16'].map((x) => at(pl1, x))).toEqual([171, 200, 'Chưa đạt', '=1+1', '+ chưa phát sinh hồ sơ']);
    expect(pl1.formulas.some((f) => f.formula.includes('1+1'))).toBe(false);
    expect(at(pl2, 'I11')).toBe('Hoàn thành');
    expect(at(pl2, 'J11')).toEqual(new Date(Date.UTC(2025, 2, 20)));
    expect(at(pl2, 'L10')).toEqual(new Date(Date.UTC(2025, 0, 10)));
    expect(at(pl2, 'C14')).toBe('- Rà soát, đơn giản hóa TTHC nội bộ');
    expect(at(pl2, 'M14')).toBe('@ chờ hướng dẫn của tỉnh');
    expect(styleAt(pl2, 'J11').numberFormat).toBe('dd/mm/yyyy');
  });

  test('a blank template has empty report columns but keeps its formulas', () => {
    const s = byName(buildTemplate(blankInput()), INDICATOR_SHEET.name);
    for (const key of ['numerator', 'denominator', 'evaluation', 'note']) {
      const c = columnIndex(INDICATOR_SHEET, key);
      expect(s.rows.slice(8).map((r) => r[c])).toEqual(new Array(8).fill(''));
    }
    expect(s.formulas.map((f) => [a1(f.row, f.col), f.value])).toEqual([['I10', ''], ['I13', ''], ['I16', '']]);
  });

  test('native validation on the report columns, derived from the spec', () => {
    expect(pl1.validations.map((v) => [v.range, v.kind])).toEqual([
      ['G9:G16', 'decimal'], ['H9:H16', 'decimal'], ['J9:J16', 'list'],
    ]);
    expect(pl1.validations[0]).toMatchObject({
      min: 0, strict: false, title: 'Tử số',
      prompt: 'Số lượng đạt yêu cầu (ví dụ số hồ sơ trực tuyến). Nhập "x" nếu không phát sinh.',
      error: 'Cột "Tử số" cần một số không âm, ví dụ 120 (hoặc "x" nếu không phát sinh).',
    });
    expect(pl1.validations[2]).toMatchObject({ values: EVALUATION_VALUES, strict: true, error: 'Cột "Đánh giá" chỉ nhận: Đạt; Chưa đạt. Hãy chọn trong danh sách.' });
    expect(pl2.validations.map((v) => [v.range, v.kind])).toEqual([
      ['I9:I16', 'list'], ['J9:J16', 'date'], ['L9:L16', 'date'],
    ]);
    expect(pl2.validations[0]).toMatchObject({ values: STATUS_VALUES, strict: true, title: 'Tình trạng' });
    expect(pl2.validations[1]).toMatchObject({ prompt: 'Ngày/tháng/năm, ví dụ 15/03/2025', min: '2000-01-01', max: '2100-12-31' });
  });

  test('header block, plan columns and section rows are listed as protected', () => {
    expect(pl1.protectedRanges).toEqual(['A1:K8', 'A9:F16', 'A9:K9', 'A11:K11', 'A15:K15']);
    expect(pl2.protectedRanges).toEqual(['A1:M8', 'A9:H16', 'A9:M9', 'A13:M13', 'A15:M15']);
  });

  test('Thông tin: one label/value row per spec field from firstRow, with lists, dates and prompts', () => {
    expect(at(info, 'A1')).toBe('THÔNG TIN BÁO CÁO CẢI CÁCH HÀNH CHÍNH');
    INFO_SHEET.fields.forEach((f, i) => expect(at(info, `A${INFO_SHEET.firstRow + i + 1}`)).toBe(f.label));
    expect(['B3', 'B4', 'B5', 'B7', 'B8', 'B10', 'B11', 'B14'].map((x) => at(info, x))).toEqual([
      'UBND xã Anh Sơn', '16279', 'Xã', 'Tỉnh', '05/KH-UBND', 2025, 'Quý II', 'Lê Thị Hoa',
    ]);
    expect(at(info, 'B9')).toEqual(new Date(Date.UTC(2025, 0, 10)));
    expect(at(info, 'B12')).toEqual(new Date(Date.UTC(2025, 5, 14)));
    expect(styleAt(info, 'B12').numberFormat).toBe('dd/mm/yyyy');
    expect(styleAt(info, 'B4').numberFormat).toBe('@');
    expect([at(info, 'B15'), at(info, 'B16')]).toEqual([TEMPLATE_ID, TEMPLATE_VERSION]);
    expect(info.validations.map((v) => [v.range, v.kind])).toEqual([
      ['B5', 'list'], ['B7', 'list'], ['B9', 'date'], ['B10', 'whole'], ['B11', 'list'], ['B12', 'date'], ['B13', 'date'],
    ]);
    // Quý II/2025: the three-level kinds (thị trấn still exists, no đặc khu yet).
    expect(info.validations[0]).toMatchObject({ values: ['Xã', 'Phường', 'Thị trấn'], strict: true });
    expect(info.validations[1]).toMatchObject({ values: ['Huyện', 'Tỉnh'] });
    expect(info.validations[4]).toMatchObject({ values: PERIOD_LABELS, title: 'Kỳ báo cáo' });
    expect(info.validations[5]).toMatchObject({ prompt: 'Ngày cuối của kỳ lấy số liệu, ví dụ 14/03/2025' });
  });

  test('the template id and version come from the spec, not from what the input says', () => {
    const input = filledInput();
    input.info = { ...INFO, templateId: 'CU', templateVersion: '2019' };
    const s = buildTemplate(input);
    expect([at(s[0], 'B15'), at(s[0], 'B16')]).toEqual([TEMPLATE_ID, TEMPLATE_VERSION]);
    expect([at(s[3], 'B1'), at(s[3], 'B2')]).toEqual([TEMPLATE_ID, TEMPLATE_VERSION]);
  });

  test('metadata sheet: META_SHEET keys in A, values in B', () => {
    expect(meta.rows).toEqual([
      ['templateId', 'CCHC-PL'],
      ['templateVersion', '2025.1'],
      ['catalogId', 'CCHC-XA'],
      ['catalogVersion', '2025.1'],
      ['unitCode', '16279'],
      ['year', 2025],
      ['period', 'Quý II'],
      ['catalogHash', ''],
    ]);
    expect(meta.rows.map((r) => r[0])).toEqual([...META_SHEET.keys]);
  });

  test('unknown plan number, date and unit print as dots; the year falls back to the plan date', () => {
    const input = blankInput();
    input.info = { unitName: '', planNumber: '', planDate: null, year: null };
    const s = byName(buildTemplate(input), INDICATOR_SHEET.name);
    expect(at(s, 'B2')).toBe('…');
    expect(at(s, 'B5')).toBe('CÁC CHỈ TIÊU CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM …');
    expect(at(s, 'B6')).toBe('(Ban hành kèm theo Kế hoạch số … ngày … của Ủy ban nhân dân …)');
    const h = annexHeading(TASK_SHEET, { unitName: 'Bình Dương', unitKind: 'thi_tran', planNumber: '05/KH-UBND', planDate: '2025-01-10' });
    expect(h.council).toEqual(['ỦY BAN NHÂN DÂN', 'THỊ TRẤN BÌNH DƯƠNG']);
    expect(h.title).toBe('NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH THỊ TRẤN BÌNH DƯƠNG NĂM 2025');
    expect(h.issuedWith).toBe('(Ban hành kèm theo Kế hoạch số 05/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân thị trấn Bình Dương)');
  });

  test('the unit name loses its "UBND" / "Ủy ban nhân dân" prefix, typed any way', () => {
    expect(localUnitName({ unitName: 'UBND xã Anh Sơn' })).toBe('xã Anh Sơn');
    expect(localUnitName({ unitName: 'Ủy ban nhân dân phường Nghi Sơn' })).toBe('phường Nghi Sơn');
    expect(localUnitName({ unitName: 'uy ban nhan dan xa Binh Tan' })).toBe('xa Binh Tan');
    expect(localUnitName({ unitName: '  Anh  Sơn ', unitKind: 'xa' })).toBe('xã Anh Sơn');
    expect(localUnitName({ unitName: 'UBND', unitKind: 'xa' })).toBe('');
  });

  test('Roman numerals for section rows', () => {
    expect([1, 4, 7, 9, 10, 14].map(romanNumeral)).toEqual(['I', 'IV', 'VII', 'IX', 'X', 'XIV']);
  });
});
