/**
 * Nạp danh mục: the office's catalog workbook, picked as a file, checked by the shared reader and
 * kept in the open workbook as the hidden catalog sheet — the same sheet every commune template
 * carries — so that Chèn Phụ lục uses it for this workbook from then on, on any computer. A catalog
 * with errors, or edited after it was published, is refused with its problems listed.
 */
import type { Grid, WorkbookGrids } from '../../shared/cell';
import { readEmbeddedCatalog } from '../../shared/catalog/embed';
import { readCatalogBook } from '../../shared/catalog/read-book';
import { buildCatalogSheet } from '../../shared/layout/template';
import type { Catalog } from '../../shared/model';
import { formatIssue } from '../../shared/validate';
import { readXlsxValues } from '../../io/xlsx/read-values';
import { detectCapabilities, type HostCapabilities } from '../excel/capabilities';
import { PaneError } from '../excel/host-errors';
import { queueSheetNames } from '../excel/read-grids';
import { BatchedWriter, SheetNameSet, writeSheets } from '../excel/write-sheet';
import type { PickedFile } from './consolidate-files';

/** Problems shown in the pane's message; the rest are counted. */
const SHOWN = 5;

/** The catalog of a picked authoring workbook, or a PaneError naming what to fix. */
export async function readCatalogFile(file: PickedFile): Promise<Catalog> {
  const read = readXlsxValues(new Uint8Array(await file.arrayBuffer()), { fileName: file.name });
  if (!read.ok) throw new PaneError(read.reason);
  const grids: WorkbookGrids = {};
  for (const s of read.value.sheets) grids[s.name] = s.grid;
  const r = readCatalogBook(grids, { date1904: read.value.date1904, fileName: file.name });
  const blocking = r.issues.filter((i) => i.severity === 'error' || i.rule === 'book.edited_after_publish');
  if (r.catalog && blocking.length === 0) return r.catalog;
  const more = blocking.length > SHOWN ? ` … và ${blocking.length - SHOWN} vấn đề khác (xem bằng lệnh cchc danh-muc kiem-tra).` : '';
  throw new PaneError(
    `Không dùng được danh mục “${file.name}” (${blocking.length} vấn đề): ${blocking.slice(0, SHOWN).map(formatIssue).join(' · ')}${more} ` +
      'Hãy đề nghị cơ quan ban hành gửi lại tệp danh mục đã kiểm tra.',
  );
}

/** Checks the picked catalog and keeps it in the workbook (hidden sheet); returns it. */
export async function loadCatalog(context: Excel.RequestContext, file: PickedFile, caps: HostCapabilities = detectCapabilities()): Promise<Catalog> {
  const catalog = await readCatalogFile(file);
  const sheets = queueSheetNames(context);
  await context.sync();
  const writer = new BatchedWriter(context);
  await writeSheets(writer, context, [buildCatalogSheet(catalog)], new SheetNameSet(sheets.items.map((s) => s.name)), caps);
  await context.sync();
  return catalog;
}

/** The catalog a workbook keeps in its hidden catalog sheet, if any and intact. */
export function catalogOfSheet(grid: Grid | undefined): Catalog | undefined {
  const carried = readEmbeddedCatalog(grid);
  return carried?.ok ? carried.catalog : undefined;
}
