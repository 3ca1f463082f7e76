/**
 * Nạp danh mục: the office's catalog, read from another spreadsheet (its link or id) or from the
 * catalog's sheets inside this one, checked by the shared reader and kept in this spreadsheet as the
 * hidden catalog sheet — the sheet every commune template carries — so that Chèn Phụ lục follows it
 * from then on. A catalog with errors, or edited after it was published, is refused with its cells.
 */
import { CATALOG_SHEET, readEmbeddedCatalog } from '../../shared/catalog/embed';
import { readCatalogBook } from '../../shared/catalog/read-book';
import { buildCatalogSheet } from '../../shared/layout/template';
import type { Catalog } from '../../shared/model';
import { BOOK_INFO } from '../../shared/spec/catalog-book';
import { formatIssue } from '../../shared/validate/issues';
import { UserMessage } from './host';
import { driveId } from './settings';
import { readGrid, readWorkbook } from './sheets-reader';
import { writeSheet } from './sheets-writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Problems shown in the alert; the rest are counted. */
const SHOWN = 8;

export const CATALOG_PROMPT =
  'Dán đường dẫn (hoặc mã) của bảng tính “Danh mục chỉ tiêu, nhiệm vụ CCHC” do cơ quan tổng hợp ban hành. ' +
  'Để trống nếu các trang danh mục đã nằm ngay trong bảng tính này.';

/** Said when nothing was pasted and this spreadsheet holds no catalog: what to do, not a failure. */
export const NO_CATALOG_HERE =
  `Bảng tính này chưa có trang “${BOOK_INFO.name}”. Để nạp danh mục, chọn lại CCHC ▸ Nạp danh mục và dán đường dẫn bảng tính danh mục do cơ quan tổng hợp ban hành.`;

/** True when there is nothing to load: no link given and no catalog sheets here. */
export function nothingToLoad(ss: Spreadsheet, answer: string): boolean {
  return answer.trim() === '' && !ss.getSheetByName(BOOK_INFO.name);
}

/** Checks the catalog named by `answer` and keeps it in `ss`; returns it. */
export function loadCatalog(ss: Spreadsheet, answer: string): Catalog {
  const text = answer.trim();
  let source: Spreadsheet = ss;
  if (text) {
    const id = driveId(text);
    if (!id) throw new UserMessage(`Không đọc được mã bảng tính từ “${text}”. Dán đường dẫn dạng https://docs.google.com/spreadsheets/d/…`);
    try {
      source = SpreadsheetApp.openById(id);
    } catch (_e) {
      throw new UserMessage(`Không mở được bảng tính “${text}”: có thể đường dẫn sai hoặc tài khoản này chưa được chia sẻ quyền xem. Hãy kiểm tra rồi thử lại.`);
    }
  }
  if (!source.getSheetByName(BOOK_INFO.name)) {
    throw new UserMessage(`${text ? `Bảng tính “${source.getName()}”` : 'Bảng tính này'} không có trang “${BOOK_INFO.name}” nên không phải danh mục. Hãy chọn đúng bảng tính danh mục do cơ quan tổng hợp ban hành.`);
  }
  const r = readCatalogBook(readWorkbook(source));
  const blocking = r.issues.filter((i) => i.severity === 'error' || i.rule === 'book.edited_after_publish');
  if (!r.catalog || blocking.length > 0) {
    const more = blocking.length > SHOWN ? `\n… và ${blocking.length - SHOWN} vấn đề khác.` : '';
    throw new UserMessage(
      `Không dùng được danh mục (${blocking.length} vấn đề):\n${blocking.slice(0, SHOWN).map(formatIssue).join('\n')}${more}\n` +
        'Hãy sửa các ô trên (hoặc đề nghị cơ quan ban hành gửi lại danh mục đã kiểm tra) rồi nạp lại.',
    );
  }
  writeSheet(ss, buildCatalogSheet(r.catalog));
  return r.catalog;
}

export function describeCatalog(c: Catalog): string {
  return `Đã nạp danh mục “${c.name ?? c.id}” (mã ${c.id}, phiên bản ${c.version}, năm ${c.year}): ${c.areas.length} lĩnh vực, ${c.indicators.length} chỉ tiêu, ${c.tasks.length} nhiệm vụ. Bấm CCHC ▸ Chèn Phụ lục để tạo hoặc cập nhật các phụ lục theo danh mục này.`;
}

/** The catalog this spreadsheet keeps, if any and intact. */
export function spreadsheetCatalog(ss: Spreadsheet): Catalog | undefined {
  const sheet = ss.getSheetByName(CATALOG_SHEET);
  if (!sheet) return undefined;
  const carried = readEmbeddedCatalog(readGrid(sheet, ss.getSpreadsheetTimeZone()));
  return carried?.ok ? carried.catalog : undefined;
}
