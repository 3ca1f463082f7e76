import { isDateFormat, shownText } from '../../shared/import/shown-text';

describe('a cell as shown', () => {
  it.each([
    [0.8, '0%', '80%'],
    [0.955, '0.0%', '95,5%'],
    [1, '0%', '100%'],
    [45731, 'dd/mm/yyyy', '15/03/2025'],
    [45731, '[$-42A]d mmmm yyyy', '15/03/2025'],
    [3.1, 'General', '3.1'],
    [12, '@', '12'],
    ['Quý I', '@', 'Quý I'],
    [null, 'General', ''],
  ])('%j in "%s" reads "%s"', (value, format, text) => expect(shownText(value, format)).toBe(text));

  it('counts from 1904 in a workbook that does', () => {
    expect(shownText(45731 - 1462, 'dd/mm/yyyy', true)).toBe('15/03/2025');
  });

  it('tells date formats from number formats with letters in quotes or brackets', () => {
    expect(['d/m/yyyy', 'mmm yy', 'dd"/"mm'].map(isDateFormat)).toEqual([true, true, true]);
    expect(['0.0 "ngày"', '[Red]0', '#,##0', 'h:mm'].map(isDateFormat)).toEqual([false, false, false, false]);
  });
});
