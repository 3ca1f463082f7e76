import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseA1, type CellValue, type WorkbookGrids } from '../../shared/cell';
import { consolidate, consolidateSummaries } from '../../shared/consolidate/consolidate';
import { readSummarySheets } from '../../shared/consolidate/read-summary';
import type { ConsolidateOptions, Summary } from '../../shared/consolidate/types';
import type { SheetModel } from '../../shared/layout/sheet-model';
import { buildSummarySheets } from '../../shared/layout/summary';
import { readXlsxValues } from '../../io/xlsx/read-values';
import { writeXlsx } from '../../io/xlsx/write';
import { ALL_EXPECTED, DISTRICT_1_EXPECTED, DISTRICT_2_EXPECTED, Q2_2025, district1Inputs, district2Inputs } from './fixtures';

const PROVINCE: ConsolidateOptions = {
  ...Q2_2025,
  consolidatingUnit: { name: 'Sở Nội vụ tỉnh Bình Định', level: 'tinh' },
  expectedUnits: ALL_EXPECTED,
};
const NO_DATA = 'chưa có số liệu hợp lệ';

const summary = consolidate([...district1Inputs(), ...district2Inputs()], PROVINCE);
const sheets = buildSummarySheets(summary);
const byName = (name: string) => sheets.find((s) => s.name === name)!;
const cell = (sheet: SheetModel, address: string): CellValue => {
  const at = parseA1(address)!;
  return sheet.rows[at.row]?.[at.col] ?? null;
};
const grids = (models: SheetModel[]): WorkbookGrids => Object.fromEntries(models.map((s) => [s.name, s.rows]));

const VISIBLE = ['Tổng hợp chỉ tiêu', 'Chi tiết theo đơn vị', 'Tổng hợp nhiệm vụ', 'Tình hình nộp báo cáo', 'Nguồn dữ liệu', 'Lỗi dữ liệu'];
const rowOfCode = (sheet: SheetModel, code: string) => sheet.rows.findIndex((r) => r[r.length - 1] === code || r.includes(code));

test('six printable sheets in reading order, then the hidden data sheet', () => {
  expect(sheets.map((s) => s.name)).toEqual([...VISIBLE, 'Dữ liệu để tổng hợp lại']);
  expect(sheets.map((s) => s.hidden)).toEqual([false, false, false, false, false, false, true]);
});

test('every printable sheet is an administrative document: agency block, national header, title, signatures, A4 landscape, page numbers', () => {
  for (const name of VISIBLE) {
    const s = byName(name);
    expect(s.font.name).toBe('Times New Roman');
    expect(cell(s, 'A1')).toBe('UBND TỈNH BÌNH ĐỊNH');
    expect(cell(s, 'A2')).toBe('SỞ NỘI VỤ');
    const right = s.rows[0].findIndex((v, i) => i > 0 && v !== '');
    expect(s.rows[0][right]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(s.rows[1][right]).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(s.rows[2][right]).toBe('Bình Định, ngày 26 tháng 06 năm 2025');
    expect(cell(s, 'A6')).toBe('Kỳ báo cáo: Quý II năm 2025 (số liệu tính đến ngày 14/06/2025)');
    expect(cell(s, 'A7')).toBe('Đã tổng hợp 4/7 đơn vị · 3 đơn vị chưa có số liệu hợp lệ · hạn nộp 20/06/2025: đúng hạn 3, trễ hạn 2');
    const flat = s.rows.map((r) => r.join('|'));
    expect(flat.some((r) => r.startsWith('NGƯỜI LẬP BIỂU|') && r.includes('THỦ TRƯỞNG ĐƠN VỊ'))).toBe(true);
    expect(s.print).toMatchObject({ paper: 'A4', orientation: 'landscape', fitToWidth: true, pageNumbers: true });
    expect(s.frozenColumns).toBe(0);
    const header = Number(s.printTitleRows!.split(':')[0]) - 1;
    expect(s.rows[header][0]).toBe(name === 'Tổng hợp nhiệm vụ' ? 'TT' : 'STT');
  }
});

describe('Tổng hợp chỉ tiêu', () => {
  const s = byName('Tổng hợp chỉ tiêu');
  const header = Number(s.printTitleRows!.split(':')[0]) - 1;

  test('what needs attention first: below-target indicators, the largest consolidated shortfall first', () => {
    expect(cell(s, 'A8')).toBe('Đơn vị chưa có số liệu hợp lệ: Xã Cát Hải (gửi nhiều báo cáo khác nhau); Xã Mỹ Lộc (báo cáo không tổng hợp được); Xã Hải Thượng (chưa nộp)');
    expect(s.rows.slice(9, 14).map((r) => r[0])).toEqual([
      'NHỮNG ĐIỂM CẦN CHÚ Ý:',
      '• 1. Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến: kết quả chung 69,7%, chỉ tiêu 80%, còn thiếu 10,3%; 2/4 đơn vị có số liệu chưa đạt chỉ tiêu của mình.',
      '• 2. Tỷ lệ hồ sơ giải quyết đúng hạn: kết quả chung 98%, chỉ tiêu 100%, còn thiếu 2%; 1/5 đơn vị có số liệu chưa đạt chỉ tiêu của mình.',
      '• 4. Ban hành kế hoạch kiểm tra văn bản: 1/4 đơn vị có số liệu chưa đạt chỉ tiêu của mình.',
      '• 3. Số văn bản điện tử được ký số: 1/4 đơn vị có số liệu chưa đạt chỉ tiêu của mình.',
    ]);
  });

  test('the table in plan order under reform-area headings, STT first, the code in a hidden last column', () => {
    expect(s.rows[header]).toEqual([
      'STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu', 'Tổng tử số', 'Tổng mẫu số', 'Kết quả chung', 'Đánh giá chung',
      'Số đơn vị có số liệu hợp lệ', 'Số đơn vị đạt', 'Số đơn vị chưa đạt', 'Số đơn vị chưa có số liệu hợp lệ',
      'Đơn vị chưa đạt, xa chỉ tiêu nhất trước (kết quả; còn thiếu)', 'Mã',
    ]);
    expect(s.hiddenColumns).toEqual([12]);
    expect(s.rows.slice(header + 1, header + 8).map((r) => [r[0], r[1], r[12] ?? ''])).toEqual([
      ['I', 'CẢI CÁCH THỂ CHẾ', ''],
      ['4', 'Ban hành kế hoạch kiểm tra văn bản', 'TC.01'],
      ['II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', ''],
      ['1', 'Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến', 'TTHC.01'],
      ['2', 'Tỷ lệ hồ sơ giải quyết đúng hạn', 'TTHC.02'],
      ['III', 'XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ', ''],
      ['3', 'Số văn bản điện tử được ký số', 'CQS.01'],
    ]);
  });

  test('a rate row: sums, the rate as a formula with its value, counts (no valid data includes units that sent nothing usable), units below target furthest first', () => {
    const r = rowOfCode(s, 'TTHC.01');
    expect(s.rows[r]).toEqual(['1', 'Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến', '80%', 223, 320, 0.696875, 'Chưa đạt', 4, 2, 2, 4, 'Xã Bình Minh: 50%; thiếu 30%; Xã Đông Sơn: 70%; thiếu 10%', 'TTHC.01']);
    expect(s.formulas).toContainEqual({ row: r, col: 5, formula: `IF(E${r + 1}>0,D${r + 1}/E${r + 1},"không phát sinh")`, value: 0.696875 });
  });

  test('a count row shows the total, no tử số / mẫu số and no formula', () => {
    const r = rowOfCode(s, 'CQS.01');
    expect(s.rows[r].slice(0, 12)).toEqual(['3', 'Số văn bản điện tử được ký số', 'tối thiểu 50 văn bản', '', '', 235, '', 4, 3, 1, 4, 'Xã Bình Minh: 40; thiếu 10']);
    expect(s.formulas.filter((f) => f.row === r)).toEqual([]);
    expect(s.styles).toContainEqual({ range: `F${r + 1}`, style: { numberFormat: '#,##0' } });
  });
});

describe('Chi tiết theo đơn vị', () => {
  const s = byName('Chi tiết theo đơn vị');
  const header = Number(s.printTitleRows!.split(':')[0]) - 1;

  test('indicators as rows, units as columns with their official names and why they have no data', () => {
    expect(s.rows[header]).toEqual([
      'STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu', 'Xã An Hòa', 'Xã Bình Minh', 'Thị trấn Cát Tiên', 'Xã Cát Hải (gửi nhiều báo cáo khác nhau)',
      'Xã Mỹ Lộc (báo cáo không tổng hợp được)', 'Xã Đông Sơn', 'Xã Gia Lộc', 'Xã Hải Thượng (chưa nộp)',
    ]);
    const r = s.rows.findIndex((row) => row[1] === 'Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến');
    expect(s.rows[r]).toEqual(['1', 'Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến', '80%', 0.9, 0.5, 0.8, NO_DATA, NO_DATA, 0.7, NO_DATA, NO_DATA]);
    const zero = s.rows.findIndex((row) => row[1] === 'Tỷ lệ hồ sơ giải quyết đúng hạn');
    expect(s.rows[zero][8]).toBe('không phát sinh');
    // Below its own target: filled red.
    expect(s.styles).toContainEqual({ range: `E${r + 1}`, style: { fill: '#F8D7DA' } });
  });
});

describe('Tổng hợp nhiệm vụ', () => {
  const s = byName('Tổng hợp nhiệm vụ');
  test('per task counts under area headings, the completion rate as a formula, overdue units by official name', () => {
    const r = rowOfCode(s, 'NV.01');
    expect(s.rows[r - 1].slice(0, 2)).toEqual(['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH']);
    // Hoàn thành, Đang thực hiện, Chưa thực hiện, Quá hạn chưa cập nhật, Quá hạn (all), Chưa có số liệu hợp lệ.
    expect(s.rows[r]).toEqual(['1', 'Ban hành Kế hoạch CCHC năm 2025', 'Quý I', 5, 3, 1, 1, 0, 2, 3, 0.6, 'Thị trấn Cát Tiên; Xã Đông Sơn', 'NV.01']);
    const n = r + 1;
    expect(s.formulas).toContainEqual({ row: r, col: 10, formula: `IF((E${n}+F${n}+G${n}+H${n})>0,E${n}/(E${n}+F${n}+G${n}+H${n}),"")`, value: 0.6 });
  });
});

describe('Tình hình nộp báo cáo', () => {
  const s = byName('Tình hình nộp báo cáo');
  const header = Number(s.printTitleRows!.split(':')[0]) - 1;
  test('every expected or known unit with its status, dates and lateness; the code hidden', () => {
    expect(s.rows[header]).toEqual(['STT', 'Tên đơn vị', 'Tình trạng', 'Ngày báo cáo', 'Hạn nộp', 'Đúng hạn / trễ hạn', 'Số ngày trễ', 'Ghi chú', 'Mã đơn vị']);
    expect(s.hiddenColumns).toEqual([8]);
    const rows = s.rows.slice(header + 1, header + 9).map((r) => [r[1], r[2], r[5], r[6]]);
    expect(rows).toContainEqual(['Xã Hải Thượng', 'Chưa nộp', '', '']);
    expect(rows).toContainEqual(['Xã Mỹ Lộc', 'Không tổng hợp được', '', '']);
    expect(rows.filter((r) => r[2] === 'Trễ hạn')).toHaveLength(2);
  });
});

describe('Nguồn dữ liệu and Lỗi dữ liệu', () => {
  test('reasons in Vietnamese, no reason codes, no checksum, no summary kind', () => {
    const s = byName('Nguồn dữ liệu');
    const header = Number(s.printTitleRows!.split(':')[0]) - 1;
    expect(s.rows[header]).toEqual(['STT', 'Tệp', 'Đơn vị', 'Kỳ, năm', 'Ngày báo cáo', 'Ngày nhận', 'Kết quả', 'Lý do']);
    expect(s.rows.length - header - 1).toBeGreaterThanOrEqual(summary.provenance.length);
    const refused = summary.provenance.find((p) => p.outcome === 'refused')!;
    const row = s.rows.find((r) => r[1] === refused.fileName)!;
    expect(row[6]).toBe('Không tổng hợp');
    expect(row[7]).toBe(refused.reasons.map((x) => x.message).join('\n'));
  });

  test('every issue with unit, file, sheet, cell, severity and message', () => {
    const s = byName('Lỗi dữ liệu');
    const header = Number(s.printTitleRows!.split(':')[0]) - 1;
    expect(s.rows[header]).toEqual(['STT', 'Đơn vị', 'Tệp', 'Trang tính', 'Ô', 'Mức độ', 'Nội dung và cách sửa']);
    const first = summary.issues[0];
    expect(s.rows[header + 1].slice(2)).toEqual([first.fileName, first.sheet, first.address, first.severity === 'error' ? 'Lỗi' : 'Cảnh báo', first.message]);
  });
});

describe('readSummarySheets', () => {
  test('the sheets read back into the identical summary', () => {
    const back = readSummarySheets(grids(sheets));
    expect(back).toEqual({ ok: true, value: summary });
  });

  test('a summary without an expected list reads back with none', () => {
    const s = consolidate(district2Inputs(), { ...Q2_2025, consolidatingUnit: { name: 'Phòng Nội vụ huyện Phù Cát', level: 'huyen' } });
    expect(readSummarySheets(grids(buildSummarySheets(s)))).toEqual({ ok: true, value: s });
  });

  test('through an .xlsx file and back, then consolidated again: same as direct', async () => {
    const d1 = consolidate(district1Inputs(), { ...Q2_2025, consolidatingUnit: { name: 'Phòng Nội vụ huyện Phù Mỹ', level: 'huyen' }, expectedUnits: DISTRICT_1_EXPECTED });
    const d2 = consolidate(district2Inputs(), { ...Q2_2025, consolidatingUnit: { name: 'Phòng Nội vụ huyện Phù Cát', level: 'huyen' }, expectedUnits: DISTRICT_2_EXPECTED });
    const readBack = async (s: Summary): Promise<Summary> => {
      const bytes = await writeXlsx(buildSummarySheets(s));
      const values = readXlsxValues(bytes, { fileName: 'tong-hop.xlsx' });
      if (!values.ok) throw new Error(values.reason);
      const parsed = readSummarySheets(Object.fromEntries(values.value.sheets.map((x) => [x.name, x.grid])));
      if (!parsed.ok) throw new Error(parsed.reason);
      return parsed.value;
    };
    const [b1, b2] = [await readBack(d1), await readBack(d2)];
    expect(b1).toEqual(d1);
    const province = consolidateSummaries([b1, b2], PROVINCE);
    const { provenance: _p, units, generatedAt: _g, ...rest } = province;
    const { provenance: _q, units: directUnits, ...directRest } = summary;
    expect({ ...rest, generatedAt: summary.generatedAt }).toEqual(directRest);
    expect(units.map(({ via: _v, ...u }) => u)).toEqual(directUnits.map(({ via: _v, ...u }) => u));
  });

  test('an empty summary (nobody reported yet) and a time-stamped generation read back too', () => {
    const s = consolidate([], { ...PROVINCE, now: '2025-06-26T08:30:00+07:00' });
    expect(s.aggregates.completeness.missing).toHaveLength(7);
    const model = buildSummarySheets(s);
    const detail = model.find((m) => m.name === 'Chi tiết theo đơn vị')!;
    expect(detail.rows[Number(detail.printTitleRows!.split(':')[0]) - 1].slice(3, 5)).toEqual(['Xã An Hòa (chưa nộp)', 'Xã Bình Minh (chưa nộp)']);
    expect(readSummarySheets(grids(model))).toEqual({ ok: true, value: s });
  });

  test('a workbook that is not a summary says which sheet is missing', () => {
    expect(readSummarySheets({ 'Phụ lục 1 - Chỉ tiêu': [] })).toEqual({
      ok: false,
      code: 'summary.missing_sheet',
      reason: 'Không thấy trang “Nguồn dữ liệu”: tệp này không phải bảng tổng hợp báo cáo CCHC, hoặc trang đã bị đổi tên. Hãy đặt lại tên trang là “Nguồn dữ liệu”.',
    });
  });

  test('totals edited on a printed sheet do not change what is read back', () => {
    const g = grids(buildSummarySheets(summary));
    const copy = g['Tổng hợp chỉ tiêu'].map((r) => [...r]);
    const r = copy.findIndex((row) => row.includes('TTHC.01'));
    copy[r][3] = 999;
    expect(readSummarySheets({ ...g, 'Tổng hợp chỉ tiêu': copy })).toEqual({ ok: true, value: summary });
  });

  test('a damaged data row is refused with its row, in Vietnamese', () => {
    const g = grids(buildSummarySheets(summary));
    const data = g['Dữ liệu để tổng hợp lại'].map((r) => [...r]);
    const r = data.findIndex((row) => row[0] === 'don-vi');
    data[r][2] = String(data[r][2]).slice(0, 40);
    expect(readSummarySheets({ ...g, 'Dữ liệu để tổng hợp lại': data })).toEqual({
      ok: false,
      code: 'summary.bad_data',
      reason: `Trang “Dữ liệu để tổng hợp lại”, dòng ${r + 1}: dữ liệu không đọc được (đã bị sửa hoặc cắt mất). Hãy lập lại bảng tổng hợp bằng công cụ này thay vì sửa tay.`,
    });
    const edited = g['Dữ liệu để tổng hợp lại'].map((row) => [...row]);
    edited[r][2] = String(edited[r][2]).replace('"status":"taken"', '"status":"tot"');
    const bad = readSummarySheets({ ...g, 'Dữ liệu để tổng hợp lại': edited });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toBe(`Trang “Dữ liệu để tổng hợp lại”, dòng ${r + 1}: dữ liệu không đúng cấu trúc. Hãy lập lại bảng tổng hợp bằng công cụ này thay vì sửa tay.`);
  });

  test('a long record is cut over several cells and read back whole', () => {
    const long = { ...summary, units: summary.units.map((u) => ({ ...u, files: Array.from({ length: 1500 }, (_, i) => `tep-bao-cao-so-${i}-cua-${u.code}.xlsx`) })) };
    const model = buildSummarySheets(long);
    const data = model[model.length - 1];
    const unitRow = data.rows.find((row) => row[0] === 'don-vi')!;
    expect(unitRow.length).toBeGreaterThan(3);
    expect(unitRow.slice(2).every((v) => typeof v === 'string' && v.length <= 30_000)).toBe(true);
    const back = readSummarySheets(grids(model));
    expect(back.ok && back.value.units).toEqual(long.units);
  });

  test('a summary of structure version 1 (made before the data sheet) still reads back exactly', () => {
    const bytes = readFileSync(join(__dirname, 'files', 'tong-hop-cau-truc-1.xlsx'));
    const values = readXlsxValues(bytes, { fileName: 'tong-hop-cau-truc-1.xlsx' });
    if (!values.ok) throw new Error(values.reason);
    const parsed = readSummarySheets(Object.fromEntries(values.value.sheets.map((x) => [x.name, x.grid])));
    const direct = consolidate(district1Inputs(), { ...Q2_2025, consolidatingUnit: { name: 'Phòng Nội vụ huyện Phù Mỹ', level: 'huyen' }, expectedUnits: DISTRICT_1_EXPECTED });
    expect(parsed).toEqual({ ok: true, value: direct });
  });
});
