/**
 * Validation entry points for every host: the whole workbook (file upload, "Kiểm tra" button) or
 * one sheet after an edit. Issues come sorted by sheet, row and column.
 */
import { CATALOG_2025 } from '../catalog/catalog-2025';
import type { Grid, WorkbookGrids } from '../cell';
import type { Catalog, UnitInfo, ValidationIssue } from '../model';
import { INDICATOR_SHEET, INFO_SHEET, TASK_SHEET } from '../spec/annex';
import { findSheet, headerStrength, locateHeader } from './find-sheet';
import { IssueSink, sortIssues } from './issues';
import { readInfo } from './read-info';
import { readIndicators } from './read-indicators';
import { readReport, readTable, type ReadOptions } from './read-report';
import { readTasks } from './read-tasks';

export { readReport, locateSheets, type ReadOptions, type ReadResult } from './read-report';
export { findSheet, locateHeader, mayBeSheet, type HeaderMatch } from './find-sheet';
export { formatIssue, sortIssues, SEVERITY_LABEL } from './issues';
export { readStatus, readEvaluation } from './words';

/** All issues of a workbook: readReport(...).issues. */
export function validateWorkbook(grids: WorkbookGrids, opts: ReadOptions = {}): ValidationIssue[] {
  return readReport(grids, opts).issues;
}

export interface SheetContext {
  /** The workbook's Thông tin, already read: gives the plan year and cut-off for task checks. */
  info?: UnitInfo;
  date1904?: boolean;
  catalog?: Catalog;
}

/**
 * Issues of one sheet, for a host that re-checks the sheet just edited. The sheet is recognised by
 * its tab name, else by its header; a sheet that is none of ours gives no issues.
 */
export function validateSheet(sheetName: string, grid: Grid, context: SheetContext = {}): ValidationIssue[] {
  const one = { [sheetName]: grid };
  const sink = new IssueSink(sheetName);
  const ctx = { info: context.info ?? null, catalog: context.catalog ?? CATALOG_2025, date1904: context.date1904 };
  if (findSheet(one, INFO_SHEET)) {
    readInfo(grid, sink, { date1904: context.date1904 });
  } else if (findSheet(one, INDICATOR_SHEET)) {
    readTable(grid, INDICATOR_SHEET, sink, ctx, readIndicators);
  } else if (findSheet(one, TASK_SHEET)) {
    readTable(grid, TASK_SHEET, sink, ctx, readTasks);
  } else {
    const ind = headerStrength(locateHeader(grid, INDICATOR_SHEET), INDICATOR_SHEET);
    const task = headerStrength(locateHeader(grid, TASK_SHEET), TASK_SHEET);
    if (ind === 0 && task === 0) return [];
    if (ind >= task) readTable(grid, INDICATOR_SHEET, sink, ctx, readIndicators);
    else readTable(grid, TASK_SHEET, sink, ctx, readTasks);
  }
  return sortIssues(sink.issues, [sheetName]);
}
