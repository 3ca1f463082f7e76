/** The workbook our own template writes must read back cleanly, with what was filled in. */
import type { UnitInfo } from '../../shared/model';
import { standardTemplate } from '../../shared/layout/standard-template';
import { readReport } from '../../shared/validate';

const INFO: Partial<UnitInfo> = {
  unitName: 'UBND xã Anh Sơn', unitCode: '16279', unitKind: 'xa', parentName: 'Sở Nội vụ tỉnh Thanh Hóa', parentLevel: 'tinh',
  planNumber: '05/KH-UBND', planDate: '2025-01-10', year: 2025, period: 'Q1', cutoffDate: '2025-03-14', reportDate: '2025-03-18',
  reporter: 'Nguyễn Văn An',
};

const gridsOf = (sheets: { name: string; rows: unknown[][] }[]) =>
  Object.fromEntries(sheets.map((s) => [s.name, s.rows])) as Parameters<typeof readReport>[0];

test('a blank template reads with no errors, every row coded and in an area', () => {
  const { sheets } = standardTemplate(INFO);
  const { report, issues } = readReport(gridsOf(sheets));
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(report!.info).toMatchObject({ unitCode: '16279', period: 'Q1', cutoffDate: '2025-03-14', templateId: 'CCHC-PL' });
  expect(report!.indicators.length).toBeGreaterThan(20);
  expect(report!.tasks.length).toBeGreaterThan(20);
  for (const rows of [report!.indicators, report!.tasks]) {
    expect(rows.every((r) => r.code !== '' && r.area !== null)).toBe(true);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
  }
});

test('report values written into the template are read back', () => {
  const blank = readReport(gridsOf(standardTemplate(INFO).sheets)).report!;
  const ratio = blank.indicators.find((i) => i.kind === 'ratio')!;
  const task = blank.tasks[0];
  const { sheets } = standardTemplate(INFO, {
    report: {
      indicators: { [ratio.code]: { numerator: 45, denominator: 50 } },
      tasks: { [task.code]: { status: 'Hoàn thành', completedOn: '2025-02-20', documentRef: '12/KH-UBND', documentDate: '2025-02-20' } },
    },
  });
  const { report, issues } = readReport(gridsOf(sheets));
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  const r = report!.indicators.find((i) => i.code === ratio.code)!;
  expect([r.numerator, r.denominator, r.result]).toEqual([45, 50, 0.9]);
  const t = report!.tasks.find((x) => x.code === task.code)!;
  expect([t.status, t.completedOn, t.documentRef, t.overdue]).toEqual(['done', '2025-02-20', '12/KH-UBND', false]);
});
