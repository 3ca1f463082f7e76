/**
 * Every refusal has a test: one batch holding three good commune reports and every kind of file a
 * consolidating office really receives. The batch goes on, each bad file is refused with its stable
 * code and a Vietnamese message naming it and saying what to do, the awkward-but-valid workbooks are
 * taken with the right issues, and not one byte of any input changes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { a1 } from '../../shared/cell';
import type { CellValue } from '../../shared/cell';
import type { ConsolidationInput, ProvenanceEntry, Summary } from '../../shared/consolidate/types';
import { addDays } from '../../shared/parse/calendar';
import { columnIndex, INDICATOR_SHEET } from '../../shared/spec/annex';
import { runConsolidation, type ConsolidateRun } from '../../cli/commands';
import { readXlsxValues } from '../../io/xlsx/read-values';
import { isSummaryInput } from '../../io/ingest';
import { SAMPLE_PARENT } from '../../sample/communes';
import {
  buildReport,
  captureOutput,
  compoundFile,
  CSV_EXPORT,
  hashFolder,
  HTML_EXPORT,
  odsFile,
  patchParts,
  PERIOD,
  removeDir,
  rowOfCode,
  sha256,
  sheetOf,
  tempDir,
  unit,
  withErrorCell,
  withDate1904,
  withoutCachedValues,
  writeFile,
  xlsbFile,
  XML_2003,
  YEAR,
  zipBomb,
  type WrittenReport,
} from './fixtures';

const NOW = '2025-06-25';
const NUM = columnIndex(INDICATOR_SHEET, 'numerator');
const RESULT = columnIndex(INDICATOR_SHEET, 'result');
const EXECUTOR = columnIndex(INDICATOR_SHEET, 'executor');
const NOTE = columnIndex(INDICATOR_SHEET, 'note');
/** Days between the 1900 and the 1904 date systems' day 0. */
const DAYS_1904 = 1462;

const GOOD = { '90001': '90001-binh-duong.xlsx', '90002': '90002-anh-son.xlsx', '90003': '90003-but-son.xlsx' } as const;

/** Files refused, with the stable code and words of the message that say what happened. */
const REFUSED: { file: string; code: string; says: string[] }[] = [
  { file: 'rong.xlsx', code: 'file.empty', says: ['trống (0 byte)'] },
  { file: 'tai-ve-do-dang.xlsx', code: 'file.truncated', says: ['bị cắt cụt'] },
  { file: 'bom-giai-nen.xlsx', code: 'file.zip_bomb', says: ['lớn bất thường', '50 MB'] },
  { file: 'bao-cao-excel-2003.xls', code: 'file.xls', says: ['Excel 97-2003 (.xls)'] },
  { file: 'co-mat-khau.xlsx', code: 'file.encrypted', says: ['mật khẩu', 'xóa mật khẩu'] },
  { file: 'libreoffice.ods', code: 'file.ods', says: ['OpenDocument (.ods)'] },
  { file: 'nhi-phan.xlsb', code: 'file.xlsb', says: ['Nhị phân', '(.xlsb)'] },
  { file: 'xuat-tu-phan-mem.xlsx', code: 'file.html', says: ['trang web (HTML)'] },
  { file: 'ghi-chu.xlsx', code: 'file.csv', says: ['văn bản thuần (CSV/TXT)'] },
  { file: 'xuat-ke-toan.xls', code: 'file.xml2003', says: ['Bảng tính XML 2003'] },
  { file: 'bang-luong.xlsx', code: 'sheet.missing', says: ['không phải báo cáo cải cách hành chính'] },
  { file: '90004-binh-tan-quy-1.xlsx', code: 'unit.wrong_period', says: ['Quý I năm 2025', 'Quý II năm 2025'] },
  { file: 'khong-ghi-ma.xlsx', code: 'unit.no_code', says: ['không có Mã đơn vị'] },
];
/** What an official can act on: every refusal ends by saying how to send the file again. */
const INSTRUCTION = /lưu lại|gửi lại|gửi báo cáo|tải lại/;

const HANDLED = {
  merged: '90006-o-gop.xlsx',
  uncalculated: '90007-chua-tinh-lai.xlsx',
  errors: '90008-loi-cong-thuc.xlsx',
  date1904: '90009-mac.xlsx',
  formulaText: '90010-ghi-chu-dau-bang.xlsx',
} as const;

let root: string;
let inbox: string;
let outDir: string;
let outPath: string;
/** Named on the command line but not there (moved, or a typo): listed, and the batch goes on. */
let missingPath: string;
let hashesBefore: Record<string, string>;
let first: ConsolidateRun;
let firstOutput: ReturnType<typeof captureOutput>;
let firstSummaryBytes: Uint8Array;
let second: ConsolidateRun;
let hashesAfter: Record<string, string>;
const written: Record<string, WrittenReport> = {};

const ind = (w: WrittenReport) => sheetOf(w.sheets, INDICATOR_SHEET.name);
const cellOf = (w: WrittenReport, code: string, col: number) => a1(rowOfCode(ind(w), code), col);
const provenanceOf = (summary: Summary, file: string): ProvenanceEntry => {
  const p = summary.provenance.find((x) => x.fileName === file);
  if (!p) throw new Error(`${file} is not in the provenance`);
  return p;
};
const issuesOf = (summary: Summary, file: string) => summary.issues.filter((i) => i.fileName === file);
const inputOf = (run: ConsolidateRun, file: string): ConsolidationInput => {
  const input = run.inputs.find((i) => i.source.fileName === file);
  if (!input || isSummaryInput(input)) throw new Error(`${file} was not read as a report`);
  return input;
};
/** Issues of a file beyond those every sample report has (tasks overdue at the cut-off). */
const ownIssues = (file: string) =>
  issuesOf(first.summary, file)
    .filter((i) => i.rule !== 'task.overdue')
    .map((i) => [i.sheet, i.address, i.severity, i.rule]);
const leaf = (summary: Summary, unitCode: string, code: string) => {
  const l = summary.indicators.find((x) => x.unitCode === unitCode && x.code === code);
  if (!l) throw new Error(`no leaf ${unitCode} ${code}`);
  return l;
};

/** Ratio codes that the sample values give a positive denominator, in catalog order. */
function ratioCodes(w: WrittenReport): string[] {
  return Object.entries(w.report.indicators ?? {})
    .filter(([, v]) => typeof v.denominator === 'number' && v.denominator > 0)
    .map(([code]) => code);
}

/** Every Date of every sheet moved back by the 1904 offset: the serials a 1904-system workbook stores. */
function shiftDatesTo1904(sheets: WrittenReport['sheets']) {
  for (const s of sheets) {
    s.rows = s.rows.map((row) =>
      row.map((v): CellValue => (v instanceof Date ? new Date(v.getTime() - DAYS_1904 * 86_400_000) : v)),
    );
  }
}

async function foreignWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bảng lương tháng 6');
  ws.addRow(['Họ và tên', 'Chức vụ', 'Hệ số', 'Thành tiền']);
  ws.addRow(['Nguyễn Văn A', 'Công chức Văn phòng - Thống kê', 2.34, 5_475_600]);
  ws.addRow(['Trần Thị B', 'Công chức Tư pháp - Hộ tịch', 2.67, 6_247_800]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

beforeAll(async () => {
  root = tempDir('refusals');
  inbox = join(root, 'bao-cao');
  outDir = join(root, 'ket-qua');
  mkdirSync(inbox);
  mkdirSync(outDir);
  outPath = join(outDir, 'tong-hop.xlsx');
  missingPath = join(root, 'da-chuyen-di.xlsx');

  for (const [code, file] of Object.entries(GOOD)) {
    written[code] = await buildReport(code);
    writeFile(inbox, file, written[code].bytes);
  }

  // Refused by their bytes.
  const good = written['90001'].bytes;
  writeFile(inbox, 'rong.xlsx', new Uint8Array(0));
  writeFile(inbox, 'tai-ve-do-dang.xlsx', good.slice(0, Math.floor(good.length / 2)));
  writeFile(inbox, 'bom-giai-nen.xlsx', zipBomb(60 * 1024 * 1024));
  writeFile(inbox, 'bao-cao-excel-2003.xls', compoundFile(['Root Entry', 'Workbook', '\u0005SummaryInformation']));
  writeFile(inbox, 'co-mat-khau.xlsx', compoundFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']));
  writeFile(inbox, 'libreoffice.ods', odsFile());
  writeFile(inbox, 'nhi-phan.xlsb', xlsbFile());
  writeFile(inbox, 'xuat-tu-phan-mem.xlsx', HTML_EXPORT);
  writeFile(inbox, 'ghi-chu.xlsx', CSV_EXPORT);
  writeFile(inbox, 'xuat-ke-toan.xls', XML_2003);
  // Refused by what they hold.
  writeFile(inbox, 'bang-luong.xlsx', await foreignWorkbook());
  writeFile(inbox, '90004-binh-tan-quy-1.xlsx', (await buildReport('90004', { period: 'Q1' })).bytes);
  writeFile(inbox, 'khong-ghi-ma.xlsx', (await buildReport('90005', { info: { unitCode: '' } })).bytes);

  // Taken, with what FACTS.md and DOMAIN.md say real files hold.
  written.merged = await buildReport('90006', {
    adjust: (sheets) => {
      const s = sheetOf(sheets, INDICATOR_SHEET.name);
      const r1 = rowOfCode(s, 'CT.TC.01');
      const r6 = rowOfCode(s, 'CT.TC.06');
      // One number typed over two rows' Tử số, and one executor written once for a whole group.
      s.rows[r1 + 1][NUM] = null;
      s.merges.push(`${a1(r1, NUM)}:${a1(r1 + 1, NUM)}`);
      for (let r = r1 + 1; r <= r6; r++) s.rows[r][EXECUTOR] = '';
      s.merges.push(`${a1(r1, EXECUTOR)}:${a1(r6, EXECUTOR)}`);
    },
  });
  writeFile(inbox, HANDLED.merged, written.merged.bytes);

  written.uncalculated = await buildReport('90007');
  writeFile(inbox, HANDLED.uncalculated, patchParts(written.uncalculated.bytes, (path, text, sheet) => (sheet ? withoutCachedValues(text) : undefined)));

  written.errors = await buildReport('90008');
  const [divCode, refCode] = ratioCodes(written.errors).slice(2, 4);
  writeFile(
    inbox,
    HANDLED.errors,
    patchParts(written.errors.bytes, (path, text, sheet) =>
      sheet === INDICATOR_SHEET.name
        ? withErrorCell(withErrorCell(text, cellOf(written.errors, divCode, RESULT), '#DIV/0!'), cellOf(written.errors, refCode, NUM), '#REF!')
        : undefined,
    ),
  );

  written.date1904 = await buildReport('90009', { adjust: (sheets) => shiftDatesTo1904(sheets) });
  writeFile(
    inbox,
    HANDLED.date1904,
    patchParts(written.date1904.bytes, (path, text) => (path === 'xl/workbook.xml' ? withDate1904(text) : undefined)),
  );

  const notes = unit('90010');
  written.formulaText = await buildReport(notes.code, {
    adjust: (sheets) => {
      const s = sheetOf(sheets, INDICATOR_SHEET.name);
      s.rows[rowOfCode(s, 'CT.CDDH.01')][NOTE] = '=1+1';
      s.rows[rowOfCode(s, 'CT.CDDH.02')][NOTE] = '+ chưa phát sinh hồ sơ';
      s.rows[rowOfCode(s, 'CT.CDDH.03')][NOTE] = '- đã rà soát 12 văn bản';
      s.rows[rowOfCode(s, 'CT.TC.01')][NOTE] = '@ chờ hướng dẫn của tỉnh';
    },
  });
  writeFile(inbox, HANDLED.formulaText, written.formulaText.bytes);

  hashesBefore = hashFolder(inbox);
  const opts = { year: YEAR, period: PERIOD, consolidatingUnit: SAMPLE_PARENT, now: NOW, outPath };
  firstOutput = captureOutput();
  first = await runConsolidation([inbox, missingPath], opts, firstOutput);
  firstSummaryBytes = readFileSync(outPath);
  second = await runConsolidation([inbox, missingPath], opts);
  hashesAfter = hashFolder(inbox);
}, 60_000);

afterAll(() => removeDir(root));

describe('the batch goes on', () => {
  it('reads every file of the folder, once', () => {
    const names = [...Object.keys(hashesBefore), 'da-chuyen-di.xlsx'].sort();
    expect(first.summary.provenance.map((p) => p.fileName).sort()).toEqual(names);
    expect(first.inputs).toHaveLength(names.length);
  });

  it('takes the three good reports, their numbers in the sums', () => {
    for (const [code, file] of Object.entries(GOOD)) {
      const p = provenanceOf(first.summary, file);
      expect(p.unitCode).toBe(code);
      // Sample progress leaves some tasks overdue: a warning about the data, not about the file.
      expect(p.outcome === 'taken' || p.outcome === 'taken_with_warnings').toBe(true);
      expect(issuesOf(first.summary, file).filter((i) => i.rule !== 'task.overdue')).toEqual([]);
      expect(first.summary.units.find((u) => u.code === code)).toMatchObject({ status: 'taken', files: [file] });
    }
    // Every ratio the good units sent is valid and summed as it was typed.
    const [code] = ratioCodes(written['90001']);
    for (const c of Object.keys(GOOD)) {
      const typed = written[c].report.indicators![code];
      expect(leaf(first.summary, c, code)).toMatchObject({ numerator: typed.numerator, denominator: typed.denominator, state: 'valid' });
    }
  });

  it('says in the terminal which files were not consolidated', () => {
    const text = firstOutput.all();
    expect(text).toContain(`Tệp không tổng hợp (${REFUSED.length + 1}):`);
    for (const r of REFUSED) expect(text).toContain(`  ${r.file}: `);
    expect(text).toContain(`Đã ghi bảng tổng hợp: ${outPath}`);
  });
});

describe('each hostile file is refused with its code and a message that names it and says what to do', () => {
  it.each(REFUSED)('$file → $code', ({ file, code, says }) => {
    const p = provenanceOf(first.summary, file);
    expect(p.outcome).toBe('refused');
    expect(p.reasons.map((r) => r.code)).toEqual([code]);
    const message = p.reasons[0].message;
    expect(message).toContain(file);
    expect(message).toMatch(INSTRUCTION);
    for (const words of says) expect(message).toContain(words);
    // The refusal is also listed with the data errors, so nothing is lost.
    expect(issuesOf(first.summary, file)).toContainEqual(expect.objectContaining({ rule: code, severity: 'error', message }));
  });

  it('a file named on the command line that is not there', () => {
    const p = provenanceOf(first.summary, 'da-chuyen-di.xlsx');
    expect(p).toMatchObject({ outcome: 'refused', sha256: '' });
    expect(p.reasons).toEqual([
      { code: 'file.unreadable', message: 'Không tìm thấy "da-chuyen-di.xlsx". Kiểm tra lại tên thư mục hoặc tệp (có thể đã bị đổi tên hoặc chuyển đi).' },
    ]);
  });

  it('a unit whose only file was refused is named, not counted as received', () => {
    const c = first.summary.aggregates.completeness;
    expect(c.refused).toEqual([{ code: '90004', name: unit('90004').name, files: ['90004-binh-tan-quy-1.xlsx'] }]);
    expect(first.summary.indicators.some((l) => l.unitCode === '90004')).toBe(false);
    // No unit code: nothing can be attributed to the unit that sent it.
    expect(first.summary.units.some((u) => u.code === '' || u.code === '90005')).toBe(false);
  });
});

describe('awkward but readable workbooks are taken, with the right issues', () => {
  it('merged cells: a merged range counts once, in its top-left cell', () => {
    const w = written.merged;
    expect(provenanceOf(first.summary, HANDLED.merged).outcome).not.toBe('refused');
    const typed = w.report.indicators!;
    expect(leaf(first.summary, '90006', 'CT.TC.01')).toMatchObject({ numerator: typed['CT.TC.01'].numerator, state: 'valid' });
    // The row under the anchor has no Tử số of its own: never the anchor's number again.
    const below = leaf(first.summary, '90006', 'CT.TC.02');
    expect(below.numerator).toBeNull();
    expect(below.state).not.toBe('valid');
    // A group's executor written once over six rows does not disturb their numbers.
    for (const code of ['CT.TC.03', 'CT.TC.04', 'CT.TC.05', 'CT.TC.06']) {
      expect(leaf(first.summary, '90006', code)).toMatchObject({ numerator: typed[code].numerator, denominator: typed[code].denominator, state: 'valid' });
    }
    expect(ownIssues(HANDLED.merged)).toEqual([[INDICATOR_SHEET.name, cellOf(w, 'CT.TC.02', NUM), 'error', 'ratio.missing_part']]);
    expect(provenanceOf(first.summary, HANDLED.merged).outcome).toBe('taken_with_errors');
    // Σ Tử số of CT.TC.02 is the other taken units' typed numbers: nothing from 90006.
    const takenOthers = [written['90001'], written['90002'], written['90003'], written.uncalculated, written.errors, written.date1904, written.formulaText];
    const expected = takenOthers.reduce((sum, o) => sum + (o.report.indicators!['CT.TC.02'].numerator ?? 0), 0);
    expect(first.summary.aggregates.indicators.find((a) => a.code === 'CT.TC.02')!.sumNumerator).toBe(expected);
  });

  it('formulas saved without a result: the template’s own ratio results are computed from their parts, and nothing is raised', () => {
    const w = written.uncalculated;
    const formulaCells = w.sheets
      .filter((s) => !s.hidden)
      .flatMap((s) => s.formulas.map((f) => `${s.name}!${a1(f.row, f.col)}`))
      .sort();
    expect(formulaCells.length).toBeGreaterThan(10);
    expect(ownIssues(HANDLED.uncalculated).filter(([, , , rule]) => rule === 'cell.formula_without_value')).toEqual([]);
    expect(provenanceOf(first.summary, HANDLED.uncalculated).outcome).not.toBe('refused');
    // The rate is computed from Tử số and Mẫu số, which are plain numbers.
    for (const code of ratioCodes(w)) {
      const typed = w.report.indicators![code];
      if (typed.numerator === null || typed.numerator === undefined || !typed.denominator) continue;
      expect(leaf(first.summary, '90007', code)).toMatchObject({
        numerator: typed.numerator, denominator: typed.denominator, state: 'valid', result: typed.numerator / typed.denominator,
      });
    }
  });

  it('error values (#DIV/0!, #REF!) are errors at their exact cells, and only their rows are left out', () => {
    const w = written.errors;
    const [, , divCode, refCode, fine] = ratioCodes(w);
    const divCell = cellOf(w, divCode, RESULT);
    const refCell = cellOf(w, refCode, NUM);
    expect(ownIssues(HANDLED.errors).sort()).toEqual([
      [INDICATOR_SHEET.name, divCell, 'error', 'cell.error'],
      [INDICATOR_SHEET.name, refCell, 'error', 'cell.error'],
    ].sort());
    const errors = issuesOf(first.summary, HANDLED.errors).filter((i) => i.rule === 'cell.error');
    expect(errors.find((i) => i.address === divCell)!.message).toContain('ô đang báo lỗi #DIV/0! (công thức chia cho 0');
    expect(errors.find((i) => i.address === refCell)!.message).toContain('ô đang báo lỗi #REF! (công thức trỏ tới ô hoặc trang đã bị xóa)');
    expect(provenanceOf(first.summary, HANDLED.errors).outcome).toBe('taken_with_errors');
    expect(leaf(first.summary, '90008', divCode).state).toBe('invalid');
    expect(leaf(first.summary, '90008', refCode).state).toBe('invalid');
    const typed = w.report.indicators![fine];
    expect(leaf(first.summary, '90008', fine)).toMatchObject({ numerator: typed.numerator, denominator: typed.denominator, state: 'valid' });
  });

  it('the 1904 date system (date1904="true"): every date reads as the day that was typed', () => {
    const w = written.date1904;
    const input = inputOf(first, HANDLED.date1904);
    expect(input.report!.info).toMatchObject({
      planDate: w.info.planDate,
      cutoffDate: w.info.cutoffDate,
      reportDate: w.info.reportDate,
    });
    const typedTasks = Object.entries(w.report.tasks ?? {}).filter(([, t]) => t.completedOn);
    expect(typedTasks.length).toBeGreaterThan(3);
    for (const [code, t] of typedTasks) {
      expect(input.report!.tasks.find((r) => r.code === code)).toMatchObject({ completedOn: t.completedOn, documentDate: t.documentDate });
    }
    expect(provenanceOf(first.summary, HANDLED.date1904).reportDate).toBe(w.info.reportDate);
    // No date is out of the plan year or after the report: nothing about dates to warn of.
    expect(ownIssues(HANDLED.date1904)).toEqual([]);
    // Read in the 1900 system the same serials would be four years early: the test would see it.
    expect(addDays(w.info.reportDate!, -DAYS_1904).slice(0, 4)).toBe('2021');
  });

  it('text starting with = + - @ in a note stays text; only "=" gets a warning, at its cell', () => {
    const w = written.formulaText;
    const input = inputOf(first, HANDLED.formulaText);
    const note = (code: string) => input.report!.indicators.find((r) => r.code === code)!.note;
    expect([note('CT.CDDH.01'), note('CT.CDDH.02'), note('CT.CDDH.03'), note('CT.TC.01')]).toEqual([
      '=1+1',
      '+ chưa phát sinh hồ sơ',
      '- đã rà soát 12 văn bản',
      '@ chờ hướng dẫn của tỉnh',
    ]);
    expect(ownIssues(HANDLED.formulaText)).toEqual([[INDICATOR_SHEET.name, cellOf(w, 'CT.CDDH.01', NOTE), 'warning', 'cell.formula_text']]);
    const issue = issuesOf(first.summary, HANDLED.formulaText).find((i) => i.rule === 'cell.formula_text')!;
    expect(issue.message).toContain('“=1+1” là chữ, không phải công thức đang tính');
    expect(provenanceOf(first.summary, HANDLED.formulaText).outcome).toBe('taken_with_warnings');
  });
});

describe('inputs are never modified; the summary is written atomically', () => {
  it('every input file has the same SHA-256 after both runs, and no file was added to the folder', () => {
    expect(hashesAfter).toEqual(hashesBefore);
    expect(Object.keys(hashesBefore)).toHaveLength(Object.keys(GOOD).length + REFUSED.length + Object.keys(HANDLED).length);
  });

  it('the provenance lists each file with the SHA-256 of its bytes', () => {
    for (const p of first.summary.provenance.filter((x) => x.fileName !== 'da-chuyen-di.xlsx')) {
      expect(p.sha256).toBe(hashesBefore[p.fileName]);
    }
    expect(first.summary.provenance.find((p) => p.fileName === 'rong.xlsx')!.sha256).toBe(sha256(new Uint8Array(0)));
  });

  it('the summary file exists and holds the six summary sheets', () => {
    expect(existsSync(outPath)).toBe(true);
    const read = readXlsxValues(firstSummaryBytes, { fileName: 'tong-hop.xlsx' });
    expect(read.ok && read.value.sheets.map((s) => s.name)).toEqual([
      'Tổng hợp chỉ tiêu', 'Biểu đồ chỉ tiêu', 'Chi tiết theo đơn vị', 'Tổng hợp nhiệm vụ', 'Tình hình nộp báo cáo', 'Nguồn dữ liệu', 'Lỗi dữ liệu',
      'Dữ liệu để tổng hợp lại',
    ]);
  });

  it('running again gives the same summary and keeps the previous file as tong-hop.ban-truoc.xlsx', () => {
    expect(second.summary).toEqual(first.summary);
    expect(first.previous).toBeNull();
    expect(second.previous).toBe(join(outDir, 'tong-hop.ban-truoc.xlsx'));
    expect(sha256(readFileSync(second.previous!))).toBe(sha256(firstSummaryBytes));
    // Nothing half-written is left beside the summary.
    expect(readdirSync(outDir).sort()).toEqual(['tong-hop.ban-truoc.xlsx', 'tong-hop.xlsx']);
  });
});


describe('a summary written into the folder being consolidated', () => {
  it('is not read back as an input on the next runs: same files, same summary', async () => {
    const dir = join(root, 'cung-thu-muc');
    mkdirSync(dir);
    writeFile(dir, GOOD['90001'], written['90001'].bytes);
    writeFile(dir, GOOD['90002'], written['90002'].bytes);
    const opts = { year: YEAR, period: PERIOD, consolidatingUnit: SAMPLE_PARENT, now: NOW, outPath: join(dir, 'tong-hop.xlsx') };
    const runs: ConsolidateRun[] = [];
    for (let i = 0; i < 3; i++) runs.push(await runConsolidation([dir], opts));
    expect(runs[2].summary.provenance.map((p) => [p.fileName, p.kind, p.outcome])).toEqual([
      [GOOD['90001'], 'report', runs[0].summary.provenance[0].outcome],
      [GOOD['90002'], 'report', runs[0].summary.provenance[1].outcome],
    ]);
    expect(runs[1].summary).toEqual(runs[0].summary);
    expect(runs[2].summary).toEqual(runs[0].summary);
    expect(readdirSync(dir).sort()).toEqual([GOOD['90001'], GOOD['90002'], 'tong-hop.ban-truoc.xlsx', 'tong-hop.xlsx']);
  });
});
