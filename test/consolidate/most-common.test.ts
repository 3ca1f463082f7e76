import { mostCommon } from '../../shared/consolidate/derive';

describe('mostCommon', () => {
  it('gives the most frequent text, ties to the first in plain text order', () => {
    expect(mostCommon([])).toBe('');
    expect(mostCommon(['Hoàn thành'])).toBe('Hoàn thành');
    expect(mostCommon(['b', 'a', 'b', 'c'])).toBe('b');
    expect(mostCommon(['c', 'b', 'a', 'c', 'b', 'a'])).toBe('a');
    expect(mostCommon(['Quý II', 'Quý I', 'Quý II', 'Quý I'])).toBe('Quý I');
    expect(mostCommon(['', 'x', ''])).toBe('');
    expect(mostCommon(['x', '', 'x', ''])).toBe('');
  });
});
