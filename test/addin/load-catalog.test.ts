/**
 * Nạp danh mục in the Excel pane: a picked catalog workbook is checked, kept in the open workbook's
 * hidden catalog sheet, and used by every later Chèn Phụ lục there; a catalog with errors, or edited
 * after it was published, is refused with its cells named and the workbook left as it was.
 */
import { catalogTemplate } from '../../addin/annex-template';
import type { PickedFile } from '../../addin/commands/consolidate-files';
import { insertAnnexes, type AnnexForm } from '../../addin/commands/insert-annexes';
import { loadCatalog } from '../../addin/commands/load-catalog';
import { PaneError } from '../../addin/excel/host-errors';
import { writeXlsx } from '../../io/xlsx/write';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { CATALOG_SHEET } from '../../shared/catalog/embed';
import { catalogForYear } from '../../shared/catalog/for-year';
import { buildCatalogBook } from '../../shared/layout/catalog-book';
import type { Catalog } from '../../shared/model';
import { FakeWorkbook } from './fake-excel';

const PROVINCE: Catalog = (() => {
  const base = catalogForYear(CATALOG_2025, 2027);
  return {
    ...base,
    id: 'CCHC-THANHHOA', version: '2027.1', name: 'Danh mục CCHC cấp xã tỉnh Thanh Hóa năm 2027', issuer: 'Sở Nội vụ tỉnh Thanh Hóa',
    areas: [...base.areas, { code: 'MTDT', name: 'Cải thiện môi trường đầu tư, kinh doanh' }],
    indicators: base.indicators.filter((i) => i.code !== 'CT.CDDH.04'),
    tasks: [...base.tasks, { code: 'NV.MTDT.01', area: 'MTDT', name: 'Tổ chức hội nghị đối thoại với doanh nghiệp', product: 'Báo cáo', lead: 'Văn phòng UBND xã', partners: '', deadline: 'Quý II', note: '', sources: [] }],
    calendar: [{ period: 'Q2', cutoff: { date: '2027-06-10' }, due: { date: '2027-06-15' } }],
  };
})();

const FORM: AnnexForm = {
  unitName: 'UBND xã Anh Sơn', unitCode: '16279', unitKind: 'xa', parentName: 'Sở Nội vụ tỉnh Thanh Hóa', parentLevel: 'tinh',
  year: 2027, period: 'Q2', planNumber: '05/KH-UBND', planDate: '2027-01-10',
};

async function picked(name: string, catalog: Catalog, edit?: (rows: ReturnType<typeof buildCatalogBook>) => void): Promise<PickedFile> {
  const sheets = buildCatalogBook(catalog);
  edit?.(sheets);
  const bytes = await writeXlsx(sheets);
  return { name, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer };
}

describe('Nạp danh mục', () => {
  test('keeps the catalog in the workbook; Chèn Phụ lục then follows it, calendar included', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    const loaded = await loadCatalog(book.requestContext().context, await picked('danh-muc-2027.xlsx', PROVINCE), { pageLayout: true });
    expect(loaded).toEqual(PROVINCE);
    expect(book.names).toEqual(['Sheet1', CATALOG_SHEET]);

    await insertAnnexes(book.requestContext().context, FORM, catalogTemplate, { pageLayout: true });
    const codes = (sheet: string) => book.sheet(sheet).grid().map((r) => r[0]);
    expect(codes('Phụ lục 2 - Nhiệm vụ')).toEqual(expect.arrayContaining(['LV.MTDT', 'NV.MTDT.01']));
    expect(codes('Phụ lục 1 - Chỉ tiêu')).not.toContain('CT.CDDH.04');
    const info = book.sheet('Thông tin').grid();
    // 10/06/2027, the catalog's cut-off for Quý II, as Excel holds a date (serial).
    expect(info.find((r) => r[0] === 'Ngày chốt số liệu')?.[1]).toBe(46548);
    const meta = Object.fromEntries(book.sheet('_cchc_meta').grid().map((r) => [r[0], r[1]]));
    expect(meta).toMatchObject({ catalogId: 'CCHC-THANHHOA', catalogVersion: '2027.1' });
  });

  test('a catalog with errors is refused with its cells, and nothing is written', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    const bad = await picked('danh-muc-loi.xlsx', PROVINCE, (sheets) => {
      const ind = sheets.find((s) => s.name === 'Chỉ tiêu');
      if (ind) ind.rows[3][1] = 'XYZ';
    });
    const err = await loadCatalog(book.requestContext().context, bad, { pageLayout: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PaneError);
    expect((err as PaneError).userMessage).toMatch(/^Không dùng được danh mục “danh-muc-loi\.xlsx” \(1 vấn đề\): Chỉ tiêu!B4 — lỗi: Mã lĩnh vực “XYZ” không có ở trang Lĩnh vực\./);
    expect(book.names).toEqual(['Sheet1']);
  });

  test('a published catalog edited afterwards is refused', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    const edited = await picked('danh-muc-sua.xlsx', PROVINCE, (sheets) => {
      const ind = sheets.find((s) => s.name === 'Chỉ tiêu');
      if (ind) ind.rows[3][7] = '50%';
    });
    const err = await loadCatalog(book.requestContext().context, edited, { pageLayout: true }).catch((e: unknown) => e);
    expect((err as PaneError).userMessage).toContain('Thông tin danh mục!B11 — cảnh báo: Nội dung danh mục đã bị sửa sau khi ban hành');
    expect(book.names).toEqual(['Sheet1']);
  });
});
