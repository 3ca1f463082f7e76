/**
 * The data behind the summary's charts (drawn by hosts that can, the Excel pane today): one small table per key indicator (each unit's result and its
 * own target), laid on one extra sheet beside the six summary sheets, and a clustered column chart
 * drawn from each table. Excel charts need their series in cells, and the summary sheets carry
 * results but not per-unit targets as numbers, hence this sheet; its numbers are read from the
 * Summary, never recomputed.
 * Key indicators: rate indicators whose consolidated target is a percentage (what the office is
 * asked about first), in summary order, at most MAX_CHARTS.
 */
import { a1 } from '../cell';
import type { IndicatorAggregate, Summary } from '../consolidate/types';
import { emptySheet, type ChartSpec, type SheetModel } from './sheet-model';

export const CHART_SHEET = 'Biểu đồ chỉ tiêu';
export const MAX_CHARTS = 12;
/** Rows between two indicator tables, so that each chart sits beside its own table. */
const BLOCK_MIN_ROWS = 18;

function percentTarget(t: { kind: string; unit?: string; value?: number }[] | null): number | null {
  const first = t?.[0];
  return first && first.kind === 'numeric' && first.unit === 'percent' && typeof first.value === 'number'
    ? first.value
    : null;
}

export function keyIndicators(summary: Summary): IndicatorAggregate[] {
  return summary.aggregates.indicators
    .filter((a) => a.kind === 'ratio' && percentTarget(a.target) !== null)
    .slice(0, MAX_CHARTS);
}

/** The chart sheet and its chart specs; no sheet when no indicator qualifies. */
export function chartSheet(summary: Summary): { sheet: SheetModel | null; charts: ChartSpec[] } {
  const keys = keyIndicators(summary);
  if (keys.length === 0) return { sheet: null, charts: [] };
  const sheet = emptySheet(CHART_SHEET);
  const charts: ChartSpec[] = [];
  const names = new Map(summary.units.map((u) => [u.code, u.name]));
  sheet.rows.push([`Kết quả từng đơn vị so với chỉ tiêu — ${summary.consolidatingUnit.name}, năm ${summary.year}`]);
  sheet.styles.push({ range: 'A1', style: { bold: true, fontSize: 14 } });
  let r = 2;
  for (const agg of keys) {
    const leaves = summary.indicators.filter((l) => l.code === agg.code && l.state === 'valid' && typeof l.result === 'number');
    const top = r;
    sheet.rows[r] = [`${agg.stt ? `${agg.stt}. ` : ''}${agg.name}`];
    sheet.styles.push({ range: a1(r, 0), style: { bold: true } });
    sheet.rows[r + 1] = ['Đơn vị', 'Kết quả', 'Chỉ tiêu'];
    sheet.styles.push({ range: `${a1(r + 1, 0)}:${a1(r + 1, 2)}`, style: { bold: true, border: true, fill: '#D9E1F2' } });
    leaves.forEach((l, i) => {
      sheet.rows[r + 2 + i] = [names.get(l.unitCode) ?? l.unitCode, l.result as number, percentTarget(l.target) ?? percentTarget(agg.target) ?? ''];
    });
    const last = r + 1 + Math.max(leaves.length, 1);
    if (leaves.length === 0) sheet.rows[r + 2] = ['chưa có số liệu hợp lệ'];
    sheet.styles.push({ range: `${a1(r + 2, 1)}:${a1(last, 2)}`, style: { numberFormat: '0.0%' } });
    if (leaves.length > 0) {
      charts.push({
        sheet: CHART_SHEET,
        range: `${a1(r + 1, 0)}:${a1(last, 2)}`,
        title: `${agg.stt ? `${agg.stt}. ` : ''}${agg.name}`.slice(0, 250),
        anchor: a1(top, 4),
        seriesBy: 'Columns',
      });
    }
    r = Math.max(last + 2, top + BLOCK_MIN_ROWS);
  }
  for (let i = 0; i < sheet.rows.length; i++) sheet.rows[i] ??= [];
  sheet.columnWidths = [30, 12, 12, 2];
  return { sheet, charts };
}
