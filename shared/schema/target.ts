/**
 * Targets as a zod schema: the one declaration of what a parsed target is. The TypeScript types in
 * model.ts are inferred from it, and data that comes back from outside — the machine-readable
 * target column of a summary workbook, re-consolidated at the next level — is checked against it.
 */
import { z } from 'zod';

export const ComparatorSchema = z.enum(['gte', 'gt', 'lte', 'lt', 'eq', 'between']);
/** What a number in a target measures. */
export const TargetUnitSchema = z.enum(['percent', 'minutes', 'days', 'count', 'none']);

/** Levels of government a per-level target names: cấp tỉnh, cấp huyện (until 30/06/2025), cấp xã. */
export const LevelSchema = z.enum(['tinh', 'huyen', 'xa']);

export const NumericTargetSchema = z.object({
  kind: z.literal('numeric'),
  comparator: ComparatorSchema,
  /** Percentages are stored as fractions: 80% → 0.8. Between: value = low, high = high. */
  value: z.number().finite(),
  high: z.number().finite().optional(),
  unit: TargetUnitSchema,
  /** What the number is about when the cell says it ("TTHC", "lượt giao dịch"…), else ''. */
  subject: z.string(),
  /** Set for "Trên 100%": read literally, but probably 100% was meant. */
  warning: z.string().optional(),
  /**
   * Relative targets ("giảm 10% so với năm 2024", "rút ngắn 30% so với hiện nay"): a change against a
   * baseline, never a floor on a rate. value is the amount of the change; the baseline is a year
   * (baseYear), the value when the plan was made (base 'current'), or not written.
   */
  relative: z
    .object({
      direction: z.enum(['increase', 'decrease']),
      baseYear: z.number().int().optional(),
      base: z.enum(['current', 'previous_year']).optional(),
    })
    .optional(),
  /** The government level the figure is for, when the cell gives one figure per level ("…% cấp xã"). */
  level: LevelSchema.optional(),
  /**
   * In a cell with several measures ("Công bố 100% TTHC; đơn giản hóa 10% TTHC"), the words that name
   * this one's measure ("Công bố"); absent when the cell holds one target.
   */
  measure: z.string().optional(),
  /** The figure is for that year only ("Năm 2026: 90%"): judged in a plan of that year. */
  forYear: z.number().int().optional(),
  /** The figure is to be reached by that year ("đến năm 2030 đạt 100%"): judged from that year on. */
  byYear: z.number().int().optional(),
});

export const QualitativeTargetSchema = z.object({
  kind: z.literal('qualitative'),
  /** The words that mean done ("Hoàn thành", "Có"). */
  expected: z.string(),
});

/**
 * A target no figure of the unit can check: a place in a group or ranking ("thuộc nhóm dẫn đầu",
 * "top 10", keeping a PAR INDEX rank). Kept with the words written and the reason, never judged.
 */
export const UnmeasurableTargetSchema = z.object({
  kind: z.literal('unmeasurable'),
  /** The clause as written. */
  text: z.string(),
  /** Vietnamese: why the unit's figures cannot judge it. */
  reason: z.string(),
});

export const TargetSchema = z.discriminatedUnion('kind', [NumericTargetSchema, QualitativeTargetSchema, UnmeasurableTargetSchema]);
export const TargetListSchema = z.array(TargetSchema);
