import { TextPool } from '../../shared/consolidate/text-pool';
import type { Target } from '../../shared/model';

const pct = (value: number): Target[] => [{ kind: 'numeric', comparator: 'gte', value, unit: 'percent', subject: '' }];

describe('TextPool', () => {
  it('hands out one copy of each text', () => {
    const p = new TextPool();
    const a = p.text('Tỷ lệ hồ sơ giải quyết đúng hạn');
    expect(p.text(['Tỷ lệ hồ sơ ', 'giải quyết đúng hạn'].join(''))).toBe(a);
    expect(p.orNull(null)).toBeNull();
  });

  it('shares a target reading between rows only when it says exactly the same', () => {
    const p = new TextPool();
    const first = pct(0.8);
    expect(p.targets('Tối thiểu 80%', first)).toBe(first);
    // The same text read the same way: the kept list.
    expect(p.targets('Tối thiểu 80%', pct(0.8))).toBe(first);
    // The same text read another way (a number typed in the cell, say): its own reading stays.
    const other = pct(80);
    expect(p.targets('Tối thiểu 80%', other)).toBe(other);
    const withWarning: Target[] = [{ ...pct(0.8)[0], warning: 'xem lại' } as Target];
    expect(p.targets('Tối thiểu 80%', withWarning)).toBe(withWarning);
    expect(p.targets('Tối thiểu 80%', null)).toBeNull();
    const done: Target[] = [{ kind: 'qualitative', expected: 'Hoàn thành' }];
    expect(p.targets('Hoàn thành', done)).toBe(done);
    expect(p.targets('Hoàn thành', [{ kind: 'qualitative', expected: 'Hoàn thành' }])).toBe(done);
  });

  it('tells readings apart by a field missing on either side, by list length and by a field set to undefined', () => {
    const p = new TextPool();
    const kept: Target[] = [{ ...pct(0.9)[0], warning: 'xem lại' } as Target];
    expect(p.targets('Trên 90%', kept)).toBe(kept);
    const plain = pct(0.9);
    expect(p.targets('Trên 90%', plain)).toBe(plain);
    const two = [...pct(0.9), ...pct(0.95)];
    expect(p.targets('Trên 90%', two)).toBe(two);
    const q = new TextPool();
    const a = pct(0.5);
    expect(q.targets('Ít nhất 50%', a)).toBe(a);
    const withUndefined: Target[] = [{ ...pct(0.5)[0], warning: undefined } as Target];
    expect(q.targets('Ít nhất 50%', withUndefined)).toBe(withUndefined);
    expect(q.targets('Ít nhất 50%', [{ ...pct(0.5)[0] }])).toBe(a);
  });
});
