/**
 * The ONE place where aggregates are computed from leaf data. consolidate, consolidateSummaries
 * and readSummarySheets all end here, so a summary read back, or consolidated again, cannot drift
 * from the numbers of its communes.
 */
import { areaOrder } from '../catalog/areas';
import { CATALOG_2025 } from '../catalog/catalog-2025';
import type { IsoDate } from '../cell';
import type { AreaCode, Target } from '../model';
import { judgeTargets } from '../parse/evaluate';
import { countsAsNoData, countsAsOverdue, taskStanding, type TaskStanding } from '../task-standing';
import { naturalCompare, plainCompare } from './order';
import type {
  Completeness,
  IndicatorAggregate,
  LateUnit,
  LeafIndicator,
  LeafTask,
  Summary,
  SummaryAggregates,
  TaskAggregate,
  UnitGap,
} from './types';

/** What the aggregates are derived from; `year`, the plan year, decides which year-tagged targets apply. */
export type SummaryLeaves = Pick<Summary, 'expectedUnits' | 'units' | 'indicators' | 'tasks' | 'dueDate'> & { year?: number };

/** The value seen most often; ties go to the first in plain text order. */
export function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  // The most frequent; among equally frequent, the first in plainCompare order.
  let best = '';
  let bestCount = 0;
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && plainCompare(v, best) < 0)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/** Whole days from a to b (ISO dates); positive when b is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const t = (d: IsoDate) => {
    const [y, m, day] = d.slice(0, 10).split('-').map(Number);
    return Date.UTC(y, m - 1, day);
  };
  return Math.round((t(b) - t(a)) / 86_400_000);
}

/** Position of each catalog row in the plan (indicators and tasks share no code). */
let catalogPositions: Map<string, number> | null = null;
function catalogPosition(code: string): number {
  if (!catalogPositions) {
    catalogPositions = new Map();
    CATALOG_2025.indicators.forEach((r, i) => catalogPositions?.set(r.code, i));
    CATALOG_2025.tasks.forEach((r, i) => catalogPositions?.set(r.code, i));
  }
  return catalogPositions.get(code) ?? Number.MAX_SAFE_INTEGER;
}

/**
 * Rows grouped by code, groups in plan order: reform area as the catalog orders them, then the
 * catalog's own order (so the unnumbered sub-rows of "1." follow it), then the unit's own rows by
 * their number (STT "3.2" before "3.10"), then the code — the order a reader knows from the annexes.
 */
function groupByCode<T extends { code: string; area: AreaCode | null }>(rows: readonly T[], number: (r: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const g = groups.get(r.code);
    if (g) g.push(r);
    else groups.set(r.code, [r]);
  }
  const area = (g: T[]) => (g[0].area ? areaOrder(g[0].area) : Number.MAX_SAFE_INTEGER);
  return new Map(
    [...groups].sort(
      (a, b) =>
        area(a[1]) - area(b[1]) ||
        catalogPosition(a[0]) - catalogPosition(b[0]) ||
        naturalCompare(number(a[1][0]), number(b[1][0])) ||
        naturalCompare(a[0], b[0]),
    ),
  );
}

function indicatorAggregate(code: string, rows: LeafIndicator[], nameOf: (c: string) => string, year?: number): IndicatorAggregate {
  const kind = mostCommon(rows.map((r) => r.kind)) as LeafIndicator['kind'];
  const area = mostCommon(rows.map((r) => r.area ?? '')) || null;
  const targetText = mostCommon(rows.map((r) => r.targetText));
  const target: Target[] | null = rows.find((r) => r.targetText === targetText)?.target ?? null;
  const valid = rows.filter((r) => r.state === 'valid');

  let sumNumerator: number | null = null;
  let sumDenominator: number | null = null;
  let value: number | null = null;
  if (kind === 'ratio') {
    const both = valid.filter((r) => r.numerator !== null && r.denominator !== null);
    if (both.length > 0) {
      sumNumerator = both.reduce((s, r) => s + (r.numerator as number), 0);
      sumDenominator = both.reduce((s, r) => s + (r.denominator as number), 0);
      value = sumDenominator > 0 ? sumNumerator / sumDenominator : null;
    }
  } else if (kind === 'count') {
    const nums = valid.filter((r) => typeof r.result === 'number');
    if (nums.length > 0) value = nums.reduce((s, r) => s + (r.result as number), 0);
  }

  let met: boolean | null = null;
  let gap: number | null = null;
  if (kind === 'ratio' && value !== null && target && target.length > 0) {
    ({ met, gap } = judgeTargets(target, value, mostCommon(rows.map((r) => r.name)), kind, year));
  }

  const missedUnits: UnitGap[] = valid
    .filter((r) => r.met === false)
    .map((r) => ({ code: r.unitCode, name: nameOf(r.unitCode), targetText: r.targetText, result: r.result, gap: r.gap }));

  return {
    code,
    area: area as IndicatorAggregate['area'],
    stt: mostCommon(rows.map((r) => r.stt)),
    name: mostCommon(rows.map((r) => r.name)),
    kind,
    targetText,
    target,
    sumNumerator,
    sumDenominator,
    value,
    met,
    gap,
    unitsWithRow: rows.length,
    reported: valid.length,
    metCount: valid.filter((r) => r.met === true).length,
    missedCount: missedUnits.length,
    missedUnits,
    noDataUnits: rows.filter((r) => r.state !== 'valid').map((r) => ({ code: r.unitCode, name: nameOf(r.unitCode) })),
  };
}

function taskAggregate(code: string, rows: LeafTask[], nameOf: (c: string) => string): TaskAggregate {
  const standing = rows.map((r) => taskStanding(r.status, r.overdue, r.state === 'invalid'));
  const count = (s: TaskStanding) => standing.filter((x) => x === s).length;
  const overdueRows = rows.filter((r, i) => countsAsOverdue(standing[i], r.overdue));
  return {
    code,
    area: (mostCommon(rows.map((r) => r.area ?? '')) || null) as TaskAggregate['area'],
    tt: mostCommon(rows.map((r) => r.tt)),
    name: mostCommon(rows.map((r) => r.name)),
    deadlineText: mostCommon(rows.map((r) => r.deadlineText)),
    unitsWithRow: rows.length,
    done: count('done'),
    inProgress: count('in_progress'),
    notStarted: count('not_started'),
    overdue: overdueRows.length,
    overdueNotUpdated: count('overdue_not_updated'),
    noData: standing.filter(countsAsNoData).length,
    overdueUnits: overdueRows.map((r) => ({ code: r.unitCode, name: nameOf(r.unitCode) })),
  };
}

function completeness(leaves: SummaryLeaves, nameOf: (code: string) => string): Completeness {
  const { units, expectedUnits, dueDate } = leaves;
  const expected = expectedUnits ? new Set(expectedUnits.map((u) => u.code)) : null;
  const known = new Set(units.map((u) => u.code));
  const taken = units.filter((u) => u.status === 'taken');
  const late: LateUnit[] = [];
  let onTimeCount = 0;
  let undatedCount = 0;
  for (const u of taken) {
    if (u.reportDate === null) undatedCount++;
    else if (u.reportDate.slice(0, 10) > dueDate) {
      late.push({ code: u.code, name: nameOf(u.code), reportDate: u.reportDate, daysLate: daysBetween(dueDate, u.reportDate) });
    } else onTimeCount++;
  }
  const missing = (expectedUnits ?? []).filter((u) => !known.has(u.code)).map((u) => ({ code: u.code, name: u.name }));
  const heldOut = units.filter((u) => u.status === 'held_out').map((u) => ({ code: u.code, name: nameOf(u.code), files: [...u.files] }));
  const refused = units.filter((u) => u.status === 'refused').map((u) => ({ code: u.code, name: nameOf(u.code), files: [...u.files] }));
  const withoutData = [
    ...missing.map((u) => ({ code: u.code, name: u.name, why: 'missing' as const })),
    ...heldOut.map((u) => ({ code: u.code, name: u.name, why: 'held_out' as const })),
    ...refused.map((u) => ({ code: u.code, name: u.name, why: 'refused' as const })),
  ].sort((a, b) => naturalCompare(a.code, b.code));
  return {
    expectedCount: expectedUnits ? expectedUnits.length : null,
    receivedCount: taken.length,
    receivedExpectedCount: expected ? taken.filter((u) => expected.has(u.code)).length : taken.length,
    onTimeCount,
    lateCount: late.length,
    undatedCount,
    late,
    missing,
    heldOut,
    refused,
    withoutData,
    unexpected: expected ? taken.filter((u) => !expected.has(u.code)).map((u) => ({ code: u.code, name: u.name })) : [],
  };
}

/**
 * Each unit's name as the summary shows it: the official name from the expected-units list where the
 * unit is on it, else the name its report gave (which stays in the provenance and the unit records).
 */
export function unitNames(leaves: Pick<SummaryLeaves, 'units' | 'expectedUnits'>): Map<string, string> {
  const names = new Map(leaves.units.map((u) => [u.code, u.name]));
  for (const u of leaves.expectedUnits ?? []) if (u.name) names.set(u.code, u.name);
  return names;
}

/** Every aggregate of a summary, from its leaf data alone. */
export function deriveAggregates(leaves: SummaryLeaves): SummaryAggregates {
  const names = unitNames(leaves);
  const nameOf = (c: string) => names.get(c) ?? c;
  return {
    indicators: [...groupByCode(leaves.indicators, (r) => r.stt)].map(([code, rows]) => indicatorAggregate(code, rows, nameOf, leaves.year)),
    tasks: [...groupByCode(leaves.tasks, (r) => r.tt)].map(([code, rows]) => taskAggregate(code, rows, nameOf)),
    completeness: completeness(leaves, nameOf),
  };
}
