import fc from 'fast-check';
import { tokenize, type Token } from '../../shared/parse/tokens';
import { foldKey } from '../../shared/text/normalize';

/** The tokenizer's definition: white space as /\s/ reads it, then a number, a word, a two-character symbol or one character. */
function reference(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i++;
      continue;
    }
    const take = (kind: Token['kind'], raw: string) => {
      tokens.push({ kind, raw, key: kind === 'word' ? foldKey(raw) : raw, start: i, end: i + raw.length });
      i += raw.length;
    };
    const at = (re: RegExp) => {
      re.lastIndex = i;
      return re.exec(text)?.[0];
    };
    const n = at(/\d{1,3}(?: \d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)*/y);
    if (n !== undefined) { take('number', n); continue; }
    const w = at(/[\p{L}\p{M}]+/uy);
    if (w !== undefined) { take('word', w); continue; }
    const s = at(/(?:>=|<=|=>|=<)/y);
    take('symbol', s ?? String.fromCodePoint(text.codePointAt(i) ?? 0x20));
  }
  return tokens;
}

test('tokenize cuts text as its definition does, odd spaces and repeated words included', () => {
  const pieces = [
    'Tối', 'thiểu', 'TỐI', 'tỷ', 'lệ', 'Đạt', 'e\u0302\u0301', '95', '12 345,5', '1.234', '%', '>=', '<', '=', ',', '/', '-',
    ' ', '  ', '\n', '\t', '\u00A0', '\u2002', '\u3000', '\uFEFF', '\u2028', '📊', '\uD83D', 'x'.repeat(45),
  ];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join(''));
  fc.assert(fc.property(text, (s) => JSON.stringify(tokenize(s)) === JSON.stringify(reference(s))), { numRuns: 3000 });
  expect(tokenize('Tối thiểu 95%').map((t) => t.key)).toEqual(['toi', 'thieu', '95', '%']);
});
