/**
 * Google Sheets consolidates, from a Drive folder, the communes' 2027 reports made from a province's
 * own catalog by the command line (each file carries its catalog), and writes the summary the
 * command line writes for the same files, cell for cell — the province's added area included.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { consolidateFiles } from '../../cli/consolidate-files';
import type { Summary } from '../../shared/consolidate/types';
import { buildSummarySheets } from '../../shared/layout/summary';
import { make2027Reports, NEW_TASK } from '../support/catalog-2027';
import { buildBundle, loadGas } from './fakes/gas';
import { configureHome, modelCells, summarySheetsOf } from './helpers';

jest.setTimeout(180_000);
beforeAll(() => buildBundle());

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NOW = '2027-06-16';
let dir = '';
let files: string[] = [];
let cli: Summary;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-gas-2027-'));
  files = await make2027Reports(dir);
  const run = await consolidateFiles(files, {
    year: 2027, period: 'Q2', consolidatingUnit: { name: 'Sở Nội vụ tỉnh Thanh Hóa', level: 'tinh' }, now: NOW, workers: 0, readAheadPath: null,
  });
  cli = run.summary;
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a Drive folder of 2027 reports gives the summary of cchc consolidate, cell for cell', () => {
  const gas = loadGas({ start: `${NOW}T09:00:00+07:00` });
  gas.drive.addFolder('folder-bao-cao-2027-q2', 'Báo cáo quý II năm 2027');
  files.forEach((path, i) => {
    gas.drive.addFile('folder-bao-cao-2027-q2', { id: `drive-2027-${String(i).padStart(3, '0')}-abcdefgh`, name: basename(path), mimeType: XLSX_MIME, bytes: new Uint8Array(readFileSync(path)) });
  });
  configureHome(gas, {
    folder: 'https://drive.google.com/drive/folders/folder-bao-cao-2027-q2', unitName: 'Sở Nội vụ tỉnh Thanh Hóa', level: 'Tỉnh', year: 2027, period: 'Quý II',
  }, []);
  gas.call('consolidateReports');

  expect(cli.aggregates.tasks.find((t) => t.code === NEW_TASK)).toMatchObject({ area: 'MTDT', done: 2 });
  const models = buildSummarySheets(cli);
  const got = summarySheetsOf(gas.home, models.map((m) => m.name));
  for (const m of models) expect({ sheet: m.name, cells: got[m.name] }).toEqual({ sheet: m.name, cells: modelCells(m) });
  expect(JSON.stringify(got)).toContain('CẢI THIỆN MÔI TRƯỜNG ĐẦU TƯ, KINH DOANH');
  expect(gas.sheets.ui.alerts.at(-1)).toContain('Đã tổng hợp báo cáo Quý II năm 2027:');
});
