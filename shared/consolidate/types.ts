/**
 * What consolidation reads and what it produces.
 *
 * A Summary keeps the LEAF data (one record per commune and indicator, per commune and task, per
 * commune) and derives every aggregate from it with one function (deriveAggregates). Consolidating
 * summaries again only merges leaf records, so a province built from district summaries has exactly
 * the numbers of a province built from all communes directly.
 * Everything is plain data (no Date, no undefined): it crosses JSON and google.script.run intact.
 */
import type { IsoDate } from '../cell';
import type {
  AreaCode,
  IndicatorKind,
  ParentLevel,
  PeriodCode,
  Severity,
  Target,
  TaskStatus,
  UnitReport,
  ValidationIssue,
} from '../model';

export const SUMMARY_KIND = 'cchc-summary';
export const SUMMARY_SCHEMA_VERSION = 2;

// ---------------------------------------------------------------- inputs
export interface InputSource {
  fileName: string;
  sha256: string;
  /** When the file arrived (e-mail date, upload time); used when the report has no date of its own. */
  receivedAt?: IsoDate | null;
}

/** One unit's file, as read and validated. A file that could not be read at all: report null + refused. */
export interface ConsolidationInput {
  source: InputSource;
  report: UnitReport | null;
  issues: ValidationIssue[];
  refused?: { code: string; message: string };
}

/** A summary made elsewhere (a district's), to be consolidated again (into the province's). */
export interface SummaryInput {
  source: InputSource;
  summary: Summary;
}

export interface ConsolidatingUnit {
  name: string;
  level: ParentLevel;
}

export interface ConsolidateOptions {
  year: number;
  period: PeriodCode;
  consolidatingUnit: ConsolidatingUnit;
  /** Units that must report. Absent: only the units that did report are known. */
  expectedUnits?: { code: string; name: string }[];
  /** Report due date; default defaultCalendar(period, year).due. */
  dueDate?: IsoDate;
  /** Data cut-off shown on the summary; default defaultCalendar(period, year).cutoff. */
  cutoff?: IsoDate;
  /** When the summary is made (supplied by the caller: shared code never reads the clock). */
  now: IsoDate;
  /**
   * The catalog being consolidated: a unit whose workbook was made from another catalog is refused
   * (its versions are consolidated together, by code). Absent: any catalog is taken.
   */
  catalogId?: string;
}

// ---------------------------------------------------------------- leaf data
/**
 * valid: a value that is summed and evaluated. invalid: something was typed but it is incomplete
 * (a ratio without its denominator) or the row has errors. empty: nothing was typed.
 * invalid and empty are both shown as "chưa có số liệu hợp lệ".
 */
export type ValueState = 'valid' | 'invalid' | 'empty';

/** taken: its data is in the summary; held_out: it sent different reports, none is used;
 *  refused: every file it sent was refused (wrong period, unreadable sheet…). */
export type LeafUnitStatus = 'taken' | 'held_out' | 'refused';

export interface LeafUnit {
  code: string;
  name: string;
  /** The consolidating unit it came through ('' when its own file was consolidated here). */
  via: string;
  status: LeafUnitStatus;
  /** The report's own date, else the day the file arrived; null when neither is known. */
  reportDate: IsoDate | null;
  /** Files its data came from (taken: the one used; held_out: the conflicting ones; refused: all). */
  files: string[];
}

export interface LeafIndicator {
  unitCode: string;
  code: string;
  area: AreaCode | null;
  stt: string;
  name: string;
  kind: IndicatorKind;
  /** The unit's own target, as typed, and as read (null when it could not be read). */
  targetText: string;
  target: Target[] | null;
  numerator: number | null;
  denominator: number | null;
  result: number | string | null;
  state: ValueState;
  /** Against the unit's own (first) target; null when not evaluable. */
  met: boolean | null;
  gap: number | null;
}

export interface LeafTask {
  unitCode: string;
  code: string;
  area: AreaCode | null;
  tt: string;
  name: string;
  deadlineText: string;
  status: TaskStatus | null;
  overdue: boolean;
  state: ValueState;
}

// ---------------------------------------------------------------- provenance and issues
export type InputOutcome =
  | 'taken'
  | 'taken_with_warnings'
  /** Taken, but the rows with errors are left out of every sum. */
  | 'taken_with_errors'
  /** Same content as a file already taken: counted once. */
  | 'duplicate'
  /** The unit sent different reports for the period: none of them is used. */
  | 'held_out'
  | 'refused';

export interface Reason {
  code: string;
  message: string;
}

export interface ProvenanceEntry {
  fileName: string;
  sha256: string;
  kind: 'report' | 'summary';
  /** Report: the commune. Summary: '' and the consolidating unit's name. */
  unitCode: string;
  unitName: string;
  year: number | null;
  period: PeriodCode | null;
  templateVersion: string;
  reportDate: IsoDate | null;
  receivedAt: IsoDate | null;
  outcome: InputOutcome;
  reasons: Reason[];
  /** The consolidating unit this file came through ('' when it was an input here). */
  via: string;
}

export interface SummaryIssue {
  fileName: string;
  unitCode: string;
  sheet: string;
  address: string;
  severity: Severity;
  rule: string;
  message: string;
}

// ---------------------------------------------------------------- aggregates (derived)
export interface UnitGap {
  code: string;
  name: string;
  targetText: string;
  result: number | string | null;
  gap: number | null;
}

export interface IndicatorAggregate {
  code: string;
  area: AreaCode | null;
  stt: string;
  name: string;
  kind: IndicatorKind;
  /** The target most units have (ties: the first in text order) and its reading. */
  targetText: string;
  target: Target[] | null;
  /** Ratio rows only, over the units with both numbers valid; null when there is none. */
  sumNumerator: number | null;
  sumDenominator: number | null;
  /** Ratio: Σ numerators / Σ denominators (never an average of rates). Count: Σ results. Else null. */
  value: number | null;
  /** The consolidated rate against targetText (ratio rows only). */
  met: boolean | null;
  gap: number | null;
  /** Taken units whose report has this row. */
  unitsWithRow: number;
  reported: number;
  metCount: number;
  missedCount: number;
  missedUnits: UnitGap[];
  /** Units with the row but no valid value. */
  noDataUnits: { code: string; name: string }[];
}

export interface TaskAggregate {
  code: string;
  area: AreaCode | null;
  tt: string;
  name: string;
  deadlineText: string;
  unitsWithRow: number;
  done: number;
  inProgress: number;
  notStarted: number;
  /**
   * Units whose task is not done and whose deadline had passed at their cut-off, whether the status
   * was typed or left blank (see task-standing.ts): overdueNotUpdated of them left it blank.
   */
  overdue: number;
  /** Blank status past the deadline: "quá hạn, chưa cập nhật tình trạng" (in overdue, not in noData). */
  overdueNotUpdated: number;
  /** Rows with errors, and blank statuses whose deadline had not passed. */
  noData: number;
  overdueUnits: { code: string; name: string }[];
}

export interface LateUnit {
  code: string;
  name: string;
  reportDate: IsoDate;
  daysLate: number;
}

export interface Completeness {
  /** Null when no list of expected units was given. */
  expectedCount: number | null;
  /** Units whose data is in the summary. */
  receivedCount: number;
  /** Of those, the ones on the expected list (equal to receivedCount without a list). */
  receivedExpectedCount: number;
  onTimeCount: number;
  lateCount: number;
  /** Taken units with neither a report date nor a receipt date. */
  undatedCount: number;
  late: LateUnit[];
  /** Expected units that sent nothing usable and nothing at all. */
  missing: { code: string; name: string }[];
  heldOut: { code: string; name: string; files: string[] }[];
  refused: { code: string; name: string; files: string[] }[];
  /**
   * Every unit the summary knows of, or expects, whose data is not in it: not sent, held out or
   * refused; by code. Shown as "chưa có số liệu hợp lệ" wherever a unit's figures would be.
   */
  withoutData: { code: string; name: string; why: 'missing' | 'held_out' | 'refused' }[];
  /** Taken units that are not on the expected list: taken, and flagged. */
  unexpected: { code: string; name: string }[];
}

export interface SummaryAggregates {
  indicators: IndicatorAggregate[];
  tasks: TaskAggregate[];
  completeness: Completeness;
}

// ---------------------------------------------------------------- the summary
export interface Summary {
  kind: typeof SUMMARY_KIND;
  schemaVersion: number;
  year: number;
  period: PeriodCode;
  consolidatingUnit: ConsolidatingUnit;
  generatedAt: IsoDate;
  /** Names of areas its units' catalogs add to the built-in ones, by code; absent when none. */
  areaNames?: Record<AreaCode, string>;
  dueDate: IsoDate;
  cutoff: IsoDate;
  /** Null when no list was given. Sorted by code. */
  expectedUnits: { code: string; name: string }[] | null;
  /** Sorted by code. */
  units: LeafUnit[];
  /** Taken units only; sorted by unit code, then indicator code. */
  indicators: LeafIndicator[];
  /** Taken units only; sorted by unit code, then task code. */
  tasks: LeafTask[];
  /** Sorted by file name, then sha256. */
  provenance: ProvenanceEntry[];
  /** Every input file's issues and every refusal; sorted by unit code, file, sheet, cell. */
  issues: SummaryIssue[];
  /** Derived from the fields above by deriveAggregates: never edited by hand. */
  aggregates: SummaryAggregates;
}
