/**
 * Tổng hợp as the consolidating office sees it in the pane: units that have not sent (from a list in
 * the workbook or a picked file), units held out for sending differing reports, refused files, and a
 * run where no file is for the chosen period, which suggests the period the files hold.
 */
import { consolidateFiles, readExpectedUnits, writeSummary, type PickedFile } from '../../addin/commands/consolidate-files';
import { describeHostError } from '../../addin/excel/host-errors';
import { consolidateReport, periodFilesHold } from '../../addin/pane/consolidate-report';
import { sharedPipeline } from '../../addin/pipeline';
import { provinceInputs } from '../../bench/addin/payload';
import { consolidate } from '../../shared/consolidate/consolidate';
import type { ConsolidateOptions } from '../../shared/consolidate/types';
import { emptySheet } from '../../shared/layout/sheet-model';
import { CHART_SHEET } from '../../shared/layout/summary-charts';
import { communeCode, communeWorkbook, NOT_A_WORKBOOK } from './commune-files';
import { FakeWorkbook } from './fake-excel';

const OPTS: ConsolidateOptions = { year: 2025, period: 'Q2', consolidatingUnit: { name: 'Sở Nội vụ tỉnh Nghệ An', level: 'tinh' }, now: '2025-06-25' };
const picked = (name: string, bytes: Uint8Array): PickedFile => ({ name, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer });

let files: PickedFile[];
beforeAll(async () => {
  files = [];
  for (let i = 1; i <= 3; i++) files.push(picked(`xa-${communeCode(i)}.xlsx`, await communeWorkbook(i)));
  files.push(picked('ghi-chu.xlsx', NOT_A_WORKBOOK));
}, 60_000);

async function run(book: FakeWorkbook, opts = OPTS, expected?: { sheet?: string; file?: PickedFile }) {
  const { context } = book.requestContext();
  return consolidateFiles(context, files, opts, sharedPipeline, undefined, { pageLayout: true }, expected);
}

describe('Tổng hợp in the pane', () => {
  test('the expected units come from a sheet of the workbook; who has not sent is listed', async () => {
    const book = new FakeWorkbook(['Danh sách xã']);
    const rows = [['Mã', 'Tên'], [communeCode(1), 'UBND xã Một'], [communeCode(2), 'UBND xã Hai'], [communeCode(3), 'UBND xã Ba'], ['16999', 'UBND xã Chưa Gửi']];
    rows.forEach((r, i) => r.forEach((v, j) => book.sheet('Danh sách xã').cells.set(`${i},${j}`, { value: v, formula: null, numberFormat: '@' })));
    const r = await run(book, OPTS, { sheet: 'danh sách xã' });
    const report = consolidateReport(r.summary, files.length);
    expect(report.level).toBe('warning');
    expect(report.headline).toBe('Đã tổng hợp 3 đơn vị (3/4 tệp) cho Quý II năm 2025.');
    expect(report.lists[0]).toEqual({ title: 'Chưa gửi báo cáo (1/4 đơn vị):', items: ['UBND xã Chưa Gửi (mã 16999)'] });
    const refused = report.lists.find((l) => l.title.startsWith('Tệp bị từ chối'))!;
    expect(refused.items).toHaveLength(1);
    expect(refused.items[0]).toMatch(/^ghi-chu\.xlsx: /);
    expect(report.advice).toBeNull();
  }, 60_000);

  test('the list can be a picked .csv file; a sheet that does not exist is a plain message, nothing written', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    const csv = picked('ds.csv', new TextEncoder().encode(`Mã;Tên\n${communeCode(1)};UBND xã Một\n16998;UBND xã Khác\n`));
    const units = await readExpectedUnits(book.requestContext().context, { file: csv });
    expect(units).toEqual([{ code: communeCode(1), name: 'UBND xã Một' }, { code: '16998', name: 'UBND xã Khác' }]);
    let message = '';
    try {
      await run(book, OPTS, { sheet: 'Không có' });
    } catch (e) {
      message = describeHostError(e).message;
    }
    expect(message).toBe('Không có trang “Không có” trong sổ tính này. Hãy nhập đúng tên trang chứa danh sách đơn vị (cột A: mã, cột B: tên), hoặc để trống ô này.');
    expect(book.names).toEqual(['Sheet1']);
  });

  test('no file for the chosen period: a warning that suggests the period the files hold, never a green success', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    const r = await run(book, { ...OPTS, period: 'Q3' });
    const report = consolidateReport(r.summary, files.length);
    expect(report.level).toBe('warning');
    expect(report.headline).toBe('Chưa tổng hợp được đơn vị nào cho Quý III năm 2025: 4 tệp đã chọn không có báo cáo hợp lệ của kỳ này.');
    expect(periodFilesHold(r.summary)).toEqual({ year: 2025, period: 'Q2', files: 3 });
    expect(report.advice).toBe('Không tệp nào là báo cáo Quý III năm 2025. 3 tệp là báo cáo Quý II năm 2025: nếu cần tổng hợp kỳ đó, hãy chọn Năm 2025, Kỳ báo cáo “Quý II” rồi bấm Tổng hợp lại.');
  }, 60_000);

  test('a unit that sent two different reports is held out and listed with its files', () => {
    const [a, b] = provinceInputs(2);
    const again = structuredClone(a);
    again.source = { ...again.source, fileName: `${a.report!.info.unitCode}-sua.xlsx`, sha256: 'f'.repeat(64) };
    const i = again.report!.indicators.findIndex((row) => row.kind === 'ratio' && row.numerator !== null && row.denominator !== null);
    const row = again.report!.indicators[i];
    const numerator = Math.max(0, (row.numerator ?? 0) - 1);
    again.report!.indicators[i] = { ...row, numerator, result: numerator / row.denominator! };
    const summary = consolidate([a, b, again], OPTS);
    const report = consolidateReport(summary, 3);
    const held = report.lists.find((l) => l.title.startsWith('Gửi nhiều báo cáo khác nhau'));
    expect(held?.items).toHaveLength(1);
    expect(held?.items[0]).toContain(`${a.report!.info.unitCode}-sua.xlsx`);
    expect(report.level).toBe('warning');
  });

  test('each run replaces its own charts, and a chart sheet this run does not make is removed', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    await run(book);
    const charts = book.sheet(CHART_SHEET).charts.length;
    expect(charts).toBeGreaterThan(0);
    await run(book);
    expect(book.sheet(CHART_SHEET).charts).toHaveLength(charts);
    // a later summary without a chart sheet
    const only = emptySheet('Tổng hợp chỉ tiêu');
    only.rows.push(['x']);
    await writeSummary(book.requestContext().context, [only], [], { pageLayout: true });
    expect(book.names).not.toContain(CHART_SHEET);
  }, 60_000);
});
