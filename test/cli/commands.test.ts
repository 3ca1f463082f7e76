/**
 * The four commands as a user runs them: `main(argv, output)` with the output captured. Exit codes
 * (0 done, 1 done but the data has problems, 2 wrong call), Vietnamese messages, and what each
 * command writes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { a1 } from '../../shared/cell';
import { defaultCalendar } from '../../shared/period';
import { columnIndex, INDICATOR_SHEET } from '../../shared/spec/annex';
import { DEMO_PERIOD, DEMO_YEAR } from '../../cli/demo';
import { HELP, main } from '../../cli/main';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { catalogForYear } from '../../shared/catalog/for-year';
import { buildPlan } from '../../shared/catalog/plan';
import { SAMPLE_COMMUNES } from '../../sample/communes';
import { ingestWorkbook, isSummaryInput } from '../../io/ingest';
import { sampleReport } from '../../sample/generate';
import {
  buildReport,
  captureOutput,
  compoundFile,
  CSV_EXPORT,
  PLAN,
  removeDir,
  rowOfCode,
  sheetOf,
  tempDir,
  unit,
  writeFile,
  type ReportValues,
  type WrittenReport,
} from './fixtures';

const PERIOD_ARGS = ['--nam', '2025', '--ky', 'Quý II'];

let root: string;
/** 90002 with every task completed before the cut-off: no error and no warning at all. */
let clean: WrittenReport;
let cleanPath: string;
/** 90003 like it, but one ratio with Tử số above Mẫu số. */
let overfull: WrittenReport;
let overfullPath: string;
const OVERFULL_CODE = 'CT.TTHC.03';

async function run(argv: string[]) {
  const io = captureOutput();
  const code = await main(argv, io);
  return { code, io, out: io.outLines.join('\n'), err: io.errLines.join('\n') };
}

/** Sample values for the unit, every task done on 10/03/2025 with its document. */
function allTasksDone(code: string): ReportValues {
  const values = sampleReport(unit(code), PLAN.indicators, PLAN.tasks, 2025, 'Q2');
  values.tasks = Object.fromEntries(
    PLAN.tasks.map((t, i) => [t.code, { status: 'Hoàn thành', completedOn: '2025-03-10', documentRef: `${i + 1}/KH-UBND`, documentDate: '2025-03-10' }]),
  );
  return values;
}

beforeAll(async () => {
  root = tempDir('commands');
  clean = await buildReport('90002', { report: allTasksDone('90002') });
  cleanPath = writeFile(root, '90002-anh-son.xlsx', clean.bytes);
  const values = allTasksDone('90003');
  values.indicators![OVERFULL_CODE] = { numerator: 215, denominator: 200 };
  overfull = await buildReport('90003', { report: values });
  overfullPath = writeFile(root, '90003-but-son.xlsx', overfull.bytes);
}, 30_000);

afterAll(() => removeDir(root));

describe('help and wrong calls', () => {
  it('help prints the Vietnamese help with the five commands', async () => {
    for (const argv of [['help'], ['--help'], [], ['consolidate', '-h']]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.out).toBe(HELP);
    }
    for (const command of ['cchc template', 'cchc nhap', 'cchc validate', 'cchc consolidate', 'cchc danh-muc xuat', 'cchc danh-muc kiem-tra', 'cchc demo']) expect(HELP).toContain(command);
    expect(HELP).toContain('Kỳ báo cáo: Quý I, Quý II, Quý III, Quý IV, 6 tháng, 9 tháng, Năm.');
    expect(HELP).toContain('2 — câu lệnh sai, không đọc hoặc không ghi được tệp, tệp kế hoạch không có bảng phụ lục (nhap),\n      hoặc không có báo cáo nào của kỳ để tổng hợp');
    expect(HELP).toContain('1 — với validate: báo cáo còn lỗi; với consolidate: có tệp không tổng hợp được hoặc đơn vị bị tạm giữ');
  });

  it('an unknown command: exit 2 and the list of commands', async () => {
    const r = await run(['tonghop', 'bao-cao/']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('Không có lệnh "tonghop". Các lệnh: template, nhap, validate, consolidate, danh-muc, demo. Gõ "cchc help" để xem hướng dẫn.');
  });
});

describe('template', () => {
  let path: string;
  let result: Awaited<ReturnType<typeof run>>;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    path = join(root, 'mau-anh-son.xlsx');
    result = await run(['template', '--don-vi', 'UBND xã Anh Sơn', '--ma', '90002', '--loai', 'xa', ...PERIOD_ARGS, '--ra', path]);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
  });

  it('writes the workbook and says where', () => {
    expect(result.code).toBe(0);
    expect(result.out).toBe(`Đã tạo biểu mẫu báo cáo Quý II năm 2025 cho UBND xã Anh Sơn: ${path}`);
    expect(result.err).toBe('');
  });

  it('has the sheets Thông tin, Phụ lục 1 - Chỉ tiêu, Phụ lục 2 - Nhiệm vụ (and the hidden metadata)', () => {
    const visible = wb.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);
    expect(visible).toEqual(['Thông tin', 'Phụ lục 1 - Chỉ tiêu', 'Phụ lục 2 - Nhiệm vụ']);
    expect(wb.worksheets.filter((ws) => ws.state !== 'visible').map((ws) => ws.name)).toEqual(['_cchc_meta', '_cchc_danh_muc']);
  });

  it('names the unit in each annex header, and the year and period in Thông tin', () => {
    for (const name of ['Phụ lục 1 - Chỉ tiêu', 'Phụ lục 2 - Nhiệm vụ']) {
      const ws = wb.getWorksheet(name)!;
      const header = [1, 2, 3, 4, 5, 6].map((r) => ws.getRow(r).values as ExcelJS.CellValue[]).flat().filter((v) => typeof v === 'string');
      expect(header).toContain('XÃ ANH SƠN');
      expect(header.some((t) => (t as string).endsWith('XÃ ANH SƠN NĂM 2025'))).toBe(true);
    }
    const info = new Map<string, ExcelJS.CellValue>();
    wb.getWorksheet('Thông tin')!.eachRow((row) => info.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(info.get('Tên đơn vị')).toBe('UBND xã Anh Sơn');
    expect(info.get('Mã đơn vị')).toBe('90002');
    expect(info.get('Loại đơn vị')).toBe('Xã');
    expect(info.get('Năm kế hoạch')).toBe(2025);
    expect(info.get('Kỳ báo cáo')).toBe('Quý II');
  });

  it('written again, keeps the earlier file', async () => {
    const again = await run(['template', '--don-vi', 'UBND xã Anh Sơn', ...PERIOD_ARGS, '--ra', path]);
    expect(again.code).toBe(0);
    expect(again.io.outLines[1]).toBe(`Tệp cũ được giữ lại: ${join(root, 'mau-anh-son.ban-truoc.xlsx')}`);
  });

  it('without --nam: exit 2, "Thiếu năm kế hoạch", and nothing written', async () => {
    const out = join(root, 'khong-nam.xlsx');
    const r = await run(['template', '--ky', 'Quý II', '--ra', out]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('Thiếu năm kế hoạch. Ví dụ: --nam 2025');
    expect(existsSync(out)).toBe(false);
  });

  it('a period that does not exist: exit 2 and the list of periods', async () => {
    for (const ky of ['Quý V', 'tháng 7']) {
      const r = await run(['template', '--nam', '2025', '--ky', ky, '--ra', join(root, 'sai-ky.xlsx')]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`Kỳ báo cáo "${ky}" không hợp lệ. Ghi một trong: Quý I, Quý II, Quý III, Quý IV, 6 tháng, 9 tháng, Năm.`);
    }
    expect(existsSync(join(root, 'sai-ky.xlsx'))).toBe(false);
  });

  it('a year that is not a year, and a missing output name: exit 2', async () => {
    const year = await run(['template', '--nam', '25', '--ky', 'Quý II', '--ra', join(root, 'x.xlsx')]);
    expect(year.code).toBe(2);
    expect(year.err).toBe('Năm "25" không hợp lệ. Ghi năm bằng 4 chữ số, ví dụ --nam 2025.');
    const out = await run(['template', ...PERIOD_ARGS]);
    expect(out.code).toBe(2);
    expect(out.err).toBe('Thiếu tên tệp sẽ tạo. Ví dụ: --ra bao-cao-quy-1.xlsx');
  });
});

describe('validate', () => {
  it('a clean filled report: exit 0, "không có lỗi"', async () => {
    const r = await run(['validate', cleanPath]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`UBND xã Anh Sơn — báo cáo Quý II năm 2025: không có lỗi (${PLAN.indicators.length} chỉ tiêu, ${PLAN.tasks.length} nhiệm vụ).`);
  });

  it('Tử số above Mẫu số: exit 1, the sheet, the exact cell and what to check', async () => {
    const sheet = sheetOf(overfull.sheets, INDICATOR_SHEET.name);
    const cell = a1(rowOfCode(sheet, OVERFULL_CODE), columnIndex(INDICATOR_SHEET, 'denominator'));
    const r = await run(['validate', overfullPath]);
    expect(r.code).toBe(1);
    expect(r.io.outLines).toEqual([
      `Phụ lục 1 - Chỉ tiêu!${cell} — lỗi: Ô ${cell} (Mẫu số): tử số 215 lớn hơn mẫu số 200. Kiểm tra lại: tử số là số đạt yêu cầu, không thể lớn hơn tổng số.`,
      'UBND phường Bút Sơn — báo cáo Quý II năm 2025: 1 lỗi, 0 cảnh báo.',
    ]);
  });

  it('an .xls: exit 2 with the refusal', async () => {
    const path = writeFile(root, 'bao-cao-cu.xls', compoundFile(['Root Entry', 'Workbook']));
    const r = await run(['validate', path]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('Tệp "bao-cao-cu.xls" là định dạng Excel 97-2003 (.xls). Hãy mở tệp trong Excel và lưu lại dạng Sổ làm việc Excel (.xlsx) rồi gửi lại.');
  });

  it('no file, or a file that is not there: exit 2', async () => {
    const none = await run(['validate']);
    expect(none.code).toBe(2);
    expect(none.err).toBe('Thiếu tệp cần kiểm tra. Ví dụ: cchc validate bao-cao.xlsx');
    const missing = join(root, 'khong-co.xlsx');
    const gone = await run(['validate', missing]);
    expect(gone.code).toBe(2);
    expect(gone.err).toBe(`Không tìm thấy "${missing}". Kiểm tra lại tên thư mục hoặc tệp (có thể đã bị đổi tên hoặc chuyển đi).`);
  });
});

describe('consolidate', () => {
  let allGood: string;
  let withRefused: string;
  let csvList: string;
  let xlsxList: string;
  const listed = ['90001', '90002', '90003', '90013'];

  beforeAll(async () => {
    allGood = join(root, 'du');
    withRefused = join(root, 'co-tep-loi');
    mkdirSync(allGood);
    mkdirSync(withRefused);
    const sample = await buildReport('90001');
    writeFile(allGood, '90001.xlsx', sample.bytes);
    writeFile(allGood, '90002.xlsx', clean.bytes);
    writeFile(withRefused, '90002.xlsx', clean.bytes);
    writeFile(withRefused, 'ghi-chu-hop.xlsx', CSV_EXPORT);

    // Excel's "CSV UTF-8": a byte-order mark, a header line, CRLF.
    csvList = writeFile(root, 'danh-sach.csv', '\uFEFFMã đơn vị,Tên đơn vị\r\n' + listed.map((c) => `${c},${unit(c).name}`).join('\r\n') + '\r\n');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['Mã', 'Tên đơn vị']);
    for (const c of listed) ws.addRow([Number(c), unit(c).name]);
    xlsxList = join(root, 'danh-sach.xlsx');
    writeFileSync(xlsxList, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  });

  const missingLine = `Chưa nộp (2): ${unit('90003').name}, ${unit('90013').name}.`;

  it('with the list as CSV: the units that sent nothing are named; all taken → exit 0', async () => {
    const out = join(root, 'tong-hop-csv.xlsx');
    const r = await run(['consolidate', allGood, ...PERIOD_ARGS, '--danh-sach', csvList, '--ra', out, '--ngay-tong-hop', '25/06/2025']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.io.outLines[0].split('\n')).toEqual(expect.arrayContaining(['Đã nhận: 2/4 đơn vị.', missingLine]));
    expect(r.out).toContain(`Đã ghi bảng tổng hợp: ${out}`);
    expect(existsSync(out)).toBe(true);
  });

  it('with the list as .xlsx (codes typed as numbers): the same units named', async () => {
    const r = await run(['consolidate', allGood, ...PERIOD_ARGS, '--danh-sach', xlsxList, '--ra', join(root, 'tong-hop-xlsx.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Đã nhận: 2/4 đơn vị.');
    expect(r.out).toContain(missingLine);
  });

  it('a refused file: exit 1, the file and its reason in the output', async () => {
    const r = await run(['consolidate', withRefused, ...PERIOD_ARGS, '--ra', join(root, 'tong-hop-loi.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Tệp không tổng hợp (1):\n  ghi-chu-hop.xlsx: Tệp "ghi-chu-hop.xlsx" là văn bản thuần (CSV/TXT)');
  });

  it('a report taken with errors is still taken: exit 0, the error counted in the output (README: 1 is for refused files)', async () => {
    const r = await run(['consolidate', cleanPath, overfullPath, ...PERIOD_ARGS, '--ra', join(root, 'tong-hop-sai-so.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Lỗi: 1, cảnh báo: 0 (chi tiết ở trang Lỗi dữ liệu).');
  });

  it('a unit that sent two different reports: exit 1, both files named', async () => {
    const dir = join(root, 'gui-hai-lan');
    mkdirSync(dir);
    writeFile(dir, '90003-lan-1.xlsx', overfull.bytes);
    writeFile(dir, '90003-lan-2.xlsx', (await buildReport('90003', { report: allTasksDone('90003') })).bytes);
    const r = await run(['consolidate', dir, ...PERIOD_ARGS, '--ra', join(root, 'tong-hop-hai-lan.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Gửi nhiều báo cáo khác nhau, chưa tổng hợp (1): ${unit('90003').name} [90003-lan-1.xlsx, 90003-lan-2.xlsx].`);
  });

  it('wrong calls: no folder, a list that is not there → exit 2', async () => {
    const noFolder = await run(['consolidate', ...PERIOD_ARGS, '--ra', join(root, 'x.xlsx')]);
    expect(noFolder.code).toBe(2);
    expect(noFolder.err).toMatch(/^Thiếu thư mục hoặc tệp báo cáo cần tổng hợp\./);
    const list = join(root, 'khong-co.csv');
    const noList = await run(['consolidate', allGood, ...PERIOD_ARGS, '--danh-sach', list, '--ra', join(root, 'x.xlsx')]);
    expect(noList.code).toBe(2);
    expect(noList.err).toBe(`Danh sách đơn vị phải báo cáo: Không tìm thấy "${list}". Kiểm tra lại tên thư mục hoặc tệp (có thể đã bị đổi tên hoặc chuyển đi).`);
    expect(existsSync(join(root, 'x.xlsx'))).toBe(false);
  });
});

describe('demo', () => {
  let folder: string;
  let result: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    folder = join(root, 'demo');
    result = await run(['demo', '--thu-muc', folder]);
  }, 60_000);

  it('exit 0 and the short summary: received, late, missing', () => {
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    const lines = result.out.split('\n');
    expect(lines).toContain('Đã nhận: 11/13 đơn vị.');
    expect(lines).toContain(`Trễ hạn: ${unit('90005').name} (6 ngày).`);
    expect(lines).toContain(`Chưa nộp (1): ${unit('90013').name}.`);
    expect(lines).toContain(`Đã ghi bảng tổng hợp: ${join(folder, 'tong-hop.xlsx')}`);
  });

  describe('the summary workbook it wrote, read back', () => {
    let summary: import('../../shared/consolidate/types').Summary;

    beforeAll(() => {
      const bytes = readFileSync(join(folder, 'tong-hop.xlsx'));
      const read = ingestWorkbook(bytes, 'tong-hop.xlsx', '');
      if (!isSummaryInput(read)) throw new Error(`tong-hop.xlsx was not read as a summary: ${JSON.stringify(read)}`);
      summary = read.summary;
    });

    it('the unit typed without diacritics (90012) is taken, its numbers as the unit meant them', () => {
      const plan2026 = buildPlan(catalogForYear(CATALOG_2025, DEMO_YEAR));
      const typed = sampleReport(unit('90012'), plan2026.indicators, plan2026.tasks, DEMO_YEAR, 'Q3', 1).indicators!;
      expect(summary.units.find((u) => u.code === '90012')).toMatchObject({ status: 'taken', files: ['90012-xa-xuan-lam.xlsx'] });
      const ratios = summary.indicators.filter((l) => l.unitCode === '90012' && l.kind === 'ratio');
      expect(ratios.length).toBeGreaterThan(30);
      for (const l of ratios) {
        expect({ code: l.code, state: l.state, numerator: l.numerator, denominator: l.denominator }).toEqual({
          code: l.code, state: 'valid', numerator: typed[l.code].numerator, denominator: typed[l.code].denominator,
        });
      }
    });

    it('a province of the two-level government: xã, phường and an đặc khu, no thị trấn', () => {
      expect(summary.consolidatingUnit.level).toBe('tinh');
      const names = summary.units.map((u) => u.name);
      expect(names.some((n) => n.startsWith('UBND phường'))).toBe(true);
      expect(names.filter((n) => /thị trấn/i.test(n))).toEqual([]);
      expect(SAMPLE_COMMUNES.filter((u) => u.kind === 'dac_khu').map((u) => u.name)).toEqual(['UBND đặc khu Hòn Mê']);
      expect(result.out).toContain('Tổng hợp báo cáo CCHC Quý III năm 2026');
    });

    it('the unit with data errors (90008) has them listed, each at its cell', () => {
      const file = '90008-phuong-quang-hung.xlsx';
      expect(summary.provenance.find((p) => p.fileName === file)?.outcome).toBe('taken_with_errors');
      const errors = summary.issues.filter((i) => i.unitCode === '90008' && i.severity === 'error');
      // What the demo puts in: Tử số above Mẫu số, words in a number cell, a task done without its date.
      expect(errors.map((i) => [i.sheet, i.rule])).toEqual([
        ['Phụ lục 1 - Chỉ tiêu', 'ratio.numerator_gt_denominator'],
        ['Phụ lục 1 - Chỉ tiêu', 'type.number'],
        ['Phụ lục 2 - Nhiệm vụ', 'task.done_without_date'],
      ]);
      expect(errors[1].message).toContain('“khoảng 50” không phải là số');
      for (const e of errors) {
        expect(e.fileName).toBe(file);
        expect(e.address).toMatch(/^[A-Z]+\d+$/);
        expect(e.message).toContain(`Ô ${e.address}`);
      }
    });

    it('the unit that sent two different reports (90006) is held out, both files named', () => {
      expect(summary.aggregates.completeness.heldOut).toEqual([
        { code: '90006', name: unit('90006').name, files: ['90006-phuong-dong-son-gui-lai.xlsx', '90006-phuong-dong-son.xlsx'] },
      ]);
      expect(summary.indicators.some((l) => l.unitCode === '90006')).toBe(false);
      expect(result.out).toContain(
        `Gửi nhiều báo cáo khác nhau, chưa tổng hợp (1): ${unit('90006').name} [90006-phuong-dong-son-gui-lai.xlsx, 90006-phuong-dong-son.xlsx].`,
      );
    });

    it('the late unit and the cut-off are those of Quý III/2026', () => {
      const cal = defaultCalendar('Q3', 2026);
      expect([DEMO_YEAR, DEMO_PERIOD]).toEqual([2026, 'Q3']);
      expect(summary).toMatchObject({ year: 2026, period: 'Q3', dueDate: cal.due, cutoff: cal.cutoff });
      expect(summary.aggregates.completeness.late.map((u) => [u.code, u.daysLate])).toEqual([['90005', 6]]);
    });
  });
});
