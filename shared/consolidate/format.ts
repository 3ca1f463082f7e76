/**
 * Numbers, rates and dates as Vietnamese readers write them in text: decimal comma, dd/mm/yyyy
 * (shared/parse/number.ts and date.ts do the digits).
 * (Cells keep real numbers and dates with a number format; these are for text only.)
 */
import type { IsoDate } from '../cell';
import type { IndicatorKind, Target } from '../model';
import { formatDateVi as formatIsoVi } from '../parse/date';
import { formatNumberVi, formatPercentVi } from '../parse/number';

export { formatNumberVi, formatPercentVi };

/** yyyy-mm-dd → dd/mm/yyyy; null → ''; anything else as it is. */
export function formatDateVi(iso: IsoDate | null): string {
  return iso ? formatIsoVi(iso) : '';
}

/** dd/mm/yyyy (or d/m/yyyy) → yyyy-mm-dd; null when not such a date. */
export function parseDateVi(text: string): IsoDate | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

/** A unit's or the consolidated result as text: rates in percent, counts as numbers, words as typed. */
export function formatResult(kind: IndicatorKind, result: number | string | null): string {
  if (result === null) return '';
  if (typeof result === 'string') return result;
  if (kind === 'ratio') return formatPercentVi(result, 1);
  return formatNumberVi(result, 1);
}

/** A gap in the target's own unit, without sign: "8,0%", "5 phút", "3 ngày". */
export function formatGap(target: Target | null, gap: number | null): string {
  if (gap === null) return '';
  const g = Math.abs(gap);
  if (!target || target.kind !== 'numeric') return formatNumberVi(g, 1);
  switch (target.unit) {
    case 'percent':
      return formatPercentVi(g, 1);
    case 'minutes':
      return `${formatNumberVi(g, 1)} phút`;
    case 'days':
      return `${formatNumberVi(g, 1)} ngày`;
    default:
      return formatNumberVi(g, 1);
  }
}
