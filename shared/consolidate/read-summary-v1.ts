/**
 * Reads a summary workbook of structure version 1 (summaries made before the data sheet existed,
 * whose visible tables held the leaf rows) back into the identical Summary, so that a district's
 * older summary file can still be consolidated again at the province.
 * Only the leaf tables are read — the units on "Tình hình nộp báo cáo", the leaf blocks under
 * "Chi tiết theo đơn vị" and "Tổng hợp nhiệm vụ", "Nguồn dữ liệu" with its key/value block, and
 * "Lỗi dữ liệu" —; every aggregate is derived again, so an edited total cannot creep in.
 * Columns are found by header text, so moved columns still read.
 */
import { TargetListSchema } from '../schema/target';
import { a1, isBlank, type CellValue, type Grid, type IsoDate, type WorkbookGrids } from '../cell';
import type { AreaCode, IndicatorKind, ParentLevel, PeriodCode, Severity, Target } from '../model';
import { parsePeriod } from '../period';
import { fail, ok, type Parsed } from '../result';
import { foldKey } from '../text/normalize';
import { deriveAggregates } from './derive';
import { parseDateVi } from './format';
import {
  EXPECTED_LABELS,
  HAS_EXPECTED,
  ISSUE_COLUMNS,
  KIND_LABELS,
  LEAF_INDICATOR_COLUMNS,
  LEAF_TARGET_COLUMN,
  LEAF_TASK_COLUMNS,
  LEVEL_LABELS,
  LIST_SEPARATOR,
  META_LABELS,
  MET_LABELS,
  OUTCOME_LABELS,
  OVERDUE_LABEL,
  SEVERITY_LABELS,
  SOURCE_COLUMNS,
  SOURCE_KIND_LABELS,
  STATE_LABELS,
  SUBMISSION_COLUMNS,
  SUMMARY_SHEETS,
  SUMMARY_TITLES,
  TASK_STATUS_LABELS,
  UNIT_STATUS_LABELS,
  type SummaryColumn,
} from './summary-spec';
import {
  SUMMARY_KIND,
  SUMMARY_SCHEMA_VERSION,
  type InputOutcome,
  type LeafIndicator,
  type LeafTask,
  type LeafUnit,
  type LeafUnitStatus,
  type ProvenanceEntry,
  type Summary,
  type SummaryIssue,
  type ValueState,
} from './types';

const AREAS: readonly AreaCode[] = ['CDDH', 'TC', 'TTHC', 'TCBM', 'CDCV', 'TCC', 'CQS', 'TD', 'DN', 'KHAC'];

class ReadError extends Error {
  constructor(readonly code: string, readonly reason: string) {
    super(reason);
  }
}

const where = (sheet: string, row: number, col: number) => `Trang “${sheet}”, ô ${a1(row, col)}`;

function findGrid(grids: WorkbookGrids, name: string): Grid {
  const exact = grids[name];
  if (exact) return exact;
  const key = foldKey(name);
  const tab = Object.keys(grids).find((t) => foldKey(t) === key);
  if (!tab) {
    throw new ReadError('summary.missing_sheet', `Không thấy trang “${name}”: tệp này không phải bảng tổng hợp báo cáo CCHC, hoặc trang đã bị đổi tên. Hãy đặt lại tên trang là “${name}”.`);
  }
  return grids[tab];
}

// ---------------------------------------------------------------- cells

function text(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Date) return isoOfDate(v);
  return String(v);
}

function isoOfDate(d: Date): IsoDate {
  // Round to the nearest day: a host in another time zone may hand the day at local midnight.
  const day = new Date(Math.round(d.getTime() / 86_400_000) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** A date cell (Date, date serial, dd/mm/yyyy text) as ISO; other text as it is; blank → null. */
function dateOrText(v: CellValue): string | null {
  if (isBlank(v)) return null;
  if (v instanceof Date) return isoOfDate(v);
  if (typeof v === 'number') return isoOfDate(new Date((v - 25_569) * 86_400_000));
  const s = String(v);
  return parseDateVi(s) ?? s;
}

function number(v: CellValue, at: string): number | null {
  if (isBlank(v)) return null;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new ReadError('summary.not_a_number', `${at} phải là số, đang ghi “${text(v)}”. Hãy nhập lại số hoặc để trống.`);
}

/** A cell holding one of `labels`' texts (diacritics and case ignored) → its key. */
function label<K extends string>(labels: Record<K, string>, v: CellValue, at: string, allowBlank: boolean): K | null {
  if (isBlank(v) && allowBlank) return null;
  const key = foldKey(v);
  const found = (Object.keys(labels) as K[]).find((k) => foldKey(labels[k]) === key);
  if (found === undefined) {
    const allowed = Object.values<string>(labels).map((l) => `“${l}”`).join(', ');
    throw new ReadError('summary.unknown_value', `${at} ghi “${text(v)}”; chỉ dùng được ${allowed}${allowBlank ? ' hoặc để trống' : ''}. Hãy lập lại bảng tổng hợp thay vì sửa tay.`);
  }
  return found;
}

const list = (v: CellValue) => text(v).split(LIST_SEPARATOR).filter((s) => s !== '');

// ---------------------------------------------------------------- tables

interface Table {
  sheet: string;
  /** Data rows: sheet row index and a getter by column key. */
  rows: { row: number; get: (key: string) => CellValue; at: (key: string) => string }[];
}

/** The table whose header row holds all `columns` headers; rows until the first blank row. */
function readTable(grid: Grid, sheet: string, columns: readonly SummaryColumn[]): Table {
  const wanted = columns.map((c) => foldKey(c.header));
  for (let r = 0; r < grid.length; r++) {
    const keys = (grid[r] ?? []).map((v) => foldKey(v));
    const index = wanted.map((w) => keys.indexOf(w));
    if (index.some((i) => i < 0)) continue;
    const byKey = new Map(columns.map((c, i) => [c.key, index[i]]));
    const rows: Table['rows'] = [];
    for (let d = r + 1; d < grid.length; d++) {
      const line = grid[d] ?? [];
      if (line.every((v) => isBlank(v))) break;
      const row = d;
      rows.push({
        row,
        get: (key) => line[byKey.get(key) as number] ?? null,
        at: (key) => where(sheet, row, byKey.get(key) as number),
      });
    }
    return { sheet, rows };
  }
  throw new ReadError('summary.missing_table', `Trang “${sheet}” không có dòng tiêu đề với các cột ${columns.map((c) => `“${c.header}”`).join(', ')}. Hãy lập lại bảng tổng hợp thay vì sửa tay.`);
}

function readMeta(grid: Grid, sheet: string): Map<string, { value: CellValue; at: string }> {
  const labels = new Map(Object.entries(META_LABELS).map(([k, v]) => [foldKey(v), k]));
  const found = new Map<string, { value: CellValue; at: string }>();
  grid.forEach((line, r) => {
    const k = labels.get(foldKey(line?.[1]));
    if (k && !found.has(k)) found.set(k, { value: line[2] ?? null, at: where(sheet, r, 2) });
  });
  for (const [k, l] of Object.entries(META_LABELS)) {
    if (!found.has(k)) {
      throw new ReadError('summary.missing_meta', `Trang “${sheet}” thiếu dòng “${l}” trong phần ${SUMMARY_TITLES.meta}. Hãy lập lại bảng tổng hợp thay vì sửa tay.`);
    }
  }
  return found;
}

function parseTargets(v: CellValue, at: string): Target[] | null {
  if (isBlank(v)) return null;
  try {
    const parsed = TargetListSchema.safeParse(JSON.parse(text(v)));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through to the error below
  }
  throw new ReadError('summary.bad_target', `${at} (cột ẩn “${LEAF_TARGET_COLUMN.header}”) không đọc được. Hãy lập lại bảng tổng hợp thay vì sửa tay.`);
}

function area(v: CellValue, at: string): AreaCode | null {
  if (isBlank(v)) return null;
  const s = text(v) as AreaCode;
  if (!AREAS.includes(s)) throw new ReadError('summary.bad_area', `${at} ghi lĩnh vực “${text(v)}”, không phải mã lĩnh vực (${AREAS.join(', ')}).`);
  return s;
}

// ---------------------------------------------------------------- the summary

function read(grids: WorkbookGrids): Summary {
  const sources = findGrid(grids, SUMMARY_SHEETS.sources);
  const meta = readMeta(sources, SUMMARY_SHEETS.sources);
  const m = (k: keyof typeof META_LABELS) => meta.get(k) as { value: CellValue; at: string };

  if (text(m('kind').value) !== SUMMARY_KIND) {
    throw new ReadError('summary.not_a_summary', `${m('kind').at} phải ghi “${SUMMARY_KIND}”: tệp này không phải bảng tổng hợp báo cáo CCHC.`);
  }
  if (number(m('schemaVersion').value, m('schemaVersion').at) !== 1) {
    throw new ReadError('summary.unsupported_version', `Bảng tổng hợp phiên bản cấu trúc “${text(m('schemaVersion').value)}” (${m('schemaVersion').at}) không đọc được. Hãy lập lại bảng tổng hợp bằng công cụ này.`);
  }
  const level = label<ParentLevel>(LEVEL_LABELS, m('level').value, m('level').at, false) as ParentLevel;
  const year = number(m('year').value, m('year').at);
  if (year === null) throw new ReadError('summary.no_year', `${m('year').at} phải ghi năm, ví dụ 2025.`);
  const period = parsePeriod(text(m('period').value));
  if (!period) throw new ReadError('summary.no_period', `${m('period').at} phải ghi kỳ báo cáo, ví dụ “Quý I”, “6 tháng”, “Năm”.`);
  const dates = (['cutoff', 'dueDate', 'generatedAt'] as const).map((k) => {
    const d = dateOrText(m(k).value);
    if (d === null) throw new ReadError('summary.no_date', `${m(k).at} phải ghi ngày (ngày/tháng/năm), ví dụ 20/03/2025.`);
    return d;
  });
  const hasExpected = label(HAS_EXPECTED, m('hasExpected').value, m('hasExpected').at, false) === 'yes';

  // Nguồn dữ liệu
  const provenance: ProvenanceEntry[] = readTable(sources, SUMMARY_SHEETS.sources, SOURCE_COLUMNS).rows.map((r) => {
    const messages = list(r.get('reasons'));
    const codes = list(r.get('reasonCodes'));
    const p = parsePeriod(text(r.get('period')));
    if (!isBlank(r.get('period')) && !p) throw new ReadError('summary.no_period', `${r.at('period')} phải ghi kỳ báo cáo, ví dụ “Quý I”.`);
    return {
      fileName: text(r.get('fileName')),
      sha256: text(r.get('sha256')),
      kind: label(SOURCE_KIND_LABELS, r.get('kind'), r.at('kind'), false) as 'report' | 'summary',
      unitCode: text(r.get('unitCode')),
      unitName: text(r.get('unitName')),
      year: number(r.get('year'), r.at('year')),
      period: p as PeriodCode | null,
      templateVersion: text(r.get('templateVersion')),
      reportDate: dateOrText(r.get('reportDate')),
      receivedAt: dateOrText(r.get('receivedAt')),
      outcome: label(OUTCOME_LABELS, r.get('outcome'), r.at('outcome'), false) as InputOutcome,
      reasons: Array.from({ length: Math.max(messages.length, codes.length) }, (_, i) => ({ code: codes[i] ?? '', message: messages[i] ?? '' })),
      via: text(r.get('via')),
    };
  });

  // Tình hình nộp báo cáo
  const units: LeafUnit[] = [];
  const expectedUnits: { code: string; name: string }[] = [];
  const submissions = readTable(findGrid(grids, SUMMARY_SHEETS.submissions), SUMMARY_SHEETS.submissions, SUBMISSION_COLUMNS);
  for (const r of submissions.rows) {
    const code = text(r.get('code'));
    const status = label(UNIT_STATUS_LABELS, r.get('status'), r.at('status'), false) as LeafUnitStatus | 'missing';
    if (hasExpected && label(EXPECTED_LABELS, r.get('expected'), r.at('expected'), false) === 'yes') {
      expectedUnits.push({ code, name: text(r.get('expectedName')) });
    }
    if (status === 'missing') continue;
    units.push({
      code,
      name: text(r.get('name')),
      via: text(r.get('via')),
      status,
      reportDate: dateOrText(r.get('reportDate')),
      files: list(r.get('files')),
    });
  }

  // Chi tiết theo đơn vị: the leaf block
  const leafIndicators = readTable(findGrid(grids, SUMMARY_SHEETS.matrix), SUMMARY_SHEETS.matrix, [...LEAF_INDICATOR_COLUMNS, LEAF_TARGET_COLUMN]);
  const indicators: LeafIndicator[] = leafIndicators.rows.map((r) => {
    const result = r.get('result');
    const met = label(MET_LABELS, r.get('met'), r.at('met'), true);
    return {
      unitCode: text(r.get('unitCode')),
      code: text(r.get('code')),
      area: area(r.get('area'), r.at('area')),
      stt: text(r.get('stt')),
      name: text(r.get('name')),
      kind: label(KIND_LABELS, r.get('kind'), r.at('kind'), false) as IndicatorKind,
      targetText: text(r.get('targetText')),
      target: parseTargets(r.get('target'), r.at('target')),
      numerator: number(r.get('numerator'), r.at('numerator')),
      denominator: number(r.get('denominator'), r.at('denominator')),
      result: isBlank(result) ? null : typeof result === 'number' ? result : text(result),
      state: label(STATE_LABELS, r.get('state'), r.at('state'), false) as ValueState,
      met: met === null ? null : met === 'met',
      gap: number(r.get('gap'), r.at('gap')),
    };
  });

  // Tổng hợp nhiệm vụ: the leaf block
  const leafTasks = readTable(findGrid(grids, SUMMARY_SHEETS.tasks), SUMMARY_SHEETS.tasks, LEAF_TASK_COLUMNS);
  const tasks: LeafTask[] = leafTasks.rows.map((r) => ({
    unitCode: text(r.get('unitCode')),
    code: text(r.get('code')),
    area: area(r.get('area'), r.at('area')),
    tt: text(r.get('tt')),
    name: text(r.get('name')),
    deadlineText: text(r.get('deadlineText')),
    status: label(TASK_STATUS_LABELS, r.get('status'), r.at('status'), true),
    overdue: label({ yes: OVERDUE_LABEL }, r.get('overdue'), r.at('overdue'), true) === 'yes',
    state: label(STATE_LABELS, r.get('state'), r.at('state'), false) as ValueState,
  }));

  // Lỗi dữ liệu
  const issues: SummaryIssue[] = readTable(findGrid(grids, SUMMARY_SHEETS.issues), SUMMARY_SHEETS.issues, ISSUE_COLUMNS).rows.map((r) => ({
    fileName: text(r.get('fileName')),
    unitCode: text(r.get('unitCode')),
    sheet: text(r.get('sheet')),
    address: text(r.get('address')),
    severity: label(SEVERITY_LABELS, r.get('severity'), r.at('severity'), false) as Severity,
    rule: text(r.get('rule')),
    message: text(r.get('message')),
  }));

  const leaves = {
    expectedUnits: hasExpected ? expectedUnits : null,
    units,
    indicators,
    tasks,
    dueDate: dates[1],
  };
  return {
    kind: SUMMARY_KIND,
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    year,
    period,
    consolidatingUnit: { name: text(m('unitName').value), level },
    generatedAt: dates[2],
    dueDate: dates[1],
    cutoff: dates[0],
    expectedUnits: leaves.expectedUnits,
    units,
    indicators,
    tasks,
    provenance,
    issues,
    aggregates: deriveAggregates({ ...leaves, year }),
  };
}

/** A version-1 summary workbook's sheets → the Summary they were written from. Never throws. */
export function readSummarySheetsV1(grids: WorkbookGrids): Parsed<Summary> {
  try {
    return ok(read(grids));
  } catch (e) {
    if (e instanceof ReadError) return fail(e.code, e.reason);
    return fail('summary.unreadable', `Không đọc được bảng tổng hợp: ${e instanceof Error ? e.message : String(e)}`);
  }
}
