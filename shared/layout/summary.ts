/**
 * The summary workbook, host-neutral: six sheets that every host writes the same way.
 * Tổng hợp chỉ tiêu · Chi tiết theo đơn vị · Tổng hợp nhiệm vụ · Tình hình nộp báo cáo ·
 * Nguồn dữ liệu · Lỗi dữ liệu.
 *
 * A unit without a valid value shows "chưa có số liệu hợp lệ", never 0 and never a blank that could
 * be read as 0. Dates are calendar-day Date cells (see sheet-model.ts) shown dd/mm/yyyy.
 * The leaf blocks ("dùng để tổng hợp lại ở cấp trên") under the matrix and the task table, the
 * submissions table, the sources table with its key/value block and the issues table hold all that
 * readSummarySheets needs to rebuild the identical Summary; the other tables are derived from them.
 */
import { fitRowHeights } from './row-heights';
import { a1, columnLetter, type CellValue } from '../cell';
import {
  EXPECTED_LABELS,
  HAS_EXPECTED,
  HEADER_ROW,
  INDICATOR_COLUMNS,
  ISSUE_COLUMNS,
  KIND_LABELS,
  LEAF_INDICATOR_COLUMNS,
  LEAF_TARGET_COLUMN,
  LEAF_TASK_COLUMNS,
  LEVEL_LABELS,
  LIST_SEPARATOR,
  MATRIX_COLUMNS,
  MATRIX_INDICATOR_WIDTH,
  META_LABELS,
  MET_LABELS,
  NO_VALID_DATA,
  NOT_APPLICABLE,
  OUTCOME_LABELS,
  OVERDUE_LABEL,
  SEVERITY_LABELS,
  SOURCE_COLUMNS,
  SOURCE_KIND_LABELS,
  STATE_LABELS,
  SUBMISSION_COLUMNS,
  SUMMARY_SHEETS,
  SUMMARY_TITLES,
  TASK_COLUMNS,
  TASK_STATUS_LABELS,
  TIMELINESS_LABELS,
  UNIT_STATUS_LABELS,
  type SummaryColumn,
} from '../consolidate/summary-spec';
import { daysBetween } from '../consolidate/derive';
import { formatDateVi, formatGap, formatResult } from '../consolidate/format';
import { naturalCompare } from '../consolidate/order';
import type { IndicatorAggregate, LeafIndicator, Summary } from '../consolidate/types';
import { periodLabel } from '../period';
import { calendarDate, emptySheet, type CellStyle, type SheetModel } from './sheet-model';

const PERCENT = '0.0%';
const DATE = 'dd/mm/yyyy';
const HEADER_STYLE: CellStyle = { bold: true, wrap: true, hAlign: 'center', vAlign: 'middle', border: true, fill: '#D9E1F2' };
const MISSED_FILL = '#F8D7DA';
const NO_DATA_COLOR = '#9C5700';

/** A date cell per the sheet-model contract; text as it is when it is not a plain calendar day. */
export function dateCell(iso: string | null): CellValue {
  if (!iso) return '';
  return calendarDate(iso) ?? iso;
}

/** Leaves by unit code, then by row code (no composite key built per lookup). */
function leavesByUnit(leaves: readonly LeafIndicator[]): Map<string, Map<string, LeafIndicator>> {
  const out = new Map<string, Map<string, LeafIndicator>>();
  for (const l of leaves) {
    let unit = out.get(l.unitCode);
    if (!unit) {
      unit = new Map();
      out.set(l.unitCode, unit);
    }
    unit.set(l.code, l);
  }
  return out;
}

function put(sheet: SheetModel, row: number, col: number, value: CellValue): void {
  while (sheet.rows.length <= row) sheet.rows.push([]);
  const r = sheet.rows[row];
  while (r.length < col) r.push('');
  r[col] = value;
}

/** Pads every row to the same width with '' (writers get a rectangle). */
function squareUp(sheet: SheetModel): void {
  const width = Math.max(0, ...sheet.rows.map((r) => r.length));
  for (const r of sheet.rows) while (r.length < width) r.push('');
}

function style(sheet: SheetModel, range: string, s: CellStyle): void {
  sheet.styles.push({ range, style: s });
}

function rangeOf(r0: number, c0: number, r1: number, c1: number): string {
  return r0 === r1 && c0 === c1 ? a1(r0, c0) : `${a1(r0, c0)}:${a1(r1, c1)}`;
}

function subtitle(summary: Summary): string {
  const level = LEVEL_LABELS[summary.consolidatingUnit.level] ?? '';
  return `${summary.consolidatingUnit.name} (cấp ${level.toLowerCase()}) — Kỳ báo cáo: ${periodLabel(summary.period)} năm ${summary.year}`;
}

/** Title, subtitle and a facts line over `width` columns, then the table header on HEADER_ROW. */
function header(sheet: SheetModel, title: string, facts: string, summary: Summary, columns: readonly SummaryColumn[]): void {
  const width = columns.length;
  put(sheet, 0, 0, title);
  put(sheet, 1, 0, subtitle(summary));
  put(sheet, 2, 0, facts);
  for (let r = 0; r < 3; r++) sheet.merges.push(rangeOf(r, 0, r, width - 1));
  style(sheet, 'A1', { bold: true, fontSize: 14, hAlign: 'center' });
  style(sheet, 'A2', { italic: true, hAlign: 'center' });
  style(sheet, 'A3', { italic: true, hAlign: 'left' });
  tableHeader(sheet, HEADER_ROW, columns);
  sheet.columnWidths = columns.map((c) => c.width);
  sheet.frozenRows = HEADER_ROW + 1;
  sheet.printTitleRows = `${HEADER_ROW + 1}:${HEADER_ROW + 1}`;
  sheet.print = { paper: 'A4', orientation: 'landscape', fitToWidth: true };
  sheet.rowHeights = { ...(sheet.rowHeights ?? {}), [HEADER_ROW]: 48 };
}

function tableHeader(sheet: SheetModel, row: number, columns: readonly SummaryColumn[], from = 0): void {
  columns.forEach((c, i) => put(sheet, row, from + i, c.header));
  style(sheet, rangeOf(row, from, row, from + columns.length - 1), HEADER_STYLE);
}

/** Ascending row numbers → runs of consecutive rows [first, last], so a format is one range, not one per cell. */
function runs(rows: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

function borders(sheet: SheetModel, r0: number, r1: number, width: number): void {
  if (r1 >= r0) style(sheet, rangeOf(r0, 0, r1, width - 1), { border: true, vAlign: 'top', wrap: true });
}

function columnFormat(sheet: SheetModel, columns: readonly SummaryColumn[], key: string, r0: number, r1: number, s: CellStyle): void {
  const c = columns.findIndex((x) => x.key === key);
  if (c >= 0 && r1 >= r0) style(sheet, rangeOf(r0, c, r1, c), s);
}

const issuesLine = (summary: Summary) => {
  const c = summary.aggregates.completeness;
  return `Hạn nộp báo cáo: ${formatDateVi(summary.dueDate)} · Ngày chốt số liệu: ${formatDateVi(summary.cutoff)} · Ngày lập: ${formatDateVi(summary.generatedAt)} · Đã tổng hợp ${c.receivedCount} đơn vị`;
};

// ---------------------------------------------------------------- Tổng hợp chỉ tiêu

/** Longest list of unit names put in one cell: readable, and far below Excel's 32.767 characters. */
export const LIST_CELL_LIMIT = 1500;

/**
 * Names joined with "; ", cut after the names that fit in LIST_CELL_LIMIT characters, then how many
 * more there are and where to see them all. Display only: the summary is read back from its leaf rows.
 */
export function unitList(items: readonly string[], seeSheet: string): string {
  let text = '';
  for (let i = 0; i < items.length; i++) {
    const next = text ? `${text}; ${items[i]}` : items[i];
    if (next.length > LIST_CELL_LIMIT && i > 0) return `${text}; … và ${items.length - i} đơn vị khác (xem trang ${seeSheet})`;
    text = next;
  }
  return text;
}

function missedText(agg: IndicatorAggregate, leafTarget: (unit: string) => LeafIndicator | undefined): string {
  return unitList(
    agg.missedUnits.map((u) => {
      const leaf = leafTarget(u.code);
      const gap = formatGap(leaf?.target?.[0] ?? null, u.gap);
      return `${u.name}: ${formatResult(agg.kind, u.result)}${gap ? ` (chênh lệch ${gap})` : ''}`;
    }),
    SUMMARY_SHEETS.matrix,
  );
}

function indicatorSheet(summary: Summary): SheetModel {
  const sheet = emptySheet(SUMMARY_SHEETS.indicators);
  const cols = INDICATOR_COLUMNS;
  const aggs = summary.aggregates.indicators;
  header(sheet, SUMMARY_TITLES.indicators, issuesLine(summary), summary, cols);
  const at = (key: string) => cols.findIndex((c) => c.key === key);
  const leafOf = leavesByUnit(summary.indicators);
  aggs.forEach((agg, i) => {
    const r = HEADER_ROW + 1 + i;
    put(sheet, r, at('code'), agg.code);
    put(sheet, r, at('stt'), agg.stt);
    put(sheet, r, at('name'), agg.name);
    put(sheet, r, at('target'), agg.targetText);
    if (agg.kind === 'ratio') {
      if (agg.sumNumerator === null || agg.sumDenominator === null) {
        put(sheet, r, at('sumNumerator'), NO_VALID_DATA);
        put(sheet, r, at('sumDenominator'), NO_VALID_DATA);
        put(sheet, r, at('value'), NO_VALID_DATA);
      } else {
        put(sheet, r, at('sumNumerator'), agg.sumNumerator);
        put(sheet, r, at('sumDenominator'), agg.sumDenominator);
        const num = a1(r, at('sumNumerator'));
        const den = a1(r, at('sumDenominator'));
        const value = agg.value ?? '';
        put(sheet, r, at('value'), value);
        sheet.formulas.push({ row: r, col: at('value'), formula: `IF(${den}>0,${num}/${den},"")`, value });
        style(sheet, a1(r, at('value')), { numberFormat: PERCENT });
      }
    } else if (agg.kind === 'count') {
      put(sheet, r, at('value'), agg.value ?? NO_VALID_DATA);
      style(sheet, a1(r, at('value')), { numberFormat: '#,##0' });
    }
    put(sheet, r, at('met'), agg.met === true ? MET_LABELS.met : agg.met === false ? MET_LABELS.missed : '');
    put(sheet, r, at('reported'), agg.reported);
    put(sheet, r, at('metCount'), agg.metCount);
    put(sheet, r, at('missedCount'), agg.missedCount);
    put(sheet, r, at('noData'), agg.noDataUnits.length);
    put(sheet, r, at('missedUnits'), missedText(agg, (u) => leafOf.get(u)?.get(agg.code)));
    put(sheet, r, at('noDataUnits'), unitList(agg.noDataUnits.map((u) => u.name), SUMMARY_SHEETS.matrix));
  });
  const last = HEADER_ROW + aggs.length;
  borders(sheet, HEADER_ROW + 1, last, cols.length);
  columnFormat(sheet, cols, 'sumNumerator', HEADER_ROW + 1, last, { numberFormat: '#,##0' });
  columnFormat(sheet, cols, 'sumDenominator', HEADER_ROW + 1, last, { numberFormat: '#,##0' });
  if (aggs.length > 0) {
    const m = columnLetter(at('met'));
    sheet.conditionalFormats.push({
      range: rangeOf(HEADER_ROW + 1, at('met'), last, at('met')),
      formula: `$${m}${HEADER_ROW + 2}="${MET_LABELS.missed}"`,
      style: { fill: MISSED_FILL, bold: true },
    });
  }
  sheet.frozenColumns = 0;
  squareUp(sheet);
  return sheet;
}

// ---------------------------------------------------------------- Chi tiết theo đơn vị

interface UnitRow {
  code: string;
  name: string;
  via: string;
  status: keyof typeof UNIT_STATUS_LABELS;
  expectedName: string;
}

/** Every unit known to the summary, and every expected unit that sent nothing: by code. */
function unitRows(summary: Summary): UnitRow[] {
  const expected = new Map((summary.expectedUnits ?? []).map((u) => [u.code, u.name]));
  const rows: UnitRow[] = summary.units.map((u) => ({
    code: u.code, name: u.name, via: u.via, status: u.status, expectedName: expected.get(u.code) ?? '',
  }));
  for (const m of summary.aggregates.completeness.missing) {
    rows.push({ code: m.code, name: m.name, via: '', status: 'missing', expectedName: m.name });
  }
  return rows.sort((a, b) => naturalCompare(a.code, b.code));
}

function matrixCell(leaf: LeafIndicator | undefined, status: UnitRow['status']): CellValue {
  if (status !== 'taken') return NO_VALID_DATA;
  if (!leaf) return '';
  if (leaf.state !== 'valid') return NO_VALID_DATA;
  return leaf.result ?? (leaf.kind === 'ratio' ? NOT_APPLICABLE : '');
}

function matrixSheet(summary: Summary): SheetModel {
  const sheet = emptySheet(SUMMARY_SHEETS.matrix);
  const aggs = summary.aggregates.indicators;
  const matrixCols: SummaryColumn[] = [
    ...MATRIX_COLUMNS,
    ...aggs.map((a) => ({ key: `i:${a.code}`, header: `${a.stt ? `${a.stt}. ` : ''}${a.name}`, width: MATRIX_INDICATOR_WIDTH })),
  ];
  header(sheet, SUMMARY_TITLES.matrix, `Ô ghi “${NO_VALID_DATA}”: đơn vị chưa gửi, bị loại, hoặc số liệu của dòng đó thiếu hay có lỗi; “${NOT_APPLICABLE}”: tử số và mẫu số đều bằng 0; ô trống: kế hoạch của đơn vị không có chỉ tiêu này. Ô tô đỏ: chưa đạt chỉ tiêu của đơn vị.`, summary, matrixCols);
  sheet.rowHeights = { ...(sheet.rowHeights ?? {}), [HEADER_ROW]: 90 };
  const first = MATRIX_COLUMNS.length;
  const leaves = leavesByUnit(summary.indicators);
  const units = unitRows(summary);
  let r = HEADER_ROW + 1;
  for (const u of units) {
    put(sheet, r, 0, u.code);
    put(sheet, r, 1, u.name);
    put(sheet, r, 2, u.via);
    put(sheet, r, 3, UNIT_STATUS_LABELS[u.status]);
    aggs.forEach((a, j) => {
      const leaf = leaves.get(u.code)?.get(a.code);
      const v = matrixCell(leaf, u.status);
      put(sheet, r, first + j, v);
      if (v === NO_VALID_DATA) style(sheet, a1(r, first + j), { italic: true, color: NO_DATA_COLOR });
      if (leaf && leaf.met === false && u.status === 'taken') style(sheet, a1(r, first + j), { fill: MISSED_FILL });
    });
    r++;
  }
  // The consolidated line: Σ/Σ for rates, Σ for counts.
  put(sheet, r, 1, 'Kết quả chung');
  style(sheet, rangeOf(r, 0, r, matrixCols.length - 1), { bold: true });
  aggs.forEach((a, j) => {
    put(sheet, r, first + j, a.kind === 'ratio' || a.kind === 'count' ? a.value ?? NO_VALID_DATA : '');
    // One format per rate column; text cells ignore it.
    if (a.kind === 'ratio') style(sheet, rangeOf(HEADER_ROW + 1, first + j, r, first + j), { numberFormat: PERCENT });
  });
  borders(sheet, HEADER_ROW + 1, r, matrixCols.length);

  // The leaf block: one row per unit and indicator, with what re-consolidation needs.
  r += 3;
  const cols = LEAF_INDICATOR_COLUMNS;
  put(sheet, r, 0, SUMMARY_TITLES.matrixLeaves);
  style(sheet, a1(r, 0), { bold: true });
  const targetCol = Math.max(matrixCols.length, cols.length);
  tableHeader(sheet, r + 1, cols);
  tableHeader(sheet, r + 1, [LEAF_TARGET_COLUMN], targetCol);
  const names = new Map(summary.units.map((u) => [u.code, u.name]));
  const at = (key: string) => cols.findIndex((c) => c.key === key);
  const start = r + 2;
  const percentRows: number[] = [];
  const percentGapRows: number[] = [];
  summary.indicators.forEach((l, i) => {
    const row = start + i;
    put(sheet, row, at('unitCode'), l.unitCode);
    put(sheet, row, at('unitName'), names.get(l.unitCode) ?? '');
    put(sheet, row, at('name'), l.name);
    put(sheet, row, at('code'), l.code);
    put(sheet, row, at('stt'), l.stt);
    put(sheet, row, at('area'), l.area ?? '');
    put(sheet, row, at('kind'), KIND_LABELS[l.kind]);
    put(sheet, row, at('targetText'), l.targetText);
    put(sheet, row, at('numerator'), l.numerator ?? '');
    put(sheet, row, at('denominator'), l.denominator ?? '');
    put(sheet, row, at('result'), l.result ?? '');
    put(sheet, row, at('met'), l.met === true ? MET_LABELS.met : l.met === false ? MET_LABELS.missed : '');
    put(sheet, row, at('gap'), l.gap ?? '');
    put(sheet, row, at('state'), STATE_LABELS[l.state]);
    put(sheet, row, targetCol, l.target ? JSON.stringify(l.target) : '');
    if (l.kind === 'ratio') percentRows.push(row);
    if (l.target?.[0]?.kind === 'numeric' && l.target[0].unit === 'percent') percentGapRows.push(row);
  });
  for (const [r0, r1] of runs(percentRows)) style(sheet, rangeOf(r0, at('result'), r1, at('result')), { numberFormat: PERCENT });
  for (const [r0, r1] of runs(percentGapRows)) style(sheet, rangeOf(r0, at('gap'), r1, at('gap')), { numberFormat: PERCENT });
  borders(sheet, start, start + summary.indicators.length - 1, cols.length);
  sheet.hiddenColumns.push(targetCol);
  sheet.columnWidths = Array.from({ length: targetCol + 1 }, (_, c) =>
    Math.max(matrixCols[c]?.width ?? 0, cols[c]?.width ?? 0, c === targetCol ? LEAF_TARGET_COLUMN.width : 0),
  );
  sheet.frozenColumns = 0;
  squareUp(sheet);
  return sheet;
}

// ---------------------------------------------------------------- Tổng hợp nhiệm vụ

function taskSheet(summary: Summary): SheetModel {
  const sheet = emptySheet(SUMMARY_SHEETS.tasks);
  const cols = TASK_COLUMNS;
  const aggs = summary.aggregates.tasks;
  const overdueTotal = aggs.reduce((s, t) => s + t.overdue, 0);
  header(sheet, SUMMARY_TITLES.tasks, `${aggs.length} nhiệm vụ · ${overdueTotal} lượt nhiệm vụ quá hạn ở các đơn vị · Tỷ lệ hoàn thành = Hoàn thành / số đơn vị có số liệu hợp lệ`, summary, cols);
  const at = (key: string) => cols.findIndex((c) => c.key === key);
  aggs.forEach((t, i) => {
    const r = HEADER_ROW + 1 + i;
    put(sheet, r, at('code'), t.code);
    put(sheet, r, at('tt'), t.tt);
    put(sheet, r, at('name'), t.name);
    put(sheet, r, at('deadlineText'), t.deadlineText);
    put(sheet, r, at('unitsWithRow'), t.unitsWithRow);
    put(sheet, r, at('done'), t.done);
    put(sheet, r, at('inProgress'), t.inProgress);
    put(sheet, r, at('notStarted'), t.notStarted);
    put(sheet, r, at('overdue'), t.overdue);
    put(sheet, r, at('noData'), t.noData);
    const validCount = t.done + t.inProgress + t.notStarted;
    if (validCount > 0) {
      const d = a1(r, at('done'));
      const p = a1(r, at('inProgress'));
      const n = a1(r, at('notStarted'));
      const value = t.done / validCount;
      put(sheet, r, at('doneRate'), value);
      sheet.formulas.push({ row: r, col: at('doneRate'), formula: `IF((${d}+${p}+${n})>0,${d}/(${d}+${p}+${n}),"")`, value });
      style(sheet, a1(r, at('doneRate')), { numberFormat: PERCENT });
    } else {
      put(sheet, r, at('doneRate'), NO_VALID_DATA);
    }
    put(sheet, r, at('overdueUnits'), unitList(t.overdueUnits.map((u) => u.name), SUMMARY_SHEETS.tasks));
  });
  let r = HEADER_ROW + aggs.length;
  borders(sheet, HEADER_ROW + 1, r, cols.length);

  r += 3;
  const leafCols = LEAF_TASK_COLUMNS;
  const lat = (key: string) => leafCols.findIndex((c) => c.key === key);
  put(sheet, r, 0, SUMMARY_TITLES.taskLeaves);
  style(sheet, a1(r, 0), { bold: true });
  tableHeader(sheet, r + 1, leafCols);
  const names = new Map(summary.units.map((u) => [u.code, u.name]));
  const start = r + 2;
  summary.tasks.forEach((t, i) => {
    const row = start + i;
    put(sheet, row, lat('unitCode'), t.unitCode);
    put(sheet, row, lat('unitName'), names.get(t.unitCode) ?? '');
    put(sheet, row, lat('name'), t.name);
    put(sheet, row, lat('code'), t.code);
    put(sheet, row, lat('tt'), t.tt);
    put(sheet, row, lat('area'), t.area ?? '');
    put(sheet, row, lat('deadlineText'), t.deadlineText);
    put(sheet, row, lat('status'), t.status ? TASK_STATUS_LABELS[t.status] : '');
    put(sheet, row, lat('overdue'), t.overdue ? OVERDUE_LABEL : '');
    put(sheet, row, lat('state'), STATE_LABELS[t.state]);
  });
  borders(sheet, start, start + summary.tasks.length - 1, leafCols.length);
  sheet.columnWidths = Array.from({ length: Math.max(cols.length, leafCols.length) }, (_, c) => Math.max(cols[c]?.width ?? 0, leafCols[c]?.width ?? 0));
  sheet.frozenColumns = 0;
  squareUp(sheet);
  return sheet;
}

// ---------------------------------------------------------------- Tình hình nộp báo cáo

function submissionSheet(summary: Summary): SheetModel {
  const sheet = emptySheet(SUMMARY_SHEETS.submissions);
  const cols = SUBMISSION_COLUMNS;
  const c = summary.aggregates.completeness;
  const facts = [
    c.expectedCount === null ? 'Không có danh sách đơn vị phải báo cáo' : `Phải báo cáo: ${c.expectedCount} đơn vị`,
    `Đã nhận và tổng hợp: ${c.expectedCount === null ? c.receivedCount : `${c.receivedExpectedCount}/${c.expectedCount}`}`,
    `Đúng hạn: ${c.onTimeCount}`,
    `Trễ hạn: ${c.lateCount}`,
    `Chưa nộp: ${c.missing.length}`,
    `Gửi nhiều báo cáo khác nhau: ${c.heldOut.length}`,
    `Không tổng hợp được: ${c.refused.length}`,
    ...(c.unexpected.length > 0 ? [`Ngoài danh sách: ${c.unexpected.length}`] : []),
  ].join(' · ');
  header(sheet, SUMMARY_TITLES.submissions, facts, summary, cols);
  const at = (key: string) => cols.findIndex((x) => x.key === key);
  const leafUnits = new Map(summary.units.map((u) => [u.code, u]));
  const expected = summary.expectedUnits ? new Set(summary.expectedUnits.map((u) => u.code)) : null;
  const rows = unitRows(summary);
  rows.forEach((u, i) => {
    const r = HEADER_ROW + 1 + i;
    const leaf = leafUnits.get(u.code);
    put(sheet, r, at('stt'), i + 1);
    put(sheet, r, at('code'), u.code);
    put(sheet, r, at('name'), u.name);
    put(sheet, r, at('via'), u.via);
    put(sheet, r, at('status'), UNIT_STATUS_LABELS[u.status]);
    put(sheet, r, at('reportDate'), dateCell(leaf?.reportDate ?? null));
    put(sheet, r, at('dueDate'), dateCell(summary.dueDate));
    if (leaf?.status === 'taken') {
      const d = leaf.reportDate;
      const late = d !== null && d.slice(0, 10) > summary.dueDate;
      put(sheet, r, at('timeliness'), d === null ? TIMELINESS_LABELS.undated : late ? TIMELINESS_LABELS.late : TIMELINESS_LABELS.onTime);
      if (late && d) {
        put(sheet, r, at('daysLate'), daysBetween(summary.dueDate, d));
        style(sheet, rangeOf(r, at('timeliness'), r, at('daysLate')), { fill: MISSED_FILL });
      }
    }
    put(sheet, r, at('expected'), expected ? (expected.has(u.code) ? EXPECTED_LABELS.yes : EXPECTED_LABELS.no) : '');
    if (expected && !expected.has(u.code)) style(sheet, a1(r, at('expected')), { fill: MISSED_FILL });
    put(sheet, r, at('files'), (leaf?.files ?? []).join(LIST_SEPARATOR));
    put(sheet, r, at('expectedName'), u.expectedName);
    if (u.status !== 'taken') style(sheet, a1(r, at('status')), { fill: MISSED_FILL, bold: true });
  });
  const last = HEADER_ROW + rows.length;
  borders(sheet, HEADER_ROW + 1, last, cols.length);
  columnFormat(sheet, cols, 'reportDate', HEADER_ROW + 1, last, { numberFormat: DATE });
  columnFormat(sheet, cols, 'dueDate', HEADER_ROW + 1, last, { numberFormat: DATE });
  sheet.hiddenColumns.push(at('expectedName'));
  sheet.frozenColumns = 0;
  squareUp(sheet);
  return sheet;
}

// ---------------------------------------------------------------- Nguồn dữ liệu

function sourcesSheet(summary: Summary): SheetModel {
  const sheet = emptySheet(SUMMARY_SHEETS.sources);
  const cols = SOURCE_COLUMNS;
  const counts = new Map<string, number>();
  for (const p of summary.provenance) counts.set(p.outcome, (counts.get(p.outcome) ?? 0) + 1);
  const facts = `${summary.provenance.length} tệp · ${[...counts].map(([o, n]) => `${OUTCOME_LABELS[o as keyof typeof OUTCOME_LABELS]}: ${n}`).join(' · ')}`;
  header(sheet, SUMMARY_TITLES.sources, facts, summary, cols);
  const at = (key: string) => cols.findIndex((x) => x.key === key);
  summary.provenance.forEach((p, i) => {
    const r = HEADER_ROW + 1 + i;
    put(sheet, r, at('stt'), i + 1);
    put(sheet, r, at('fileName'), p.fileName);
    put(sheet, r, at('sha256'), p.sha256);
    put(sheet, r, at('kind'), SOURCE_KIND_LABELS[p.kind]);
    put(sheet, r, at('unitCode'), p.unitCode);
    put(sheet, r, at('unitName'), p.unitName);
    put(sheet, r, at('year'), p.year ?? '');
    put(sheet, r, at('period'), p.period ? periodLabel(p.period) : '');
    put(sheet, r, at('templateVersion'), p.templateVersion);
    put(sheet, r, at('reportDate'), dateCell(p.reportDate));
    put(sheet, r, at('receivedAt'), dateCell(p.receivedAt));
    put(sheet, r, at('via'), p.via);
    put(sheet, r, at('outcome'), OUTCOME_LABELS[p.outcome]);
    put(sheet, r, at('reasons'), p.reasons.map((x) => x.message).join(LIST_SEPARATOR));
    put(sheet, r, at('reasonCodes'), p.reasons.map((x) => x.code).join(LIST_SEPARATOR));
    if (p.outcome === 'refused' || p.outcome === 'held_out') style(sheet, a1(r, at('outcome')), { fill: MISSED_FILL, bold: true });
  });
  const last = HEADER_ROW + summary.provenance.length;
  borders(sheet, HEADER_ROW + 1, last, cols.length);
  columnFormat(sheet, cols, 'reportDate', HEADER_ROW + 1, last, { numberFormat: DATE });
  columnFormat(sheet, cols, 'receivedAt', HEADER_ROW + 1, last, { numberFormat: DATE });

  // What the summary is: read back by readSummarySheets.
  let r = last + 3;
  put(sheet, r, 1, SUMMARY_TITLES.meta);
  style(sheet, a1(r, 1), { bold: true });
  const meta: [string, CellValue][] = [
    [META_LABELS.kind, summary.kind],
    [META_LABELS.schemaVersion, summary.schemaVersion],
    [META_LABELS.unitName, summary.consolidatingUnit.name],
    [META_LABELS.level, LEVEL_LABELS[summary.consolidatingUnit.level]],
    [META_LABELS.year, summary.year],
    [META_LABELS.period, periodLabel(summary.period)],
    [META_LABELS.cutoff, dateCell(summary.cutoff)],
    [META_LABELS.dueDate, dateCell(summary.dueDate)],
    [META_LABELS.generatedAt, dateCell(summary.generatedAt)],
    [META_LABELS.hasExpected, summary.expectedUnits ? HAS_EXPECTED.yes : HAS_EXPECTED.no],
  ];
  for (const [label, value] of meta) {
    r++;
    put(sheet, r, 1, label);
    put(sheet, r, 2, value);
    style(sheet, a1(r, 1), { bold: true, border: true });
    style(sheet, a1(r, 2), { border: true, hAlign: 'left', ...(value instanceof Date ? { numberFormat: DATE } : {}) });
  }
  sheet.frozenColumns = 0;
  squareUp(sheet);
  return sheet;
}

// ---------------------------------------------------------------- Lỗi dữ liệu

function issuesSheet(summary: Summary): SheetModel {
  const sheet = emptySheet(SUMMARY_SHEETS.issues);
  const cols = ISSUE_COLUMNS;
  const errors = summary.issues.filter((i) => i.severity === 'error').length;
  header(sheet, SUMMARY_TITLES.issues, `${errors} lỗi · ${summary.issues.length - errors} cảnh báo · Dòng có lỗi không được tổng hợp; tệp bị từ chối ghi lý do ở trang ${SUMMARY_SHEETS.sources}`, summary, cols);
  const at = (key: string) => cols.findIndex((x) => x.key === key);
  summary.issues.forEach((i, n) => {
    const r = HEADER_ROW + 1 + n;
    put(sheet, r, at('stt'), n + 1);
    put(sheet, r, at('fileName'), i.fileName);
    put(sheet, r, at('unitCode'), i.unitCode);
    put(sheet, r, at('sheet'), i.sheet);
    put(sheet, r, at('address'), i.address);
    put(sheet, r, at('severity'), SEVERITY_LABELS[i.severity]);
    put(sheet, r, at('message'), i.message);
    put(sheet, r, at('rule'), i.rule);
    if (i.severity === 'error') style(sheet, a1(r, at('severity')), { color: '#C00000', bold: true });
  });
  borders(sheet, HEADER_ROW + 1, HEADER_ROW + summary.issues.length, cols.length);
  squareUp(sheet);
  return sheet;
}

/** The six sheets of a summary workbook, in reading order. */
export function buildSummarySheets(summary: Summary): SheetModel[] {
  const sheets = [indicatorSheet(summary), matrixSheet(summary), taskSheet(summary), submissionSheet(summary), sourcesSheet(summary), issuesSheet(summary)];
  for (const sheet of sheets) fitRowHeights(sheet, HEADER_ROW + 1);
  return sheets;
}

