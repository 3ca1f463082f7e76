/**
 * Conditional-format conditions of the annex sheets, as spreadsheet formulas (English function
 * names, ',' separators, no leading '='), relative to the row they colour:
 * - below target: an indicator's result misses its single numeric target;
 * - overdue: a task not completed whose earliest milestone is before the report's cut-off.
 *
 * The cut-off is read with INDIRECT from the Thông tin sheet: Google Sheets refuses direct references
 * to other sheets in conditional formats, Excel and LibreOffice accept both.
 */
import type { IsoDate } from '../cell';
import type { DeadlineReading, IndicatorKind, NumericTarget, TargetReading } from '../model';
import { applicableTargets } from '../parse/evaluate';
import { INFO_SHEET, STATUS_VALUES } from '../spec/annex';
import { infoRow } from './info-sheet';
import { dateSerial } from './sheet-model';

/** Excel's "light red fill with dark red text". */
export const BELOW_TARGET_STYLE = { fill: '#FFC7CE', color: '#9C0006' } as const;
export const OVERDUE_STYLE = { fill: '#FCE4D6', color: '#C00000' } as const;

/** A number as formula text without binary noise: 0.9550000000000001 → "0.955". */
function literal(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/**
 * The one numeric target a result is compared with (applicableTargets: the commune's figure of a
 * per-level list, the measure the row's name names), or null (none, several, or relative).
 */
function singleNumericTarget(kind: IndicatorKind, reading: TargetReading, rowName: string, planYear: number | null): NumericTarget | null {
  const applies = applicableTargets(reading.targets, rowName, kind, planYear);
  const chosen = reading.targets.filter((_, i) => applies[i]);
  if (chosen.length !== 1) return null;
  const t = chosen[0];
  if (t.kind !== 'numeric' || t.relative) return null;
  // Ratio results are fractions, so only percent targets compare; other kinds are typed in the
  // target's own unit (minutes, days, counts), so percent targets do not compare with them.
  if (kind === 'ratio') return t.unit === 'percent' ? t : null;
  if (kind === 'duration' || kind === 'count') return t.unit === 'percent' ? null : t;
  return null;
}

/**
 * Condition that is TRUE when the result in `resultRef` (e.g. "$I13") misses the target:
 * `tối thiểu 90%` → AND(ISNUMBER($I13),$I13<0.9); `tối đa 15 phút` → AND(ISNUMBER($I13),$I13>15);
 * `từ 95% - 100%` (met at ≥ 95%) → AND(ISNUMBER($I13),$I13<0.95). Null when the target does not
 * give one number to compare with.
 */
export function belowTargetCondition(
  kind: IndicatorKind, reading: TargetReading, resultRef: string, rowName = '', planYear: number | null = null,
): string | null {
  const t = singleNumericTarget(kind, reading, rowName, planYear);
  if (!t || !Number.isFinite(t.value)) return null;
  const v = literal(t.value);
  // Read literally, as evaluateTarget does ("Trên 100%" misses at 100%): the colour agrees with the check.
  const miss = {
    gte: `${resultRef}<${v}`,
    between: `${resultRef}<${v}`,
    gt: `${resultRef}<=${v}`,
    lte: `${resultRef}>${v}`,
    lt: `${resultRef}>=${v}`,
    eq: `${resultRef}<>${v}`,
  }[t.comparator];
  return `AND(ISNUMBER(${resultRef}),${miss})`;
}

/**
 * The date after which a task is overdue unless completed, as isOverdue (parse/deadline.ts) decides:
 * its earliest milestone, for dated and recurring deadlines ("Ban hành: Quý I; Thực hiện: Cả năm" →
 * 31/03). Continuous and external deadlines give null: they are never overdue by date alone.
 */
export function overdueAfter(reading: DeadlineReading): IsoDate | null {
  if (reading.kind !== 'dated' && reading.kind !== 'recurring') return null;
  const dues = reading.milestones.map((m) => m.due).filter((d) => dateSerial(d) !== null).sort();
  return dues[0] ?? null;
}

/** INDIRECT reference to the cut-off date on the Thông tin sheet: INDIRECT("'Thông tin'!B12"). */
export function cutoffRef(): string {
  const sheet = INFO_SHEET.name.replace(/'/g, "''");
  return `INDIRECT("'${sheet}'!B${infoRow('cutoffDate') + 1}")`;
}

/**
 * Condition that is TRUE when the task in this row is overdue at the cut-off: the cut-off is a date
 * after `due`, the status is not "Hoàn thành", and no completion day on or before the cut-off is given.
 * `statusRef` and `completedRef` are column-absolute ("$I10", "$J10").
 */
export function overdueCondition(due: IsoDate, statusRef: string, completedRef: string): string | null {
  const serial = dateSerial(due);
  if (serial === null) return null;
  const cutoff = cutoffRef();
  return (
    `AND(${statusRef}<>"${STATUS_VALUES[0]}",ISNUMBER(${cutoff}),${cutoff}>${serial},` +
    `OR(NOT(ISNUMBER(${completedRef})),${completedRef}>${cutoff}))`
  );
}
