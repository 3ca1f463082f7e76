/**
 * cchc nhap end to end: the seed plans' Word documents and hand-made sheets become standard
 * workbooks that validate like a template the unit filled by hand and consolidate with other units'
 * reports; the plan file is never modified; what cannot be read is refused in Vietnamese.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main';
import { runConsolidation, type Output } from '../../cli/commands';
import { NODE_XLSX_CODECS, nodeDeflate } from '../../cli/codecs';
import { readXlsxValues } from '../../io/xlsx/read-values';
import { writeXlsx } from '../../io/xlsx/write';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { catalogForYear } from '../../shared/catalog/for-year';
import { buildPlan } from '../../shared/catalog/plan';
import { importedWorkbook } from '../../shared/import/workbook';
import { standardTemplate } from '../../shared/layout/standard-template';
import { emptySheet } from '../../shared/layout/sheet-model';
import type { UnitInfo } from '../../shared/model';
import { INDICATOR_SHEET, TASK_SHEET, TEMPLATE_ID, TEMPLATE_VERSION } from '../../shared/spec/annex';
import { readReport } from '../../shared/validate';
import { sampleReport } from '../../sample/generate';
import { SAMPLE_COMMUNES } from '../../sample/communes';
import { FIXTURES, importFixture } from './fixtures';

jest.setTimeout(60_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-nhap-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

const UNIT_ARGS = ['--ma', '90001', '--nam', '2025', '--ky', 'Quý II', '--don-vi', 'UBND thị trấn Bình Dương', '--loai', 'thi-tran',
  '--tong-hop', 'UBND huyện Phù Mỹ', '--cap', 'huyen', '--ke-hoach', '05/KH-UBND', '--ngay-ke-hoach', '10/01/2025'];

function gridsOf(path: string) {
  const r = readXlsxValues(readFileSync(path), { fileName: path, ...NODE_XLSX_CODECS });
  if (!r.ok) throw new Error(r.reason);
  return { grids: Object.fromEntries(r.value.sheets.map((s) => [s.name, s.grid])), date1904: r.value.date1904 };
}

function issuesOf(path: string): string[] {
  const { grids, date1904 } = gridsOf(path);
  return readReport(grids, { date1904, fileName: path }).issues.map((i) => `${i.sheet}!${i.address} ${i.severity} ${i.rule}`);
}

describe('cchc nhap ke-hoach.docx', () => {
  it('writes the pre-filled workbook, prints the report, leaves the plan untouched', async () => {
    const plan = join(dir, 'ke-hoach-binh-duong.docx');
    copyFileSync(join(FIXTURES, 'seed-000.docx'), plan);
    const before = sha(plan);
    const out = join(dir, 'binh-duong.xlsx');
    const io = capture();
    expect(await main(['nhap', plan, ...UNIT_ARGS, '--ra', out], io)).toBe(0);
    expect(sha(plan)).toBe(before);
    expect(io.errors).toEqual([]);
    expect(io.lines).toEqual([
      'Đã đọc tệp "ke-hoach-binh-duong.docx": 2 bảng phụ lục (20 chỉ tiêu; 18 nhiệm vụ).',
      'Khớp với biểu mẫu chuẩn: 36 dòng (theo mã: 0; theo tên: 36).',
      'Dòng riêng của đơn vị (giữ nguyên như kế hoạch): 2.',
      'Cần kiểm tra lại 2 dòng:',
      '  - bảng 5, dòng 5 (STT 3) “Kế hoạch truyền công tác cải cách hành chính năm 2025.”: giữ là dòng riêng của đơn vị; có thể là dòng “Kế hoạch tuyên truyền công tác cải cách hành chín…” (giống 73%) của biểu mẫu chuẩn.',
      '  - bảng 5, dòng 28 (STT 16) “Kế hoạch chuyển đổi số thị trấn Bình Dương năm 2025”: giữ là dòng riêng của đơn vị; có thể là dòng “Kế hoạch chuyển đổi số xã năm 2025” (giống 63%) của biểu mẫu chuẩn.',
      'Mọi chỉ tiêu phấn đấu và thời gian hoàn thành đều đọc được.',
      '78 dòng của biểu mẫu chuẩn không có trong kế hoạch nên không đưa vào sổ.',
      `Đã tạo sổ làm việc Quý II năm 2025 của UBND thị trấn Bình Dương theo kế hoạch đã nhập: ${out}.`,
      'Cột Ghi chú của từng dòng ghi dòng nguồn trong kế hoạch và mức độ khớp; hãy xem lại các dòng cần kiểm tra trước khi báo cáo.',
    ]);

    const { grids } = gridsOf(out);
    const tasks = grids[TASK_SHEET.name];
    const col = (key: string) => TASK_SHEET.columns.findIndex((c) => c.key === key);
    const row = tasks.find((r) => r[col('code')] === 'NV.TC.01') ?? [];
    expect([row[col('deadline')], row[col('lead')], row[col('partners')], row[col('planNote')], row[col('reportNote')]]).toEqual([
      'Ban hành: Quý I Thực hiện: Cả năm', 'Tư pháp - Hộ tịch', 'Thường trực HĐND thị trấn;\nVăn phòng UBND thị trấn.',
      'Nhập từ bảng 5, dòng 8 (STT 5); khớp theo tên, độ giống 100%.', null,
    ]);
    const own = tasks.find((r) => r[col('code')] === 'NV.CQS.90001.01') ?? [];
    expect([own[col('name')], own[col('deadline')]]).toEqual(['Kế hoạch chuyển đổi số thị trấn Bình Dương năm 2025', 'Ban hành: Quý I\nThực hiện: Cả năm']);
    const ind = grids[INDICATOR_SHEET.name];
    const icol = (key: string) => INDICATOR_SHEET.columns.findIndex((c) => c.key === key);
    const r4 = ind.find((r) => r[icol('code')] === 'CT.CDCV.01') ?? [];
    expect([r4[icol('target')], r4[icol('monitor')]]).toEqual(['Trên 100% cán bộ, công chức cấp thị trấn đạt chuẩn theo quy định', 'Văn phòng UBND thị trấn']);
    expect(ind.filter((r) => /^CT\./.test(String(r[icol('code')])))).toHaveLength(20);

    // The same checks as a fresh template of the same unit: only the report date is left to type,
    // plus the seed's own "Trên 100%" flagged as it would be typed by hand.
    const template = join(dir, 'mau.xlsx');
    expect(await main(['template', ...UNIT_ARGS, '--ra', template], capture())).toBe(0);
    expect(issuesOf(template)).toEqual(['Thông tin!B13 error required']);
    expect(issuesOf(out)).toEqual(['Thông tin!B13 error required', `${INDICATOR_SHEET.name}!D${ind.indexOf(r4) + 1} warning target.suspicious`]);
  });

  it('reads the hand-made sheet the same way', async () => {
    const out = join(dir, 'but-son.xlsx');
    const io = capture();
    expect(await main(['nhap', join(FIXTURES, 'seed-002.xlsx'), ...UNIT_ARGS, '--ra', out], io)).toBe(0);
    expect(io.lines.slice(0, 3)).toEqual([
      'Đã đọc tệp "seed-002.xlsx": 1 bảng phụ lục (23 nhiệm vụ).',
      'Khớp với biểu mẫu chuẩn: 2 dòng (theo mã: 0; theo tên: 2).',
      'Dòng riêng của đơn vị (giữ nguyên như kế hoạch): 21.',
    ]);
    expect(io.lines).toContain('Kế hoạch không có bảng chỉ tiêu: giữ các chỉ tiêu của biểu mẫu chuẩn.');
    expect(issuesOf(out)).toEqual(['Thông tin!B13 error required']);
  });

  it.each([
    ['ke-hoach.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      'Tệp "ke-hoach.doc" là tài liệu Word 97-2003 (.doc), chưa đọc được. Hãy mở tệp trong Word, chọn Tệp → Lưu thành → Tài liệu Word (*.docx), rồi chọn tệp .docx vừa lưu.'],
    ['ke-hoach.pdf', Buffer.from('%PDF-1.5\n%âãÏÓ\n'),
      'Tệp "ke-hoach.pdf" là tệp PDF: bảng trong PDF không đọc lại được chính xác. Hãy mở bản Word của kế hoạch, chọn Tệp → Lưu thành → Tài liệu Word (*.docx); nếu chỉ có bản PDF, chép các bảng phụ lục sang Excel rồi chọn tệp .xlsx đó.'],
  ])('refuses %s with how to save it as .docx, writing nothing', async (name, bytes, message) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const out = join(dir, `${name}.xlsx`);
    const io = capture();
    expect(await main(['nhap', path, ...UNIT_ARGS, '--ra', out], io)).toBe(2);
    expect(io.errors).toEqual([message]);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a file without an annex table, and an output that would overwrite the plan', async () => {
    const sheet = emptySheet('Danh bạ');
    sheet.rows = [['Họ tên', 'Điện thoại'], ['Nguyễn Văn A', '0912 345 678']];
    const path = join(dir, 'danh-ba.xlsx');
    writeFileSync(path, await writeXlsx([sheet], { deflate: nodeDeflate }));
    const io = capture();
    expect(await main(['nhap', path, ...UNIT_ARGS, '--ra', join(dir, 'x.xlsx')], io)).toBe(2);
    expect(io.errors[0]).toMatch(/^Không tìm thấy bảng phụ lục nào trong tệp "danh-ba.xlsx"\. Bảng cần có một dòng tiêu đề gồm cột STT .* Chưa ghi gì\.$/);
    const before = sha(path);
    const same = capture();
    expect(await main(['nhap', path, ...UNIT_ARGS, '--ra', path], same)).toBe(2);
    expect(same.errors[0]).toMatch(/^Tệp ghi ra \(--ra\) trùng với tệp kế hoạch .*kế hoạch gốc không bao giờ bị ghi đè/);
    expect(sha(path)).toBe(before);
  });

  it('a standard workbook read back matches every row by its code', async () => {
    const template = join(dir, 'mau-chuan.xlsx');
    expect(await main(['template', ...UNIT_ARGS, '--ra', template], capture())).toBe(0);
    const io = capture();
    expect(await main(['nhap', template, ...UNIT_ARGS, '--ra', join(dir, 'doc-lai.xlsx')], io)).toBe(0);
    const plan = buildPlan(catalogForYear(CATALOG_2025, 2025));
    expect(io.lines.slice(0, 4)).toEqual([
      `Đã đọc tệp "mau-chuan.xlsx": 2 bảng phụ lục (${plan.indicators.length} chỉ tiêu; ${plan.tasks.length} nhiệm vụ).`,
      `Khớp với biểu mẫu chuẩn: ${plan.indicators.length + plan.tasks.length} dòng (theo mã: ${plan.indicators.length + plan.tasks.length}; theo tên: 0).`,
      'Dòng riêng của đơn vị (giữ nguyên như kế hoạch): 0.',
      'Không có dòng nào khớp chưa chắc chắn.',
    ]);
  });

  it('lists the command in the help text', async () => {
    const io = capture();
    await main(['help'], io);
    expect(io.lines.join('\n')).toContain('cchc nhap        <ke-hoach.docx | bang.xlsx> --ma 90002 --nam 2025 --ra anh-son.xlsx');
  });
});

describe('a pre-filled workbook, filled in and sent up, consolidates like one filled by hand', () => {
  it('both units are taken; shared rows add up; the unit’s own rows are its own', async () => {
    const catalog = catalogForYear(CATALOG_2025, 2025);
    const info = (code: string): Partial<UnitInfo> => {
      const u = SAMPLE_COMMUNES.find((c) => c.code === code)!;
      return {
        unitName: u.name, unitCode: u.code, unitKind: u.kind, parentName: 'Sở Nội vụ tỉnh', parentLevel: 'tinh', planNumber: u.planNumber,
        planDate: u.planDate, year: 2025, period: 'Q2', cutoffDate: '2025-06-14', reportDate: '2025-06-16', reporter: u.reporter,
        templateId: TEMPLATE_ID, templateVersion: TEMPLATE_VERSION,
      };
    };
    // Imported plan (seed 000), values filled for the rows it has, as the unit would type them.
    const imported = importFixture('seed-000.docx');
    const plan = buildPlan(catalog, imported.customisation);
    const unitA = SAMPLE_COMMUNES.find((c) => c.code === '90002')!;
    const values = sampleReport(unitA, plan.indicators, plan.tasks, 2025, 'Q2');
    const a = importedWorkbook(info('90002'), imported);
    // The same sheets with the unit's figures: the notes stay, the figures come in.
    const filled = standardTemplate(info('90002'), {
      customisation: imported.customisation,
      report: {
        indicators: Object.fromEntries(plan.indicators.map((i) => [i.code, { ...values.indicators?.[i.code], note: imported.notes[i.code] }])),
        tasks: values.tasks,
      },
    });
    expect(filled.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
    // A unit that filled the standard template by hand.
    const standard = buildPlan(catalog);
    const unitB = SAMPLE_COMMUNES.find((c) => c.code === '90005')!;
    const handValues = sampleReport(unitB, standard.indicators, standard.tasks, 2025, 'Q2');
    const hand = standardTemplate(info('90005'), { report: handValues });

    const inbox = join(dir, 'inbox');
    require('node:fs').mkdirSync(inbox);
    writeFileSync(join(inbox, '90002-nhap.xlsx'), await writeXlsx(filled.sheets, { deflate: nodeDeflate }));
    writeFileSync(join(inbox, '90005-tay.xlsx'), await writeXlsx(hand.sheets, { deflate: nodeDeflate }));
    const run = await runConsolidation([inbox], {
      year: 2025, period: 'Q2', consolidatingUnit: { name: 'Sở Nội vụ tỉnh', level: 'tinh' }, outPath: join(dir, 'tong-hop.xlsx'), now: '2025-06-20', workers: 0,
    });
    const s = run.summary;
    // Both are taken with the warnings their figures earn (tasks overdue at the cut-off); the imported
    // one also keeps the seed's own "Trên 100%" flagged. No error in either.
    expect(s.provenance.map((p) => [p.fileName, p.outcome])).toEqual([['90002-nhap.xlsx', 'taken_with_warnings'], ['90005-tay.xlsx', 'taken_with_warnings']]);
    expect([...new Set(s.issues.filter((i) => i.fileName === '90002-nhap.xlsx').map((i) => i.rule))]).toEqual(['target.suspicious', 'task.overdue']);
    expect([...new Set(s.issues.filter((i) => i.fileName === '90005-tay.xlsx').map((i) => i.rule))]).toEqual(['task.overdue']);
    expect(s.issues.filter((i) => i.severity === 'error')).toEqual([]);

    const agg = (code: string) => s.aggregates.indicators.find((i) => i.code === code);
    const n = (v: unknown) => (typeof v === 'number' ? v : 0);
    const shared = agg('CT.CQS.06');
    expect(shared?.unitsWithRow).toBe(2);
    expect(shared?.sumNumerator).toBe(n(values.indicators?.['CT.CQS.06']?.numerator) + n(handValues.indicators?.['CT.CQS.06']?.numerator));
    expect(shared?.sumDenominator).toBe(n(values.indicators?.['CT.CQS.06']?.denominator) + n(handValues.indicators?.['CT.CQS.06']?.denominator));
    const ownTask = s.aggregates.tasks.find((t) => t.code === 'NV.CDDH.90002.01');
    expect([ownTask?.unitsWithRow, ownTask?.name]).toEqual([1, 'Kế hoạch truyền công tác cải cách hành chính năm 2025.']);
    // A standard row the imported plan does not have is reported by the hand-filled unit only.
    expect(agg('CT.CDDH.02')?.unitsWithRow).toBe(1);
  });
});
