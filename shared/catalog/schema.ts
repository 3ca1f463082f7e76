/**
 * A catalog as data: the one declaration of what a province or district publishes for its communes'
 * plans (reform areas, indicators, key tasks, the reporting calendar). The types in model.ts are
 * inferred from it; a catalog read from an authoring workbook or from a commune workbook's hidden
 * metadata is checked against it before anything uses it.
 *
 * Area codes are data too: a province may add its own area ("DN", "TD" in the seeds, or any other)
 * without a line of code. Codes are upper-case letters and digits so that "LV.<area>" section codes
 * and "CT.<area>.NN" row codes stay readable.
 */
import { z } from 'zod';

export const AREA_CODE_PATTERN = /^[A-Z][A-Z0-9]{0,11}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const AreaCodeSchema = z.string().regex(AREA_CODE_PATTERN);
export const IndicatorKindSchema = z.enum(['ratio', 'count', 'duration', 'qualitative']);
export const PeriodCodeSchema = z.enum(['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'M9', 'Y']);
/** The level of the units that plan by the catalog: communes (xã, phường, đặc khu), or districts before 01/07/2025. */
export const CatalogLevelSchema = z.enum(['xa', 'huyen']);

export const CatalogAreaSchema = z.object({ code: AreaCodeSchema, name: z.string().min(1) });

export const CatalogIndicatorSchema = z.object({
  code: z.string().min(1),
  area: AreaCodeSchema,
  /** Hierarchical number as the plans print it: "3.1". */
  stt: z.string(),
  name: z.string().min(1),
  kind: IndicatorKindSchema,
  numerator: z.string().optional(),
  denominator: z.string().optional(),
  /** Default target text, parsed by parseTarget. */
  target: z.string(),
  monitor: z.string(),
  executor: z.string(),
  /** Seeds or documents the row comes from, e.g. ["000", "004"]. */
  sources: z.array(z.string()),
  /** Marked rows are the key indicators of the year (chỉ tiêu chủ yếu). */
  key: z.boolean().optional(),
  /** Other wordings plans use for the same row, for matching rows whose code was lost. */
  aliases: z.array(z.string()).optional(),
});

export const CatalogTaskSchema = z.object({
  code: z.string().min(1),
  area: AreaCodeSchema,
  /** Number printed in the TT column; '' numbers the task by its place in its area. */
  tt: z.string().optional(),
  name: z.string().min(1),
  product: z.string(),
  lead: z.string(),
  partners: z.string(),
  deadline: z.string(),
  note: z.string(),
  sources: z.array(z.string()),
  aliases: z.array(z.string()).optional(),
});

/** A group row of the indicator table, with no target of its own ("6.2 Nâng cao chất lượng phục vụ…"). */
export const CatalogHeadingSchema = z.object({
  area: AreaCodeSchema,
  stt: z.string(),
  name: z.string().min(1),
  /** Codes of the indicators printed under it. */
  codes: z.array(z.string()),
});

/**
 * A date of the reporting calendar: a fixed day (yyyy-mm-dd), or a day of the period's last month in
 * the plan's year ("ngày 14 của tháng cuối kỳ", the national rule).
 */
export const CalendarDaySchema = z.union([
  z.object({ date: z.string().regex(ISO_DATE) }),
  z.object({ dayOfLastMonth: z.number().int().min(1).max(31) }),
]);

export const CalendarEntrySchema = z.object({
  period: PeriodCodeSchema,
  cutoff: CalendarDaySchema,
  due: CalendarDaySchema,
});

export const CatalogSchema = z.object({
  id: z.string().min(1),
  /** "2027.1": numbers separated by dots, compared number by number. */
  version: z.string().min(1),
  /** The version of the same catalog this one replaces, when it is a revision ("2027.1"). */
  replaces: z.string().optional(),
  year: z.number().int().min(2000).max(2100),
  /** "Danh mục chỉ tiêu, nhiệm vụ cải cách hành chính cấp xã năm 2025". */
  name: z.string().optional(),
  /** The office that publishes it: "Sở Nội vụ tỉnh Thanh Hóa". */
  issuer: z.string().optional(),
  level: CatalogLevelSchema.optional(),
  /** Reform areas, in the order plans print them. */
  areas: z.array(CatalogAreaSchema),
  indicators: z.array(CatalogIndicatorSchema),
  tasks: z.array(CatalogTaskSchema),
  /** Group rows of the indicator table (no target of their own). */
  headings: z.array(CatalogHeadingSchema).optional(),
  /** Cut-off and due date per period; a period not listed follows the national rule (14th, 20th). */
  calendar: z.array(CalendarEntrySchema).optional(),
});

/** Checks unknown data (parsed JSON, a workbook's reading) against the schema. */
export function parseCatalog(data: unknown): { ok: true; value: z.infer<typeof CatalogSchema> } | { ok: false; paths: string[] } {
  const r = CatalogSchema.safeParse(data);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, paths: r.error.issues.map((i) => i.path.join('.')) };
}
