/**
 * The summary workbook, host-neutral: printable documents in the plan's order and language, and one
 * hidden data sheet that re-consolidation reads (summary-data.ts).
 * Tổng hợp chỉ tiêu · Chi tiết theo đơn vị · Tổng hợp nhiệm vụ · Tình hình nộp báo cáo ·
 * Nguồn dữ liệu · Lỗi dữ liệu · (hidden) Dữ liệu để tổng hợp lại.
 *
 * Every printable sheet carries the agency block and national header, the title with period and
 * year, A4 landscape with page numbers and its table header repeated, and the signature block.
 * Indicator and task tables follow the plan: reform-area heading rows (I, II, …), STT first, parents
 * before their sub-rows; row codes sit in a hidden last column. A unit without a valid value shows
 * "chưa có số liệu hợp lệ", never 0. Unit names are the official ones from the expected-units list
 * where there is one. No visible cell holds a code, JSON or English.
 * Stored cells grow as units × (indicators + a few): the per-unit detail, one row per file and
 * issue, and one data record per unit.
 */
import { fitRowHeights, LINE_HEIGHT, linesNeeded } from './row-heights';
import { a1, columnLetter, type CellValue } from '../cell';
import { areaName } from '../catalog/areas';
import { attentionLine, attentionList, ATTENTION_SHOWN, unitsBelowTarget } from '../consolidate/attention';
import { daysBetween, unitNames } from '../consolidate/derive';
import { formatDateVi, formatGap, formatNumberVi, formatResult } from '../consolidate/format';
import { naturalCompare } from '../consolidate/order';
import { summaryDataSheet } from '../consolidate/summary-data';
import { targetVerdicts } from '../consolidate/verdicts';
import {
  ATTENTION_TITLE,
  DETAIL_FIXED_COLUMNS,
  DETAIL_UNIT_WIDTH,
  DETAIL_UNITS_PER_BLOCK,
  MET_LABELS,
  NO_VALID_DATA,
  NOT_APPLICABLE,
  OUTCOME_LABELS,
  PRINT_INDICATOR_COLUMNS,
  PRINT_ISSUE_COLUMNS,
  PRINT_SOURCE_COLUMNS,
  PRINT_SUBMISSION_COLUMNS,
  PRINT_TASK_COLUMNS,
  SEVERITY_LABELS,
  SUMMARY_SHEETS,
  SUMMARY_TITLES,
  TIMELINESS_LABELS,
  UNIT_STATUS_LABELS,
  WITHOUT_DATA_LABELS,
  type SummaryColumn,
} from '../consolidate/summary-spec';
import type { IndicatorAggregate, LeafIndicator, Summary, TaskAggregate } from '../consolidate/types';
import type { AreaCode, Target } from '../model';
import { periodOfYear } from '../period';
import { documentHead, printAsDocument, put, rangeOf, signatureBlock, style } from './document';
import { chartSheet } from './summary-charts';
import { calendarDate, emptySheet, type CellStyle, type SheetModel } from './sheet-model';

const PERCENT = '0.0%';
const DATE = 'dd/mm/yyyy';
const HEADER_STYLE: CellStyle = { bold: true, wrap: true, hAlign: 'center', vAlign: 'middle', border: true, fill: '#D9E1F2' };
const AREA_STYLE: CellStyle = { bold: true, fill: '#F2F2F2' };
const MISSED_FILL = '#F8D7DA';
/** The verdict of a target no unit's figures can judge (a rank or a group to reach). */
export const UNJUDGED = 'Không tự đánh giá được';
const NO_DATA_STYLE: CellStyle = { italic: true, color: '#9C5700' };

/** A date cell per the sheet-model contract; text as it is when it is not a plain calendar day. */
export function dateCell(iso: string | null): CellValue {
  if (!iso) return '';
  return calendarDate(iso) ?? iso;
}

/** Longest list of unit names put in one cell: readable, and far below Excel's 32.767 characters. */
export const LIST_CELL_LIMIT = 1500;

/**
 * Names joined with "; ", cut after the names that fit in LIST_CELL_LIMIT characters, then how many
 * more there are and where to see them all. Display only.
 */
export function unitList(items: readonly string[], seeSheet: string): string {
  return unitListOf(items.length, (i) => items[i], seeSheet);
}

/** unitList over `count` items made one at a time by `item`: none is made past the cut. */
function unitListOf(count: number, item: (i: number) => string, seeSheet: string): string {
  let text = '';
  for (let i = 0; i < count; i++) {
    const one = item(i);
    const next = text ? `${text}; ${one}` : one;
    if (next.length > LIST_CELL_LIMIT && i > 0) return `${text}; … và ${count - i} đơn vị khác (xem trang ${seeSheet})`;
    text = next;
  }
  return text;
}

// ---------------------------------------------------------------- shared pieces

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
export const roman = (n: number) => ROMAN[n - 1] ?? String(n);

/** The area heading's label: the catalog's name of the area, in capitals as plans print it. */
function areaHeading(area: AreaCode | null, names?: Record<AreaCode, string>): string {
  return (area ? (names?.[area] ?? areaName(area)) : 'Các nội dung khác').toLocaleUpperCase('vi');
}

/** Rows in plan order (already so from deriveAggregates) with a heading before each new area. */
function withAreaHeadings<T extends { area: AreaCode | null }>(rows: readonly T[], names?: Record<AreaCode, string>): ({ heading: string; numeral: string } | T)[] {
  const out: ({ heading: string; numeral: string } | T)[] = [];
  let last: AreaCode | null | undefined;
  let n = 0;
  for (const r of rows) {
    if (r.area !== last) {
      n++;
      out.push({ heading: areaHeading(r.area, names), numeral: roman(n) });
      last = r.area;
    }
    out.push(r);
  }
  return out;
}
const isHeading = (x: object): x is { heading: string; numeral: string } => 'heading' in x;

function tableHeader(sheet: SheetModel, row: number, columns: readonly SummaryColumn[], from = 0): void {
  columns.forEach((c, i) => put(sheet, row, from + i, c.header));
  style(sheet, rangeOf(row, from, row, from + columns.length - 1), HEADER_STYLE);
}

function borders(sheet: SheetModel, r0: number, r1: number, width: number): void {
  if (r1 >= r0) style(sheet, rangeOf(r0, 0, r1, width - 1), { border: true, vAlign: 'top', wrap: true });
}

/** Ascending row numbers → runs of consecutive rows, so a format is one range, not one per cell. */
function runs(rows: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

function styleRows(sheet: SheetModel, rows: readonly number[], c0: number, c1: number, s: CellStyle): void {
  for (const [r0, r1] of runs(rows)) style(sheet, rangeOf(r0, c0, r1, c1), s);
}

const capitalized = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

function periodLine(summary: Summary): string {
  return `Kỳ báo cáo: ${capitalized(periodOfYear(summary.period, summary.year))} (số liệu tính đến ngày ${formatDateVi(summary.cutoff)})`;
}

/** "Đã tổng hợp 11/13 đơn vị" (or "11 đơn vị" without an expected list), and who has no valid data. */
export function receivedLine(summary: Summary): string {
  const c = summary.aggregates.completeness;
  const received = c.expectedCount === null ? `${c.receivedCount} đơn vị` : `${c.receivedExpectedCount}/${c.expectedCount} đơn vị`;
  const parts = [`Đã tổng hợp ${received}`];
  if (c.withoutData.length > 0) parts.push(`${c.withoutData.length} đơn vị ${NO_VALID_DATA}`);
  parts.push(`hạn nộp ${formatDateVi(summary.dueDate)}: đúng hạn ${c.onTimeCount}, trễ hạn ${c.lateCount}`);
  return parts.join(' · ');
}

function withoutDataLine(summary: Summary): string {
  const w = summary.aggregates.completeness.withoutData;
  if (w.length === 0) return '';
  return `Đơn vị ${NO_VALID_DATA}: ${unitList(w.map((u) => `${u.name} (${WITHOUT_DATA_LABELS[u.why]})`), SUMMARY_SHEETS.submissions)}`;
}

/** Columns shown: all but a hidden code column at the end. */
const visibleWidth = (columns: readonly SummaryColumn[]) => (columns[columns.length - 1]?.key === 'code' ? columns.length - 1 : columns.length);

/**
 * A printable sheet: head, then `block` (lines left-aligned across the table, e.g. what needs
 * attention), then the table header, whose row is returned; the header repeats on printed pages.
 * The last column is left out of the head's width when it is the hidden code column.
 */
function startDocument(sheet: SheetModel, summary: Summary, title: string, columns: readonly SummaryColumn[], extra: string[] = [], block: string[] = []): number {
  const visible = visibleWidth(columns);
  const tableWidth = columns.slice(0, visible).reduce((w, c) => w + c.width, 0);
  let headerRow = documentHead(sheet, visible, {
    agency: summary.consolidatingUnit.name,
    title,
    subtitles: [periodLine(summary), receivedLine(summary), ...extra.filter((x) => x !== '')],
    date: summary.generatedAt,
    widthChars: tableWidth,
  });
  if (block.length > 0) {
    block.forEach((line, i) => {
      const r = headerRow + i;
      put(sheet, r, 0, line);
      sheet.merges.push(rangeOf(r, 0, r, visible - 1));
      style(sheet, a1(r, 0), i === 0 ? { bold: true, color: '#C00000' } : { wrap: true, vAlign: 'top' });
      if (i > 0) sheet.rowHeights = { ...(sheet.rowHeights ?? {}), [r]: Math.min(409, linesNeeded(line, tableWidth) * LINE_HEIGHT + 2) };
    });
    headerRow += block.length + 1;
  }
  tableHeader(sheet, headerRow, columns);
  sheet.columnWidths = columns.map((c) => c.width);
  sheet.rowHeights = { ...(sheet.rowHeights ?? {}), [headerRow]: 60 };
  printAsDocument(sheet, headerRow);
  return headerRow;
}

function finish(sheet: SheetModel, lastTableRow: number, width: number, headerRow: number): SheetModel {
  signatureBlock(sheet, lastTableRow + 2, width);
  fitRowHeights(sheet, headerRow + 1);
  return sheet;
}

// ---------------------------------------------------------------- Tổng hợp chỉ tiêu

function targetsByUnit(summary: Summary): Map<string, Map<string, LeafIndicator>> {
  const out = new Map<string, Map<string, LeafIndicator>>();
  for (const l of summary.indicators) {
    let m = out.get(l.code);
    if (!m) out.set(l.code, (m = new Map()));
    m.set(l.unitCode, l);
  }
  return out;
}

function missedText(agg: IndicatorAggregate, leaves: Map<string, LeafIndicator> | undefined, names: Map<string, string>): string {
  const targetOf = (u: string): Target | null => leaves?.get(u)?.target?.[0] ?? null;
  const units = unitsBelowTarget(agg, targetOf);
  return unitListOf(units.length, (i) => {
    const u = units[i];
    const gap = formatGap(targetOf(u.code), u.gap);
    return `${names.get(u.code) ?? u.name}: ${formatResult(agg.kind, u.result)}${gap ? `; thiếu ${gap}` : ''}`;
  }, SUMMARY_SHEETS.matrix);
}

function indicatorSheet(summary: Summary): SheetModel {
  const sheet = emptySheet(SUMMARY_SHEETS.indicators);
  const cols = PRINT_INDICATOR_COLUMNS;
  const at = (key: (typeof cols)[number]['key']) => cols.findIndex((c) => c.key === key);
  const attention = attentionList(summary).slice(0, ATTENTION_SHOWN);
  const attentionLines = attention.length
    ? [`${ATTENTION_TITLE}:`, ...attention.map((x) => `• ${attentionLine(x)}`)]
    : [`${ATTENTION_TITLE}: không có chỉ tiêu nào chưa đạt.`];
  const table = startDocument(sheet, summary, SUMMARY_TITLES.indicators, cols, [withoutDataLine(summary)], attentionLines);

  const names = unitNames(summary);
  const withoutData = summary.aggregates.completeness.withoutData.length;
  const leavesByCode = targetsByUnit(summary);
  let r = table + 1;
  const headingRows: number[] = [];
  const missedRows: number[] = [];
  for (const item of withAreaHeadings(summary.aggregates.indicators, summary.areaNames)) {
    if (isHeading(item)) {
      put(sheet, r, at('stt'), item.numeral);
      put(sheet, r, at('name'), item.heading);
      headingRows.push(r++);
      continue;
    }
    const agg = item;
    put(sheet, r, at('stt'), agg.stt);
    // A row only some units' templates have (another version of the catalog) says over how many it is summed.
    const received = summary.aggregates.completeness.receivedCount;
    put(sheet, r, at('name'), agg.unitsWithRow < received ? `${agg.name}\n(có trong biểu mẫu của ${agg.unitsWithRow}/${received} đơn vị)` : agg.name);
    // Several targets in one cell: each with its own verdict on the consolidated result.
    const each = targetVerdicts(agg.target, agg.kind === 'ratio' ? agg.value : null, agg.name, agg.kind, summary.year);
    put(sheet, r, at('target'), each ? `${agg.targetText}\n(${each})` : agg.targetText);
    if (agg.kind === 'ratio') {
      if (agg.sumNumerator === null || agg.sumDenominator === null) {
        put(sheet, r, at('value'), NO_VALID_DATA);
      } else {
        put(sheet, r, at('sumNumerator'), agg.sumNumerator);
        put(sheet, r, at('sumDenominator'), agg.sumDenominator);
        const num = a1(r, at('sumNumerator'));
        const den = a1(r, at('sumDenominator'));
        const value = agg.value ?? NOT_APPLICABLE;
        put(sheet, r, at('value'), value);
        if (agg.value !== null) sheet.formulas.push({ row: r, col: at('value'), formula: `IF(${den}>0,${num}/${den},"${NOT_APPLICABLE}")`, value });
      }
    } else if (agg.kind === 'count') {
      put(sheet, r, at('value'), agg.value ?? NO_VALID_DATA);
    }
    // A rank or group to reach is kept and shown, never judged from the units' figures.
    const unmeasurable = agg.target && agg.target.length > 0 && agg.target.every((t) => t.kind === 'unmeasurable') ? agg.target : null;
    put(sheet, r, at('met'), agg.met === true ? MET_LABELS.met : agg.met === false ? MET_LABELS.missed : unmeasurable ? UNJUDGED : '');
    if (agg.met === false) missedRows.push(r);
    put(sheet, r, at('reported'), agg.reported);
    put(sheet, r, at('metCount'), agg.metCount);
    put(sheet, r, at('missedCount'), agg.missedCount);
    put(sheet, r, at('noData'), agg.noDataUnits.length + withoutData);
    put(sheet, r, at('missedUnits'), unmeasurable ? unmeasurable.map((t) => (t.kind === 'unmeasurable' ? t.reason : '')).join(' ') : missedText(agg, leavesByCode.get(agg.code), names));
    put(sheet, r, at('code'), agg.code);
    r++;
  }
  const last = r - 1;
  borders(sheet, table + 1, last, cols.length);
  styleRows(sheet, headingRows, 0, cols.length - 1, AREA_STYLE);
  styleRows(sheet, missedRows, at('met'), at('met'), { fill: MISSED_FILL, bold: true });
  style(sheet, rangeOf(table + 1, at('stt'), last, at('stt')), { hAlign: 'center' });
  style(sheet, rangeOf(table + 1, at('sumNumerator'), last, at('sumDenominator')), { numberFormat: '#,##0' });
  style(sheet, rangeOf(table + 1, at('value'), last, at('value')), { numberFormat: PERCENT });
  // Counts keep their own format: a count indicator's value is a number of things, not a rate.
  const countRows: number[] = [];
  for (let row = table + 1; row <= last; row++) {
    const code = sheet.rows[row]?.[at('code')];
    if (summary.aggregates.indicators.find((x) => x.code === code)?.kind === 'count') countRows.push(row);
  }
  styleRows(sheet, countRows, at('value'), at('value'), { numberFormat: '#,##0' });
  sheet.hiddenColumns.push(at('code'));
  sheet.frozenRows = 0;
  return finish(sheet, last, visibleWidth(cols), table);
}

// ---------------------------------------------------------------- Chi tiết theo đơn vị

interface UnitColumn {
  code: string;
  name: string;
  taken: boolean;
  why: string;
}

/** Every unit the summary knows or expects, by code, with its official name. */
function unitColumns(summary: Summary): UnitColumn[] {
  const names = unitNames(summary);
  const out: UnitColumn[] = summary.units.map((u) => ({
    code: u.code,
    name: names.get(u.code) ?? u.name,
    taken: u.status === 'taken',
    why: u.status === 'taken' ? '' : WITHOUT_DATA_LABELS[u.status],
  }));
  for (const m of summary.aggregates.completeness.missing) out.push({ code: m.code, name: m.name, taken: false, why: WITHOUT_DATA_LABELS.missing });
  return out.sort((a, b) => naturalCompare(a.code, b.code));
}

function detailCell(leaf: LeafIndicator | undefined, unit: UnitColumn): CellValue {
  if (!unit.taken) return NO_VALID_DATA;
  if (!leaf) return '';
  if (leaf.state !== 'valid') return NO_VALID_DATA;
  return leaf.result ?? (leaf.kind === 'ratio' ? NOT_APPLICABLE : '');
}

/**
 * Indicators as rows, units as columns, DETAIL_UNITS_PER_BLOCK units a block; each block starts a
 * printed page, so a page is legible whatever the number of units.
 */
function detailSheet(summary: Summary): SheetModel {
  const sheet = emptySheet(SUMMARY_SHEETS.matrix);
  const units = unitColumns(summary);
  const fixed = DETAIL_FIXED_COLUMNS;
  const per = DETAIL_UNITS_PER_BLOCK;
  const width = fixed.length + per;
  const blockHeader = (from: number): SummaryColumn[] => [
    ...fixed,
    ...units.slice(from, from + per).map((u, i) => ({ key: `u${i}`, header: u.taken ? u.name : `${u.name} (${u.why})`, width: DETAIL_UNIT_WIDTH })),
  ];
  const legend = `Ô ghi “${NO_VALID_DATA}”: đơn vị chưa nộp, bị loại, hoặc số liệu của dòng đó thiếu hay có lỗi; “${NOT_APPLICABLE}”: tử số và mẫu số đều bằng 0; ô trống: kế hoạch của đơn vị không có chỉ tiêu này; ô tô đỏ: chưa đạt chỉ tiêu của đơn vị.`;
  const headerRow = startDocument(sheet, summary, SUMMARY_TITLES.matrix, blockHeader(0), [legend]);
  sheet.columnWidths = [...fixed.map((c) => c.width), ...Array.from({ length: per }, () => DETAIL_UNIT_WIDTH)];
  const leaves = targetsByUnit(summary);
  const rows = withAreaHeadings(summary.aggregates.indicators, summary.areaNames);
  const breaks: number[] = [];
  const headingRows: number[] = [];
  const noDataCells: [number, number][] = [];
  const missedCells: [number, number][] = [];
  const ratioRows: number[] = [];
  let r = headerRow;
  let lastRow = headerRow;
  for (let from = 0; from < Math.max(units.length, 1); from += per) {
    if (from > 0) {
      r += 1;
      breaks.push(r);
      put(sheet, r, 0, `${SUMMARY_TITLES.matrix} (tiếp theo) — đơn vị thứ ${from + 1} đến ${Math.min(from + per, units.length)} trong ${units.length}`);
      style(sheet, a1(r, 0), { bold: true });
      r += 1;
      tableHeader(sheet, r, blockHeader(from));
      sheet.rowHeights = { ...sheet.rowHeights, [r]: 48 };
    }
    const top = r + 1;
    const block = units.slice(from, from + per);
    r++;
    for (const item of rows) {
      if (isHeading(item)) {
        put(sheet, r, 0, item.numeral);
        put(sheet, r, 1, item.heading);
        headingRows.push(r++);
        continue;
      }
      if (item.kind === 'ratio') ratioRows.push(r);
      put(sheet, r, 0, item.stt);
      put(sheet, r, 1, item.name);
      put(sheet, r, 2, item.targetText);
      const byUnit = leaves.get(item.code);
      block.forEach((u, j) => {
        const leaf = byUnit?.get(u.code);
        const v = detailCell(leaf, u);
        const c = fixed.length + j;
        put(sheet, r, c, v);
        if (v === NO_VALID_DATA) noDataCells.push([r, c]);
        if (u.taken && leaf?.met === false) missedCells.push([r, c]);
      });
      r++;
    }
    // The consolidated line of the block's table.
    put(sheet, r, 1, 'Kết quả chung của tất cả đơn vị: xem trang Tổng hợp chỉ tiêu');
    style(sheet, a1(r, 1), { italic: true });
    borders(sheet, top, r - 1, fixed.length + block.length);
    lastRow = r;
  }
  styleRows(sheet, headingRows, 0, width - 1, AREA_STYLE);
  cellRuns(sheet, noDataCells, NO_DATA_STYLE);
  // A rate row's unit cells show as percentages (text cells ignore the format): one range per run of rate rows.
  styleRows(sheet, ratioRows, fixed.length, width - 1, { numberFormat: PERCENT });
  cellRuns(sheet, missedCells, { fill: MISSED_FILL });
  if (sheet.print) sheet.print.rowBreaks = breaks;
  sheet.frozenRows = 0;
  return finish(sheet, lastRow, width, headerRow);
}

/** Cells → one style range per run of cells side by side in a row (not one per cell). */
function cellRuns(sheet: SheetModel, cells: readonly [number, number][], s: CellStyle): void {
  const sorted = [...cells].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let i = 0;
  while (i < sorted.length) {
    const [row, c0] = sorted[i];
    let c1 = c0;
    while (i + 1 < sorted.length && sorted[i + 1][0] === row && sorted[i + 1][1] === c1 + 1) c1 = sorted[++i][1];
    style(sheet, rangeOf(row, c0, row, c1), s);
    i++;
  }
}

// ---------------------------------------------------------------- Tổng hợp nhiệm vụ

function taskSheet(summary: Summary): SheetModel {
  const sheet = emptySheet(SUMMARY_SHEETS.tasks);
  const cols = PRINT_TASK_COLUMNS;
  const at = (key: (typeof cols)[number]['key']) => cols.findIndex((c) => c.key === key);
  const aggs = summary.aggregates.tasks;
  const overdueTotal = aggs.reduce((s, t) => s + t.overdue, 0);
  const withoutData = summary.aggregates.completeness.withoutData.length;
  const headerRow = startDocument(sheet, summary, SUMMARY_TITLES.tasks, cols, [
    `${aggs.length} nhiệm vụ · ${formatNumberVi(overdueTotal, 0)} lượt nhiệm vụ quá hạn ở các đơn vị · Tỷ lệ hoàn thành = số đơn vị hoàn thành / số đơn vị đã rõ tình trạng (kể cả quá hạn chưa cập nhật)`,
  ]);
  const names = unitNames(summary);
  let r = headerRow + 1;
  const headingRows: number[] = [];
  const overdueRows: number[] = [];
  for (const item of withAreaHeadings(aggs, summary.areaNames)) {
    if (isHeading(item)) {
      put(sheet, r, at('tt'), item.numeral);
      put(sheet, r, at('name'), item.heading);
      headingRows.push(r++);
      continue;
    }
    const t: TaskAggregate = item;
    put(sheet, r, at('tt'), t.tt);
    put(sheet, r, at('name'), t.name);
    put(sheet, r, at('deadlineText'), t.deadlineText);
    put(sheet, r, at('unitsWithRow'), t.unitsWithRow);
    put(sheet, r, at('done'), t.done);
    put(sheet, r, at('inProgress'), t.inProgress);
    put(sheet, r, at('notStarted'), t.notStarted);
    put(sheet, r, at('overdueNotUpdated'), t.overdueNotUpdated);
    put(sheet, r, at('overdue'), t.overdue);
    if (t.overdue > 0) overdueRows.push(r);
    put(sheet, r, at('noData'), t.noData + withoutData);
    // Over the units whose standing is known: a blank status past its deadline counts (not done).
    const known = t.done + t.inProgress + t.notStarted + t.overdueNotUpdated;
    if (known > 0) {
      const cells = (['done', 'inProgress', 'notStarted', 'overdueNotUpdated'] as const).map((k) => a1(r, at(k)));
      const value = t.done / known;
      put(sheet, r, at('doneRate'), value);
      sheet.formulas.push({ row: r, col: at('doneRate'), formula: `IF((${cells.join('+')})>0,${cells[0]}/(${cells.join('+')}),"")`, value });
    } else {
      put(sheet, r, at('doneRate'), NO_VALID_DATA);
    }
    put(sheet, r, at('overdueUnits'), unitList(t.overdueUnits.map((u) => names.get(u.code) ?? u.name), SUMMARY_SHEETS.tasks));
    put(sheet, r, at('code'), t.code);
    r++;
  }
  const last = r - 1;
  borders(sheet, headerRow + 1, last, cols.length);
  styleRows(sheet, headingRows, 0, cols.length - 1, AREA_STYLE);
  styleRows(sheet, overdueRows, at('overdue'), at('overdue'), { fill: MISSED_FILL, bold: true });
  style(sheet, rangeOf(headerRow + 1, at('tt'), last, at('tt')), { hAlign: 'center' });
  style(sheet, rangeOf(headerRow + 1, at('doneRate'), last, at('doneRate')), { numberFormat: PERCENT });
  sheet.hiddenColumns.push(at('code'));
  sheet.frozenRows = headerRow + 1;
  return finish(sheet, last, visibleWidth(cols), headerRow);
}

// ---------------------------------------------------------------- Tình hình nộp báo cáo

function submissionSheet(summary: Summary): SheetModel {
  const sheet = emptySheet(SUMMARY_SHEETS.submissions);
  const cols = PRINT_SUBMISSION_COLUMNS;
  const at = (key: (typeof cols)[number]['key']) => cols.findIndex((x) => x.key === key);
  const c = summary.aggregates.completeness;
  const facts = [
    c.expectedCount === null ? 'Không có danh sách đơn vị phải báo cáo' : `Phải báo cáo: ${c.expectedCount} đơn vị`,
    `Chưa nộp: ${c.missing.length}`,
    `Gửi nhiều báo cáo khác nhau: ${c.heldOut.length}`,
    `Không tổng hợp được: ${c.refused.length}`,
    ...(c.unexpected.length > 0 ? [`Ngoài danh sách: ${c.unexpected.length}`] : []),
  ].join(' · ');
  const headerRow = startDocument(sheet, summary, SUMMARY_TITLES.submissions, cols, [facts]);
  const units = new Map(summary.units.map((u) => [u.code, u]));
  const expected = summary.expectedUnits ? new Set(summary.expectedUnits.map((u) => u.code)) : null;
  const names = unitNames(summary);
  const all = [...summary.units.map((u) => u.code), ...c.missing.map((m) => m.code)].sort(naturalCompare);
  const badRows: number[] = [];
  const lateRows: number[] = [];
  all.forEach((code, i) => {
    const r = headerRow + 1 + i;
    const u = units.get(code);
    put(sheet, r, at('stt'), i + 1);
    put(sheet, r, at('name'), names.get(code) ?? code);
    put(sheet, r, at('status'), u ? UNIT_STATUS_LABELS[u.status] : UNIT_STATUS_LABELS.missing);
    put(sheet, r, at('reportDate'), dateCell(u?.reportDate ?? null));
    put(sheet, r, at('dueDate'), dateCell(summary.dueDate));
    if (u?.status === 'taken') {
      const d = u.reportDate;
      const late = d !== null && d.slice(0, 10) > summary.dueDate;
      put(sheet, r, at('timeliness'), d === null ? TIMELINESS_LABELS.undated : late ? TIMELINESS_LABELS.late : TIMELINESS_LABELS.onTime);
      if (late && d) {
        put(sheet, r, at('daysLate'), daysBetween(summary.dueDate, d));
        lateRows.push(r);
      }
    } else {
      badRows.push(r);
    }
    const notes: string[] = [];
    if (expected && !expected.has(code)) notes.push('Không có trong danh sách phải báo cáo');
    if (u?.via) notes.push(`Qua ${u.via}`);
    if (u && u.status !== 'taken') notes.push(`Xem lý do ở trang ${SUMMARY_SHEETS.sources}`);
    put(sheet, r, at('note'), notes.join('; '));
    put(sheet, r, at('code'), code);
  });
  const last = headerRow + all.length;
  borders(sheet, headerRow + 1, last, cols.length);
  styleRows(sheet, badRows, at('status'), at('status'), { fill: MISSED_FILL, bold: true });
  styleRows(sheet, lateRows, at('timeliness'), at('daysLate'), { fill: MISSED_FILL });
  style(sheet, rangeOf(headerRow + 1, at('stt'), last, at('stt')), { hAlign: 'center' });
  style(sheet, rangeOf(headerRow + 1, at('reportDate'), last, at('dueDate')), { numberFormat: DATE, hAlign: 'center' });
  sheet.hiddenColumns.push(at('code'));
  sheet.frozenRows = headerRow + 1;
  return finish(sheet, Math.max(last, headerRow), visibleWidth(cols), headerRow);
}

// ---------------------------------------------------------------- Nguồn dữ liệu

function sourcesSheet(summary: Summary): SheetModel {
  const sheet = emptySheet(SUMMARY_SHEETS.sources);
  const cols = PRINT_SOURCE_COLUMNS;
  const at = (key: (typeof cols)[number]['key']) => cols.findIndex((x) => x.key === key);
  const counts = new Map<string, number>();
  for (const p of summary.provenance) counts.set(p.outcome, (counts.get(p.outcome) ?? 0) + 1);
  const facts = `${summary.provenance.length} tệp · ${[...counts].map(([o, n]) => `${OUTCOME_LABELS[o as keyof typeof OUTCOME_LABELS]}: ${n}`).join(' · ')}`;
  const headerRow = startDocument(sheet, summary, SUMMARY_TITLES.sources, cols, [facts]);
  const names = unitNames(summary);
  const bad: number[] = [];
  summary.provenance.forEach((p, i) => {
    const r = headerRow + 1 + i;
    put(sheet, r, at('stt'), i + 1);
    put(sheet, r, at('fileName'), p.fileName);
    const official = names.get(p.unitCode);
    const unit = p.kind === 'summary' ? `Bảng tổng hợp của ${p.unitName}` : official ?? p.unitName;
    put(sheet, r, at('unit'), official && p.unitName && official !== p.unitName ? `${unit} (trong báo cáo ghi “${p.unitName}”)` : unit);
    put(sheet, r, at('period'), p.period && p.year ? capitalized(periodOfYear(p.period, p.year)) : p.year ? `Năm ${p.year}` : '');
    put(sheet, r, at('reportDate'), dateCell(p.reportDate));
    put(sheet, r, at('receivedAt'), dateCell(p.receivedAt));
    put(sheet, r, at('outcome'), p.via ? `${OUTCOME_LABELS[p.outcome]} (qua ${p.via})` : OUTCOME_LABELS[p.outcome]);
    put(sheet, r, at('reasons'), p.reasons.map((x) => x.message).join('\n'));
    if (p.outcome === 'refused' || p.outcome === 'held_out') bad.push(r);
  });
  const last = headerRow + summary.provenance.length;
  borders(sheet, headerRow + 1, last, cols.length);
  styleRows(sheet, bad, at('outcome'), at('outcome'), { fill: MISSED_FILL, bold: true });
  style(sheet, rangeOf(headerRow + 1, at('stt'), last, at('stt')), { hAlign: 'center' });
  style(sheet, rangeOf(headerRow + 1, at('reportDate'), last, at('receivedAt')), { numberFormat: DATE, hAlign: 'center' });
  sheet.frozenRows = headerRow + 1;
  return finish(sheet, Math.max(last, headerRow), cols.length, headerRow);
}

// ---------------------------------------------------------------- Lỗi dữ liệu

function issuesSheet(summary: Summary): SheetModel {
  const sheet = emptySheet(SUMMARY_SHEETS.issues);
  const cols = PRINT_ISSUE_COLUMNS;
  const at = (key: (typeof cols)[number]['key']) => cols.findIndex((x) => x.key === key);
  const errors = summary.issues.filter((i) => i.severity === 'error').length;
  const headerRow = startDocument(sheet, summary, SUMMARY_TITLES.issues, cols, [
    `${errors} lỗi · ${summary.issues.length - errors} cảnh báo · Dòng có lỗi không được tổng hợp; tệp bị từ chối ghi lý do ở trang ${SUMMARY_SHEETS.sources}`,
  ]);
  const names = unitNames(summary);
  const errorRows: number[] = [];
  summary.issues.forEach((i, n) => {
    const r = headerRow + 1 + n;
    put(sheet, r, at('stt'), n + 1);
    put(sheet, r, at('unit'), names.get(i.unitCode) ?? i.unitCode);
    put(sheet, r, at('fileName'), i.fileName);
    put(sheet, r, at('sheet'), i.sheet);
    put(sheet, r, at('address'), i.address);
    put(sheet, r, at('severity'), SEVERITY_LABELS[i.severity]);
    put(sheet, r, at('message'), i.message);
    if (i.severity === 'error') errorRows.push(r);
  });
  const last = headerRow + summary.issues.length;
  borders(sheet, headerRow + 1, last, cols.length);
  styleRows(sheet, errorRows, at('severity'), at('severity'), { color: '#C00000', bold: true });
  style(sheet, rangeOf(headerRow + 1, at('stt'), last, at('stt')), { hAlign: 'center' });
  sheet.frozenRows = headerRow + 1;
  return finish(sheet, Math.max(last, headerRow), cols.length, headerRow);
}

/**
 * The summary's sheets in reading order: the six printable documents, then the hidden data sheet
 * that re-consolidation reads. Hosts that draw charts add chartSheet(summary) after the first.
 */
export function buildSummarySheets(summary: Summary): SheetModel[] {
  return [indicatorSheet(summary), detailSheet(summary), taskSheet(summary), submissionSheet(summary), sourcesSheet(summary), issuesSheet(summary), summaryDataSheet(summary)];
}

/** The whole workbook as a file holds it: the summary's sheets with the chart sheet second. */
export function buildSummaryWorkbook(summary: Summary): SheetModel[] {
  const sheets = buildSummarySheets(summary);
  const charts = chartSheet(summary).sheet;
  return charts ? [sheets[0], charts, ...sheets.slice(1)] : sheets;
}
