/**
 * A generated batch of N commune reports, consolidated in memory: the standard template filled with
 * sample values for each unit, read back as a host would hand over its cells. Two expected units send
 * nothing and one sends a report for the wrong period, so "chưa có số liệu hợp lệ" is exercised at scale.
 */
import { buildPlan } from '../../shared/catalog/plan';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { consolidate } from '../../shared/consolidate/consolidate';
import type { ConsolidationInput, Summary } from '../../shared/consolidate/types';
import { standardTemplate } from '../../shared/layout/standard-template';
import { readReport } from '../../shared/validate/read-report';
import { SAMPLE_COMMUNES } from '../../sample/communes';
import { sampleInfo, sampleReport } from '../../sample/generate';

const cache = new Map<number, Summary>();

export function generatedUnit(i: number): { code: string; name: string } {
  return { code: String(20000 + i), name: `UBND xã Thử ${i + 1}` };
}

export function generatedSummary(n: number): Summary {
  const kept = cache.get(n);
  if (kept) return kept;
  const plan = buildPlan(CATALOG_2025);
  const inputs: ConsolidationInput[] = [];
  for (let i = 0; i < n - 2; i++) {
    const base = SAMPLE_COMMUNES[i % SAMPLE_COMMUNES.length];
    const unit = { ...base, kind: 'xa' as const, ...generatedUnit(i) };
    const period = i === 5 ? 'Q1' : 'Q2';
    const report = sampleReport(unit, plan.indicators, plan.tasks, 2025, 'Q2', i + 1);
    const { sheets } = standardTemplate(sampleInfo(unit, 2025, period), { report });
    const grids = Object.fromEntries(sheets.map((s) => [s.name, s.rows]));
    const read = readReport(grids, { fileName: `${unit.code}.xlsx` });
    inputs.push({ source: { fileName: `${unit.code}.xlsx`, sha256: unit.code.padStart(64, '0') }, report: read.report, issues: read.issues });
  }
  const expectedUnits = Array.from({ length: n }, (_, i) => generatedUnit(i));
  const summary = consolidate(inputs, {
    year: 2025,
    period: 'Q2',
    consolidatingUnit: { name: 'Sở Nội vụ tỉnh Thử Nghiệm', level: 'tinh' },
    expectedUnits,
    now: '2025-06-25',
  });
  cache.set(n, summary);
  return summary;
}
