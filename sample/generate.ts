/**
 * Realistic report values for sample units, deterministic for a given seed: ratios near and around
 * their targets, counts, waiting times, and task progress that follows each task's deadline against
 * the period's cut-off. Used by the demo and the benchmarks; pure, like shared/.
 */
import type { IsoDate } from '../shared/cell';
import type { CatalogIndicator, CatalogTask, PeriodCode, UnitInfo } from '../shared/model';
import { addDays } from '../shared/parse/calendar';
import { parseDeadline } from '../shared/parse/deadline';
import { parseTarget } from '../shared/parse/target';
import type { ReportedIndicator, ReportedTask, TemplateInput } from '../shared/layout/template';
import { defaultCalendar, periodLabel } from '../shared/period';
import { STATUS_VALUES, TEMPLATE_ID, TEMPLATE_VERSION } from '../shared/spec/annex';
import { SAMPLE_PARENT, type SampleCommune } from './communes';

/** mulberry32: a small, fast, seedable generator, so the same seed gives the same reports. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function sampleInfo(unit: SampleCommune, year: number, period: PeriodCode, reportDate?: IsoDate): Partial<UnitInfo> {
  const cal = defaultCalendar(period, year);
  return {
    unitName: unit.name,
    unitCode: unit.code,
    unitKind: unit.kind,
    parentName: SAMPLE_PARENT.name,
    parentLevel: SAMPLE_PARENT.level,
    planNumber: unit.planNumber,
    // The sample plans are dated in 2025; a report of another year has that year's plan.
    planDate: `${year}${unit.planDate.slice(4)}`,
    year,
    period,
    cutoffDate: cal.cutoff,
    reportDate: reportDate ?? addDays(cal.due, -3),
    reporter: unit.reporter,
    templateId: TEMPLATE_ID,
    templateVersion: TEMPLATE_VERSION,
  };
}

/** The fraction a ratio indicator aims at (its first numeric percent target), else 1. */
function targetRate(ind: CatalogIndicator): number {
  const t = parseTarget(ind.target);
  const first = t.ok ? t.value.targets.find((x) => x.kind === 'numeric' && x.unit === 'percent') : undefined;
  return first && first.kind === 'numeric' ? Math.min(1, first.value) : 1;
}

export function sampleIndicatorValues(indicators: CatalogIndicator[], random: () => number): Record<string, ReportedIndicator> {
  const out: Record<string, ReportedIndicator> = {};
  for (const ind of indicators) {
    switch (ind.kind) {
      case 'ratio': {
        const denominator = 10 + Math.floor(random() * 290);
        // Most units meet their target; about one value in six falls a little short.
        const aim = targetRate(ind);
        const rate = random() < 0.83 ? aim + (1 - aim) * random() : Math.max(0, aim - 0.02 - 0.15 * random());
        out[ind.code] = { numerator: Math.min(denominator, Math.round(rate * denominator)), denominator };
        break;
      }
      case 'count': {
        // Around the unit's own floor ("Từ 15 bản tin trở lên"): most reach it, some fall short.
        const t = parseTarget(ind.target);
        const first = t.ok ? t.value.targets[0] : undefined;
        const floor = first && first.kind === 'numeric' ? first.value : 10;
        out[ind.code] = { result: Math.max(0, Math.round(floor * (random() < 0.8 ? 1 + random() * 0.5 : 0.6 + random() * 0.35))) };
        break;
      }
      case 'duration':
        out[ind.code] = { result: 5 + Math.round(random() * 120) / 10 };
        break;
      case 'qualitative':
        out[ind.code] = { result: random() < 0.9 ? 'Hoàn thành' : 'Chưa hoàn thành' };
        break;
    }
  }
  return out;
}

export function sampleTaskValues(tasks: CatalogTask[], year: number, cutoff: IsoDate, random: () => number): Record<string, ReportedTask> {
  const [done, inProgress, notStarted] = STATUS_VALUES;
  const out: Record<string, ReportedTask> = {};
  tasks.forEach((task, i) => {
    const d = parseDeadline(task.deadline, year);
    const due = d.ok ? d.value.milestones.map((m) => m.due).filter((x) => x <= cutoff).sort()[0] : undefined;
    if (due !== undefined && random() < 0.88) {
      const completedOn = addDays(due, -Math.floor(random() * 20));
      out[task.code] = {
        status: done,
        completedOn,
        documentRef: `${10 + i}/${task.product.startsWith('Báo cáo') ? 'BC' : 'KH'}-UBND`,
        documentDate: completedOn,
      };
    } else {
      out[task.code] = { status: random() < 0.8 ? inProgress : notStarted };
    }
  });
  return out;
}

/** A unit's full report values for the period. */
export function sampleReport(
  unit: SampleCommune,
  indicators: CatalogIndicator[],
  tasks: CatalogTask[],
  year: number,
  period: PeriodCode,
  seed = 1,
): NonNullable<TemplateInput['report']> {
  const random = seededRandom(seedOf(`${unit.code}|${year}|${period}|${seed}`));
  const { cutoff } = defaultCalendar(period, year);
  return { indicators: sampleIndicatorValues(indicators, random), tasks: sampleTaskValues(tasks, year, cutoff, random) };
}

export { periodLabel };
