/**
 * `cchc danh-muc`: the office's catalog as a workbook. `xuat` writes the authoring workbook (the
 * built-in catalog, or a checked catalog workbook published again with its new hash); `kiem-tra`
 * lists every problem of one with sheet, cell and what to fix.
 */
import { CATALOG_2025 } from '../shared/catalog/catalog-2025';
import { catalogForYear } from '../shared/catalog/for-year';
import { buildCatalogBook } from '../shared/layout/catalog-book';
import { formatIssue } from '../shared/validate';
import { writeXlsx } from '../io/xlsx/write';
import { nodeDeflate } from './codecs';
import { flag, UsageError, type ParsedArgs } from './args';
import { readCatalogFile } from './catalog-file';
import { EXIT, type Output } from './commands';
import { writeFileAtomic } from './files';

export async function catalogCommand(args: ParsedArgs, io: Output): Promise<number> {
  const [sub, ...rest] = args.positional;
  if (sub === 'xuat') return exportCatalog(args, io);
  if (sub === 'kiem-tra') return checkCatalog(rest, args, io);
  throw new UsageError(`Lệnh danh-muc cần một việc: "cchc danh-muc xuat --ra danh-muc.xlsx" hoặc "cchc danh-muc kiem-tra danh-muc.xlsx". Gõ "cchc help" để xem hướng dẫn.`);
}

async function exportCatalog(args: ParsedArgs, io: Output): Promise<number> {
  const out = flag(args, 'ra', 'out');
  if (!out) throw new UsageError('Thiếu tên tệp sẽ tạo. Ví dụ: cchc danh-muc xuat --ra danh-muc-2027.xlsx');
  const from = flag(args, 'tu', 'from');
  const yearText = flag(args, 'nam', 'year');
  let catalog = from ? usableCatalogForPublish(from, io) : CATALOG_2025;
  if (yearText !== undefined) {
    const year = Number(yearText);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`Năm "${yearText}" không hợp lệ. Ghi năm bằng 4 chữ số, ví dụ --nam 2027.`);
    catalog = catalogForYear(catalog, year);
  }
  const bytes = await writeXlsx(buildCatalogBook(catalog), { deflate: nodeDeflate });
  const previous = writeFileAtomic(out, bytes);
  io.out(`Đã xuất danh mục ${catalog.id} phiên bản ${catalog.version} năm ${catalog.year} (${catalog.indicators.length} chỉ tiêu, ${catalog.tasks.length} nhiệm vụ, ${catalog.areas.length} lĩnh vực): ${out}`);
  if (previous) io.out(`Tệp cũ được giữ lại: ${previous}`);
  return EXIT.ok;
}

/** Publishing again takes an edited workbook (its hash no longer matches) but never one with errors. */
function usableCatalogForPublish(path: string, io: Output) {
  const r = readCatalogFile(path);
  if (r.catalog) return r.catalog;
  for (const i of r.issues) io.err(formatIssue(i));
  throw new UsageError(`Danh mục "${path}" còn ${r.issues.filter((i) => i.severity === 'error').length} lỗi (ở trên); chưa xuất. Hãy sửa rồi chạy lại.`);
}

async function checkCatalog(files: string[], args: ParsedArgs, io: Output): Promise<number> {
  if (files.length === 0) throw new UsageError('Thiếu tệp danh mục cần kiểm tra. Ví dụ: cchc danh-muc kiem-tra danh-muc-2027.xlsx');
  const replacesPath = flag(args, 'thay-the', 'replaces');
  const previous = replacesPath ? readPrevious(replacesPath) : null;
  let worst: number = EXIT.ok;
  for (const file of files) {
    const r = readCatalogFile(file, previous);
    for (const i of r.issues) io.out(formatIssue(i));
    const errors = r.issues.filter((i) => i.severity === 'error').length;
    const warnings = r.issues.length - errors;
    if (r.catalog) {
      const c = r.catalog;
      io.out(`${file} — danh mục ${c.id} phiên bản ${c.version} năm ${c.year}: ${warnings ? `${warnings} cảnh báo` : 'không có lỗi'} (${c.areas.length} lĩnh vực, ${c.indicators.length} chỉ tiêu, ${c.tasks.length} nhiệm vụ).`);
    } else {
      io.out(`${file}: ${errors} lỗi, ${warnings} cảnh báo. Danh mục chưa dùng được để tạo biểu mẫu.`);
      worst = EXIT.problems;
    }
  }
  return worst;
}

function readPrevious(path: string) {
  const r = readCatalogFile(path);
  if (!r.catalog) throw new UsageError(`Danh mục cũ "${path}" còn lỗi nên không dùng để so sánh được. Hãy chỉ đúng tệp danh mục đã ban hành.`);
  return r.catalog;
}
