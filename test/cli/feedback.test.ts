/**
 * Sending the summary back: one "Góp ý báo cáo" document per unit with something to fix, built from
 * the Summary alone, and `cchc consolidate --phan-hoi` writing them without touching the inputs.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consolidate } from '../../shared/consolidate/consolidate';
import { checkWorkbook } from '../../shared/layout/host-check';
import { feedbackSheet, unitsWithFeedback } from '../../shared/layout/feedback';
import { main } from '../../cli/main';
import { safeFileName } from '../../cli/feedback-files';
import { readXlsxValues } from '../../io/xlsx/read-values';
import { ALL_EXPECTED, Q2_2025, district1Inputs, district2Inputs } from '../consolidate/fixtures';
import { buildReport, captureOutput, hashFolder, removeDir, tempDir, writeFile } from './fixtures';

const summary = consolidate([...district1Inputs(), ...district2Inputs()], {
  ...Q2_2025,
  consolidatingUnit: { name: 'Sở Nội vụ tỉnh Bình Định', level: 'tinh' },
  expectedUnits: ALL_EXPECTED,
});
const texts = (rows: unknown[][]) => rows.map((r) => r.filter((v) => v !== '' && v !== null));

describe('the feedback document of one unit', () => {
  test('goes to the units with issues, files not taken, results below target or overdue tasks — not to a unit that sent nothing', () => {
    const codes = unitsWithFeedback(summary);
    expect(codes).toContain('10002'); // below target
    expect(codes).toContain('10005'); // refused: wrong period
    expect(codes).not.toContain('10007'); // sent nothing: reminders, not feedback
  });

  test('says what was received, what to fix where, and which targets and tasks fall short', () => {
    const s = feedbackSheet(summary, '10002');
    const rows = texts(s.rows);
    expect(rows[0]).toEqual(['UBND TỈNH BÌNH ĐỊNH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(rows[4]).toEqual(['GÓP Ý BÁO CÁO CẢI CÁCH HÀNH CHÍNH QUÝ II NĂM 2025']);
    expect(rows[5]).toEqual(['Kính gửi: Xã Bình Minh']);
    const at = (heading: string) => rows.findIndex((r) => r[0] === heading);
    const received = at('I. TÌNH HÌNH NHẬN BÁO CÁO');
    expect(rows[received + 2].slice(0, 3)).toEqual([1, summary.provenance.find((p) => p.unitCode === '10002')!.fileName, 'Đã tổng hợp, có cảnh báo']);
    const warning = summary.issues.find((i) => i.unitCode === '10002')!;
    expect(rows).toContainEqual([1, warning.message, warning.sheet, warning.address, 'Cảnh báo', warning.fileName]);
    const missed = at('III. CHỈ TIÊU CHƯA ĐẠT CHỈ TIÊU PHẤN ĐẤU CỦA ĐƠN VỊ');
    expect(rows[missed + 1]).toEqual(['STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu', 'Kết quả', 'Còn thiếu', 'Ghi chú']);
    expect(rows).toContainEqual(['1', 'Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến', '80%', '50%', '30%']);
    expect(rows).toContainEqual(['3', 'Số văn bản điện tử được ký số', 'tối thiểu 50 văn bản', '40', '10']);
    expect(rows.some((r) => r[0] === 'NGƯỜI LẬP BIỂU')).toBe(true);
    expect(checkWorkbook([s])).toEqual([]);
  });

  test('a refused file comes back with its reason', () => {
    const rows = texts(feedbackSheet(summary, '10005').rows);
    const reason = summary.provenance.find((p) => p.unitCode === '10005')!.reasons[0].message;
    expect(rows.some((r) => r.includes('Không tổng hợp') && r.includes(reason))).toBe(true);
    expect(rows).toContainEqual(['Tình trạng báo cáo: Không tổng hợp được']);
  });

  test('file names keep Vietnamese and lose what Windows refuses', () => {
    expect(safeFileName('Góp ý báo cáo Quý I năm 2025 — UBND xã A/B: "mới"?')).toBe('Góp ý báo cáo Quý I năm 2025 — UBND xã A B "mới" '.replace(' "mới" ', ' mới').trimEnd());
  });
});

describe('cchc consolidate --phan-hoi', () => {
  let root: string;
  beforeAll(() => {
    root = tempDir('feedback');
  });
  afterAll(() => removeDir(root));

  test('one workbook per unit with something to fix; inputs untouched', async () => {
    const inbox = join(root, 'bao-cao');
    mkdirSync(inbox);
    writeFile(inbox, '90001.xlsx', (await buildReport('90001')).bytes);
    writeFile(inbox, '90002.xlsx', (await buildReport('90002')).bytes);
    const before = hashFolder(inbox);
    const io = captureOutput();
    const out = join(root, 'gop-y');
    const code = await main(['consolidate', inbox, '--nam', '2025', '--ky', 'Quý II', '--ra', join(root, 'tong-hop.xlsx'), '--phan-hoi', out, '--ngay-tong-hop', '25/06/2025'], io);
    expect(code).toBe(0);
    expect(hashFolder(inbox)).toEqual(before);
    const files = readdirSync(out).sort();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(f).toMatch(/^Góp ý báo cáo Quý II năm 2025 — UBND .+\.xlsx$/);
    expect(io.outLines.join('\n')).toContain(`Đã ghi ${files.length} tệp góp ý gửi đơn vị vào thư mục ${out}`);
    const read = readXlsxValues(readFileSync(join(out, files[0])), { fileName: files[0] });
    expect(read.ok && read.value.sheets.map((s) => s.name)).toEqual(['Góp ý báo cáo']);
  });
});
