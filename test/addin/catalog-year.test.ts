/**
 * The Excel pane consolidates the communes' 2027 reports, made from the province's own catalog by
 * the command line, from the files alone (each carries its catalog), and gives the summary the
 * command line gives for the same files.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { consolidateFiles, type PickedFile } from '../../addin/commands/consolidate-files';
import { sharedPipeline } from '../../addin/pipeline';
import { runConsolidation } from '../../cli/commands';
import type { ConsolidateOptions } from '../../shared/consolidate/types';
import { CHANGED, make2027Reports, NEW_TASK } from '../support/catalog-2027';
import { FakeWorkbook } from './fake-excel';

jest.setTimeout(60_000);

const OPTS: ConsolidateOptions = {
  year: 2027, period: 'Q2', consolidatingUnit: { name: 'Sở Nội vụ tỉnh Thanh Hóa', level: 'tinh' }, now: '2027-06-16',
  catalogId: 'CCHC-THANHHOA',
};

let dir: string;
let reports: string[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-addin-2027-'));
  reports = await make2027Reports(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('Tổng hợp in Excel gives the command line’s summary of the 2027 reports', async () => {
  const picks: PickedFile[] = reports.map((f) => {
    const bytes = new Uint8Array(readFileSync(f));
    return { name: basename(f), arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer };
  });
  const book = new FakeWorkbook(['Sheet1']);
  const { context } = book.requestContext();
  const excel = await consolidateFiles(context, picks, OPTS, sharedPipeline, undefined, { pageLayout: true });
  const cli = await runConsolidation(reports, { ...OPTS, outPath: join(dir, 'tong-hop.xlsx'), workers: 0 });

  expect(excel.refused).toEqual([]);
  expect(excel.summary.aggregates).toEqual(cli.summary.aggregates);
  // No dates given: both take the catalog's calendar from the files.
  expect([excel.summary.cutoff, excel.summary.dueDate]).toEqual(['2027-06-10', '2027-06-15']);
  expect(excel.summary.aggregates.indicators.find((a) => a.code === CHANGED)).toMatchObject({ sumNumerator: 36, sumDenominator: 40, targetText: 'Tối thiểu 95%' });
  expect(excel.summary.aggregates.tasks.find((t) => t.code === NEW_TASK)).toMatchObject({ area: 'MTDT', done: 2 });
  const tasks = book.sheet('Tổng hợp nhiệm vụ').grid();
  expect(tasks.some((r) => r.includes('CẢI THIỆN MÔI TRƯỜNG ĐẦU TƯ, KINH DOANH'))).toBe(true);
});
