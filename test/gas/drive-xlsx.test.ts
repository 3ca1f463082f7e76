/**
 * The demo's .xlsx files (the late one, the one sent twice, the one with data errors, the one typed
 * without diacritics, the CSV renamed .xlsx) plus an .xls and an .ods, dropped into a Drive folder —
 * one moved into a subfolder, one reached through a shortcut, a trashed copy beside them — give in
 * Google Sheets exactly the summary and the refusals that `cchc consolidate` gives for the same files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { DEMO_PERIOD, DEMO_YEAR, writeDemoInputs } from '../../cli/demo';
import { consolidateFiles } from '../../cli/consolidate-files';
import { listInputFiles } from '../../cli/files';
import { SUMMARY_SHEETS } from '../../shared/consolidate/summary-spec';
import type { Summary } from '../../shared/consolidate/types';
import { buildSummarySheets } from '../../shared/layout/summary';
import { addDays } from '../../shared/parse/calendar';
import { defaultCalendar } from '../../shared/period';
import { SAMPLE_COMMUNES, SAMPLE_PARENT } from '../../sample/communes';
import { buildBundle, loadGas } from './fakes/gas';
import { SHORTCUT_MIME } from './fakes/services';
import { configureHome, modelCells, summarySheetsOf } from './helpers';

jest.setTimeout(180_000);
beforeAll(() => buildBundle());

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MIME_BY_EXT: Record<string, string> = {
  xlsx: XLSX_MIME,
  xls: 'application/vnd.ms-excel',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

let dir = '';
let files: string[] = [];
let cli: Summary;
const now = addDays(defaultCalendar(DEMO_PERIOD, DEMO_YEAR).due, 7);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-gas-drive-'));
  const demo = await writeDemoInputs(dir);
  // An Excel 97-2003 file and a LibreOffice one, as offices still receive.
  writeFileSync(join(demo.reportsFolder, 'bao-cao-cu.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
  writeFileSync(
    join(demo.reportsFolder, 'bao-cao-libreoffice.ods'),
    zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<office:document-content/>'), 'META-INF/manifest.xml': strToU8('<manifest/>') }),
  );
  files = listInputFiles([demo.reportsFolder]);
  const run = await consolidateFiles(files, {
    year: DEMO_YEAR,
    period: DEMO_PERIOD,
    consolidatingUnit: SAMPLE_PARENT,
    expectedUnits: SAMPLE_COMMUNES.map((u) => ({ code: u.code, name: u.name })),
    now,
    workers: 0,
    readAheadPath: null,
  });
  cli = run.summary;
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a Drive folder of the demo files gives the summary and refusals of cchc consolidate', () => {
  const gas = loadGas({ start: `${now}T09:00:00+07:00` });
  gas.drive.addFolder('folder-bao-cao-quy-3', 'Báo cáo quý III');
  gas.drive.addFolder('folder-con-00000001', 'Gửi muộn', 'folder-bao-cao-quy-3');
  gas.drive.addFolder('folder-khac-0000001', 'Thư mục khác');
  files.forEach((path, i) => {
    const name = basename(path);
    const file = { id: `drive-file-${String(i).padStart(3, '0')}-abcdefgh`, name, mimeType: MIME_BY_EXT[name.split('.').pop()!] ?? XLSX_MIME, bytes: new Uint8Array(readFileSync(path)) };
    if (i === 1) gas.drive.addFile('folder-con-00000001', file); // in a subfolder
    else if (i === 2) {
      // Kept elsewhere, reached through a shortcut named otherwise.
      gas.drive.addFile('folder-khac-0000001', file);
      gas.drive.addFile('folder-bao-cao-quy-3', { id: 'shortcut-0000000001', name: 'Lối tắt tới báo cáo', mimeType: SHORTCUT_MIME, targetId: file.id });
    } else gas.drive.addFile('folder-bao-cao-quy-3', file);
  });
  // A trashed copy of a report: Drive still lists it in the folder; it must not count twice.
  gas.drive.addFile('folder-bao-cao-quy-3', { id: 'trashed-copy-000001', name: basename(files[0]), mimeType: XLSX_MIME, bytes: new Uint8Array(readFileSync(files[0])), trashed: true });
  // And a PDF, which the command line would not read either.
  gas.drive.addFile('folder-bao-cao-quy-3', { id: 'cong-van-pdf-000001', name: 'Công văn.pdf', mimeType: 'application/pdf', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]) });

  configureHome(
    gas,
    { folder: 'https://drive.google.com/drive/folders/folder-bao-cao-quy-3', unitName: SAMPLE_PARENT.name, level: 'Tỉnh', year: DEMO_YEAR, period: 'Quý III' },
    SAMPLE_COMMUNES.map((u) => ({ code: u.code, name: u.name })),
  );
  gas.call('consolidateReports');

  // The same refusals, word for word, and the same digests of the same bytes.
  const provenance = (rows: unknown[][]) => rows.slice(4).filter((r) => r[1]).map((r) => r.slice(0, 14));
  const sheetsSources = provenance(summarySheetsOf(gas.home, [SUMMARY_SHEETS.sources])[SUMMARY_SHEETS.sources]);
  const cliModels = buildSummarySheets(cli);
  const cliSources = provenance(modelCells(cliModels.find((m) => m.name === SUMMARY_SHEETS.sources)!));
  expect(sheetsSources).toEqual(cliSources);
  expect(JSON.stringify(sheetsSources)).toContain('Tệp \\"bao-cao-cu.xls\\" là định dạng Excel 97-2003 (.xls).');
  expect(JSON.stringify(sheetsSources)).toContain('Tệp \\"bao-cao-libreoffice.ods\\" là bảng tính OpenDocument (.ods)');
  expect(JSON.stringify(sheetsSources)).toContain('Tệp \\"ghi-chu-hop-giao-ban.xlsx\\" là văn bản thuần (CSV/TXT)');
  expect(JSON.stringify(sheetsSources)).not.toContain('Công văn.pdf');

  // Every summary sheet, cell for cell.
  const got = summarySheetsOf(gas.home, cliModels.map((m) => m.name));
  for (const m of cliModels) expect({ sheet: m.name, cells: got[m.name] }).toEqual({ sheet: m.name, cells: modelCells(m) });
  expect(gas.sheets.ui.alerts.at(-1)).toContain(`Đã tổng hợp báo cáo Quý III năm ${DEMO_YEAR}:`);
});
