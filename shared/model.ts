/**
 * The domain as plain data. Every host, the command line and the summary speak these types;
 * they hold no Date objects and no host handles, so they cross JSON and google.script.run intact.
 */
import type { z } from 'zod';
import type { IsoDate } from './cell';
import type {
  ComparatorSchema,
  LevelSchema,
  NumericTargetSchema,
  QualitativeTargetSchema,
  TargetUnitSchema,
  UnmeasurableTargetSchema,
} from './schema/target';
import type {
  CalendarDaySchema,
  CalendarEntrySchema,
  CatalogAreaSchema,
  CatalogHeadingSchema,
  CatalogIndicatorSchema,
  CatalogLevelSchema,
  CatalogSchema,
  CatalogTaskSchema,
  IndicatorKindSchema,
  PeriodCodeSchema,
} from './catalog/schema';

// ---------------------------------------------------------------- periods
/** Quý I–IV, 6 tháng, 9 tháng, Năm. */
export type PeriodCode = z.infer<typeof PeriodCodeSchema>;

// ---------------------------------------------------------------- reform areas
/**
 * Stable code of a reform area (section rows), whatever a plan calls or orders them: "TTHC", "CQS",
 * or an area a province adds in its own catalog. Data, not a fixed list (catalog/schema.ts).
 */
export type AreaCode = string;

// ---------------------------------------------------------------- targets
// Inferred from the zod schema (schema/target.ts), the single declaration of a parsed target.
export type Comparator = z.infer<typeof ComparatorSchema>;
export type TargetUnit = z.infer<typeof TargetUnitSchema>;
export type NumericTarget = z.infer<typeof NumericTargetSchema>;
export type QualitativeTarget = z.infer<typeof QualitativeTargetSchema>;
export type UnmeasurableTarget = z.infer<typeof UnmeasurableTargetSchema>;
export type Target = NumericTarget | QualitativeTarget | UnmeasurableTarget;
/** A level of government a target names ("cấp xã"). */
export type TargetLevel = z.infer<typeof LevelSchema>;

/** A target cell read: one or several targets (the original text always kept). */
export interface TargetReading {
  text: string;
  targets: Target[];
}

// ---------------------------------------------------------------- deadlines
export interface Milestone {
  /** Last day the milestone may be done (inclusive). */
  due: IsoDate;
  /** "Ban hành", "Thực hiện", "Báo cáo quý I"… or '' */
  label: string;
}
export type DeadlineReading =
  | { kind: 'dated'; text: string; milestones: Milestone[] }
  /** Thường xuyên, Từ quý IV/2021: reported every period, never overdue by date alone. */
  | { kind: 'continuous'; text: string; from?: IsoDate; milestones: Milestone[] }
  /** Định kỳ hàng quý, 6 tháng, hàng năm: one milestone per period named in the plan year. */
  | { kind: 'recurring'; text: string; milestones: Milestone[] }
  /** Theo kế hoạch của UBND tỉnh: no date of its own. */
  | { kind: 'external'; text: string; milestones: Milestone[] };

// ---------------------------------------------------------------- indicator and task kinds
export type IndicatorKind = z.infer<typeof IndicatorKindSchema>;
export type TaskStatus = 'done' | 'in_progress' | 'not_started';
export type Evaluation = 'met' | 'missed';

// ---------------------------------------------------------------- catalog
// Inferred from the zod schema (catalog/schema.ts), the single declaration of a catalog.
export type CatalogArea = z.infer<typeof CatalogAreaSchema>;
export type CatalogIndicator = z.infer<typeof CatalogIndicatorSchema>;
export type CatalogTask = z.infer<typeof CatalogTaskSchema>;
/** A group row of the indicator table, with no target of its own ("6.2 Nâng cao chất lượng phục vụ…"). */
export type CatalogHeading = z.infer<typeof CatalogHeadingSchema>;
export type CalendarDay = z.infer<typeof CalendarDaySchema>;
export type CalendarEntry = z.infer<typeof CalendarEntrySchema>;
export type CatalogLevel = z.infer<typeof CatalogLevelSchema>;
export type Catalog = z.infer<typeof CatalogSchema>;

// ---------------------------------------------------------------- a unit's report, as read
/** Commune-level units: xã, phường, đặc khu (since 01/07/2025); thị trấn in reports of earlier periods. */
export type UnitKind = 'xa' | 'phuong' | 'dac_khu' | 'thi_tran';
export type ParentLevel = 'huyen' | 'tinh';

export interface UnitInfo {
  unitName: string;
  unitCode: string;
  unitKind: UnitKind | null;
  parentName: string;
  parentLevel: ParentLevel | null;
  planNumber: string;
  planDate: IsoDate | null;
  year: number | null;
  period: PeriodCode | null;
  cutoffDate: IsoDate | null;
  reportDate: IsoDate | null;
  reporter: string;
  templateId: string;
  templateVersion: string;
  /** The catalog the workbook was made from (hidden metadata); absent in files made before catalogs travelled. */
  catalogId?: string;
  catalogVersion?: string;
  catalogHash?: string;
}

export interface IndicatorRow {
  code: string;
  area: AreaCode | null;
  stt: string;
  name: string;
  kind: IndicatorKind;
  targetText: string;
  target: TargetReading | null;
  numerator: number | null;
  denominator: number | null;
  /** Ratio rows: numerator / denominator. Others: as typed (number, or text for qualitative). */
  result: number | string | null;
  evaluation: Evaluation | null;
  note: string;
  /** 0-based sheet row, for cell addresses in messages. */
  row: number;
}

export interface TaskRow {
  code: string;
  area: AreaCode | null;
  tt: string;
  name: string;
  product: string;
  lead: string;
  partners: string;
  deadlineText: string;
  deadline: DeadlineReading | null;
  status: TaskStatus | null;
  completedOn: IsoDate | null;
  documentRef: string;
  documentDate: IsoDate | null;
  note: string;
  overdue: boolean;
  row: number;
}

export interface UnitReport {
  info: UnitInfo;
  indicators: IndicatorRow[];
  tasks: TaskRow[];
  /** Names of the areas its catalog adds to the built-in ones, by code (for the summary's headings). */
  areaNames?: Record<AreaCode, string>;
  /** Its catalog's reporting calendar, when the workbook carries one. */
  calendar?: CalendarEntry[];
}

// ---------------------------------------------------------------- validation issues
export type Severity = 'error' | 'warning';
export interface ValidationIssue {
  sheet: string;
  /** A1 address, '' for a whole-sheet problem. */
  address: string;
  severity: Severity;
  /** Stable rule code, e.g. "required", "ratio.numerator_gt_denominator". */
  rule: string;
  /** Vietnamese, says what to type instead. */
  message: string;
}
