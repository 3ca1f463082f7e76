/**
 * A row whose target is a change against a baseline asks, where the result is typed, for the change
 * achieved — which is what the row is then judged on.
 */
import { standardTemplate } from '../../shared/layout/standard-template';
import { INDICATOR_SHEET } from '../../shared/spec/annex';
import { a1 } from '../../shared/cell';
import { columnIndex } from '../../shared/spec/annex';

test('a duration row with "Giảm 3 phút so với năm 2025": the result cell says to type the reduction', () => {
  const { sheets, problems } = standardTemplate(
    { unitName: 'UBND xã Tân Lập', unitKind: 'xa', year: 2026, period: 'Q2', cutoffDate: '2026-06-14' },
    { customisation: { targets: { 'CT.TTHC.13': 'Giảm 3 phút so với năm 2025' } } },
  );
  expect(problems).toEqual([]);
  const pl1 = sheets.find((s) => s.name === INDICATOR_SHEET.name)!;
  const row = pl1.rows.findIndex((r) => r[0] === 'CT.TTHC.13');
  const cell = a1(row, columnIndex(INDICATOR_SHEET, 'result'));
  expect(pl1.validations.filter((v) => v.range === cell)).toEqual([{
    range: cell, kind: 'decimal', strict: false, title: 'Mức thay đổi đã đạt',
    prompt: 'Chỉ tiêu là giảm 3 phút so với năm 2025: ghi mức đã giảm được, ví dụ 12% hoặc 2 (ngày).',
    error: 'Ghi mức thay đổi đã đạt bằng số, ví dụ 12% hoặc 2.',
  }]);
  // No below-target colour: "≤ 3" would be a different target.
  expect(pl1.conditionalFormats.filter((f) => f.range === cell)).toEqual([]);
  // Other rows keep no such prompt.
  expect(pl1.validations.filter((v) => v.title === 'Mức thay đổi đã đạt')).toHaveLength(1);
});
