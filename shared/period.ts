/**
 * Reporting periods and the default calendar (Nghị định 09/2019/NĐ-CP; Bộ Nội vụ guidance for CCHC
 * reports): data windows run from 15/12 of the previous year to the 14th of the period's last month,
 * the report is due by the 20th of that month. A plan may override cut-off and due dates.
 */
import type { IsoDate } from './cell';
import type { PeriodCode } from './model';
import { foldKey } from './text/normalize';

export const PERIODS: readonly PeriodCode[] = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'M9', 'Y'];

const LABEL: Record<PeriodCode, string> = {
  Q1: 'Quý I', Q2: 'Quý II', Q3: 'Quý III', Q4: 'Quý IV', H1: '6 tháng', M9: '9 tháng', Y: 'Năm',
};

/** Last month (1–12) of the period. */
const LAST_MONTH: Record<PeriodCode, number> = { Q1: 3, Q2: 6, Q3: 9, Q4: 12, H1: 6, M9: 9, Y: 12 };
/** Cumulative periods start their window at 15/12 of the previous year; quarters 3 months back. */
const FIRST_MONTH: Record<PeriodCode, number> = { Q1: 0, Q2: 3, Q3: 6, Q4: 9, H1: 0, M9: 0, Y: 0 };

export function periodLabel(p: PeriodCode): string {
  return LABEL[p];
}

/**
 * A period and its year as a sentence names it, after "báo cáo" or "kỳ": "Quý I năm 2026",
 * "6 tháng đầu năm 2026", "9 tháng đầu năm 2026", "năm 2025" — never "Năm năm 2025".
 */
export function periodOfYear(p: PeriodCode, year: number | string): string {
  if (p === 'Y') return `năm ${year}`;
  if (p === 'H1' || p === 'M9') return `${LABEL[p]} đầu năm ${year}`;
  return `${LABEL[p]} năm ${year}`;
}

/**
 * Reads a period as people write it: "Quý I", "quy 1", "Quí II", "Q3", "6 tháng", "6 thang dau nam",
 * "9 tháng", "Năm", "cả năm". Null when not a period.
 */
export function parsePeriod(text: unknown): PeriodCode | null {
  if (typeof text !== 'string') return null;
  const k = foldKey(text).replace(/\s+/g, ' ').trim();
  if (!k) return null;
  const q = /^(?:quy|qui|q)\s*\.?\s*(iv|iii|ii|i|[1-4])(?:\b|$)/.exec(k);
  if (q) {
    const n = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 }[q[1]] as 1 | 2 | 3 | 4;
    return (['Q1', 'Q2', 'Q3', 'Q4'] as const)[n - 1];
  }
  if (/^6 thang/.test(k) || k === 'h1') return 'H1';
  if (/^9 thang/.test(k)) return 'M9';
  if (/^(ca )?nam\b/.test(k) || k === 'y') return 'Y';
  return null;
}

const iso = (y: number, m: number, d: number): IsoDate =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export interface PeriodCalendar {
  period: PeriodCode;
  year: number;
  /** First day of the data window. */
  windowStart: IsoDate;
  /** Data cut-off: the 14th of the period's last month. */
  cutoff: IsoDate;
  /** Report due date: the 20th of the period's last month. */
  due: IsoDate;
}

/** Default calendar of a period: Quý I 2025 → 15/12/2024 – 14/03/2025, due 20/03/2025. */
export function defaultCalendar(period: PeriodCode, year: number): PeriodCalendar {
  const last = LAST_MONTH[period];
  const first = FIRST_MONTH[period];
  const windowStart = first === 0 ? iso(year - 1, 12, 15) : iso(year, first, 15);
  return { period, year, windowStart, cutoff: iso(year, last, 14), due: iso(year, last, 20) };
}

/** Periods whose report contains the given quarter's work (for recurring milestones). */
export function periodEndMonth(period: PeriodCode): number {
  return LAST_MONTH[period];
}
