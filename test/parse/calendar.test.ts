import { addDays, daysInMonth, monthEnd } from '../../shared/parse/calendar';

describe('calendar arithmetic', () => {
  test('month lengths, leap years included', () => {
    expect([1, 2, 4, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 28, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(monthEnd(2025, 6)).toBe('2025-06-30');
  });

  test('day steps across months, years and two-digit years', () => {
    expect(addDays('2025-01-10', -1)).toBe('2025-01-09');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('0025-01-01', -1)).toBe('0024-12-31');
    expect(addDays('2025-09-20', -45)).toBe('2025-08-06');
  });

  // Excel's pane runs in the user's browser, whose time zone may shift clocks: a day is still a day.
  test.each(['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Ho_Chi_Minh'])('no day is lost or repeated around clock changes in %s', (tz) => {
    const saved = process.env.TZ;
    process.env.TZ = tz;
    try {
      expect(addDays('2025-03-08', 1)).toBe('2025-03-09');
      expect(addDays('2025-03-09', 1)).toBe('2025-03-10');
      expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
      expect(addDays('2025-04-06', 1)).toBe('2025-04-07');
      expect(addDays('2025-10-05', 1)).toBe('2025-10-06');
      expect(addDays('2025-10-26', 1)).toBe('2025-10-27');
      expect(addDays('2025-11-02', 1)).toBe('2025-11-03');
      expect(addDays('2025-01-01', 364)).toBe('2025-12-31');
    } finally {
      process.env.TZ = saved;
    }
  });
});
