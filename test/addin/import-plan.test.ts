/**
 * Excel pane → Nhập từ bảng có sẵn, on the strict fake: the unit's own plan table (the hand-made seed
 * sheet: columns reversed, no diacritics, a target stored as a number shown with "0%") becomes the
 * annex sheets through Chèn Phụ lục's path; the source sheet is only read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPlanFromSelection } from '../../addin/commands/import-plan';
import type { AnnexForm } from '../../addin/commands/insert-annexes';
import { describeHostError } from '../../addin/excel/host-errors';
import { NODE_XLSX_CODECS } from '../../cli/codecs';
import { readXlsxValues } from '../../io/xlsx/read-values';
import { INDICATOR_SHEET, TASK_SHEET } from '../../shared/spec/annex';
import { FakeWorkbook } from './fake-excel';

const FORM: AnnexForm = {
  unitName: 'UBND thị trấn Bình Dương', unitCode: '90001', unitKind: 'thi_tran', parentName: 'UBND huyện Phù Mỹ', parentLevel: 'huyen',
  year: 2025, period: 'Q1', planNumber: '05/KH-UBND', planDate: '2025-01-10',
};
const PLAN = 'Ke hoach';
const TOP = 2; // the table starts at row 3, column B
const LEFT = 1;

/** Seed 000's hand-made sheet typed into "Ke hoach" from B3, text cells as text; one target as a number shown "0%". */
function bookWithPlan(): { book: FakeWorkbook; grid: string[][]; percentAt: string } {
  const r = readXlsxValues(readFileSync(join(__dirname, '../import/files/seed-000.xlsx')), { ...NODE_XLSX_CODECS });
  if (!r.ok) throw new Error(r.reason);
  const grid = r.value.sheets[0].grid.map((row) => row.map((v) => (v === null ? '' : String(v))));
  const book = new FakeWorkbook([PLAN]);
  const sheet = book.sheet(PLAN);
  let percentAt = '';
  grid.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === '') return;
      const numeric = v === '75%';
      if (numeric) percentAt = `${String.fromCharCode(65 + LEFT + j)}${TOP + i + 1}`;
      sheet.cells.set(`${TOP + i},${LEFT + j}`, numeric ? { value: 0.75, formula: null, numberFormat: '0%' } : { value: v, formula: null, numberFormat: '@' });
    }),
  );
  return { book, grid, percentAt };
}

const codesOn = (book: FakeWorkbook, sheet: string, prefix: RegExp) => book.sheet(sheet).grid().map((r) => String(r[0])).filter((c) => prefix.test(c));

describe('Nhập từ bảng có sẵn (Excel)', () => {
  test('one cell selected: the whole sheet is read; both annexes written; the plan sheet untouched', async () => {
    const { book, percentAt } = bookWithPlan();
    const before = book.sheet(PLAN).grid();
    const { context } = book.requestContext();
    const r = await importPlanFromSelection(context, FORM, { pageLayout: true });
    expect(book.sheet(PLAN).grid()).toEqual(before);
    expect(book.sheet(PLAN).numberFormat(percentAt)).toBe('0%');
    expect(r.insert.created).toEqual(['Thông tin', INDICATOR_SHEET.name, TASK_SHEET.name, '_cchc_meta', '_cchc_danh_muc']);
    expect(codesOn(book, INDICATOR_SHEET.name, /^CT\./)).toHaveLength(20);
    expect(codesOn(book, TASK_SHEET.name, /^NV\./)).toHaveLength(18);
    expect(r.report.slice(0, 3)).toEqual([
      'Đã đọc trang “Ke hoach”: 2 bảng phụ lục (20 chỉ tiêu; 18 nhiệm vụ).',
      'Khớp với biểu mẫu chuẩn: 36 dòng (theo mã: 0; theo tên: 36).',
      'Dòng riêng của đơn vị (giữ nguyên như kế hoạch): 2.',
    ]);
    expect(r.report).toContain('Mọi chỉ tiêu phấn đấu và thời gian hoàn thành đều đọc được.');
    // The number shown "75%" reaches the workbook as the plan shows it.
    const pl1 = book.sheet(INDICATOR_SHEET.name).grid();
    const target = INDICATOR_SHEET.columns.findIndex((c) => c.key === 'target');
    expect(pl1.find((row) => row[0] === 'CT.CQS.07')?.[target]).toBe('75%');
  });

  test('a selected range is read alone; cells and rows are named by their place in the sheet', async () => {
    const { book, grid } = bookWithPlan();
    const tasksFrom = grid.findIndex((row) => row.includes('TT'));
    const first = TOP + tasksFrom + 1;
    const last = TOP + grid.length;
    book.selection = { sheet: PLAN, address: `B${first}:K${last}` };
    const { context } = book.requestContext();
    const r = await importPlanFromSelection(context, FORM, { pageLayout: true });
    expect(r.report[0]).toBe(`Đã đọc vùng B${first}:K${last} của trang “Ke hoach”: 1 bảng phụ lục (18 nhiệm vụ).`);
    expect(r.report).toContain('Kế hoạch không có bảng chỉ tiêu: giữ các chỉ tiêu của biểu mẫu chuẩn.');
    expect(r.report.find((l) => l.includes('(STT 3)'))).toMatch(new RegExp(`^  - trang "Ke hoach", dòng ${first + 4} \\(STT 3\\)`));
  });

  test('refuses an annex sheet, a sheet without a plan table and several selected ranges, in Vietnamese', async () => {
    const book = new FakeWorkbook(['Danh ba', TASK_SHEET.name]);
    book.sheet('Danh ba').cells.set('0,0', { value: 'Họ tên', formula: null, numberFormat: '@' });
    book.sheet('Danh ba').cells.set('0,1', { value: 'Điện thoại', formula: null, numberFormat: '@' });
    const message = async () => {
      try {
        await importPlanFromSelection(book.requestContext().context, FORM, { pageLayout: true });
      } catch (e) {
        return describeHostError(e).message;
      }
      throw new Error('expected a refusal');
    };
    expect(await message()).toMatch(/^Không tìm thấy bảng phụ lục nào trong trang “Danh ba”\. .* Chưa ghi gì\.$/);
    book.active = book.sheet(TASK_SHEET.name);
    expect(await message()).toBe(
      'Trang “Phụ lục 2 - Nhiệm vụ” là trang của biểu mẫu nên không nhập từ đó được. Hãy mở trang chứa bảng kế hoạch của đơn vị (hoặc chọn vùng bảng đó) rồi bấm Nhập từ bảng có sẵn.',
    );
    book.active = book.sheet('Danh ba');
    book.multipleSelection = true;
    expect(await message()).toBe('Đang chọn nhiều vùng cùng lúc. Hãy chọn một vùng liền nhau chứa bảng kế hoạch (hoặc chỉ một ô để đọc cả trang) rồi bấm lại.');
    expect(book.names).toEqual(['Danh ba', TASK_SHEET.name]);
  });
});
