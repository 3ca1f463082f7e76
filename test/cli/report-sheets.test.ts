/**
 * A report is read from its own sheets only (io/ingest.ts readReportValues): a sheet of other data
 * beside it is neither inflated nor read, so it neither costs memory nor refuses the report; an annex
 * renamed past recognition still makes the whole workbook read and the annex found by its header.
 * validate and consolidate read alike.
 */
import { INDICATOR_SHEET, INFO_SHEET, META_SHEET, TASK_SHEET } from '../../shared/spec/annex';
import { emptySheet } from '../../shared/layout/sheet-model';
import { CATALOG_SHEET } from '../../shared/catalog/embed';
import { DATA_SHEET } from '../../shared/consolidate/summary-data';
import { SUMMARY_SHEETS } from '../../shared/consolidate/summary-spec';
import { formatIssue } from '../../shared/validate';
import { main } from '../../cli/main';
import { ingestPath } from '../../cli/ingest-pool';
import { NODE_XLSX_CODECS } from '../../cli/codecs';
import { isReportTab, readReportValues } from '../../io/ingest';
import { readXlsxValues } from '../../io/xlsx/read-values';
import { buildReport, captureOutput, removeDir, tempDir, writeFile } from './fixtures';

let root: string;
beforeAll(() => (root = tempDir('report-sheets')));
afterAll(() => removeDir(root));

/** The package with the CRC-32 of entry `name` changed in its central directory and local header: reading that part refuses the file. */
function damageEntry(zip: Uint8Array, name: string): Uint8Array {
  const out = zip.slice();
  const view = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  let eocd = out.length - 22;
  while (view.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = view.readUInt32LE(eocd + 16);
  for (let n = view.readUInt16LE(eocd + 10); n > 0; n--) {
    const nameLen = view.readUInt16LE(p + 28);
    const entry = view.toString('utf8', p + 46, p + 46 + nameLen);
    if (entry === name) {
      const local = view.readUInt32LE(p + 42);
      view.writeUInt32LE(view.readUInt32LE(p + 16) ^ 1, p + 16);
      view.writeUInt32LE(view.readUInt32LE(local + 14) ^ 1, local + 14);
      return out;
    }
    p += 46 + nameLen + view.readUInt16LE(p + 30) + view.readUInt16LE(p + 32);
  }
  throw new Error(`no entry ${name}`);
}

function sheetNamesRead(bytes: Uint8Array): string[] {
  const read = readReportValues(bytes, { ...NODE_XLSX_CODECS, fileName: 'x.xlsx' });
  if (!read.ok) throw new Error(read.reason);
  return read.value.sheets.map((s) => s.name);
}

describe('the sheets a report is read from', () => {
  it('isReportTab: the three sheets by name, alias or a name starting with one; the hidden sheets; a summary’s sheets; nothing else', () => {
    for (const tab of [INFO_SHEET.name, INDICATOR_SHEET.name, TASK_SHEET.name, 'Phu luc 1', 'PL1', 'Phụ lục 01', 'phu luc 2 - nhiem vu nam 2025', 'Phụ lục 1 (sửa)', META_SHEET.name, CATALOG_SHEET, DATA_SHEET, ...Object.values(SUMMARY_SHEETS), 'tong hop chi tieu']) {
      expect([tab, isReportTab(tab)]).toEqual([tab, true]);
    }
    for (const tab of ['Sheet1', 'Số liệu gốc', 'Phụ lục 12', 'Phụ lục 3', 'Biểu đồ', 'Bảng A', '_cchc_khac']) {
      expect([tab, isReportTab(tab)]).toEqual([tab, false]);
    }
  });

  it('a damaged sheet of other data beside the report is not read: the report and its issues are those of the workbook without it, in validate and consolidate alike', async () => {
    const plain = await buildReport('90011');
    const extra = await buildReport('90011', {
      adjust: (sheets) => {
        const data = emptySheet('Số liệu gốc');
        data.rows = Array.from({ length: 50 }, (_, r) => Array.from({ length: 20 }, (_, c) => r * 20 + c));
        return [...sheets, data];
      },
    });
    const whole = readXlsxValues(extra.bytes, { ...NODE_XLSX_CODECS, fileName: 'x.xlsx' });
    expect(whole.ok && whole.value.sheets.map((s) => s.name)).toContain('Số liệu gốc');
    expect(sheetNamesRead(extra.bytes)).not.toContain('Số liệu gốc');

    const part = `xl/worksheets/sheet${whole.ok ? whole.value.sheets.length : 0}.xml`;
    const damaged = damageEntry(extra.bytes, part);
    // Read whole, the damaged sheet refuses the file: the sheet is the one damaged.
    expect(readXlsxValues(damaged, { ...NODE_XLSX_CODECS, fileName: 'x.xlsx' })).toMatchObject({ ok: false, code: 'file.corrupt' });

    const plainPath = writeFile(root, 'xa-90011.xlsx', plain.bytes);
    const damagedPath = writeFile(root, 'xa-90011-them-trang.xlsx', damaged);
    const a = ingestPath(plainPath);
    const b = ingestPath(damagedPath);
    if (!('issues' in a) || !('issues' in b) || a.report === null || b.report === null) throw new Error('not taken');
    expect(b.report).toEqual(a.report);
    expect(b.issues).toEqual(a.issues);

    const io = captureOutput();
    const code = await main(['validate', damagedPath], io);
    expect(io.errLines).toEqual([]);
    expect(io.outLines.filter((l) => / — (lỗi|cảnh báo): /.test(l))).toEqual(b.issues.map(formatIssue));
    expect(code).toBe(b.issues.some((i) => i.severity === 'error') ? 1 : 0);
  });

  it('an annex renamed past recognition: the whole workbook is read and the annex found by its header, as before', async () => {
    const plain = await buildReport('90012');
    const renamed = await buildReport('90012', {
      adjust: (sheets) => sheets.map((s) => (s.name === INDICATOR_SHEET.name ? { ...s, name: 'Bảng A' } : s)),
    });
    expect(sheetNamesRead(renamed.bytes)).toContain('Bảng A');
    const a = ingestPath(writeFile(root, 'xa-90012.xlsx', plain.bytes));
    const b = ingestPath(writeFile(root, 'xa-90012-bang-a.xlsx', renamed.bytes));
    if (!('issues' in a) || !('issues' in b) || a.report === null || b.report === null) throw new Error('not taken');
    expect(b.report.indicators).toEqual(a.report.indicators);
    expect(b.report.indicators.length).toBeGreaterThan(10);
  });
});
