/**
 * Kiểm tra: reads the workbook's sheets as grids and runs the shared validation on them. Reads only
 * what the check needs (the annex sheets, the metadata and catalog sheets, when found by name; every sheet
 * otherwise, since a renamed annex is found by its header) and keeps each response under budget
 * (read-grids.ts readSheets): sheet names, extents, then values in as few syncs as fit.
 * Also: selecting an issue's cell, and watching the annex sheets so the check reruns after edits.
 */
import { CATALOG_SHEET } from '../../shared/catalog/embed';
import type { WorkbookGrids } from '../../shared/cell';
import type { ValidationIssue } from '../../shared/model';
import { INFO_SHEET, META_SHEET, TABLE_SHEETS } from '../../shared/spec/annex';
import { findSheet } from '../../shared/validate/find-sheet';
import { queueDateSystem, queueSheetNames, readSheets } from '../excel/read-grids';

export type WorkbookValidator = (grids: WorkbookGrids, opts?: { date1904?: boolean }) => ValidationIssue[];

export interface CheckResult {
  issues: ValidationIssue[];
  /** Tabs in workbook order, for grouping issues as the user sees the tabs. */
  sheetOrder: string[];
  /** Tabs that hold the annexes (watched for edits). */
  annexSheets: string[];
  /** What was read, for the pane to fill its form from Thông tin without reading again. */
  grids: WorkbookGrids;
  /** The workbook counts days from 1904. */
  date1904: boolean;
}

/**
 * The tabs the check reads: ours by name (the hidden catalog sheet too: the rows are read by, and
 * checked against, the catalog the workbook carries), or all when an annex table is not found by name.
 */
export function sheetsToCheck(names: readonly string[]): string[] {
  const annex = annexSheetNames(names);
  const byName = Object.fromEntries(names.map((n) => [n, []]));
  const tablesFound = TABLE_SHEETS.every((spec) => findSheet(byName, spec) !== null);
  if (!tablesFound) return [...names];
  return names.filter((n) => annex.includes(n) || n === META_SHEET.name || n === CATALOG_SHEET);
}

/** The tabs that are our Thông tin and annex sheets, found as the readers find them. */
export function annexSheetNames(names: readonly string[]): string[] {
  const byName = Object.fromEntries(names.map((n) => [n, []]));
  const found = new Set<string>();
  for (const spec of [INFO_SHEET, ...TABLE_SHEETS]) {
    const n = findSheet(byName, spec, found);
    if (n) found.add(n);
  }
  return names.filter((n) => found.has(n));
}

export async function checkWorkbook(context: Excel.RequestContext, validate: WorkbookValidator): Promise<CheckResult> {
  const sheets = queueSheetNames(context);
  const is1904 = queueDateSystem(context);
  await context.sync();
  const names = sheets.items.map((s) => s.name);
  const date1904 = is1904();
  const grids = await readSheets(context, sheetsToCheck(names));
  const issues = validate(grids, { date1904 });
  return { issues, sheetOrder: names, annexSheets: annexSheetNames(names), grids, date1904 };
}

/** Selects the cell an issue names (the whole sheet's tab when the issue has no address). One sync. */
export async function selectIssue(context: Excel.RequestContext, issue: Pick<ValidationIssue, 'sheet' | 'address'>): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(issue.sheet);
  sheet.activate();
  if (issue.address) sheet.getRange(issue.address).select();
  await context.sync();
}

/**
 * Registers `onEdit` on each named sheet's onChanged event (ExcelApi 1.7). Returns the handler
 * results so the pane can remove them before registering again. One sync.
 */
export async function watchSheets(
  context: Excel.RequestContext,
  names: readonly string[],
  onEdit: (event: Excel.WorksheetChangedEventArgs) => void,
): Promise<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[]> {
  const handlers = names.map((n) =>
    context.workbook.worksheets.getItem(n).onChanged.add(async (event) => onEdit(event)),
  );
  await context.sync();
  return handlers;
}
