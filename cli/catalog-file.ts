/**
 * A catalog workbook on disk → its reading (catalog and problems), for `cchc danh-muc`,
 * `cchc template --danh-muc` and `cchc consolidate --danh-muc`. A file that cannot be read at all
 * throws a FileError-like UsageError with a Vietnamese message naming it.
 */
import { basename } from 'node:path';
import { readCatalogBook, type BookReading } from '../shared/catalog/read-book';
import type { Catalog } from '../shared/model';
import { formatIssue } from '../shared/validate';
import { readXlsxValues } from '../io/xlsx/read-values';
import { NODE_XLSX_CODECS } from './codecs';
import { UsageError } from './args';
import { readInputFile } from './files';

export function readCatalogFile(path: string, previous?: Catalog | null): BookReading {
  const bytes = readInputFile(path);
  const read = readXlsxValues(bytes, { fileName: basename(path), ...NODE_XLSX_CODECS });
  if (!read.ok) throw new UsageError(read.reason);
  const grids = Object.fromEntries(read.value.sheets.map((s) => [s.name, s.grid]));
  return readCatalogBook(grids, { date1904: read.value.date1904, previous, fileName: basename(path) });
}

/**
 * The catalog a command is to use: refused, with every problem listed, when it has errors or was
 * edited after it was published (bad authoring never reaches communes).
 */
export function usableCatalog(path: string): Catalog {
  const r = readCatalogFile(path);
  const edited = r.issues.some((i) => i.rule === 'book.edited_after_publish');
  if (r.catalog && !edited) return r.catalog;
  const errors = r.issues.filter((i) => i.severity === 'error' || i.rule === 'book.edited_after_publish');
  throw new UsageError(
    [
      `Không dùng được danh mục "${path}" (${errors.length} vấn đề):`,
      ...errors.map((i) => `  ${formatIssue(i)}`),
      edited
        ? 'Danh mục chỉ được dùng khi đúng bản đã ban hành. Kiểm tra: cchc danh-muc kiem-tra <tệp>; ban hành lại: cchc danh-muc xuat --tu <tệp> --ra <tệp mới>.'
        : 'Hãy sửa các ô trên rồi kiểm tra lại bằng: cchc danh-muc kiem-tra <tệp>.',
    ].join('\n'),
  );
}
