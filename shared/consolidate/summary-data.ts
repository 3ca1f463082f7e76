/**
 * The summary's data sheet: everything re-consolidation needs, in one hidden sheet, so that the
 * visible sheets can be laid out for people (plan order, Vietnamese only, printable) and a
 * province can still consolidate district summaries exactly.
 *
 * One record per row: column A names the record, column B its key, column C on its content as JSON
 * (cut into pieces of at most DATA_CHUNK characters over the next columns when longer, since a cell
 * holds at most 32,767 characters in Excel and 50,000 in Sheets). A unit's record carries its leaf
 * rows in a compact form: fields equal to the row's definition (the first unit's wording of that
 * code, referred to by its number) or to what the reader derives again (a rate from its two counts, met and gap from the
 * target) are left out, so a unit costs a few cells whatever the number of indicators.
 * Reading it back (with its schema) is read-summary-data.ts, so hosts that only write need no zod.
 */
import type { CellValue } from '../cell';
import type { IndicatorKind, TaskStatus, Target } from '../model';
import { judgeTargets } from '../parse/evaluate';
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

/** What a row's code says the same for every unit, as the first unit's row gives it. */
export type IndicatorDef = Pick<LeafIndicator, 'area' | 'stt' | 'name' | 'kind' | 'targetText' | 'target'>;
export type TaskDef = Pick<LeafTask, 'area' | 'tt' | 'name' | 'deadlineText'>;

/** A rate recomputed from its counts, as leafIndicator computes it; otherwise nothing to derive. */
export function derivedResult(kind: IndicatorKind, state: ValueState, n: number | null, d: number | null, typed: number | string | null): number | string | null {
  if (kind === 'ratio' && state === 'valid') return (d as number) > 0 ? (n as number) / (d as number) : null;
  return typed;
}

export function derivedEvaluation(state: ValueState, target: Target[] | null, result: number | string | null, name: string, kind: IndicatorKind, year: number): { met: boolean | null; gap: number | null } {
  if (state === 'valid' && target && result !== null) return judgeTargets(target, result, name, kind, year);
  return { met: null, gap: null };
}

const sameTarget = (a: Target[] | null, b: Target[] | null) => a === b || JSON.stringify(a) === JSON.stringify(b);

const STATE_CODES = { invalid: 'i', empty: 'e' } as const;
export const STATE_OF = { i: 'invalid', e: 'empty' } as const;
const TASK_STATUS_CODES: Record<TaskStatus, string> = { done: 'x', in_progress: 'p', not_started: 'n' };
export const TASK_STATUS_OF: Record<string, TaskStatus> = { x: 'done', p: 'in_progress', n: 'not_started' };

type Overrides = Record<string, unknown>;
/** A unit's indicator row: [definition number, numerator, denominator] and, when needed, what differs. */
export type CompactIndicator = [number, number | null, number | null] | [number, number | null, number | null, Overrides];
/** A unit's task row: [definition number, status code or null, 1 when overdue else 0] and what differs. */
export type CompactTask = [number, string | null, 0 | 1] | [number, string | null, 0 | 1, Overrides];

function compactIndicator(l: LeafIndicator, index: number, def: IndicatorDef, year: number): CompactIndicator {
  const out: Overrides = {};
  let any = false;
  const set = (key: string, value: unknown) => {
    out[key] = value;
    any = true;
  };
  if (l.state !== 'valid') set('s', STATE_CODES[l.state]);
  if (l.area !== def.area) set('a', l.area);
  if (l.stt !== def.stt) set('st', l.stt);
  if (l.name !== def.name) set('nm', l.name);
  if (l.kind !== def.kind) set('k', l.kind);
  if (l.targetText !== def.targetText) set('tt', l.targetText);
  if (l.target !== def.target && !sameTarget(l.target, def.target)) set('tg', l.target);
  // The typed result is kept only where the reader could not derive it; a rate never needs it.
  if (!Object.is(derivedResult(l.kind, l.state, l.numerator, l.denominator, null), l.result)) set('r', l.result);
  const e = derivedEvaluation(l.state, l.target, l.result, l.name, l.kind, year);
  if (e.met !== l.met) set('m', l.met);
  if (!Object.is(e.gap, l.gap)) set('g', l.gap);
  return any ? [index, l.numerator, l.denominator, out] : [index, l.numerator, l.denominator];
}

function compactTask(t: LeafTask, index: number, def: TaskDef): CompactTask {
  const out: Overrides = {};
  let any = false;
  const set = (key: string, value: unknown) => {
    out[key] = value;
    any = true;
  };
  if (t.state !== (t.status !== null ? 'valid' : 'empty')) set('s', t.state === 'valid' ? 'v' : STATE_CODES[t.state]);
  if (t.area !== def.area) set('a', t.area);
  if (t.tt !== def.tt) set('st', t.tt);
  if (t.name !== def.name) set('nm', t.name);
  if (t.deadlineText !== def.deadlineText) set('dl', t.deadlineText);
  const status = t.status === null ? null : TASK_STATUS_CODES[t.status];
  const overdue = t.overdue ? 1 : 0;
  return any ? [index, status, overdue, out] : [index, status, overdue];
}

// ---------------------------------------------------------------- writing

/**
 * JSON with every character above U+00FF written as a \u escape, built from char codes so that the
 * engine keeps it one byte a character (JSON.stringify of a text holding one Vietnamese letter is
 * two bytes a character throughout): a 1,000-unit data sheet then holds half the memory.
 * JSON.parse reads it as is.
 */
export function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (!/[^\u0000-\u00ff]/.test(json)) return json;
  let out = '';
  const codes: number[] = [];
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c > 0xff) {
      codes.push(0x5c, 0x75);
      for (let shift = 12; shift >= 0; shift -= 4) codes.push(HEX[(c >> shift) & 0xf]);
    } else codes.push(c);
    if (codes.length >= 8192) {
      out += String.fromCharCode(...codes);
      codes.length = 0;
    }
  }
  return out + String.fromCharCode(...codes);
}
const HEX = [...'0123456789abcdef'].map((ch) => ch.charCodeAt(0));

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
  const add = (record: string, key: string, content: unknown) => rows.push([record, key, ...splitJson(asciiJson(content))]);

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

  // Definitions, numbered in the order written: a unit's rows refer to them by number.
  const indicatorDefs = new Map<string, { index: number; def: IndicatorDef }>();
  for (const l of summary.indicators) {
    if (!indicatorDefs.has(l.code)) {
      const def = { area: l.area, stt: l.stt, name: l.name, kind: l.kind, targetText: l.targetText, target: l.target };
      indicatorDefs.set(l.code, { index: indicatorDefs.size, def });
      add(RECORD.indicator, l.code, def);
    }
  }
  const taskDefs = new Map<string, { index: number; def: TaskDef }>();
  for (const t of summary.tasks) {
    if (!taskDefs.has(t.code)) {
      const def = { area: t.area, tt: t.tt, name: t.name, deadlineText: t.deadlineText };
      taskDefs.set(t.code, { index: taskDefs.size, def });
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
      i: (indicatorsOf.get(u.code) ?? []).map((l) => {
        const d = indicatorDefs.get(l.code) as { index: number; def: IndicatorDef };
        return compactIndicator(l, d.index, d.def, summary.year);
      }),
      t: (tasksOf.get(u.code) ?? []).map((t) => {
        const d = taskDefs.get(t.code) as { index: number; def: TaskDef };
        return compactTask(t, d.index, d.def);
      }),
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

