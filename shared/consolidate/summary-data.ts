/**
 * The summary's data sheet: everything re-consolidation needs, in one hidden sheet, so that the
 * visible sheets can be laid out for people (plan order, Vietnamese only, printable) and a
 * province can still consolidate district summaries exactly.
 *
 * One record per row: column A names the record, column B its key, column C on its content as JSON
 * (cut into pieces of at most DATA_CHUNK characters over the next columns when longer, since a cell
 * holds at most 32,767 characters in Excel and 50,000 in Sheets). A unit's record carries its leaf
 * rows in a compact form: fields equal to the row's definition (the first unit's wording of that
 * code) or to what the reader derives again (a rate from its two counts, met and gap from the
 * target) are left out, so a unit costs a few cells whatever the number of indicators.
 * Reading it back (with its schema) is read-summary-data.ts, so hosts that only write need no zod.
 */
import type { CellValue } from '../cell';
import type { AreaCode, IndicatorKind, TaskStatus, Target } from '../model';
import { evaluateTarget } from '../parse/evaluate';
import { emptySheet, type SheetModel } from '../layout/sheet-model';
import {
  SUMMARY_KIND,
  SUMMARY_SCHEMA_VERSION,
  type LeafIndicator,
  type LeafTask,
  type LeafUnit,
  type ProvenanceEntry,
  type Summary,
  type SummaryIssue,
  type ValueState,
} from './types';

export const DATA_SHEET = 'Dữ liệu để tổng hợp lại';
/** Longest piece of JSON in one cell: below Excel's 32,767 characters with room to spare. */
export const DATA_CHUNK = 30_000;

export const RECORD = {
  meta: 'bang-tong-hop',
  expected: 'don-vi-phai-bao-cao',
  indicator: 'chi-tieu',
  task: 'nhiem-vu',
  unit: 'don-vi',
  file: 'tep',
  issue: 'loi',
} as const;

const DATA_NOTE = 'Dữ liệu để tổng hợp lại ở cấp trên. Không sửa tay: bảng tổng hợp cấp trên đọc trang này.';

// ---------------------------------------------------------------- the leaves, compact

export interface IndicatorDef {
  area: AreaCode | null;
  stt: string;
  name: string;
  kind: IndicatorKind;
  targetText: string;
  target: Target[] | null;
}

export interface TaskDef {
  area: AreaCode | null;
  tt: string;
  name: string;
  deadlineText: string;
}

/** A rate recomputed from its counts, as leafIndicator computes it; otherwise nothing to derive. */
export function derivedResult(kind: IndicatorKind, state: ValueState, n: number | null, d: number | null, typed: number | string | null): number | string | null {
  if (kind === 'ratio' && state === 'valid') return (d as number) > 0 ? (n as number) / (d as number) : null;
  return typed;
}

export function derivedEvaluation(state: ValueState, target: Target[] | null, result: number | string | null): { met: boolean | null; gap: number | null } {
  if (state === 'valid' && target && result !== null) return evaluateTarget(target[0], result);
  return { met: null, gap: null };
}

const sameTarget = (a: Target[] | null, b: Target[] | null) => a === b || JSON.stringify(a) === JSON.stringify(b);

const STATE_CODES = { invalid: 'i', empty: 'e' } as const;
export const STATE_OF = { i: 'invalid', e: 'empty' } as const;
const TASK_STATUS_CODES: Record<TaskStatus, string> = { done: 'x', in_progress: 'p', not_started: 'n' };
export const TASK_STATUS_OF: Record<string, TaskStatus> = { x: 'done', p: 'in_progress', n: 'not_started' };

type Compact = Record<string, unknown>;

function compactIndicator(l: LeafIndicator, def: IndicatorDef): Compact {
  const out: Compact = { c: l.code };
  if (l.numerator !== null) out.n = l.numerator;
  if (l.denominator !== null) out.d = l.denominator;
  if (l.state !== 'valid') out.s = STATE_CODES[l.state];
  if (l.area !== def.area) out.a = l.area;
  if (l.stt !== def.stt) out.st = l.stt;
  if (l.name !== def.name) out.nm = l.name;
  if (l.kind !== def.kind) out.k = l.kind;
  if (l.targetText !== def.targetText) out.tt = l.targetText;
  if (!sameTarget(l.target, def.target)) out.tg = l.target;
  // The typed result is kept only where the reader could not derive it; a rate never needs it.
  if (!Object.is(derivedResult(l.kind, l.state, l.numerator, l.denominator, null), l.result)) out.r = l.result;
  const e = derivedEvaluation(l.state, l.target, l.result);
  if (e.met !== l.met) out.m = l.met;
  if (!Object.is(e.gap, l.gap)) out.g = l.gap;
  return out;
}

function compactTask(t: LeafTask, def: TaskDef): Compact {
  const out: Compact = { c: t.code };
  if (t.status !== null) out.x = TASK_STATUS_CODES[t.status];
  if (t.overdue) out.o = 1;
  if (t.state !== (t.status !== null ? 'valid' : 'empty')) out.s = t.state === 'valid' ? 'v' : STATE_CODES[t.state];
  if (t.area !== def.area) out.a = t.area;
  if (t.tt !== def.tt) out.st = t.tt;
  if (t.name !== def.name) out.nm = t.name;
  if (t.deadlineText !== def.deadlineText) out.dl = t.deadlineText;
  return out;
}

// ---------------------------------------------------------------- writing

function splitJson(json: string): string[] {
  if (json.length <= DATA_CHUNK) return [json];
  const out: string[] = [];
  for (let i = 0; i < json.length; i += DATA_CHUNK) out.push(json.slice(i, i + DATA_CHUNK));
  return out;
}

/** The hidden data sheet of a summary. */
export function summaryDataSheet(summary: Summary): SheetModel {
  const sheet = emptySheet(DATA_SHEET);
  sheet.hidden = true;
  const rows: CellValue[][] = [[DATA_NOTE]];
  const add = (record: string, key: string, content: unknown) => rows.push([record, key, ...splitJson(JSON.stringify(content))]);

  add(RECORD.meta, SUMMARY_KIND, {
    kind: summary.kind,
    schemaVersion: summary.schemaVersion,
    year: summary.year,
    period: summary.period,
    consolidatingUnit: summary.consolidatingUnit,
    generatedAt: summary.generatedAt,
    dueDate: summary.dueDate,
    cutoff: summary.cutoff,
    hasExpected: summary.expectedUnits !== null,
  });
  for (const u of summary.expectedUnits ?? []) add(RECORD.expected, u.code, { name: u.name });

  const indicatorDefs = new Map<string, IndicatorDef>();
  for (const l of summary.indicators) {
    if (!indicatorDefs.has(l.code)) {
      const def = { area: l.area, stt: l.stt, name: l.name, kind: l.kind, targetText: l.targetText, target: l.target };
      indicatorDefs.set(l.code, def);
      add(RECORD.indicator, l.code, def);
    }
  }
  const taskDefs = new Map<string, TaskDef>();
  for (const t of summary.tasks) {
    if (!taskDefs.has(t.code)) {
      const def = { area: t.area, tt: t.tt, name: t.name, deadlineText: t.deadlineText };
      taskDefs.set(t.code, def);
      add(RECORD.task, t.code, def);
    }
  }

  const indicatorsOf = groupByUnit(summary.indicators);
  const tasksOf = groupByUnit(summary.tasks);
  for (const u of summary.units) {
    add(RECORD.unit, u.code, {
      name: u.name,
      via: u.via,
      status: u.status,
      reportDate: u.reportDate,
      files: u.files,
      i: (indicatorsOf.get(u.code) ?? []).map((l) => compactIndicator(l, indicatorDefs.get(l.code) as IndicatorDef)),
      t: (tasksOf.get(u.code) ?? []).map((t) => compactTask(t, taskDefs.get(t.code) as TaskDef)),
    });
  }
  for (const p of summary.provenance) add(RECORD.file, p.fileName, p);
  for (const i of summary.issues) add(RECORD.issue, i.unitCode, i);

  sheet.rows = rows;
  sheet.columnWidths = [22, 14, 60];
  return sheet;
}

function groupByUnit<T extends { unitCode: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const g = out.get(r.unitCode);
    if (g) g.push(r);
    else out.set(r.unitCode, [r]);
  }
  return out;
}

