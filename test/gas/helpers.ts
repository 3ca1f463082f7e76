/**
 * Test data for the Sheets project: commune workbooks built with the shared template (as Chèn Phụ
 * lục writes them) with report values typed in, placed in fake spreadsheets; and the consolidating
 * spreadsheet's settings and registry filled in as a user would.
 */
import { createHash } from 'node:crypto';
import type { CellValue, Grid, WorkbookGrids } from '../../shared/cell';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { buildPlan } from '../../shared/catalog/plan';
import { consolidate } from '../../shared/consolidate/consolidate';
import type { ConsolidateOptions, ConsolidationInput } from '../../shared/consolidate/types';
import type { SheetModel } from '../../shared/layout/sheet-model';
import { buildSummarySheets } from '../../shared/layout/summary';
import { standardTemplate } from '../../shared/layout/standard-template';
import type { ReportedIndicator, ReportedTask } from '../../shared/layout/template';
import type { PeriodCode, UnitInfo } from '../../shared/model';
import { STATUS_VALUES } from '../../shared/spec/annex';
import { readReport } from '../../shared/validate/read-report';
import { canonicalGridsJson } from '../../apps-script/src/provenance';
import type { Gas } from './fakes/gas';
import { formatDate } from './fakes/tz';
import type { FakeSheet, FakeSpreadsheet } from './fakes/sheets';

export const PLAN = buildPlan(CATALOG_2025);
const TZ = 'Asia/Ho_Chi_Minh';

export interface Commune {
  id: string;
  /** The spreadsheet's title. */
  title: string;
  code: string;
  name: string;
  year?: number;
  period?: PeriodCode;
  /** Index used to vary the numbers typed. */
  seed: number;
}

/** A commune's workbook as Chèn Phụ lục writes it, with a report typed in (values only, as getValues gives). */
export function communeModels(c: Commune): SheetModel[] {
  const info: Partial<UnitInfo> = {
    unitName: c.name,
    unitCode: c.code,
    unitKind: 'xa',
    parentName: 'Sở Nội vụ tỉnh Thanh Hóa',
    parentLevel: 'tinh',
    planNumber: '05/KH-UBND',
    planDate: '2025-01-10',
    year: c.year ?? 2025,
    period: c.period ?? 'Q1',
    cutoffDate: '2025-03-14',
    reportDate: '2025-03-15',
    reporter: 'Nguyễn Văn An',
  };
  const indicators: Record<string, ReportedIndicator> = {};
  PLAN.indicators.forEach((ind, i) => {
    if (ind.kind === 'ratio') {
      const denominator = 20 + ((c.seed * 7 + i * 3) % 30);
      indicators[ind.code] = { numerator: denominator - ((c.seed + i) % 4), denominator };
    } else if (ind.kind === 'count' || ind.kind === 'duration') {
      indicators[ind.code] = { result: 5 + ((c.seed + i) % 9) };
    } else {
      indicators[ind.code] = { result: (c.seed + i) % 3 === 0 ? 'Chưa hoàn thành' : 'Hoàn thành' };
    }
  });
  const tasks: Record<string, ReportedTask> = {};
  PLAN.tasks.forEach((t, i) => {
    const status = STATUS_VALUES[(c.seed + i) % 3];
    tasks[t.code] = status === 'Hoàn thành' ? { status, completedOn: '2025-02-20', documentRef: `${i + 1}/KH-UBND` } : { status };
  });
  return standardTemplate(info, { report: { indicators, tasks } }).sheets;
}

/** A grid as getValues() on the data range gives it: the used rectangle, empty cells as ''. */
export function asSheetsGrid(rows: readonly (readonly CellValue[])[]): Grid {
  let lastRow = 0;
  let lastCol = 0;
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== '') {
        lastRow = Math.max(lastRow, r + 1);
        lastCol = Math.max(lastCol, c + 1);
      }
    }),
  );
  const out: Grid = [];
  for (let r = 0; r < Math.max(1, lastRow); r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < Math.max(1, lastCol); c++) row.push(rows[r]?.[c] ?? '');
    out.push(row);
  }
  return out;
}

/** Puts a commune's spreadsheet into the fake SpreadsheetApp; returns the grids it holds. */
export function addCommune(gas: Gas, c: Commune): WorkbookGrids {
  const ss = gas.sheets.create(c.id, c.title);
  const grids: WorkbookGrids = {};
  for (const m of communeModels(c)) {
    const sheet = ss._newSheet(m.name);
    sheet._fill(m.rows);
    if (m.hidden) sheet._hidden = true;
    grids[m.name] = asSheetsGrid(m.rows);
  }
  return grids;
}

export function communes(n: number, from = 0): Commune[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      id: `commune-sheet-${String(i).padStart(4, '0')}-abcdefghij`,
      title: `Báo cáo CCHC Quý I - xã số ${i}`,
      code: String(26000 + i),
      name: `UBND xã Số ${i}`,
      seed: i,
    };
  });
}

// ------------------------------------------------------------------ the consolidating spreadsheet

export interface HomeSettings {
  folder?: string;
  unitName?: string;
  level?: string;
  year?: number | string;
  period?: string;
  dueDate?: string;
  reminderDays?: number;
  copyTo?: string;
  feedback?: string;
}

export interface RegistryRow {
  code: string;
  name: string;
  sheet?: string;
  email?: string;
}

/** Types a value into a cell as a user would (through the fake's user-input path). */
export function type(sheet: FakeSheet, a1: string, value: string | number): void {
  sheet.getRange(a1).setValue(value);
}

/** Runs Tổng hợp once on an empty spreadsheet (it creates Cài đặt and the registry), then fills them. */
export function configureHome(gas: Gas, s: HomeSettings, registry: RegistryRow[]): void {
  if (!gas.home.getSheetByName('Cài đặt')) gas.call('consolidateReports');
  const settings = gas.home._sheet('Cài đặt');
  const rowOf = (label: string) => settings._grid().findIndex((r) => r[0] === label) + 1;
  const put = (label: string, v: string | number | undefined) => {
    if (v !== undefined) type(settings, `B${rowOf(label)}`, v);
  };
  put('Thư mục Google Drive chứa báo cáo', s.folder);
  put('Đơn vị tổng hợp', s.unitName ?? 'Sở Nội vụ tỉnh Thanh Hóa');
  put('Cấp tổng hợp', s.level ?? 'Tỉnh');
  put('Năm', s.year ?? 2025);
  put('Kỳ báo cáo', s.period ?? 'Quý I');
  put('Hạn gửi báo cáo', s.dueDate);
  put('Nhắc trước hạn (số ngày)', s.reminderDays);
  put('Gửi bản sao thư nhắc tới', s.copyTo);
  put('Gửi góp ý cho đơn vị sau khi tổng hợp', s.feedback);
  const reg = gas.home._sheet('Danh sách đơn vị');
  registry.forEach((u, i) => {
    const r = i + 2;
    type(reg, `A${r}`, u.code);
    type(reg, `B${r}`, u.name);
    if (u.sheet) type(reg, `C${r}`, u.sheet);
    if (u.email) type(reg, `D${r}`, u.email);
  });
  gas.sheets.ui.alerts.length = 0;
}

export const sheetUrl = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`;

// ------------------------------------------------------------------ expected results, computed directly

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What consolidation takes from one commune spreadsheet, computed without Apps Script. */
export function expectedInput(c: Commune, grids: WorkbookGrids): ConsolidationInput {
  const fileName = `${c.title} [${c.id}]`;
  const { report, issues } = readReport(grids, { fileName });
  return { source: { fileName, sha256: sha256(canonicalGridsJson(grids)) }, report, issues };
}

export function expectedSummarySheets(inputs: ConsolidationInput[], opts: ConsolidateOptions): SheetModel[] {
  return buildSummarySheets(consolidate(inputs, opts));
}

/** A cell as compared across hosts: dates as the day shown, everything else as is. */
function comparable(v: unknown, tz: string | null): unknown {
  if (v instanceof Date) return tz ? formatDate(v, tz, 'yyyy-MM-dd') : v.toISOString().slice(0, 10);
  return v ?? '';
}

/** The model's cells as Sheets should show them: values, and "=formula" where a formula was written. */
export function modelCells(m: SheetModel): unknown[][] {
  const rows: CellValue[][] = m.rows.map((row) => [...row]);
  for (const f of m.formulas) {
    while (rows.length <= f.row) rows.push([]);
    rows[f.row][f.col] = `=${f.formula}`;
  }
  return asSheetsGrid(rows).map((row) => row.map((v) => comparable(v, null)));
}

/** The fake sheet's cells the same way: getValues(), with getFormulas() where a cell holds a formula. */
export function sheetCells(sheet: FakeSheet, tz = TZ): unknown[][] {
  const values = sheet._grid();
  const formulas = sheet.getRange(1, 1, values.length, values[0].length).getFormulas();
  return values.map((row, r) => row.map((v, c) => (formulas[r][c] ? formulas[r][c] : comparable(v, tz))));
}

export function summaryOptions(over: Partial<ConsolidateOptions> = {}): ConsolidateOptions {
  return {
    year: 2025,
    period: 'Q1',
    consolidatingUnit: { name: 'Sở Nội vụ tỉnh Thanh Hóa', level: 'tinh' },
    now: '2025-03-10',
    ...over,
  };
}

export function summarySheetsOf(ss: FakeSpreadsheet, names: readonly string[]): Record<string, unknown[][]> {
  return Object.fromEntries(names.map((n) => [n, sheetCells(ss._sheet(n))]));
}
