import type { Grid } from '../../shared/cell';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { CATALOG_SHEET, embeddedCatalogRows, readEmbeddedCatalog } from '../../shared/catalog/embed';
import { catalogHash } from '../../shared/catalog/hash';
import { standardTemplate } from '../../shared/layout/standard-template';
import type { Catalog } from '../../shared/model';
import { readReport } from '../../shared/validate';

const rows = (c: Catalog): Grid => embeddedCatalogRows(c).map((r) => [...r]);

describe('the catalog a commune workbook carries', () => {
  it('is compact (deflated, in cells Excel accepts) and reads back as the same catalog, once per hash', () => {
    const grid = rows(CATALOG_2025);
    expect(grid[0]).toEqual(['hash', catalogHash(CATALOG_2025)]);
    const stored = grid.filter((r) => r[0] === 'data').map((r) => String(r[1]));
    expect(stored.join('').length).toBeLessThan(JSON.stringify(CATALOG_2025).length / 3);
    for (const s of stored) expect(s.length).toBeLessThanOrEqual(4000);
    const first = readEmbeddedCatalog(grid);
    expect(first).toEqual({ ok: true, catalog: CATALOG_2025, hash: catalogHash(CATALOG_2025) });
    expect(readEmbeddedCatalog(rows(CATALOG_2025))).toBe(first);
  });

  it('an edited copy is not trusted: damaged data, or a catalog that does not match its hash', () => {
    const damaged = rows({ ...CATALOG_2025, version: '9.1' });
    const data = damaged.find((r) => r[0] === 'data');
    if (data) data[1] = `${String(data[1]).slice(0, 40)}AAAA${String(data[1]).slice(44)}`;
    expect(readEmbeddedCatalog(damaged)).toMatchObject({ ok: false, why: 'damaged' });
    const other = rows({ ...CATALOG_2025, version: '9.2' });
    other[0][1] = catalogHash(CATALOG_2025).replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    expect(readEmbeddedCatalog(other)).toMatchObject({ ok: false, why: 'hash_mismatch' });
  });

  it('a report whose carried catalog was edited is read with the built-in one, and says so', () => {
    // A catalog not read before in this process (a hash already read stands for its genuine catalog).
    const catalog = { ...CATALOG_2025, version: '2025.7' };
    const { sheets } = standardTemplate({ unitName: 'UBND xã Anh Sơn', unitCode: '90002', year: 2025, period: 'Q2' }, { catalog });
    const grids = Object.fromEntries(sheets.map((s) => [s.name, s.rows.map((r) => [...r])]));
    const data = grids[CATALOG_SHEET].find((r) => r[0] === 'data');
    if (data) data[1] = `${String(data[1]).slice(0, -8)}AAAAAAAA`;
    expect(readReport(grids).issues.filter((i) => i.rule === 'catalog.embedded_edited')).toEqual([{
      sheet: CATALOG_SHEET, address: '', severity: 'warning', rule: 'catalog.embedded_edited',
      message: 'Danh mục kèm theo biểu mẫu đã bị sửa hoặc hỏng (mã kiểm tra không khớp), nên không dùng để đọc báo cáo. Hãy lấy biểu mẫu mới từ đơn vị tổng hợp và chép số liệu sang.',
    }]);
    const intact = Object.fromEntries(sheets.map((s) => [s.name, s.rows.map((r) => [...r])]));
    expect(readReport(intact).issues.filter((i) => i.rule === 'catalog.embedded_edited')).toEqual([]);
  });
});
