/**
 * The grammars themselves on texts of millions of characters (the cells' 2,000-character bound is
 * left to parseTarget and parseDeadline, tested in long-text.test.ts): no stack overflow, the same
 * reading as a short text gives, and a cost that grows with the text linearly. Linearity is checked
 * by comparing n with 4n characters, the best of five runs each, against a loose factor (a
 * quadratic step would take about 16 times as long): no time threshold.
 */
import { readDeadlineText } from '../../shared/parse/deadline';
import { scanDeadline } from '../../shared/parse/deadline-scan';
import { parseNumber } from '../../shared/parse/number';
import { readNumeral } from '../../shared/parse/numeral';
import { readTargetText } from '../../shared/parse/target';
import { splitClauses, tokenize } from '../../shared/parse/tokens';
import { cleanText, foldKey } from '../../shared/text/normalize';

const MILLIONS = 4_000_000;
/** Time for 4n over time for n below this: linear with room for a busy machine (quadratic: about 16). */
const LINEAR = 12;

function fastest(run: () => unknown): number {
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Time for 4n characters over time for n: about 4 when linear, about 16 when quadratic. */
function growth(read: (text: string) => unknown, unit: string, n: number): number {
  const of = (chars: number) => unit.repeat(Math.ceil(chars / unit.length));
  const small = of(n);
  const large = of(4 * n);
  read(small); // compiled before it is timed
  // A floor of 1 ms, so that timer noise on a very fast step does not look like growth.
  return Math.max(1, fastest(() => read(large))) / Math.max(1, fastest(() => read(small)));
}

describe('the grammars on texts of millions of characters', () => {
  it('a target: no stack overflow on a clause of a hundred thousand targets, and each is read', () => {
    const text = 'Tối thiểu 90%, '.repeat(150_000);
    const r = readTargetText(text);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.targets.length).toBe(150_000);
      expect(r.value.targets[100_000]).toMatchObject({ kind: 'numeric', comparator: 'gte', value: 0.9, unit: 'percent' });
    }
    expect(readTargetText('a'.repeat(MILLIONS))).toMatchObject({ ok: false, code: 'target.no_number' });
  }, 120_000);

  it('a target made of lines ending with a colon (each joined to the next): read in linear time', () => {
    expect(growth(readTargetText, 'a:\n', 50_000)).toBeLessThan(LINEAR);
    expect(readTargetText('Kết quả:\nTối thiểu 90%')).toMatchObject({ ok: true, value: { targets: [{ value: 0.9 }] } });
  });

  it('a deadline of four million characters, and deadlines of many clauses in linear time', () => {
    expect(readDeadlineText('a'.repeat(MILLIONS), 2025)).toMatchObject({ ok: false, code: 'deadline.unreadable' });
    expect(readDeadlineText('Quý I/2025; '.repeat(MILLIONS / 12), 2025)).toMatchObject({ ok: true, value: { kind: 'dated', milestones: [{ due: '2025-03-31' }] } });
    expect(growth((t) => readDeadlineText(t, 2025), 'a:\n', 50_000)).toBeLessThan(LINEAR);
    expect(growth((t) => readDeadlineText(t, 2025), 'và ', 25_000)).toBeLessThan(LINEAR);
  }, 120_000);

  it('the tokenizer, the clause splitter and the deadline scanner', () => {
    const words = tokenize('Tối '.repeat(MILLIONS / 4));
    expect(words.length).toBe(MILLIONS / 4);
    expect(words[123_456]).toEqual({ kind: 'word', raw: 'Tối', key: 'toi', start: 4 * 123_456, end: 4 * 123_456 + 3 });
    expect(tokenize('9'.repeat(MILLIONS))).toEqual([{ kind: 'number', raw: '9'.repeat(MILLIONS), key: '9'.repeat(MILLIONS), start: 0, end: MILLIONS }]);
    const joined = splitClauses('a:\n'.repeat(1_333_333));
    expect(joined.length).toBe(1);
    expect(joined[0].text.length).toBe(1_333_333 * 3 - 1);
    expect(joined[0].text.slice(0, 8)).toBe('a: a: a:');
    const quarters = scanDeadline('quy i/2025 '.repeat(363_636), 2025);
    expect(quarters.length).toBe(363_636);
    expect(quarters[363_635]).toEqual({ t: 'point', start: '2025-01-01', end: '2025-03-31', label: 'Quý I', specific: true });
    expect(growth(tokenize, '1.5, ', 100_000)).toBeLessThan(LINEAR);
    expect(growth(splitClauses, 'a:\n', 100_000)).toBeLessThan(LINEAR);
    expect(growth((t) => scanDeadline(t, 2025), 'ngay 1/2 ', 50_000)).toBeLessThan(LINEAR);
  }, 120_000);

  it('numbers and text folding', () => {
    expect(parseNumber('9'.repeat(MILLIONS))).toMatchObject({ ok: true, value: { kind: 'number', value: Infinity } });
    expect(parseNumber('1.'.repeat(MILLIONS / 2))).toMatchObject({ ok: false, code: 'number.ambiguous' });
    expect(readNumeral('1.000'.repeat(MILLIONS / 5))).toMatchObject({ ok: false });
    expect(cleanText(` a\u00A0\u200B `.repeat(MILLIONS / 5))).toBe(Array(MILLIONS / 5).fill('a').join(' '));
    expect(foldKey('Đường '.repeat(666_666))).toBe(Array(666_666).fill('duong').join(' '));
    // Text folding is the engine's own normalize and replace with plain character classes (nothing
    // to backtrack): checked above on four million characters, not timed (at that size their time is
    // the memory's, not the characters').
    expect(growth(parseNumber, '1 ', 250_000)).toBeLessThan(LINEAR);
  }, 120_000);
});
