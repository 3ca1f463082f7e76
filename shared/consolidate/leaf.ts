/**
 * One unit's report → the leaf records a summary keeps. Rows with an error (severity 'error' on any
 * cell of the row) keep what was typed but are marked invalid: they are left out of every sum and
 * every count of met/missed, and shown as "chưa có số liệu hợp lệ".
 * Texts go through `clean`, which is cleanText without the work when the text is already clean.
 */
import { parseA1 } from '../cell';
import type { IndicatorRow, TaskRow, UnitReport, ValidationIssue } from '../model';
import { judgeTargets } from '../parse/evaluate';
import { INDICATOR_SHEET, TASK_SHEET, type TableSheetSpec } from '../spec/annex';
import { clean } from '../validate/text';
import { findSheet } from '../validate/find-sheet';
import { naturalCompare } from './order';
import type { LeafIndicator, LeafTask, ValueState } from './types';

/**
 * True when an issue's sheet is the given annex sheet, recognised as the reader recognises tabs
 * ("Phu luc 1", "PL1 - Chi tieu 2025" are Phụ lục 1; "Phụ lục 12" is not).
 */
export function isSheet(issueSheet: string, spec: TableSheetSpec): boolean {
  return issueSheet.trim() !== '' && findSheet({ [issueSheet]: [] }, spec) !== null;
}

/** isSheet, worked out once per sheet name of one report's issues. */
function sheetTest(spec: TableSheetSpec): (sheet: string) => boolean {
  const known = new Map<string, boolean>();
  return (sheet) => {
    let is = known.get(sheet);
    if (is === undefined) {
      is = isSheet(sheet, spec);
      known.set(sheet, is);
    }
    return is;
  };
}

/** 0-based rows of `spec`'s sheet that carry at least one error. */
export function rowsWithErrors(issues: readonly ValidationIssue[], spec: TableSheetSpec, onSheet = sheetTest(spec)): Set<number> {
  const rows = new Set<number>();
  for (const i of issues) {
    if (i.severity !== 'error' || !onSheet(i.sheet)) continue;
    const at = parseA1(i.address);
    if (at) rows.add(at.row);
  }
  return rows;
}

function cleanResult(v: IndicatorRow['result']): number | string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return clean(v) || null;
  return null;
}

const isCount = (n: number | null): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

/** `code`: the row's code, cleaned (the caller has it already). */
/** `planYear`: the report's, for targets of one year or to reach by a year. */
export function leafIndicator(unitCode: string, row: IndicatorRow, code: string, hasError: boolean, planYear: number | null = null): LeafIndicator {
  const typed = cleanResult(row.result);
  const target = row.target && row.target.targets.length > 0 ? row.target.targets : null;
  let state: ValueState;
  let result: number | string | null = typed;
  const nothing = row.numerator === null && row.denominator === null && typed === null;
  if (row.kind === 'ratio') {
    const num = row.numerator;
    const den = row.denominator;
    const usable = isCount(num) && isCount(den) && (den > 0 || num === 0);
    state = hasError ? 'invalid' : usable ? 'valid' : nothing ? 'empty' : 'invalid';
    // The rate is always recomputed from the two counts, whatever the result cell said.
    if (state === 'valid') result = (den as number) > 0 ? (num as number) / (den as number) : null;
  } else if (row.kind === 'qualitative') {
    state = hasError ? 'invalid' : typed !== null ? 'valid' : nothing ? 'empty' : 'invalid';
  } else {
    state = hasError ? 'invalid' : typeof typed === 'number' ? 'valid' : nothing ? 'empty' : 'invalid';
  }
  let met: boolean | null = null;
  let gap: number | null = null;
  if (state === 'valid' && target && result !== null) ({ met, gap } = judgeTargets(target, result, clean(row.name), row.kind, planYear));
  return {
    unitCode,
    code,
    area: row.area,
    stt: clean(row.stt),
    name: clean(row.name),
    kind: row.kind,
    targetText: clean(row.targetText),
    target,
    numerator: row.numerator,
    denominator: row.denominator,
    result,
    state,
    met,
    gap,
  };
}

export function leafTask(unitCode: string, row: TaskRow, code: string, hasError: boolean): LeafTask {
  const state: ValueState = hasError ? 'invalid' : row.status !== null ? 'valid' : 'empty';
  return {
    unitCode,
    code,
    area: row.area,
    tt: clean(row.tt),
    name: clean(row.name),
    deadlineText: clean(row.deadlineText),
    status: row.status,
    overdue: row.overdue,
    state,
  };
}

export interface ReportLeaves {
  indicators: LeafIndicator[];
  tasks: LeafTask[];
  /** Rows we could not use for a reason of our own (no code, code repeated): reported as warnings. */
  skipped: { sheet: string; row: number; rule: string; message: string }[];
  /** Rows left out because of errors. */
  excludedRows: number;
}

/**
 * The leaf records of one report. Rows are matched across units by code: a row without a code
 * cannot be matched and is skipped; a code seen twice keeps its first row.
 */
export function reportLeaves(report: UnitReport, issues: readonly ValidationIssue[]): ReportLeaves {
  const unitCode = clean(report.info.unitCode);
  const skipped: ReportLeaves['skipped'] = [];
  let excludedRows = 0;
  const collect = <R extends { code: string; row: number }, L extends { code: string }>(
    rows: readonly R[],
    spec: TableSheetSpec,
    make: (row: R, code: string, err: boolean) => L,
  ): L[] => {
    const onSheet = sheetTest(spec);
    const errors = rowsWithErrors(issues, spec, onSheet);
    const flagged = new Set(issues.filter((i) => onSheet(i.sheet)).map((i) => parseA1(i.address)?.row));
    const seen = new Map<string, number>();
    const out: L[] = [];
    for (const row of rows) {
      const code = clean(row.code);
      if (!code) {
        if (!flagged.has(row.row)) {
          skipped.push({ sheet: spec.name, row: row.row, rule: 'consolidate.row_without_code', message: `Dòng ${row.row + 1} không có mã dòng nên không ghép được với các đơn vị khác và không được tổng hợp. Hãy chép lại dòng này từ biểu mẫu gốc (cột Mã ẩn).` });
        }
        continue;
      }
      const first = seen.get(code);
      if (first !== undefined) {
        skipped.push({ sheet: spec.name, row: row.row, rule: 'consolidate.duplicate_row_code', message: `Dòng ${row.row + 1} trùng mã ${code} với dòng ${first + 1}; chỉ tổng hợp dòng ${first + 1}. Hãy xóa dòng thừa.` });
        continue;
      }
      seen.set(code, row.row);
      const err = errors.has(row.row);
      if (err) excludedRows++;
      out.push(make(row, code, err));
    }
    return out;
  };
  const indicators = inCodeOrder(collect(report.indicators, INDICATOR_SHEET, (r, c, e) => leafIndicator(unitCode, r, c, e, report.info.year)), lastIndicatorOrder);
  const tasks = inCodeOrder(collect(report.tasks, TASK_SHEET, (r, c, e) => leafTask(unitCode, r, c, e)), lastTaskOrder);
  return { indicators, tasks, skipped, excludedRows };
}

/** The codes of the last report's rows in their order there, and the order that sorted them. */
interface KeptOrder {
  codes: string[];
  order: number[];
}
const lastIndicatorOrder: KeptOrder = { codes: [], order: [] };
const lastTaskOrder: KeptOrder = { codes: [], order: [] };

/**
 * The leaves sorted by code (naturalCompare; codes are unique here). Units copy one plan, so a report
 * usually lists the very codes of the one before in the same order: then the order found for that
 * one is applied again without comparing.
 */
function inCodeOrder<L extends { code: string }>(leaves: L[], kept: KeptOrder): L[] {
  const n = leaves.length;
  let same = kept.codes.length === n;
  for (let i = 0; same && i < n; i++) same = kept.codes[i] === leaves[i].code;
  if (!same) {
    kept.codes = leaves.map((l) => l.code);
    kept.order = leaves.map((_, i) => i).sort((a, b) => naturalCompare(leaves[a].code, leaves[b].code));
  }
  return kept.order.map((i) => leaves[i]);
}
