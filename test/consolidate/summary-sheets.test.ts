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
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const summary = consolidate([...district1Inputs(), ...district2Inputs()], PROVINCE);
const sheets = buildSummarySheets(summary);
const byName = (name: string) => sheets.find((s) => s.name === name)!;
const cell = (sheet: SheetModel, address: string): CellValue => {
  const at = parseA1(address)!;
  return sheet.rows[at.row]?.[at.col] ?? null;
};
const grids = (models: SheetModel[]): WorkbookGrids => Object.fromEntries(models.map((s) => [s.name, s.rows]));

test('six sheets, in reading order, Times New Roman, A4 landscape, header frozen and repeated', () => {
  expect(sheets.map((s) => s.name)).toEqual([
    'Tổng hợp chỉ tiêu', 'Chi tiết theo đơn vị', 'Tổng hợp nhiệm vụ', 'Tình hình nộp báo cáo', 'Nguồn dữ liệu', 'Lỗi dữ liệu',
  ]);
  for (const s of sheets) {
    expect(s.font.name).toBe('Times New Roman');
    expect(s.print).toEqual({ paper: 'A4', orientation: 'landscape', fitToWidth: true });
    expect(s.frozenRows).toBe(4);
    expect(s.printTitleRows).toBe('4:4');
    // Every row has the same width: writers get a rectangle.
    expect(new Set(s.rows.map((r) => r.length)).size).toBe(1);
  }
});

describe('Tổng hợp chỉ tiêu', () => {
  const s = byName('Tổng hợp chỉ tiêu');

  test('title block and header', () => {
    expect(cell(s, 'A1')).toBe('TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH');
    expect(cell(s, 'A2')).toBe('Sở Nội vụ tỉnh Bình Định (cấp tỉnh) — Kỳ báo cáo: Quý II năm 2025');
    expect(s.rows[3].slice(0, 8)).toEqual(['Mã', 'STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu', 'Tổng tử số', 'Tổng mẫu số', 'Kết quả chung', 'Đánh giá chung']);
    expect(s.merges).toContain('A1:N1');
  });

  test('a rate row: sums, the rate as a formula with its value, counts, units below target with gaps', () => {
    expect(s.rows[5].slice(0, 12)).toEqual(['TTHC.01', '1', 'Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến', '80%', 223, 320, 0.696875, 'Chưa đạt', 4, 2, 2, 1]);
    expect(s.formulas).toContainEqual({ row: 5, col: 6, formula: 'IF(F6>0,E6/F6,"")', value: 0.696875 });
    expect(cell(s, 'M6')).toBe('Xã Bình Minh: 50% (chênh lệch 30%); Xã Đông Sơn: 70% (chênh lệch 10%)');
    expect(cell(s, 'N6')).toBe('Xã Gia Lộc');
    expect(s.styles).toContainEqual({ range: 'G6', style: { numberFormat: '0.0%' } });
  });

  test('a count row shows the total, no tử số / mẫu số and no formula', () => {
    expect(s.rows[7].slice(0, 12)).toEqual(['CQS.01', '3', 'Số văn bản điện tử được ký số', 'tối thiểu 50 văn bản', '', '', 235, '', 4, 3, 1, 1]);
    expect(cell(s, 'M8')).toBe('Xã Bình Minh: 40 (chênh lệch 10)');
    expect(s.formulas.filter((f) => f.row === 7)).toEqual([]);
  });

  test('TTHC.02: 98/100 against the common 100% target', () => {
    expect(s.rows[6].slice(4, 11)).toEqual([98, 100, 0.98, 'Chưa đạt', 5, 3, 1]);
  });
});

describe('Chi tiết theo đơn vị', () => {
  const s = byName('Chi tiết theo đơn vị');

  test('one row per unit (received, held out, refused, missing), one column per indicator', () => {
    expect(s.rows[3].slice(0, 8)).toEqual([
      'Mã đơn vị', 'Tên đơn vị', 'Qua đơn vị', 'Tình trạng',
      '4. Ban hành kế hoạch kiểm tra văn bản', '1. Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến',
      '2. Tỷ lệ hồ sơ giải quyết đúng hạn', '3. Số văn bản điện tử được ký số',
    ]);
    expect(s.rows.slice(4, 12).map((r) => [r[0], r[3]])).toEqual([
      ['10001', 'Đã tổng hợp'],
      ['10002', 'Đã tổng hợp'],
      ['10003', 'Đã tổng hợp'],
      ['10004', 'Tạm giữ: gửi nhiều báo cáo khác nhau'],
      ['10005', 'Không tổng hợp được'],
      ['20001', 'Đã tổng hợp'],
      ['20002', 'Đã tổng hợp'],
      ['20003', 'Chưa nộp'],
    ]);
    expect(s.rows[4].slice(4, 8)).toEqual(['Hoàn thành', 0.9, 1, 60]);
  });

  test('no valid value is "chưa có số liệu hợp lệ", never 0', () => {
    expect(cell(s, 'F11')).toBe(NO_DATA); // Gia Lộc: numerator without denominator
    expect(cell(s, 'H10')).toBe(NO_DATA); // Đông Sơn: the row has an error
    expect(cell(s, 'E7')).toBe(NO_DATA); // Cát Tiên left the qualitative row empty
    expect(cell(s, 'G10')).toBe('không phát sinh'); // 0/0
    for (const row of [7, 8, 11]) expect(s.rows[row].slice(4, 8)).toEqual([NO_DATA, NO_DATA, NO_DATA, NO_DATA]);
  });

  test('the consolidated line', () => {
    expect(s.rows[12].slice(1, 8)).toEqual(['Kết quả chung', '', '', '', 0.696875, 0.98, 235]);
  });

  test('the leaf block keeps each unit’s numbers and its target as read', () => {
    expect(cell(s, 'A16')).toBe('SỐ LIỆU CHI TIẾT THEO ĐƠN VỊ VÀ CHỈ TIÊU (dùng để tổng hợp lại ở cấp trên)');
    expect(s.rows[16].slice(0, 14)).toEqual([
      'Mã đơn vị', 'Tên đơn vị', 'Chỉ tiêu', 'Mã chỉ tiêu', 'STT', 'Lĩnh vực', 'Loại chỉ tiêu', 'Chỉ tiêu phấn đấu của đơn vị',
      'Tử số', 'Mẫu số', 'Kết quả', 'Đánh giá', 'Chênh lệch', 'Tình trạng số liệu',
    ]);
    expect(cell(s, 'O17')).toBe('Chỉ tiêu phấn đấu (dạng máy đọc)');
    expect(s.rows[19].slice(0, 15)).toEqual([
      '10001', 'Xã An Hòa', 'Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến', 'TTHC.01', '1', 'TTHC', 'Tỷ lệ', '80%', 45, 50, 0.9, 'Đạt', 0, 'Hợp lệ',
      '[{"kind":"numeric","comparator":"gte","value":0.8,"unit":"percent","subject":""}]',
    ]);
    // Gia Lộc's numerator is kept, the missing denominator stays empty, and the row is marked invalid.
    expect(s.rows[35].slice(0, 14)).toEqual([
      '20002', 'Xã Gia Lộc', 'Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến', 'TTHC.01', '1', 'TTHC', 'Tỷ lệ', '80%', 20, '', '', '', '', 'Không hợp lệ',
    ]);
    expect(s.hiddenColumns).toEqual([14]);
    // Rates and their gaps in percent, as one range per run of rows; the matrix's rate columns likewise.
    expect(s.styles).toContainEqual({ range: 'K20:K21', style: { numberFormat: '0.0%' } });
    expect(s.styles).toContainEqual({ range: 'M20:M21', style: { numberFormat: '0.0%' } });
    expect(s.styles).toContainEqual({ range: 'G5:G13', style: { numberFormat: '0.0%' } });
    expect(s.styles).not.toContainEqual({ range: 'E5:E13', style: { numberFormat: '0.0%' } });
    expect(s.rows.length).toBe(17 + 20);
  });
});

describe('Tổng hợp nhiệm vụ', () => {
  const s = byName('Tổng hợp nhiệm vụ');
  test('per task counts and the completion rate as a formula', () => {
    expect(s.rows[4].slice(0, 12)).toEqual([
      'NV.01', '1', 'Ban hành Kế hoạch CCHC năm 2025', 'Quý I', 5, 3, 1, 1, 2, 0, 0.6, 'Thị trấn Cát Tiên; Xã Đông Sơn',
    ]);
    expect(s.formulas).toContainEqual({ row: 4, col: 10, formula: 'IF((F5+G5+H5)>0,F5/(F5+G5+H5),"")', value: 0.6 });
    expect(s.rows[5].slice(4, 11)).toEqual([5, 1, 2, 1, 0, 1, 0.25]);
    expect(s.rows[6].slice(4, 11)).toEqual([5, 1, 4, 0, 0, 0, 0.2]);
  });
  test('the leaf block: each unit’s status and overdue flag', () => {
    expect(cell(s, 'A10')).toBe('TÌNH TRẠNG NHIỆM VỤ THEO TỪNG ĐƠN VỊ (dùng để tổng hợp lại ở cấp trên)');
    expect(s.rows[17].slice(0, 10)).toEqual(['10003', 'Thị trấn Cát Tiên', 'Ban hành Kế hoạch CCHC năm 2025', 'NV.01', '1', 'CDDH', 'Quý I', 'Đang thực hiện', 'Quá hạn', 'Hợp lệ']);
    expect(s.rows[24].slice(7, 10)).toEqual(['', '', 'Chưa nhập']);
  });
});

describe('Tình hình nộp báo cáo', () => {
  const s = byName('Tình hình nộp báo cáo');
  test('facts line', () => {
    expect(cell(s, 'A3')).toBe('Phải báo cáo: 7 đơn vị · Đã nhận và tổng hợp: 4/7 · Đúng hạn: 3 · Trễ hạn: 2 · Chưa nộp: 1 · Gửi nhiều báo cáo khác nhau: 1 · Không tổng hợp được: 1 · Ngoài danh sách: 1');
  });
  test('each unit with its date, lateness, list membership and files', () => {
    expect(s.rows[4].slice(0, 11)).toEqual([1, '10001', 'Xã An Hòa', '', 'Đã tổng hợp', day('2025-06-18'), day('2025-06-20'), 'Đúng hạn', '', 'Có', 'an-hoa.xlsx']);
    expect(s.rows[6].slice(5, 9)).toEqual([day('2025-06-25'), day('2025-06-20'), 'Trễ hạn', 5]);
    expect(s.rows[7].slice(4, 11)).toEqual(['Tạm giữ: gửi nhiều báo cáo khác nhau', day('2025-06-15'), day('2025-06-20'), '', '', 'Có', 'cat-hai-lan-1.xlsx\ncat-hai-lan-2.xlsx']);
    expect(s.rows[10].slice(1, 11)).toEqual(['20002', 'Xã Gia Lộc', '', 'Đã tổng hợp', day('2025-06-22'), day('2025-06-20'), 'Trễ hạn', 2, 'Không', 'gia-loc.xlsx']);
    expect(s.rows[11].slice(1, 11)).toEqual(['20003', 'Xã Hải Thượng', '', 'Chưa nộp', '', day('2025-06-20'), '', '', 'Có', '']);
    expect(s.styles).toContainEqual({ range: 'F5:F12', style: { numberFormat: 'dd/mm/yyyy' } });
  });
});

describe('Nguồn dữ liệu', () => {
  const s = byName('Nguồn dữ liệu');
  test('every input with checksum, unit, period, template version, outcome and reasons', () => {
    expect(s.rows.slice(4, 15).map((r) => [r[1], r[12]])).toEqual([
      ['an-hoa-gui-lai.xlsx', 'Trùng lặp, chỉ tính một lần'],
      ['an-hoa.xlsx', 'Đã tổng hợp'],
      ['binh-minh.xlsx', 'Đã tổng hợp, có cảnh báo'],
      ['cat-hai-lan-1.xlsx', 'Tạm giữ: đơn vị gửi báo cáo khác nhau'],
      ['cat-hai-lan-2.xlsx', 'Tạm giữ: đơn vị gửi báo cáo khác nhau'],
      ['cat-tien.xlsx', 'Đã tổng hợp'],
      ['dong-son.xlsx', 'Đã tổng hợp, trừ các dòng có lỗi'],
      ['dong-son.xlsx', 'Trùng lặp, chỉ tính một lần'],
      ['gia-loc.xlsx', 'Đã tổng hợp'],
      ['hong.xlsx', 'Không tổng hợp'],
      ['my-loc-quy-1.xlsx', 'Không tổng hợp'],
    ]);
    expect(s.rows[14]).toEqual([
      11, 'my-loc-quy-1.xlsx', '1'.repeat(64), 'Báo cáo đơn vị', '10005', 'Xã Mỹ Lộc', 2025, 'Quý I', '2025.1', day('2025-03-18'), '', '', 'Không tổng hợp',
      'Tệp “my-loc-quy-1.xlsx” là báo cáo Quý I năm 2025, không phải kỳ đang tổng hợp (Quý II năm 2025). Đề nghị đơn vị gửi báo cáo Quý II năm 2025.',
      'unit.wrong_period',
    ]);
  });
  test('the key/value block that says what the summary is', () => {
    expect(cell(s, 'B18')).toBe('THÔNG TIN BẢNG TỔNG HỢP');
    expect(s.rows.slice(18, 28).map((r) => [r[1], r[2]])).toEqual([
      ['Loại bảng', 'cchc-summary'],
      ['Phiên bản cấu trúc', 1],
      ['Đơn vị tổng hợp', 'Sở Nội vụ tỉnh Bình Định'],
      ['Cấp tổng hợp', 'Tỉnh'],
      ['Năm', 2025],
      ['Kỳ báo cáo', 'Quý II'],
      ['Ngày chốt số liệu', day('2025-06-14')],
      ['Hạn nộp báo cáo', day('2025-06-20')],
      ['Ngày lập', day('2025-06-26')],
      ['Danh sách đơn vị phải báo cáo', 'Có'],
    ]);
  });
});

describe('Lỗi dữ liệu', () => {
  const s = byName('Lỗi dữ liệu');
  test('every issue with file, sheet, cell, severity and message', () => {
    expect(s.rows[3]).toEqual(['STT', 'Tệp', 'Mã đơn vị', 'Trang tính', 'Ô', 'Mức độ', 'Nội dung', 'Mã lỗi']);
    expect(s.rows.slice(4).map((r) => [r[1], r[2], r[3], r[4], r[5], r[7]])).toEqual([
      ['hong.xlsx', '', '', '', 'Lỗi', 'file.not_xlsx'],
      ['binh-minh.xlsx', '10002', 'Phụ lục 2 - Nhiệm vụ', 'J9', 'Cảnh báo', 'task.done_without_date'],
      ['my-loc-quy-1.xlsx', '10005', '', '', 'Lỗi', 'unit.wrong_period'],
      ['dong-son.xlsx', '20001', 'Phụ lục 1 - Chỉ tiêu', 'I11', 'Lỗi', 'result.not_number'],
    ]);
    expect(cell(s, 'G8')).toBe('Kết quả “70 văn bản” không phải là số. Hãy chỉ nhập số, ví dụ 70.');
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
    expect(model.find((m) => m.name === 'Chi tiết theo đơn vị')!.rows[4].slice(0, 4)).toEqual(['10001', 'Xã An Hòa', '', 'Chưa nộp']);
    expect(readSummarySheets(grids(model))).toEqual({ ok: true, value: s });
  });

  test('a workbook that is not a summary says which sheet is missing', () => {
    expect(readSummarySheets({ 'Phụ lục 1 - Chỉ tiêu': [] })).toEqual({
      ok: false,
      code: 'summary.missing_sheet',
      reason: 'Không thấy trang “Nguồn dữ liệu”: tệp này không phải bảng tổng hợp báo cáo CCHC, hoặc trang đã bị đổi tên. Hãy đặt lại tên trang là “Nguồn dữ liệu”.',
    });
  });

  test('an edited label is refused with the cell and the allowed words', () => {
    const g = grids(buildSummarySheets(summary));
    const copy = g['Chi tiết theo đơn vị'].map((r) => [...r]);
    copy[19][13] = 'Tốt';
    const r = readSummarySheets({ ...g, 'Chi tiết theo đơn vị': copy });
    expect(r).toEqual({
      ok: false,
      code: 'summary.unknown_value',
      reason: 'Trang “Chi tiết theo đơn vị”, ô N20 ghi “Tốt”; chỉ dùng được “Hợp lệ”, “Không hợp lệ”, “Chưa nhập”. Hãy lập lại bảng tổng hợp thay vì sửa tay.',
    });
  });

  test('a number cell holding text is refused with its address', () => {
    const g = grids(buildSummarySheets(summary));
    const copy = g['Chi tiết theo đơn vị'].map((r) => [...r]);
    copy[19][8] = 'bốn lăm';
    const r = readSummarySheets({ ...g, 'Chi tiết theo đơn vị': copy });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('Trang “Chi tiết theo đơn vị”, ô I20 phải là số, đang ghi “bốn lăm”. Hãy nhập lại số hoặc để trống.');
  });
});
