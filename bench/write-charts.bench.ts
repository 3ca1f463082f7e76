/**
 * What print setup and charts cost the .xlsx writer: one sheet of 12 indicator tables (units × result
 * and target), written plain, with its print setup (page numbers, a page break every 50 rows), and
 * with a horizontal bar chart drawn from each table, at 13 and at 1,000 units. Medians of the CPU time
 * of the writing thread (user + system), which a busy shared machine disturbs less than wall time;
 * rounds alternate the variants so that they are measured under the same conditions.
 */
import { a1 } from '../shared/cell';
import { emptySheet, type ChartSpec, type SheetModel } from '../shared/layout/sheet-model';
import { writeXlsxFast } from '../io/xlsx/fast-write';
import { nodeDeflate } from '../cli/codecs';

const TABLES = 12;
const ROUNDS = 21;
const WARM_UP = 3;

function chartBook(units: number, print: boolean, charts: boolean): SheetModel[] {
  const s = emptySheet('Biểu đồ chỉ tiêu');
  const specs: ChartSpec[] = [];
  let r = 0;
  for (let k = 0; k < TABLES; k++) {
    const top = r;
    s.rows[r++] = ['Đơn vị', 'Kết quả', 'Chỉ tiêu'];
    for (let u = 0; u < units; u++) s.rows[r++] = [`Xã số ${u + 1}`, (u % 97) / 97, 0.8];
    specs.push({
      sheet: s.name, range: `${a1(top, 0)}:${a1(r - 1, 2)}`, title: `Chỉ tiêu ${k + 1}`, anchor: a1(top, 4),
      seriesBy: 'Columns', type: 'barClustered', valueFormat: '0%',
    });
    s.rows[r++] = [];
  }
  if (charts) s.charts = specs;
  if (print) {
    s.print = {
      paper: 'A4', orientation: 'landscape', fitToWidth: true, pageNumbers: true,
      rowBreaks: Array.from({ length: Math.floor(r / 50) }, (_, i) => (i + 1) * 50),
    };
  }
  return [s];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

export interface ChartWritingResult {
  units: number;
  plainMs: number;
  printMs: number;
  chartsMs: number;
}

export function benchChartWriting(unitCounts: number[] = [13, 1000]): ChartWritingResult[] {
  return unitCounts.map((units) => {
    const variants = [chartBook(units, false, false), chartBook(units, true, false), chartBook(units, false, true)];
    const times: number[][] = variants.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      variants.forEach((sheets, i) => {
        const before = process.cpuUsage();
        writeXlsxFast(sheets, { deflate: nodeDeflate });
        const used = process.cpuUsage(before);
        if (round >= WARM_UP) times[i].push((used.user + used.system) / 1000);
      });
    }
    const [plainMs, printMs, chartsMs] = times.map(median);
    return { units, plainMs, printMs, chartsMs };
  });
}
