import fc from 'fast-check';
import { parseTarget } from '../../shared/parse/target';
import { TargetListSchema, TargetSchema } from '../../shared/schema/target';

describe('the target schema is what the parser produces', () => {
  test.each([
    '100%', '80%', 'Trên 100%', 'tối thiểu 90%', '98% trở lên', 'đạt từ 30% trở lên', 'từ 95% - 100%',
    'tối đa 15 phút/01 lượt giao dịch', 'Hoàn thành các chỉ tiêu đề ra theo Kế hoạch',
    'Công bố 100% TTHC; đơn giản hóa 10% TTHC nội bộ', '95,5%', 'giảm 10% so với năm 2024', 'không quá 3 ngày',
  ])('%s reads into targets the schema accepts', (text) => {
    const r = parseTarget(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(TargetListSchema.safeParse(r.value.targets).success).toBe(true);
  });

  test('whatever the parser returns for any text fits the schema', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseTarget(s);
        return !r.ok || TargetListSchema.safeParse(r.value.targets).success;
      }),
      { numRuns: 300 },
    );
  });

  test('hand-edited or foreign data is refused', () => {
    expect(TargetSchema.safeParse({ kind: 'numeric', comparator: 'about', value: 0.9, unit: 'percent', subject: '' }).success).toBe(false);
    expect(TargetSchema.safeParse({ kind: 'numeric', comparator: 'gte', value: '90%', unit: 'percent', subject: '' }).success).toBe(false);
    expect(TargetSchema.safeParse({ kind: 'qualitative' }).success).toBe(false);
    expect(TargetSchema.safeParse({ kind: 'qualitative', expected: 'Hoàn thành' }).success).toBe(true);
  });
});
