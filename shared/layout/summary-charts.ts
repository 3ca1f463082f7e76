/**
 * The summary's charts, readable at any number of units: for the indicators that need attention
 * most (attention.ts, never sheet order or raw rate),
 * - how many units fall in each band of their own target (met; short by less than 10 %, 10–25 %,
 *   more than 25 % of the target; no valid data): one stacked bar per indicator;
 * - the consolidated result beside its target, for those with a percentage target: clustered bars.
 * Each chart's data sits in a small table on the chart sheet (Excel, Sheets and .xlsx charts all draw
 * from cells); the numbers come from the Summary, never recomputed.
 */
import { a1 } from '../cell';
import { attentionList, relativeShortfall } from '../consolidate/attention';
import { NO_VALID_DATA } from '../consolidate/summary-spec';
import type { IndicatorAggregate, Summary } from '../consolidate/types';
import type { Target } from '../model';
import { periodOfYear } from '../period';
import { fitRowHeights } from './row-heights';
import { emptySheet, type ChartSpec, type SheetModel } from './sheet-model';

export const CHART_SHEET = 'Biểu đồ chỉ tiêu';
export const MAX_CHARTS = 8;

export const BANDS = ['Đạt', 'Thiếu dưới 10%', 'Thiếu 10–25%', 'Thiếu trên 25%', 'Chưa có số liệu hợp lệ'] as const;
const BAND_COLORS = ['#2E7D32', '#F9A825', '#EF6C00', '#C62828', '#9E9E9E'];

function percentTarget(t: readonly Target[] | null): number | null {
  const first = t?.[0];
  return first && first.kind === 'numeric' && first.unit === 'percent' && Number.isFinite(first.value) ? first.value : null;
}

/** The indicators charted: the top of the attention list. */
export function keyIndicators(summary: Summary): IndicatorAggregate[] {
  return attentionList(summary).slice(0, MAX_CHARTS).map((x) => x.indicator);
}

const label = (a: IndicatorAggregate) => {
  const text = `${a.stt ? `${a.stt}. ` : ''}${a.name}`;
  return text.length > 70 ? `${text.slice(0, 69)}…` : text;
};

/** Units per band of shortfall against their own target; units without valid data in the last band. */
export function bandCounts(summary: Summary, agg: IndicatorAggregate): number[] {
  const counts = [0, 0, 0, 0, 0];
  for (const l of summary.indicators) {
    if (l.code !== agg.code) continue;
    if (l.state !== 'valid' || l.met === null) {
      if (l.state !== 'valid') counts[4]++;
      continue;
    }
    if (l.met) {
      counts[0]++;
      continue;
    }
    const share = relativeShortfall(l.target?.[0], l.gap) ?? 1;
    counts[share < 0.1 ? 1 : share <= 0.25 ? 2 : 3]++;
  }
  counts[4] += summary.aggregates.completeness.withoutData.length;
  return counts;
}

/** The chart sheet with its charts attached; no sheet when nothing needs attention. */
export function chartSheet(summary: Summary): { sheet: SheetModel | null; charts: ChartSpec[] } {
  const keys = keyIndicators(summary);
  if (keys.length === 0) return { sheet: null, charts: [] };
  const sheet = emptySheet(CHART_SHEET);
  const charts: ChartSpec[] = [];
  sheet.rows.push([`CÁC CHỈ TIÊU CẦN CHÚ Ý — ${summary.consolidatingUnit.name}, ${periodOfYear(summary.period, summary.year)}`]);
  sheet.styles.push({ range: 'A1', style: { bold: true, fontSize: 14 } });
  sheet.rows.push([`Số đơn vị theo mức đạt chỉ tiêu của chính đơn vị (thiếu tính theo phần trăm của chỉ tiêu); “${NO_VALID_DATA}” gồm cả đơn vị chưa nộp hoặc bị loại.`]);
  sheet.styles.push({ range: 'A2', style: { italic: true } });

  // Table 1: units by band.
  let r = 3;
  const top1 = r;
  sheet.rows[r] = ['Chỉ tiêu', ...BANDS];
  keys.forEach((a, i) => {
    sheet.rows[r + 1 + i] = [label(a), ...bandCounts(summary, a)];
  });
  const last1 = r + keys.length;
  sheet.styles.push({ range: `${a1(top1, 0)}:${a1(top1, BANDS.length)}`, style: { bold: true, border: true, fill: '#D9E1F2', wrap: true } });
  sheet.styles.push({ range: `${a1(top1 + 1, 0)}:${a1(last1, BANDS.length)}`, style: { border: true, wrap: true, vAlign: 'top' } });
  charts.push({
    sheet: CHART_SHEET,
    range: `${a1(top1, 0)}:${a1(last1, BANDS.length)}`,
    title: 'Số đơn vị theo mức đạt chỉ tiêu',
    anchor: a1(last1 + 2, 0),
    seriesBy: 'Columns',
    type: 'barStacked',
    size: { columns: 7, rows: 22 },
    valueFormat: '0',
    seriesColors: BAND_COLORS,
  });
  r = last1 + 2 + 23;

  // Table 2: consolidated result beside the target, percentage targets only.
  const rated = keys.filter((a) => a.kind === 'ratio' && a.value !== null && percentTarget(a.target) !== null);
  if (rated.length > 0) {
    const top2 = r;
    sheet.rows[r] = ['Chỉ tiêu', 'Kết quả chung', 'Chỉ tiêu phấn đấu'];
    rated.forEach((a, i) => {
      sheet.rows[r + 1 + i] = [label(a), a.value as number, percentTarget(a.target) as number];
    });
    const last2 = r + rated.length;
    sheet.styles.push({ range: `${a1(top2, 0)}:${a1(top2, 2)}`, style: { bold: true, border: true, fill: '#D9E1F2', wrap: true } });
    sheet.styles.push({ range: `${a1(top2 + 1, 0)}:${a1(last2, 2)}`, style: { border: true, wrap: true, vAlign: 'top' } });
    sheet.styles.push({ range: `${a1(top2 + 1, 1)}:${a1(last2, 2)}`, style: { numberFormat: '0.0%' } });
    charts.push({
      sheet: CHART_SHEET,
      range: `${a1(top2, 0)}:${a1(last2, 2)}`,
      title: 'Kết quả chung so với chỉ tiêu',
      anchor: a1(last2 + 2, 0),
      seriesBy: 'Columns',
      type: 'barClustered',
      size: { columns: 7, rows: 20 },
      valueFormat: '0%',
      seriesColors: ['#1F4E79', '#BF9000'],
    });
  }
  for (let i = 0; i < sheet.rows.length; i++) sheet.rows[i] ??= [];
  sheet.columnWidths = [48, 12, 12, 12, 12, 14];
  sheet.charts = charts;
  sheet.print = { paper: 'A4', orientation: 'landscape', fitToWidth: true, pageNumbers: true };
  fitRowHeights(sheet, 3);
  return { sheet, charts };
}
