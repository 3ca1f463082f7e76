/** The cell checks' quick first-character test gives exactly what trimming first gives. */
import fc from 'fast-check';
import { cellError, looksLikeFormulaText } from '../../shared/validate/cells';

const ERROR_VALUE = /^#(DIV\/0!|REF!|N\/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|ERROR!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;
function cellErrorByTrim(v: string): string | null {
  const t = v.trim();
  return ERROR_VALUE.test(t) ? t.toUpperCase() : null;
}
function formulaByTrim(v: string): boolean {
  const t = v.trim();
  if (t.length < 2) return false;
  if (t.charAt(0) === '=') return true;
  if (!/^[+\-@]/.test(t)) return false;
  const rest = t.slice(1);
  return /^[A-Za-z][A-Za-z0-9.]*\(/.test(rest) || /^\$?[A-Z]{1,3}\$?\d{1,7}(\s*[-+*/^&:<>=]|$)/.test(rest);
}

describe('cell checks', () => {
  it('agree with trimming first, whatever white space leads', () => {
    const space = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\u200b', '');
    const body = fc.oneof(
      fc.constantFrom('#DIV/0!', '#ref!', '#N/A', '=A1+1', '+G12/H12', '-SUM(A1:A3)', '@SUM(A1)', '- ghi chú', '+ 5', 'Hoàn thành', '#', '=', ''),
      fc.string({ maxLength: 8 }),
    );
    const cell = fc.tuple(space, space, body, space).map(([a, b, c, d]) => a + b + c + d);
    fc.assert(
      fc.property(cell, (v) => {
        expect(cellError(v)).toBe(cellErrorByTrim(v));
        expect(looksLikeFormulaText(v)).toBe(formulaByTrim(v));
      }),
      { numRuns: 5000 },
    );
    expect(cellError('\u00a0#DIV/0! ')).toBe('#DIV/0!');
    expect(looksLikeFormulaText('\ufeff=A1')).toBe(true);
    expect(looksLikeFormulaText('\u200b=A1')).toBe(false);
  });
});
