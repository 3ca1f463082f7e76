/**
 * The reporting calendar a catalog sets: per period a data cut-off and a due date, each a fixed day or
 * a day of the period's last month. A period the catalog does not list follows the national rule
 * (defaultCalendar: the 14th and the 20th of the period's last month).
 */
import type { IsoDate } from '../cell';
import type { CalendarDay, Catalog, PeriodCode } from '../model';
import { defaultCalendar, periodEndMonth, type PeriodCalendar } from '../period';
import { daysInMonth, toIso } from '../parse/calendar';

/** The national rule as the catalog's calendar states it. */
export const NATIONAL_CUTOFF_DAY = 14;
export const NATIONAL_DUE_DAY = 20;

/** A calendar day of a period in a year: { dayOfLastMonth: 31 } in June is 30/06 (the month's last day). */
export function calendarDayOf(day: CalendarDay, period: PeriodCode, year: number): IsoDate {
  if ('date' in day) return day.date;
  const month = periodEndMonth(period);
  return toIso(year, month, Math.min(day.dayOfLastMonth, daysInMonth(year, month)));
}

/** Cut-off and due date of a period by the catalog's calendar (national rule where it is silent). */
export function catalogCalendar(catalog: Pick<Catalog, 'calendar'> | null | undefined, period: PeriodCode, year: number): PeriodCalendar {
  const base = defaultCalendar(period, year);
  const entry = catalog?.calendar?.find((e) => e.period === period);
  if (!entry) return base;
  return { ...base, cutoff: calendarDayOf(entry.cutoff, period, year), due: calendarDayOf(entry.due, period, year) };
}
