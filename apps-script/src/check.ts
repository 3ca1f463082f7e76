/**
 * Kiểm tra dữ liệu: the shared validation over the spreadsheet's grids, issues marked on their cells
 * and listed in the sidebar (with a jump to each cell); and the light check after every edit, which
 * re-validates only the edited sheet and re-marks only the edited rows.
 */
import type { Grid, WorkbookGrids } from '../../shared/cell';
import type { UnitInfo, ValidationIssue } from '../../shared/model';
import { INFO_SHEET, META_SHEET, TABLE_SHEETS } from '../../shared/spec/annex';
import { findSheet } from '../../shared/validate/find-sheet';
import { validateSheet, validateWorkbook, formatIssue, SEVERITY_LABEL } from '../../shared/validate/index';
import { IssueSink } from '../../shared/validate/issues';
import { readInfo } from '../../shared/validate/read-info';
import { applyMarks } from './marks';
import { readGrid } from './sheets-reader';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const ANNEX_SPECS = [INFO_SHEET, ...TABLE_SHEETS] as const;

/** The tabs that are our Thông tin and annex sheets (by tab name, as the readers find them). */
export function annexTabs(names: readonly string[]): { info: string | null; tables: string[] } {
  const byName: WorkbookGrids = Object.fromEntries(names.map((n) => [n, []]));
  const taken = new Set<string>();
  const found = ANNEX_SPECS.map((spec) => {
    const tab = findSheet(byName, spec, taken);
    if (tab) taken.add(tab);
    return tab;
  });
  return { info: found[0], tables: found.slice(1).filter((t): t is string => t !== null) };
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
 * Reads our sheets (one getValues() each), validates the workbook with the shared rules, and marks
 * every sheet's cells to match.
 */
export function checkSpreadsheet(ss: Spreadsheet): CheckResult {
  const tz = ss.getSpreadsheetTimeZone();
  const sheets = ss.getSheets();
  const tabs = annexTabs(sheets.map((s) => s.getName()));
  const ours = new Set([tabs.info, ...tabs.tables].filter((t): t is string => t !== null));
  const grids: WorkbookGrids = {};
  const read = sheets.filter((s) => ours.has(s.getName()) || s.getName() === META_SHEET.name);
  for (const s of read) grids[s.getName()] = readGrid(s, tz);
  const issues = validateWorkbook(grids);
  let marked = 0;
  for (const s of read) {
    const grid = grids[s.getName()];
    if (!ours.has(s.getName()) || grid.length === 0) continue;
    const cols = Math.max(...grid.map((r) => r.length));
    marked += applyMarks(s, { row: 0, col: 0, rows: grid.length, cols }, issues.filter((i) => i.sheet === s.getName()));
  }
  return toResult(issues, marked);
}

function toResult(issues: readonly ValidationIssue[], marked: number): CheckResult {
  const list = issues.map((i) => ({
    sheet: i.sheet,
    address: i.address,
    severity: i.severity,
    severityLabel: SEVERITY_LABEL[i.severity],
    message: i.message,
    text: formatIssue(i),
  }));
  const errors = list.filter((i) => i.severity === 'error').length;
  return { issues: list, errors, warnings: list.length - errors, marked };
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
