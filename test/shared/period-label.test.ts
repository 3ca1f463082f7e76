import { PERIODS, periodOfYear } from '../../shared/period';

test('periods in sentences: "báo cáo năm 2025", "báo cáo Quý I năm 2026", "6 tháng đầu năm 2026"', () => {
  expect(PERIODS.map((p) => periodOfYear(p, 2026))).toEqual([
    'Quý I năm 2026', 'Quý II năm 2026', 'Quý III năm 2026', 'Quý IV năm 2026',
    '6 tháng đầu năm 2026', '9 tháng đầu năm 2026', 'năm 2026',
  ]);
  for (const p of PERIODS) expect(periodOfYear(p, 2025)).not.toMatch(/năm năm/i);
});
