import { consolidateFiles, sha256Hex, type PickedFile } from '../../addin/commands/consolidate-files';
import { toHostValue } from '../../addin/excel/host-values';
import { sharedPipeline } from '../../addin/pipeline';
import { attentionList } from '../../shared/consolidate/attention';
import { CHART_SHEET, keyIndicators } from '../../shared/layout/summary-charts';
import { ingestWorkbook } from '../../io/ingest';
import type { CellValue } from '../../shared/cell';
import { consolidate } from '../../shared/consolidate/consolidate';
import type { ConsolidateOptions } from '../../shared/consolidate/types';
import { buildSummarySheets } from '../../shared/layout/summary';
import { communeCode, communeWorkbook, NOT_A_WORKBOOK, REPORTED_RATIOS } from './commune-files';
import { FakeWorkbook } from './fake-excel';

const OPTS: ConsolidateOptions = {
  year: 2025,
  period: 'Q2',
  consolidatingUnit: { name: 'Sở Nội vụ tỉnh Nghệ An', level: 'tinh' },
  now: '2025-06-25',
};

const cache = new Map<number, Uint8Array>();
async function commune(i: number): Promise<Uint8Array> {
  if (!cache.has(i)) cache.set(i, await communeWorkbook(i));
  return cache.get(i)!;
}

function picked(name: string, bytes: Uint8Array): PickedFile {
  return { name, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer };
}

async function files(n: number): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  for (let i = 1; i <= n; i++) out.push(picked(`xa-${communeCode(i)}.xlsx`, await commune(i)));
  return out;
}

/** Cell values as Excel holds them (dates as serials, empty as ''), trailing blanks dropped. */
function normalise(rows: readonly (readonly CellValue[])[]): (string | number | boolean)[][] {
  const out = rows.map((r) => {
    const row = r.map((v) => toHostValue(v));
    while (row.length && row[row.length - 1] === '') row.pop();
    return row;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

async function run(book: FakeWorkbook, picks: PickedFile[]) {
  const { fake, context } = book.requestContext();
  const progress: string[] = [];
  const result = await consolidateFiles(context, picks, OPTS, sharedPipeline, (d, t, n) => progress.push(`${d}/${t} ${n}`), { pageLayout: true });
  return { result, progress, syncs: fake.syncCount };
}

describe('Tổng hợp', () => {
  test('writes the six summary sheets and a chart per key indicator; lists refused files with reasons', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    const picks = [...(await files(3)), picked('ghi-chu.xlsx', NOT_A_WORKBOOK)];
    const { result, progress } = await run(book, picks);
    expect(progress).toEqual(['1/4 xa-16001.xlsx', '2/4 xa-16002.xlsx', '3/4 xa-16003.xlsx', '4/4 ghi-chu.xlsx']);
    expect(book.names).toEqual([
      'Sheet1', 'Tổng hợp chỉ tiêu', 'Chi tiết theo đơn vị', 'Tổng hợp nhiệm vụ', 'Tình hình nộp báo cáo', 'Nguồn dữ liệu', 'Lỗi dữ liệu', 'Dữ liệu để tổng hợp lại', CHART_SHEET,
    ]);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0].fileName).toBe('ghi-chu.xlsx');
    expect(result.refused[0].message).toMatch(/ghi-chu\.xlsx/);

    const submissions = book.sheet('Tình hình nộp báo cáo').grid();
    expect(submissions.map((r) => r[8])).toEqual(expect.arrayContaining(['16001', '16002', '16003']));

    // Charted: the indicators that need attention first, never the first ones in sheet order.
    const keys = keyIndicators(result.summary);
    const attention = attentionList(result.summary).map((x) => x.indicator.code);
    expect(keys.map((k) => k.code)).toEqual(attention.slice(0, keys.length));
    const charts = book.sheet(CHART_SHEET).charts;
    expect(result.charts).toBe(charts.length);
    expect(charts.length).toBeGreaterThan(0);
    const grid = book.sheet(CHART_SHEET).grid();
    for (const c of charts) {
      expect(c.seriesBy).toBe('Columns');
      expect(c.name).toMatch(/^CCHC_\d+$/);
      const [, from, to] = /!A(\d+):[A-Z](\d+)$/.exec(c.source)!.map(Number);
      expect(to - from).toBe(c.type === 'BarStacked' ? keys.length : to - from);
      expect(grid[from - 1].slice(0, 3)).toEqual(c.type === 'BarStacked' ? ['Chỉ tiêu', 'Đạt', 'Thiếu dưới 10%'] : ['Chỉ tiêu', 'Kết quả chung', 'Chỉ tiêu phấn đấu']);
      expect(typeof grid[from][1]).toBe('number');
    }
    expect(charts[0].type).toBe('BarStacked');
  });

  test('the summary sheets hold exactly what the command-line pipeline gives for the same files', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    const picks = [...(await files(4)), picked('ghi-chu.xlsx', NOT_A_WORKBOOK)];
    await run(book, picks);
    const inputs = [];
    for (const p of picks) {
      const bytes = new Uint8Array(await p.arrayBuffer());
      inputs.push(await ingestWorkbook(bytes, p.name, await sha256Hex(bytes)));
    }
    const direct = buildSummarySheets(consolidate(inputs, OPTS));
    expect(direct).toHaveLength(7);
    for (const sheet of direct) {
      expect(normalise(book.sheet(sheet.name).grid())).toEqual(normalise(sheet.rows));
    }
  });

  test('running it again refreshes the sheets and replaces its charts, without duplicates', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    await run(book, await files(2));
    const before = book.sheet(CHART_SHEET).charts.length;
    const { result } = await run(book, await files(3));
    expect(book.names.filter((n) => n === 'Tổng hợp chỉ tiêu')).toHaveLength(1);
    expect(book.sheet(CHART_SHEET).charts).toHaveLength(result.charts);
    expect(result.charts).toBe(before);
    expect(book.sheet('Tình hình nộp báo cáo').grid().map((r) => r[8])).toContain('16003');
  });

  test('syncs: two reads, then writes split only by payload (3 for 2 files, a few more for 50)', async () => {
    const small = await run(new FakeWorkbook(['Sheet1']), await files(2));
    const big = await run(new FakeWorkbook(['Sheet1']), await files(50));
    expect(big.result.summary.units.filter((u) => u.status === 'taken')).toHaveLength(50);
    expect(small.syncs).toBe(3);
    expect(big.syncs).toBeGreaterThanOrEqual(small.syncs);
    // each write request stays under the budget (payload.test.ts measures them with Office.js itself)
    expect(big.syncs).toBeLessThanOrEqual(small.syncs + 4);
  }, 120_000);

  test('SHA-256 of the bytes, as the command line computes it', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
