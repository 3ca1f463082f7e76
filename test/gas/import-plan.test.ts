/**
 * CCHC → Nhập từ bảng có sẵn in Google Sheets: the unit's own plan table, typed in a sheet of the
 * spreadsheet (the hand-made seed table: columns reversed, no diacritics), becomes the annex sheets
 * through the same insert path as Chèn Phụ lục; the source sheet is left as it was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_XLSX_CODECS } from '../../cli/codecs';
import { readXlsxValues } from '../../io/xlsx/read-values';
import { TASK_SHEET } from '../../shared/spec/annex';
import { buildBundle, loadGas } from './fakes/gas';

const PL2 = 'Phụ lục 2 - Nhiệm vụ';

beforeAll(() => buildBundle());

/** Seed 002's table as a unit keeps it in a sheet of its own ("Ke hoach"), every cell typed as text. */
function planGrid(): string[][] {
  const r = readXlsxValues(readFileSync(join(__dirname, '../import/files/seed-002.xlsx')), { ...NODE_XLSX_CODECS });
  if (!r.ok) throw new Error(r.reason);
  return r.value.sheets[0].grid.map((row) => row.map((v) => (v === null ? '' : `'${String(v)}`)));
}

function withPlan(atRow = 1) {
  const gas = loadGas();
  const grid = planGrid();
  const width = Math.max(...grid.map((r) => r.length));
  const sheet = gas.home.insertSheet('Ke hoach');
  sheet.getRange(atRow, 2, grid.length, width).setValues(grid.map((r) => [...r, ...Array(width - r.length).fill('')]));
  return { gas, sheet, grid };
}

describe('Nhập từ bảng có sẵn', () => {
  test('the active sheet’s plan table becomes the annex sheets, with the report of what matched', () => {
    const { gas, sheet } = withPlan();
    const before = sheet.getRange(1, 1, 40, 8).getValues();
    gas.call('importPlan');
    expect(sheet.getRange(1, 1, 40, 8).getValues()).toEqual(before);
    const pl2 = gas.home._sheet(PL2)._grid();
    const code = TASK_SHEET.columns.findIndex((c) => c.key === 'code');
    const codes = pl2.map((r) => String(r[code])).filter((c) => /^NV\./.test(c));
    expect(codes).toHaveLength(23);
    expect(codes.filter((c) => /^NV\.[A-Z]+\.DV\.\d\d$/.test(c))).toHaveLength(21);
    expect(codes).toEqual(expect.arrayContaining(['NV.DN.01', 'NV.DN.02']));
    const [alert] = gas.sheets.ui.alerts;
    expect(alert.split('\n').slice(0, 3)).toEqual([
      'Đã đọc trang “Ke hoach”: 1 bảng phụ lục (23 nhiệm vụ).',
      'Khớp với biểu mẫu chuẩn: 2 dòng (theo mã: 0; theo tên: 2).',
      'Dòng riêng của đơn vị (giữ nguyên như kế hoạch): 21.',
    ]);
    // The script's own clock (the fakes' clock) gives the year.
    expect(alert).toContain(`Trang Thông tin chưa có năm kế hoạch: đã dùng năm ${new Date(gas.clock.now).getUTCFullYear()}`);
    expect(alert).toContain('Đã chèn “Thông tin”, “Phụ lục 1 - Chỉ tiêu”, “Phụ lục 2 - Nhiệm vụ”.');
  });

  test('a selected range is read alone, and cells are named by their place in the sheet', () => {
    const { gas, sheet, grid } = withPlan(5);
    // Only the task table (title rows left out), from its header to its last row.
    sheet.getRange(7, 2, grid.length - 2, 5).activate();
    gas.call('importPlan');
    const [alert] = gas.sheets.ui.alerts;
    expect(alert.split('\n')[0]).toBe(`Đã đọc vùng B7:F${7 + grid.length - 3} của trang “Ke hoach”: 1 bảng phụ lục (23 nhiệm vụ).`);
    const named = /trang "Ke hoach", dòng (\d+) \(STT 13\)/.exec(alert);
    expect(named).not.toBeNull();
    // The row named is the sheet's own row of task 13 (its number in the last column, F).
    expect(String(sheet.getRange(`F${named![1]}`).getValue())).toBe('13');
  });

  test('refuses a sheet without a plan table, and the annex sheets themselves, writing nothing', () => {
    const gas = loadGas();
    gas.home.insertSheet('Danh ba').getRange('A1:B2').setValues([['Họ tên', 'Điện thoại'], ['Nguyễn Văn A', "'0912"]]);
    gas.call('importPlan');
    expect(gas.sheets.ui.alerts[0]).toMatch(/^Không tìm thấy bảng phụ lục nào trong trang “Danh ba”\. .*Chưa ghi gì\.$/);
    expect(gas.home._sheets.map((s) => s._name)).not.toContain(PL2);
    gas.call('insertAnnexes');
    gas.home._sheet(PL2).activate();
    gas.sheets.ui.alerts.length = 0;
    gas.call('importPlan');
    expect(gas.sheets.ui.alerts[0]).toBe(
      'Trang “Phụ lục 2 - Nhiệm vụ” là trang của biểu mẫu nên không nhập từ đó được. Hãy mở trang chứa bảng kế hoạch của đơn vị (hoặc chọn vùng bảng đó) rồi chọn lại CCHC → Nhập từ bảng có sẵn.',
    );
  });

  test('the menu offers it after Chèn Phụ lục', () => {
    const gas = loadGas();
    gas.call('onOpen');
    expect(gas.sheets.ui.menus[0].items.map((i) => i.caption).slice(0, 4)).toEqual(['Nạp danh mục', 'Chèn Phụ lục', 'Nhập từ bảng có sẵn', 'Kiểm tra dữ liệu']);
  });
});
