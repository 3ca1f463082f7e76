/**
 * Nhập từ bảng có sẵn: the plan table a unit already has in this spreadsheet (the selected range, or
 * the whole active sheet) read into the annex sheets, pre-filled with its own targets, owners and
 * deadlines, through the same insert path as Chèn Phụ lục. The source sheet is only read; the report
 * says what matched and what to check, as the command line prints it. A sheet that holds no plan
 * table is answered with what to select, not as a failure.
 */
import { importPlan, type ImportSource } from '../../shared/import/plan-import';
import { importReport, noTableMessage } from '../../shared/import/report';
import { isTemplateSheet, templateSheetMessage } from '../../shared/import/source-sheet';
import { importedWorkbook } from '../../shared/import/workbook';
import { spreadsheetCatalog } from './catalog';
import { currentAnnexes, describeInsert, insertAnnexSheets } from './annexes';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function importPlanTable(ss: Spreadsheet, thisYear: number): string {
  const sheet = ss.getActiveSheet();
  const name = sheet.getName();
  const { info, tabs } = currentAnnexes(ss);
  if (isTemplateSheet(name, tabs)) return templateSheetMessage(name, 'chọn lại CCHC → Nhập từ bảng có sẵn');
  const active = ss.getActiveRange();
  const selected = active !== null && active.getSheet().getName() === name && active.getNumRows() * active.getNumColumns() > 1;
  const range = selected ? active : sheet.getDataRange();
  const source: ImportSource = { kind: 'sheet', name, grid: range.getDisplayValues(), origin: { row: range.getRow() - 1, col: range.getColumn() - 1 } };
  const where = selected ? `vùng ${range.getA1Notation()} của trang “${name}”` : `trang “${name}”`;
  const year = info.year ?? thisYear;
  // Rows are matched to the catalog this spreadsheet keeps (Nạp danh mục), else the built-in one.
  const catalog = spreadsheetCatalog(ss);
  const plan = importPlan([source], { catalog, year, unitCode: info.unitCode });
  if (plan.tables.length === 0) return `${noTableMessage(where)} Chưa ghi gì.`;
  const inserted = insertAnnexSheets(ss, (i, kept) => importedWorkbook({ ...i, year }, plan, kept).sheets);
  const lines = importReport(plan, where);
  if (!info.year) lines.push(`Trang Thông tin chưa có năm kế hoạch: đã dùng năm ${year}; nếu khác, sửa ở trang Thông tin rồi nhập lại.`);
  return [...lines, describeInsert(inserted)].join('\n');
}
