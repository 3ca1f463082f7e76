/**
 * Nhập từ bảng có sẵn: the plan table a unit already keeps in this workbook — the selected range, or
 * the active sheet when a single cell is selected — read into the annex sheets, pre-filled with its
 * own targets, owners and deadlines, through Chèn Phụ lục's own insert path (carry-over, backups,
 * batching). The source sheet is only read. Values are read with their number formats, so that
 * 0.8 shown as "80%" and a date shown as 15/03/2025 reach the parsers as the author typed them.
 */
import type { Catalog } from '../../shared/model';
import { importPlan, type ImportSource } from '../../shared/import/plan-import';
import { importReport, noTableMessage } from '../../shared/import/report';
import { shownText } from '../../shared/import/shown-text';
import { isTemplateSheet, templateSheetMessage } from '../../shared/import/source-sheet';
import { importedWorkbook } from '../../shared/import/workbook';
import { forExcel, type TemplateBuilder } from '../annex-template';
import { detectCapabilities, type HostCapabilities } from '../excel/capabilities';
import { PaneError } from '../excel/host-errors';
import { queueDateSystem } from '../excel/read-grids';
import { insertAnnexes, type AnnexForm, type InsertAnnexesResult } from './insert-annexes';

/** Cells read at most: a plan table is a few thousand; more means a whole sheet of something else. */
export const MAX_IMPORT_CELLS = 200_000;

export interface ImportPlanResult {
  insert: InsertAnnexesResult;
  /** The import report, one line a string (what matched, what to check). */
  report: string[];
}

export async function importPlanFromSelection(
  context: Excel.RequestContext,
  form: AnnexForm,
  caps: HostCapabilities = detectCapabilities(),
): Promise<ImportPlanResult> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('name');
  const selected = context.workbook.getSelectedRange();
  selected.load('rowCount,columnCount');
  const is1904 = queueDateSystem(context);
  await context.sync();
  const name = sheet.name;
  if (isTemplateSheet(name)) throw new PaneError(templateSheetMessage(name, 'bấm Nhập từ bảng có sẵn'));
  const whole = selected.rowCount * selected.columnCount <= 1;
  const range = whole ? sheet.getUsedRangeOrNullObject(true) : selected;
  range.load('address,rowCount,columnCount');
  await context.sync();
  if (whole && (range as Excel.Range).isNullObject) throw new PaneError(`Trang “${name}” đang trống. ${noTableMessage(`trang “${name}”`)}`);
  if (range.rowCount * range.columnCount > MAX_IMPORT_CELLS) {
    throw new PaneError(`Vùng ${range.address} quá lớn để đọc (${range.rowCount} dòng × ${range.columnCount} cột). Hãy chọn đúng vùng bảng kế hoạch rồi bấm lại.`);
  }
  range.load('values,numberFormat,rowIndex,columnIndex');
  await context.sync();
  const date1904 = is1904();
  const grid = range.values.map((row, i) => row.map((v, j) => shownText(v, String(range.numberFormat[i]?.[j] ?? ''), date1904)));
  const source: ImportSource = { kind: 'sheet', name, grid, origin: { row: range.rowIndex, col: range.columnIndex } };
  const where = whole ? `trang “${name}”` : `vùng ${range.address.replace(/^.*!/, '')} của trang “${name}”`;

  // Rows are matched to the catalog the workbook keeps (Nạp danh mục), which the insert reads with the
  // annexes; the tables themselves are found the same whatever the catalog.
  const recognise = (catalog?: Catalog) =>
    importPlan([source], { catalog, year: form.year, unitCode: form.unitCode });
  let plan = recognise();
  if (plan.tables.length === 0) throw new PaneError(`${noTableMessage(where)} Chưa ghi gì.`);
  const build: TemplateBuilder = (info, catalog) => {
    if (catalog) plan = recognise(catalog);
    return importedWorkbook(info, plan, catalog).sheets.map(forExcel);
  };
  const insert = await insertAnnexes(context, form, build, caps);
  return { insert, report: importReport(plan, where) };
}
