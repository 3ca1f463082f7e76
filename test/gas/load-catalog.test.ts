/**
 * CCHC ▸ Nạp danh mục in Google Sheets: the province's catalog, from another spreadsheet (its link)
 * or from catalog sheets inside this one, is checked and kept in this spreadsheet's hidden catalog
 * sheet; Chèn Phụ lục then follows it. A catalog with errors is refused with its cells; Cancel does
 * nothing.
 */
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { CATALOG_SHEET } from '../../shared/catalog/embed';
import { catalogForYear } from '../../shared/catalog/for-year';
import { buildCatalogBook } from '../../shared/layout/catalog-book';
import type { Catalog } from '../../shared/model';
import { buildBundle, loadGas, type Gas } from './fakes/gas';
import type { FakeSpreadsheet } from './fakes/sheets';

beforeAll(() => buildBundle());

const PROVINCE: Catalog = (() => {
  const base = catalogForYear(CATALOG_2025, 2027);
  return {
    ...base,
    id: 'CCHC-THANHHOA', version: '2027.1', name: 'Danh mục CCHC cấp xã tỉnh Thanh Hóa năm 2027', issuer: 'Sở Nội vụ tỉnh Thanh Hóa',
    areas: [...base.areas, { code: 'MTDT', name: 'Cải thiện môi trường đầu tư, kinh doanh' }],
    indicators: [
      ...base.indicators.filter((i) => i.code !== 'CT.CDDH.04'),
      {
        code: 'CT.MTDT.01', area: 'MTDT', stt: '', name: 'Tỷ lệ kiến nghị của doanh nghiệp được trả lời đúng hạn', kind: 'ratio',
        numerator: 'Số kiến nghị được trả lời đúng hạn', denominator: 'Tổng số kiến nghị', target: '100%',
        monitor: 'Văn phòng UBND xã', executor: 'Các bộ phận chuyên môn thuộc UBND xã', sources: [],
      },
    ],
    tasks: [...base.tasks, { code: 'NV.MTDT.01', area: 'MTDT', name: 'Tổ chức hội nghị đối thoại với doanh nghiệp', product: 'Báo cáo', lead: 'Văn phòng UBND xã', partners: '', deadline: 'Quý II', note: '', sources: [] }],
    calendar: [{ period: 'Q2', cutoff: { date: '2027-06-10' }, due: { date: '2027-06-15' } }],
  };
})();
const CATALOG_ID = 'danh-muc-thanh-hoa-2027-abcdefghij';

function fillBook(ss: FakeSpreadsheet, edit?: (sheets: ReturnType<typeof buildCatalogBook>) => void): void {
  const sheets = buildCatalogBook(PROVINCE);
  edit?.(sheets);
  for (const m of sheets) ss._newSheet(m.name)._fill(m.rows);
}

function withCatalogSpreadsheet(edit?: (sheets: ReturnType<typeof buildCatalogBook>) => void): Gas {
  const gas = loadGas({ start: '2027-01-05T09:00:00+07:00' });
  fillBook(gas.sheets.create(CATALOG_ID, 'Danh mục CCHC 2027'), edit);
  return gas;
}

const codes = (gas: Gas, sheet: string) => gas.home._sheet(sheet)._grid().map((r) => r[0]);

describe('Nạp danh mục', () => {
  test('from a link: kept in the spreadsheet, and Chèn Phụ lục follows it', () => {
    const gas = withCatalogSpreadsheet();
    gas.sheets.ui.promptAnswer = { text: `https://docs.google.com/spreadsheets/d/${CATALOG_ID}/edit#gid=0`, button: 'OK' };
    gas.call('loadCatalog');
    expect(gas.sheets.ui.prompts.at(-1)).toMatch(/^Nạp danh mục\nDán đường dẫn \(hoặc mã\) của bảng tính “Danh mục chỉ tiêu, nhiệm vụ CCHC”/);
    expect(gas.sheets.ui.alerts.at(-1)).toBe(
      `Đã nạp danh mục “Danh mục CCHC cấp xã tỉnh Thanh Hóa năm 2027” (mã CCHC-THANHHOA, phiên bản 2027.1, năm 2027): 11 lĩnh vực, ${PROVINCE.indicators.length} chỉ tiêu, ${PROVINCE.tasks.length} nhiệm vụ. Bấm CCHC ▸ Chèn Phụ lục để tạo hoặc cập nhật các phụ lục theo danh mục này.`,
    );
    expect(gas.home._sheet(CATALOG_SHEET)._hidden).toBe(true);

    gas.call('insertAnnexes');
    expect(codes(gas, 'Phụ lục 2 - Nhiệm vụ')).toEqual(expect.arrayContaining(['LV.MTDT', 'NV.MTDT.01']));
    expect(codes(gas, 'Phụ lục 1 - Chỉ tiêu')).not.toContain('CT.CDDH.04');
    const meta = Object.fromEntries(gas.home._sheet('_cchc_meta')._grid().map((r) => [r[0], r[1]]));
    expect(meta).toMatchObject({ catalogId: 'CCHC-THANHHOA', catalogVersion: '2027.1' });
  });

  test('from catalog sheets inside this spreadsheet (empty answer)', () => {
    const gas = loadGas({ start: '2027-01-05T09:00:00+07:00' });
    fillBook(gas.home);
    gas.sheets.ui.promptAnswer = { text: '', button: 'OK' };
    gas.call('loadCatalog');
    expect(gas.sheets.ui.alerts.at(-1)).toMatch(/^Đã nạp danh mục “Danh mục CCHC cấp xã tỉnh Thanh Hóa năm 2027” \(mã CCHC-THANHHOA/);
  });

  test('a catalog with errors is refused with its cells; nothing is kept', () => {
    const gas = withCatalogSpreadsheet((sheets) => {
      const ind = sheets.find((s) => s.name === 'Chỉ tiêu');
      if (ind) ind.rows[3][1] = 'XYZ';
    });
    gas.sheets.ui.promptAnswer = { text: CATALOG_ID, button: 'OK' };
    gas.call('loadCatalog');
    expect(gas.sheets.ui.alerts.at(-1)).toMatch(
      /^Không thực hiện được lệnh\. Không dùng được danh mục \(1 vấn đề\):\nChỉ tiêu!B4 — lỗi: Mã lĩnh vực “XYZ” không có ở trang Lĩnh vực\./,
    );
    expect(gas.home.getSheetByName(CATALOG_SHEET)).toBeNull();
  });

  test('Cancel does nothing; a link to nothing readable says so', () => {
    const gas = withCatalogSpreadsheet();
    gas.sheets.ui.promptAnswer = { text: CATALOG_ID, button: 'CANCEL' };
    const before = gas.sheets.ui.alerts.length;
    gas.call('loadCatalog');
    expect(gas.sheets.ui.alerts.length).toBe(before);
    expect(gas.home.getSheetByName(CATALOG_SHEET)).toBeNull();
    gas.sheets.ui.promptAnswer = { text: 'danh muc tinh', button: 'OK' };
    gas.call('loadCatalog');
    expect(gas.sheets.ui.alerts.at(-1)).toBe('Không thực hiện được lệnh. Không đọc được mã bảng tính từ “danh muc tinh”. Dán đường dẫn dạng https://docs.google.com/spreadsheets/d/…');
  });
});

describe('onEdit in a spreadsheet that keeps a province catalog', () => {
  const rowOf = (gas: Gas, sheet: string, code: string) => gas.home._sheet(sheet)._grid().findIndex((r) => r[0] === code) + 1;

  test('a row only the province catalog has is read by that catalog: a right value is not marked, a wrong one is', () => {
    const gas = withCatalogSpreadsheet();
    gas.sheets.ui.promptAnswer = { text: CATALOG_ID, button: 'OK' };
    gas.call('loadCatalog');
    gas.call('insertAnnexes');
    const pl2 = gas.home._sheet('Phụ lục 2 - Nhiệm vụ');
    const r = rowOf(gas, 'Phụ lục 2 - Nhiệm vụ', 'NV.MTDT.01');
    expect(r).toBeGreaterThan(0);
    pl2.getRange(`I${r}`).setValue('Đang thực hiện');
    gas.call('onEdit', { range: pl2.getRange(`I${r}`), source: gas.home, value: 'Đang thực hiện' });
    const notes = 'ABCDEFGHIJKLM'.split('').map((c) => pl2.getRange(`${c}${r}`).getNote());
    expect(notes.filter((n) => n !== '')).toEqual([]);
    pl2.getRange(`J${r}`).setValue('31/02/2027');
    gas.call('onEdit', { range: pl2.getRange(`J${r}`), source: gas.home, value: '31/02/2027' });
    expect(pl2.getRange(`J${r}`).getNote()).toMatch(/^⚠ CCHC: /);
  });

  test('an indicator only the province catalog has is checked as the ratio it is', () => {
    const gas = withCatalogSpreadsheet();
    gas.sheets.ui.promptAnswer = { text: CATALOG_ID, button: 'OK' };
    gas.call('loadCatalog');
    gas.call('insertAnnexes');
    const pl1 = gas.home._sheet('Phụ lục 1 - Chỉ tiêu');
    const r = rowOf(gas, 'Phụ lục 1 - Chỉ tiêu', 'CT.MTDT.01');
    expect(r).toBeGreaterThan(0);
    pl1.getRange(`G${r}`).setValue(12);
    pl1.getRange(`H${r}`).setValue(10);
    gas.call('onEdit', { range: pl1.getRange(`H${r}`), source: gas.home, value: 10 });
    expect(pl1.getRange(`H${r}`).getNote()).toBe(`⚠ CCHC: Lỗi: Ô H${r} (Mẫu số): tử số 12 lớn hơn mẫu số 10. Kiểm tra lại: tử số là số đạt yêu cầu, không thể lớn hơn tổng số.`);
  });
});
