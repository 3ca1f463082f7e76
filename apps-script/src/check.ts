/**
 * Kiểm tra dữ liệu: the shared validation over the spreadsheet's grids, issues marked on their cells
 * and listed in the sidebar (with a jump to each cell); and the light check after every edit, which
 * re-validates only the edited sheet and re-marks only the edited rows.
 */
import type { Grid } from '../../shared/cell';
import type { UnitInfo, ValidationIssue } from '../../shared/model';
import { validateSheet, validateWorkbook, formatIssue, SEVERITY_LABEL } from '../../shared/validate/index';
import { groupIssues } from '../../shared/validate/group-issues';
import { IssueSink } from '../../shared/validate/issues';
import { readInfo } from '../../shared/validate/read-info';
import { locateSheets } from '../../shared/validate/read-report';
import { applyMarks } from './marks';
import { readGrid, readWorkbook } from './sheets-reader';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The tabs that are our Thông tin and annex sheets, found by tab name as the shared reader finds them. */
export function annexTabs(names: readonly string[]): { info: string | null; tables: string[] } {
  const found = locateSheets(Object.fromEntries(names.map((n) => [n, []])));
  return { info: found.info, tables: [found.indicators, found.tasks].filter((t): t is string => t !== null) };
}

/** An issue as the sidebar shows it (plain data: google.script.run passes no Dates). */
export interface SidebarIssue {
  sheet: string;
  address: string;
  severity: 'error' | 'warning';
  severityLabel: string;
  message: string;
  text: string;
}

export interface CheckResult {
  issues: SidebarIssue[];
  errors: number;
  warnings: number;
  /** Cells marked on the sheets. */
  marked: number;
}

/**
 * Reads every sheet (one getValues() each), validates the workbook with the shared rules (which
 * find the annexes by tab name or, failing that, by their header), and marks the annex sheets' cells.
 */
export function checkSpreadsheet(ss: Spreadsheet): CheckResult {
  const grids = readWorkbook(ss);
  const issues = validateWorkbook(grids);
  const found = locateSheets(grids);
  let marked = 0;
  for (const tab of [found.info, found.indicators, found.tasks]) {
    const sheet = tab === null ? null : ss.getSheetByName(tab);
    const grid = tab === null ? [] : grids[tab];
    if (!sheet || grid.length === 0) continue;
    const cols = Math.max(...grid.map((r) => r.length));
    marked += applyMarks(sheet, { row: 0, col: 0, rows: grid.length, cols }, issues.filter((i) => i.sheet === tab));
  }
  return toResult(issues, marked);
}

/** Repeated issues of one kind on one sheet are one entry that counts them and names their cells. */
function toResult(issues: readonly ValidationIssue[], marked: number): CheckResult {
  const list = groupIssues(issues).map((g) => {
    const first = g.issues[0];
    return {
      sheet: g.sheet,
      address: first.address,
      severity: g.severity,
      severityLabel: SEVERITY_LABEL[g.severity],
      message: g.message,
      text: g.issues.length > 1 ? formatIssue({ ...first, message: g.message }) : formatIssue(first),
    };
  });
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { issues: list, errors, warnings: issues.length - errors, marked };
}

/** Selects a cell named by an issue; false when the sheet no longer exists. */
export function jumpToCell(ss: Spreadsheet, sheetName: string, a1: string): boolean {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) return false;
  sheet.activate();
  if (a1) sheet.getRange(a1).activate();
  return true;
}

/**
 * After an edit: validates the edited sheet alone (with Thông tin for the plan year and cut-off)
 * and re-marks the edited rows across the table, so fixing one cell also clears a mark its row
 * carried elsewhere (a numerator above its denominator). Sheets that are not ours cost one call.
 */
export function checkEdit(range: GoogleAppsScript.Spreadsheet.Range): number {
  const sheet = range.getSheet();
  const ss = sheet.getParent();
  const name = sheet.getName();
  const names = ss.getSheets().map((s) => s.getName());
  const tabs = annexTabs(names);
  if (name !== tabs.info && !tabs.tables.includes(name)) return 0;
  const tz = ss.getSpreadsheetTimeZone();
  const grid: Grid = readGrid(sheet, tz);
  let info: UnitInfo | undefined;
  if (name !== tabs.info && tabs.info) {
    const infoSheet = ss.getSheetByName(tabs.info);
    if (infoSheet) info = readInfo(readGrid(infoSheet, tz), new IssueSink(tabs.info));
  }
  const issues = validateSheet(name, grid, { info });
  const cols = Math.max(range.getLastColumn(), ...grid.map((r) => r.length));
  return applyMarks(sheet, { row: range.getRow() - 1, col: 0, rows: range.getNumRows(), cols }, issues);
}
