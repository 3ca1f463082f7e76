/**
 * Targets as a zod schema: the one declaration of what a parsed target is. The TypeScript types in
 * model.ts are inferred from it, and data that comes back from outside — the machine-readable
 * target column of a summary workbook, re-consolidated at the next level — is checked against it.
 */
import { z } from 'zod';

export const ComparatorSchema = z.enum(['gte', 'gt', 'lte', 'lt', 'eq', 'between']);
/** What a number in a target measures. */
export const TargetUnitSchema = z.enum(['percent', 'minutes', 'days', 'count', 'none']);

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
  /** Relative targets ("giảm 10% so với năm 2024"): direction and base year. */
  relative: z
    .object({ direction: z.enum(['increase', 'decrease']), baseYear: z.number().int().optional() })
    .optional(),
});

export const QualitativeTargetSchema = z.object({
  kind: z.literal('qualitative'),
  /** The words that mean done ("Hoàn thành", "Có"). */
  expected: z.string(),
});

export const TargetSchema = z.discriminatedUnion('kind', [NumericTargetSchema, QualitativeTargetSchema]);
export const TargetListSchema = z.array(TargetSchema);
