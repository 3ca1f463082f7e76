import type { CellValue, WorkbookGrids } from '../../shared/cell';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { readCatalogBook } from '../../shared/catalog/read-book';
import { buildCatalogBook } from '../../shared/layout/catalog-book';
import type { Catalog } from '../../shared/model';
import { formatIssue } from '../../shared/validate';

const fresh = (): WorkbookGrids => Object.fromEntries(buildCatalogBook(CATALOG_2025).map((s) => [s.name, s.rows.map((r) => [...r])]));
/** Row (0-based) of a code on a table sheet. */
const rowOf = (g: WorkbookGrids, sheet: string, code: string) => g[sheet].findIndex((r) => r[0] === code);
const set = (g: WorkbookGrids, sheet: string, row: number, col: number, v: CellValue) => {
  g[sheet][row][col] = v;
};
const errors = (g: WorkbookGrids, previous?: Catalog) => readCatalogBook(g, { previous }).issues.map(formatIssue);

describe('authoring workbook problems', () => {
  it('a duplicate code, across indicators and tasks, names the first cell that has it', () => {
    const g = fresh();
    const r = rowOf(g, 'Nhiệm vụ', 'NV.TTHC.01');
    set(g, 'Nhiệm vụ', r, 0, 'CT.TTHC.01');
    const first = rowOf(g, 'Chỉ tiêu', 'CT.TTHC.01') + 1;
    const out = readCatalogBook(g);
    expect(out.catalog).toBeNull();
    expect(out.issues.map(formatIssue)).toEqual([
      `Nhiệm vụ!A${r + 1} — lỗi: Mã “CT.TTHC.01” đã dùng ở Chỉ tiêu!A${first}. Mỗi chỉ tiêu, nhiệm vụ một mã riêng; hãy đặt mã khác.`,
    ]);
  });

  it('an unknown area lists the areas there are', () => {
    const g = fresh();
    const r = rowOf(g, 'Chỉ tiêu', 'CT.TC.01');
    set(g, 'Chỉ tiêu', r, 1, 'MTDT');
    expect(errors(g)).toEqual([
      `Chỉ tiêu!B${r + 1} — lỗi: Mã lĩnh vực “MTDT” không có ở trang Lĩnh vực. Hãy chọn một trong: CDDH, TC, TTHC, TCBM, CDCV, TCC, CQS, TD, DN, KHAC, hoặc thêm lĩnh vực mới ở trang Lĩnh vực.`,
    ]);
  });

  it('a ratio without its wording names the empty numerator and denominator cells', () => {
    const g = fresh();
    const r = rowOf(g, 'Chỉ tiêu', 'CT.TC.01');
    set(g, 'Chỉ tiêu', r, 5, '');
    set(g, 'Chỉ tiêu', r, 6, null);
    expect(errors(g)).toEqual([
      `Chỉ tiêu!F${r + 1} — lỗi: Chỉ tiêu tỷ lệ CT.TC.01 chưa ghi tử số. Hãy ghi đại lượng đếm ở tử số, ví dụ “Số hồ sơ giải quyết đúng hạn”.`,
      `Chỉ tiêu!G${r + 1} — lỗi: Chỉ tiêu tỷ lệ CT.TC.01 chưa ghi mẫu số. Hãy ghi đại lượng đếm ở mẫu số, ví dụ “Tổng số hồ sơ đã giải quyết”.`,
    ]);
  });

  it('an unreadable target or deadline carries the parser’s own reason', () => {
    const g = fresh();
    const ri = rowOf(g, 'Chỉ tiêu', 'CT.TC.01');
    const rt = rowOf(g, 'Nhiệm vụ', 'NV.TTHC.01');
    set(g, 'Chỉ tiêu', ri, 7, 'càng nhiều càng tốt');
    set(g, 'Nhiệm vụ', rt, 7, '31/02/2025');
    const out = errors(g);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(new RegExp(`^Chỉ tiêu!H${ri + 1} — lỗi: Chỉ tiêu phấn đấu “càng nhiều càng tốt” không đọc được: \\S`));
    expect(out[1]).toMatch(new RegExp(`^Nhiệm vụ!H${rt + 1} — lỗi: Thời gian hoàn thành “31/02/2025” không đọc được: .*31/02/2025`));
  });

  it('a due date before the cut-off is refused on the due cell, with both dates', () => {
    const g = fresh();
    const r = g['Lịch báo cáo'].findIndex((row) => row[0] === 'Quý II');
    set(g, 'Lịch báo cáo', r, 1, new Date(Date.UTC(2025, 5, 15)));
    set(g, 'Lịch báo cáo', r, 2, '10/06/2025');
    expect(errors(g)).toEqual([
      `Lịch báo cáo!C${r + 1} — lỗi: Hạn gửi báo cáo kỳ Quý II (10/06/2025) trước ngày chốt số liệu (15/06/2025). Hãy ghi hạn gửi từ ngày chốt số liệu trở đi.`,
    ]);
  });

  it('a version not above the one it replaces, or the one published before, is refused', () => {
    const g = fresh();
    const info = g['Thông tin danh mục'];
    const row = (label: string) => info.findIndex((r) => r[0] === label);
    set(g, 'Thông tin danh mục', row('Thay thế phiên bản'), 1, '2025.2');
    expect(errors(g)).toEqual([
      `Thông tin danh mục!B${row('Phiên bản') + 1} — lỗi: Phiên bản 2025.1 không lớn hơn phiên bản 2025.2 mà nó thay thế. Hãy tăng số phiên bản, ví dụ 2025.3.`,
    ]);
    const h = fresh();
    expect(errors(h, CATALOG_2025)).toEqual([
      `Thông tin danh mục!B${row('Phiên bản') + 1} — lỗi: Phiên bản 2025.1 không lớn hơn phiên bản đã ban hành 2025.1 của danh mục CCHC-2025. Hãy tăng số phiên bản, ví dụ 2025.2.`,
    ]);
  });

  it('a code reused for another row of a previous version is refused', () => {
    const g = fresh();
    const info = g['Thông tin danh mục'];
    set(g, 'Thông tin danh mục', info.findIndex((r) => r[0] === 'Phiên bản'), 1, '2026.1');
    const r = rowOf(g, 'Chỉ tiêu', 'CT.TC.01');
    set(g, 'Chỉ tiêu', r, 1, 'TTHC');
    expect(errors(g, CATALOG_2025)).toEqual([
      `Chỉ tiêu!A${r + 1} — lỗi: Mã “CT.TC.01” là chỉ tiêu “${CATALOG_2025.indicators.find((i) => i.code === 'CT.TC.01')?.name}” (lĩnh vực TC, loại Tỷ lệ) trong phiên bản 2025.1. Không dùng lại mã cho nội dung khác: hãy đặt mã mới.`,
    ]);
  });

  it('every problem of a workbook is listed at once, and the catalog is withheld', () => {
    const g = fresh();
    set(g, 'Lĩnh vực', 3, 0, 'cddh');
    set(g, 'Chỉ tiêu', 3, 4, 'Phần trăm');
    set(g, 'Thông tin danh mục', g['Thông tin danh mục'].findIndex((r) => r[0] === 'Năm áp dụng'), 1, 'năm sau');
    const out = readCatalogBook(g);
    expect(out.catalog).toBeNull();
    expect(out.issues.map((i) => `${i.sheet}!${i.address} ${i.rule}`)).toEqual(expect.arrayContaining([
      'Lĩnh vực!A4 book.area_code', 'Chỉ tiêu!E4 book.kind', 'Thông tin danh mục!B8 book.year',
    ]));
  });

  it('content edited after publishing is flagged by its hash, as a warning', () => {
    const g = fresh();
    const r = rowOf(g, 'Chỉ tiêu', 'CT.TC.01');
    set(g, 'Chỉ tiêu', r, 7, '95%');
    const out = readCatalogBook(g);
    expect(out.catalog?.indicators.find((i) => i.code === 'CT.TC.01')?.target).toBe('95%');
    expect(out.issues.map(formatIssue)).toEqual([
      'Thông tin danh mục!B11 — cảnh báo: Nội dung danh mục đã bị sửa sau khi ban hành (mã kiểm tra không khớp). Nếu thay đổi là của cơ quan ban hành, hãy ban hành lại: cchc danh-muc xuat --tu <tệp này> --ra <tệp mới>; nếu không, hãy dùng bản gốc.',
    ]);
  });
});
