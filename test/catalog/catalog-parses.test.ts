/**
 * Every default target and every deadline of the catalog must read with the same parsers that read
 * the units' workbooks, and read as the row's kind says.
 */
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import type { DeadlineReading, NumericTarget, TargetReading } from '../../shared/model';
import { parseDeadline } from '../../shared/parse/deadline';
import { parseTarget } from '../../shared/parse/target';

const { indicators, tasks } = CATALOG_2025;

function target(text: string): TargetReading {
  const r = parseTarget(text);
  if (!r.ok) throw new Error(`parseTarget("${text}"): ${r.code} ${r.reason}`);
  return r.value;
}
function deadline(text: string): DeadlineReading {
  const r = parseDeadline(text, 2025);
  if (!r.ok) throw new Error(`parseDeadline("${text}"): ${r.code} ${r.reason}`);
  return r.value;
}

describe('default targets parse', () => {
  it.each(indicators.map((i) => [i.code, i.target] as const))('%s: %s', (_code, text) => {
    const r = parseTarget(text);
    expect(r.ok ? 'ok' : `${r.code}: ${r.reason}`).toBe('ok');
  });

  it('read as the kind says: ratios in percent, durations in minutes, counts as counts, qualitative as done', () => {
    for (const i of indicators) {
      const { targets } = target(i.target);
      expect([i.code, targets.length > 0]).toEqual([i.code, true]);
      const first = targets[0];
      switch (i.kind) {
        case 'ratio':
          expect([i.code, first.kind, (first as NumericTarget).unit]).toEqual([i.code, 'numeric', 'percent']);
          break;
        case 'duration':
          expect([i.code, first.kind, (first as NumericTarget).unit]).toEqual([i.code, 'numeric', 'minutes']);
          break;
        case 'count':
          expect([i.code, first.kind, (first as NumericTarget).unit]).toEqual([i.code, 'numeric', 'count']);
          break;
        case 'qualitative':
          expect([i.code, first.kind]).toEqual([i.code, 'qualitative']);
          break;
      }
    }
  });

  it('carry no warning (no "Trên 100%" in the catalog)', () => {
    for (const i of indicators) {
      for (const t of target(i.target).targets) {
        if (t.kind === 'numeric') expect([i.code, t.warning]).toEqual([i.code, undefined]);
      }
    }
  });

  it('read the way the plans mean them', () => {
    expect(target('100%').targets).toEqual([expect.objectContaining({ kind: 'numeric', comparator: 'gte', value: 1, unit: 'percent' })]);
    const onTime = target(CATALOG_2025.indicators.find((i) => i.code === 'CT.TTHC.03')!.target).targets[0];
    expect(onTime).toMatchObject({ comparator: 'gte', value: 0.98, unit: 'percent' });
    const wait = target(CATALOG_2025.indicators.find((i) => i.code === 'CT.TTHC.13')!.target).targets[0];
    expect(wait).toMatchObject({ comparator: 'lte', value: 15, unit: 'minutes' });
    const internal = target(CATALOG_2025.indicators.find((i) => i.code === 'CT.TTHC.01')!.target).targets;
    expect(internal.map((t) => (t.kind === 'numeric' ? t.value : null))).toEqual([1, 0.1]);
    const news = target(CATALOG_2025.indicators.find((i) => i.code === 'CT.CDDH.04')!.target).targets[0];
    expect(news).toMatchObject({ comparator: 'gte', value: 15, unit: 'count' });
  });
});

describe('task deadlines parse for plan year 2025', () => {
  it.each(tasks.map((t) => [t.code, t.deadline] as const))('%s: %s', (_code, text) => {
    const r = parseDeadline(text, 2025);
    expect(r.ok ? 'ok' : `${r.code}: ${r.reason}`).toBe('ok');
  });

  it('read as the plans mean them', () => {
    const by = (code: string) => deadline(tasks.find((t) => t.code === code)!.deadline);
    expect(by('NV.TCBM.01')).toMatchObject({ kind: 'dated', milestones: [{ due: '2025-03-31' }] });
    expect(by('NV.CDCV.02')).toMatchObject({ kind: 'dated', milestones: [{ due: '2025-12-31' }] });
    expect(by('NV.CDCV.08')).toMatchObject({ kind: 'dated', milestones: [{ due: '2025-12-09' }] });
    expect(by('NV.CDDH.06')).toMatchObject({ kind: 'dated', milestones: [{ due: '2025-11-30' }] });
    expect(by('NV.CDCV.04')).toMatchObject({ kind: 'dated', milestones: [{ due: '2025-01-31' }] });
    expect(by('NV.TTHC.14').kind).toBe('continuous');
    expect(by('NV.TC.04').kind).toBe('external');
    expect(by('NV.DN.02').kind).toBe('recurring');
    expect(by('NV.CDDH.01').milestones.map((m) => m.due)).toEqual(['2025-03-31', '2025-12-31']);
    expect(by('NV.TTHC.04').milestones.map((m) => m.due)).toEqual(['2025-03-15', '2025-06-15', '2025-09-15', '2025-12-15']);
    expect(by('NV.CQS.04').milestones.map((m) => m.due)).toEqual(['2025-03-20', '2025-06-20', '2025-09-20', '2025-12-15']);
  });

  it('reads the three report series of the periodic-report task as nine dates', () => {
    const r = deadline(tasks.find((t) => t.code === 'NV.CDDH.05')!.deadline);
    expect(r.milestones.map((m) => m.due)).toEqual([
      '2025-03-10', '2025-06-10', '2025-09-10', '2025-11-10',
      '2025-03-15', '2025-06-15', '2025-09-15', '2025-11-15',
      '2025-11-30',
    ]);
  });
});
