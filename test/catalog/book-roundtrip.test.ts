import type { WorkbookGrids } from '../../shared/cell';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { catalogForYear } from '../../shared/catalog/for-year';
import { catalogHash } from '../../shared/catalog/hash';
import { readCatalogBook } from '../../shared/catalog/read-book';
import { buildCatalogBook } from '../../shared/layout/catalog-book';
import { checkWorkbook } from '../../shared/layout/host-check';

export const gridsOf = (sheets: ReturnType<typeof buildCatalogBook>): WorkbookGrids =>
  Object.fromEntries(sheets.map((s) => [s.name, s.rows.map((r) => [...r])]));

describe('authoring workbook', () => {
  const sheets = buildCatalogBook(CATALOG_2025);

  it('has one sheet per part, Vietnamese names, and passes every host limit', () => {
    expect(sheets.map((s) => s.name)).toEqual(['Thông tin danh mục', 'Lĩnh vực', 'Chỉ tiêu', 'Nhóm chỉ tiêu', 'Nhiệm vụ', 'Lịch báo cáo', 'Hướng dẫn']);
    expect(checkWorkbook(sheets)).toEqual([]);
    const indicators = sheets[2];
    expect(indicators.rows[2].slice(0, 5)).toEqual(['Mã chỉ tiêu', 'Mã lĩnh vực', 'STT', 'Tên chỉ tiêu', 'Loại']);
    const kind = indicators.validations.find((v) => v.range.startsWith('E4:'));
    expect(kind).toMatchObject({ kind: 'list', values: ['Tỷ lệ', 'Số lượng', 'Thời gian', 'Định tính'], strict: true });
    const area = indicators.validations.find((v) => v.range.startsWith('B4:'));
    expect(area).toMatchObject({ kind: 'list', strict: false, values: CATALOG_2025.areas.map((a) => a.code) });
  });

  it('reads back the built-in catalog identically, with no problem and its stored hash', () => {
    const r = readCatalogBook(gridsOf(sheets));
    expect(r.issues).toEqual([]);
    expect(r.catalog).toEqual(CATALOG_2025);
    expect(r.hash).toBe(catalogHash(CATALOG_2025));
    expect(r.storedHash).toBe(r.hash);
  });

  it('round-trips a catalog moved to another year, fixed calendar dates included', () => {
    const c = { ...catalogForYear(CATALOG_2025, 2027), calendar: [{ period: 'Q1' as const, cutoff: { date: '2027-03-10' }, due: { dayOfLastMonth: 15 } }] };
    const r = readCatalogBook(gridsOf(buildCatalogBook(c)));
    expect(r.issues).toEqual([]);
    expect(r.catalog).toEqual(c);
  });
});
