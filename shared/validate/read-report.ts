/**
 * A workbook's grids → UnitReport and its issues. Sheets are found by tab name (or, failing that,
 * by a header that fits), Thông tin is read by label, the two annexes by header text.
 */
import { a1, type Grid, type WorkbookGrids } from '../cell';
import type { Catalog, IndicatorRow, TaskRow, UnitInfo, UnitReport, ValidationIssue } from '../model';
import { CATALOG_2025 } from '../catalog/catalog-2025';
import { CATALOG_SHEET, embeddedForYear, readEmbeddedCatalog } from '../catalog/embed';
import { isAreaCode } from '../catalog/areas';
import { PERIODS, parsePeriod } from '../period';
import { INDICATOR_SHEET, INFO_SHEET, META_SHEET, TASK_SHEET, type TableSheetSpec } from '../spec/annex';
import { findSheet, headerStrength, locateHeader } from './find-sheet';
import { IssueSink, sortIssues } from './issues';
import { emptyInfo, readInfo, readMeta } from './read-info';
import { readIndicators } from './read-indicators';
import { readTasks } from './read-tasks';
import { carriedCatalogRows } from './carried-check';
import { headerIssues, noHeaderIssue } from './read-table';
import type { TableContext } from './sections';

export interface ReadOptions {
  /** The workbook counts dates from 1904 (old Mac Excel, some LibreOffice files). */
  date1904?: boolean;
  /** Row kinds and codes of rows that lost theirs; default: the 2025 standard catalog. */
  catalog?: Catalog;
  /** Named in the message when the file is not a report at all. */
  fileName?: string;
  /**
   * Cells, by visible sheet, holding a formula saved without its result (a file written by a program
   * that does not calculate: openpyxl, exceljs, scripts). A ratio row's result is the template's own
   * formula, Tử số / Mẫu số, which the reading computes itself: nothing is raised for it. Any other
   * such cell reads as empty and is named in a warning.
   */
  formulasWithoutValue?: Record<string, readonly string[]>;
}

export interface ReadResult {
  report: UnitReport | null;
  issues: ValidationIssue[];
}

interface Located {
  info: string | null;
  indicators: string | null;
  tasks: string | null;
}

/** Tabs holding our three sheets: by name first; an annex not found by name is looked for by its header. */
export function locateSheets(grids: WorkbookGrids): Located {
  const taken = new Set<string>();
  const metaTab = Object.keys(grids).find((t) => t === META_SHEET.name);
  if (metaTab) taken.add(metaTab);
  const take = (t: string | null) => (t !== null && taken.add(t), t);
  const info = take(findSheet(grids, INFO_SHEET, taken));
  const indicators = take(findSheet(grids, INDICATOR_SHEET, taken));
  const tasks = take(findSheet(grids, TASK_SHEET, taken));
  const byContent = (spec: TableSheetSpec): string | null => {
    let best: { tab: string; s: number } | null = null;
    for (const [tab, grid] of Object.entries(grids)) {
      if (taken.has(tab)) continue;
      const s = headerStrength(locateHeader(grid, spec), spec);
      if (s > 0 && (!best || s > best.s)) best = { tab, s };
    }
    return best ? best.tab : null;
  };
  return {
    info,
    indicators: indicators ?? take(byContent(INDICATOR_SHEET)),
    tasks: tasks ?? take(byContent(TASK_SHEET)),
  };
}

function infoFromMeta(meta: Record<string, string>): UnitInfo {
  const info = emptyInfo();
  info.unitCode = meta.unitCode ?? '';
  info.templateId = meta.templateId ?? '';
  info.templateVersion = meta.templateVersion ?? '';
  const y = Number(meta.year);
  info.year = Number.isInteger(y) && y > 1900 ? y : null;
  const code = PERIODS.find((p) => p === meta.period);
  info.period = code ?? parsePeriod(meta.period ?? '');
  return info;
}

function missingSheetIssue(spec: { name: string; aliases: readonly string[] }): ValidationIssue {
  return {
    sheet: spec.name,
    address: '',
    severity: 'error',
    rule: 'sheet.missing',
    message: `Thiếu trang “${spec.name}”. Thêm trang này từ biểu mẫu (tên trang có thể là “${spec.name}” hoặc “${spec.aliases[0]}”).`,
  };
}

/** Reads one annex table; header problems and row problems go to the sheet's sink. */
export function readTable<T>(
  grid: Grid,
  spec: TableSheetSpec,
  sink: IssueSink,
  ctx: TableContext,
  read: (grid: Grid, header: NonNullable<ReturnType<typeof locateHeader>>, sink: IssueSink, ctx: TableContext) => T[],
): T[] {
  const header = locateHeader(grid, spec);
  if (!header) {
    noHeaderIssue(sink, spec);
    return [];
  }
  headerIssues(sink, spec, header);
  return read(grid, header, sink, ctx);
}

/**
 * Reads a unit's workbook. `report` is null only when the workbook has neither annex sheet
 * (not a CCHC report at all); one issue then says so.
 */
export function readReport(grids: WorkbookGrids, opts: ReadOptions = {}): ReadResult {
  const tabs = locateSheets(grids);
  const order = Object.keys(grids);
  if (tabs.indicators === null && tabs.tasks === null) {
    const file = opts.fileName ? `Tệp “${opts.fileName}”` : 'Tệp này';
    return {
      report: null,
      issues: [{
        sheet: '',
        address: '',
        severity: 'error',
        rule: 'sheet.missing',
        message:
          `${file} không phải báo cáo cải cách hành chính theo biểu mẫu: không có trang “${INDICATOR_SHEET.name}” ` +
          `hay “${TASK_SHEET.name}”. Hãy nhập số liệu vào biểu mẫu báo cáo rồi gửi lại.`,
      }],
    };
  }
  const issues: ValidationIssue[] = [];
  const meta = readMeta(grids[META_SHEET.name]);

  let info: UnitInfo;
  if (tabs.info !== null) {
    const sink = new IssueSink(tabs.info);
    info = readInfo(grids[tabs.info], sink, { date1904: opts.date1904, meta });
    issues.push(...sink.issues);
  } else {
    info = infoFromMeta(meta);
    issues.push(missingSheetIssue(INFO_SHEET));
  }

  if (meta.catalogId) info.catalogId = meta.catalogId;
  if (meta.catalogVersion) info.catalogVersion = meta.catalogVersion;
  if (meta.catalogHash) info.catalogHash = meta.catalogHash;
  // The catalog the workbook carries reads its rows (codes lost, names reworded) unless one is given,
  // and its rows are checked against it whichever catalog reads them.
  const carried = carriedCatalog(grids[CATALOG_SHEET], meta.catalogHash ?? '', info.year, issues);
  const ctx: TableContext = {
    info,
    catalog: opts.catalog ?? carried?.catalog ?? CATALOG_2025,
    date1904: opts.date1904,
    carried: carried ? carriedCatalogRows(carried.catalog, carried.hash, info.unitKind) : undefined,
  };
  let indicators: IndicatorRow[] = [];
  if (tabs.indicators !== null) {
    const sink = new IssueSink(tabs.indicators);
    indicators = readTable(grids[tabs.indicators], INDICATOR_SHEET, sink, ctx, readIndicators);
    issues.push(...sink.issues);
  } else issues.push(missingSheetIssue(INDICATOR_SHEET));

  let tasks: TaskRow[] = [];
  if (tabs.tasks !== null) {
    const sink = new IssueSink(tabs.tasks);
    tasks = readTable(grids[tabs.tasks], TASK_SHEET, sink, ctx, readTasks);
    issues.push(...sink.issues);
  } else issues.push(missingSheetIssue(TASK_SHEET));

  const added = ctx.catalog ? ctx.catalog.areas.filter((a) => !isAreaCode(a.code)) : [];
  if (opts.formulasWithoutValue) issues.push(...uncalculatedIssues(grids, opts.formulasWithoutValue, tabs.indicators, indicators));
  const report: UnitReport = { info, indicators, tasks };
  if (added.length > 0) report.areaNames = Object.fromEntries(added.map((a) => [a.code, a.name]));
  const calendar = opts.catalog ? undefined : carried?.catalog.calendar;
  if (calendar && calendar.length > 0) report.calendar = calendar;
  return { report, issues: sortIssues(issues, order) };
}

/**
 * The catalog carried in the hidden sheet, moved to the plan's year as the template was; null (with a
 * warning when the sheet is there but cannot be trusted) when there is none to use.
 */
function carriedCatalog(
  grid: Grid | undefined, metaHash: string, year: number | null, issues: ValidationIssue[],
): { catalog: Catalog; hash: string } | null {
  const embedded = readEmbeddedCatalog(grid);
  if (!embedded) return null;
  if (!embedded.ok || (metaHash && metaHash !== embedded.hash)) {
    issues.push({
      sheet: CATALOG_SHEET, address: '', severity: 'warning', rule: 'catalog.embedded_edited',
      message: 'Danh mục kèm theo biểu mẫu đã bị sửa hoặc hỏng (mã kiểm tra không khớp), nên không dùng để đọc báo cáo. Hãy lấy biểu mẫu mới từ đơn vị tổng hợp và chép số liệu sang.',
    });
    return null;
  }
  const catalog = typeof year === 'number' ? embeddedForYear(embedded.catalog, embedded.hash, year) : embedded.catalog;
  return { catalog, hash: embedded.hash };
}

/** Warnings for formulas saved without a result, except the ratio results the reading computes. */
function uncalculatedIssues(
  grids: WorkbookGrids, cells: Record<string, readonly string[]>, indicatorSheet: string | null, indicators: IndicatorRow[],
): ValidationIssue[] {
  let computed = new Set<string>();
  const own = indicatorSheet === null ? undefined : cells[indicatorSheet];
  if (indicatorSheet !== null && own && own.length > 0) {
    const header = locateHeader(grids[indicatorSheet], INDICATOR_SHEET);
    const col = header?.columns.result;
    if (col !== undefined) computed = new Set(indicators.filter((r) => r.kind === 'ratio').map((r) => a1(r.row, col)));
  }
  const out: ValidationIssue[] = [];
  for (const [sheet, addresses] of Object.entries(cells)) {
    for (const address of addresses) {
      if (sheet === indicatorSheet && computed.has(address)) continue;
      out.push({
        sheet,
        address,
        severity: 'warning',
        rule: 'cell.formula_without_value',
        message: `Ô ${address} có công thức nhưng chưa có kết quả tính (tệp chưa được tính lại). Hãy mở tệp trong Excel, nhấn Ctrl+Alt+F9 để tính lại, lưu rồi gửi lại.`,
      });
    }
  }
  return out;
}
