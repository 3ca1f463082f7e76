/**
 * Reads the summary's data sheet (summary-data.ts) back into the leaves and facts of the Summary,
 * checking every record against its schema: a damaged or hand-edited row is refused with its row
 * number, never read wrong.
 */
import { z } from 'zod';
import type { Grid } from '../cell';
import type { AreaCode } from '../model';
import { AREA_CODE_PATTERN } from '../catalog/schema';
import { TargetListSchema } from '../schema/target';
import {
  DATA_SHEET,
  derivedEvaluation,
  derivedResult,
  RECORD,
  STATE_OF,
  TASK_STATUS_OF,
  type IndicatorDef,
  type TaskDef,
} from './summary-data';
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

// Any area a catalog may declare, not only the built-in ones: a province's own area re-consolidates too.
const Area = z.string().regex(AREA_CODE_PATTERN).nullable() as unknown as z.ZodType<AreaCode | null>;
const Kind = z.enum(['ratio', 'count', 'duration', 'qualitative']);
const IsoText = z.string();
const Period = z.enum(['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'M9', 'Y']);
const Num = z.number().nullable();

const MetaSchema = z.object({
  kind: z.literal(SUMMARY_KIND),
  schemaVersion: z.number(),
  year: z.number().int(),
  period: Period,
  consolidatingUnit: z.object({ name: z.string(), level: z.enum(['huyen', 'tinh']) }),
  generatedAt: IsoText,
  dueDate: IsoText,
  cutoff: IsoText,
  hasExpected: z.boolean(),
});
const ExpectedSchema = z.object({ name: z.string() });
const IndicatorDefSchema = z.object({ area: Area, stt: z.string(), name: z.string(), kind: Kind, targetText: z.string(), target: TargetListSchema.nullable() });
const TaskDefSchema = z.object({ area: Area, tt: z.string(), name: z.string(), deadlineText: z.string() });
const IndicatorOverrides = z.object({
  s: z.enum(['i', 'e']).optional(),
  a: Area.optional(),
  st: z.string().optional(),
  nm: z.string().optional(),
  k: Kind.optional(),
  tt: z.string().optional(),
  tg: TargetListSchema.nullable().optional(),
  r: z.union([z.number(), z.string()]).nullable().optional(),
  m: z.boolean().nullable().optional(),
  g: Num.optional(),
}).strict();
const TaskOverrides = z.object({
  s: z.enum(['v', 'i', 'e']).optional(),
  a: Area.optional(),
  st: z.string().optional(),
  nm: z.string().optional(),
  dl: z.string().optional(),
}).strict();
const Index = z.number().int().nonnegative();
const CompactIndicatorSchema = z.union([z.tuple([Index, Num, Num]), z.tuple([Index, Num, Num, IndicatorOverrides])]);
const CompactTaskSchema = z.union([
  z.tuple([Index, z.enum(['x', 'p', 'n']).nullable(), z.union([z.literal(0), z.literal(1)])]),
  z.tuple([Index, z.enum(['x', 'p', 'n']).nullable(), z.union([z.literal(0), z.literal(1)]), TaskOverrides]),
]);
const UnitSchema = z.object({
  name: z.string(),
  via: z.string(),
  status: z.enum(['taken', 'held_out', 'refused']),
  reportDate: IsoText.nullable(),
  files: z.array(z.string()),
  i: z.array(CompactIndicatorSchema),
  t: z.array(CompactTaskSchema),
});
const ReasonSchema = z.object({ code: z.string(), message: z.string() });
const ProvenanceSchema = z.object({
  fileName: z.string(),
  sha256: z.string(),
  kind: z.enum(['report', 'summary']),
  unitCode: z.string(),
  unitName: z.string(),
  year: z.number().nullable(),
  period: Period.nullable(),
  templateVersion: z.string(),
  reportDate: IsoText.nullable(),
  receivedAt: IsoText.nullable(),
  outcome: z.enum(['taken', 'taken_with_warnings', 'taken_with_errors', 'duplicate', 'held_out', 'refused']),
  reasons: z.array(ReasonSchema),
  via: z.string(),
});
const IssueSchema = z.object({
  fileName: z.string(),
  unitCode: z.string(),
  sheet: z.string(),
  address: z.string(),
  severity: z.enum(['error', 'warning']),
  rule: z.string(),
  message: z.string(),
});

export class SummaryDataError extends Error {
  constructor(readonly code: string, readonly reason: string) {
    super(reason);
  }
}

const REDO = 'Hãy lập lại bảng tổng hợp bằng công cụ này thay vì sửa tay.';

/** The leaves and facts of a summary from its data sheet; aggregates are left to the caller. */
export function readSummaryData(grid: Grid): Omit<Summary, 'aggregates'> {
  const at = (r: number) => `Trang “${DATA_SHEET}”, dòng ${r + 1}`;
  const parse = <T>(r: number, schema: z.ZodType<T>): T => {
    const line = grid[r] ?? [];
    let json = '';
    for (let c = 2; c < line.length; c++) {
      const v = line[c];
      if (v === null || v === undefined || v === '') break;
      json += String(v);
    }
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      throw new SummaryDataError('summary.bad_data', `${at(r)}: dữ liệu không đọc được (đã bị sửa hoặc cắt mất). ${REDO}`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new SummaryDataError('summary.bad_data', `${at(r)}: dữ liệu không đúng cấu trúc. ${REDO}`);
    return parsed.data;
  };

  let meta: z.infer<typeof MetaSchema> | null = null;
  const expectedUnits: { code: string; name: string }[] = [];
  const indicatorDefs = new Map<string, IndicatorDef>();
  const taskDefs = new Map<string, TaskDef>();
  const indicatorCodes: string[] = [];
  const taskCodes: string[] = [];
  const units: LeafUnit[] = [];
  const indicators: LeafIndicator[] = [];
  const tasks: LeafTask[] = [];
  const provenance: ProvenanceEntry[] = [];
  const issues: SummaryIssue[] = [];

  for (let r = 1; r < grid.length; r++) {
    const record = String(grid[r]?.[0] ?? '');
    const key = String(grid[r]?.[1] ?? '');
    if (record === '') continue;
    switch (record) {
      case RECORD.meta: {
        const m = parse(r, z.object({ kind: z.string(), schemaVersion: z.unknown() }).passthrough());
        if (m.kind !== SUMMARY_KIND) throw new SummaryDataError('summary.not_a_summary', `${at(r)}: không phải bảng tổng hợp báo cáo CCHC.`);
        if (m.schemaVersion !== SUMMARY_SCHEMA_VERSION) {
          throw new SummaryDataError('summary.unsupported_version', `Bảng tổng hợp phiên bản cấu trúc “${String(m.schemaVersion)}” không đọc được; chỉ đọc phiên bản ${SUMMARY_SCHEMA_VERSION}. Hãy lập lại bảng tổng hợp bằng phiên bản mới của công cụ.`);
        }
        meta = parse(r, MetaSchema);
        break;
      }
      case RECORD.expected:
        expectedUnits.push({ code: key, name: parse(r, ExpectedSchema).name });
        break;
      case RECORD.indicator:
        indicatorDefs.set(key, parse(r, IndicatorDefSchema));
        indicatorCodes.push(key);
        break;
      case RECORD.task:
        taskDefs.set(key, parse(r, TaskDefSchema));
        taskCodes.push(key);
        break;
      case RECORD.unit: {
        // The facts row comes first: a unit's verdicts depend on the plan year it gives.
        if (!meta) throw new SummaryDataError('summary.missing_meta', `${at(r)}: dòng thông tin bảng tổng hợp phải đứng trước dữ liệu các đơn vị. ${REDO}`);
        const u = parse(r, UnitSchema);
        units.push({ code: key, name: u.name, via: u.via, status: u.status, reportDate: u.reportDate, files: u.files });
        for (const [index, numerator, denominator, o = {}] of u.i) {
          const code = indicatorCodes[index];
          const def = code === undefined ? undefined : indicatorDefs.get(code);
          if (code === undefined || !def) throw new SummaryDataError('summary.bad_data', `${at(r)}: chỉ tiêu số ${index + 1} không có dòng định nghĩa. ${REDO}`);
          const kind = o.k ?? def.kind;
          const state: ValueState = o.s ? STATE_OF[o.s] : 'valid';
          const target = o.tg === undefined ? def.target : o.tg;
          const result = o.r === undefined ? derivedResult(kind, state, numerator, denominator, null) : o.r;
          const name = o.nm ?? def.name;
          const e = derivedEvaluation(state, target, result, name, kind, (meta as z.infer<typeof MetaSchema>).year);
          indicators.push({
            unitCode: key,
            code,
            area: o.a === undefined ? def.area : o.a,
            stt: o.st ?? def.stt,
            name,
            kind,
            targetText: o.tt ?? def.targetText,
            target,
            numerator,
            denominator,
            result,
            state,
            met: o.m === undefined ? e.met : o.m,
            gap: o.g === undefined ? e.gap : o.g,
          });
        }
        for (const [index, x, overdue, o = {}] of u.t) {
          const code = taskCodes[index];
          const def = code === undefined ? undefined : taskDefs.get(code);
          if (code === undefined || !def) throw new SummaryDataError('summary.bad_data', `${at(r)}: nhiệm vụ số ${index + 1} không có dòng định nghĩa. ${REDO}`);
          const status = x ? TASK_STATUS_OF[x] : null;
          tasks.push({
            unitCode: key,
            code,
            area: o.a === undefined ? def.area : o.a,
            tt: o.st ?? def.tt,
            name: o.nm ?? def.name,
            deadlineText: o.dl ?? def.deadlineText,
            status,
            overdue: overdue === 1,
            state: o.s ? (o.s === 'v' ? 'valid' : STATE_OF[o.s]) : status !== null ? 'valid' : 'empty',
          });
        }
        break;
      }
      case RECORD.file:
        provenance.push(parse(r, ProvenanceSchema));
        break;
      case RECORD.issue:
        issues.push(parse(r, IssueSchema));
        break;
      default:
        throw new SummaryDataError('summary.bad_data', `${at(r)}: loại dòng “${record}” không có trong bảng tổng hợp. ${REDO}`);
    }
  }
  if (!meta) throw new SummaryDataError('summary.missing_meta', `Trang “${DATA_SHEET}” thiếu dòng thông tin bảng tổng hợp. ${REDO}`);
  const m = meta as z.infer<typeof MetaSchema>;
  return {
    kind: SUMMARY_KIND,
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    year: m.year,
    period: m.period,
    consolidatingUnit: m.consolidatingUnit,
    generatedAt: m.generatedAt,
    dueDate: m.dueDate,
    cutoff: m.cutoff,
    expectedUnits: m.hasExpected ? expectedUnits : null,
    units,
    indicators,
    tasks,
    provenance,
    issues,
  };
}
