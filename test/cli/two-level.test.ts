/**
 * The command line and the two-level local government: a 2026 template for an đặc khu, a district
 * level refused for 2026 with the reason, and a Quý I/2025 thị trấn report that still consolidates.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../cli/main';
import { buildReport, captureOutput, removeDir, tempDir, writeFile } from './fixtures';

let root: string;
beforeAll(() => {
  root = tempDir('two-level');
});
afterAll(() => removeDir(root));

async function run(argv: string[]) {
  const io = captureOutput();
  const code = await main(argv, io);
  return { code, out: io.outLines.join('\n'), err: io.errLines.join('\n') };
}

describe('cchc template in 2026', () => {
  it('--loai dac-khu: the đặc khu’s workbook, with its own words and 2026 deadlines', async () => {
    const path = join(root, 'con-dao.xlsx');
    const r = await run(['template', '--don-vi', 'UBND đặc khu Côn Đảo', '--ma', '26734', '--loai', 'dac-khu', '--nam', '2026', '--ky', 'Quý I', '--ra', path]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toBe(`Đã tạo biểu mẫu báo cáo Quý I năm 2026 cho UBND đặc khu Côn Đảo: ${path}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
    const info = new Map<string, ExcelJS.CellValue>();
    wb.getWorksheet('Thông tin')!.eachRow((row) => info.set(String(row.getCell(1).value), row.getCell(2).value));
    expect([info.get('Loại đơn vị'), info.get('Cấp tổng hợp'), info.get('Năm kế hoạch')]).toEqual(['Đặc khu', 'Tỉnh', 2026]);
    const strings: string[] = [];
    for (const name of ['Phụ lục 1 - Chỉ tiêu', 'Phụ lục 2 - Nhiệm vụ']) {
      wb.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string') strings.push(c.value); }));
    }
    expect(strings).toContain('ĐẶC KHU CÔN ĐẢO');
    expect(strings.filter((s) => s.includes('UBND xã'))).toEqual([]);
    expect(strings.some((s) => s.includes('UBND đặc khu'))).toBe(true);
    expect(strings.filter((s) => /Trong năm 2025/.test(s))).toEqual([]);
    expect(strings.some((s) => /Trong năm 2026/.test(s))).toBe(true);
  });

  it('--cap huyen: refused (exit 2) with the Vietnamese reason, nothing written', async () => {
    const path = join(root, 'huyen.xlsx');
    const r = await run(['template', '--loai', 'xa', '--cap', 'huyen', '--nam', '2026', '--ky', 'Quý II', '--ra', path]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'Không dùng được --cap huyen cho kỳ báo cáo này. Từ ngày 01/07/2025 không còn cấp huyện: xã, phường, đặc khu báo cáo thẳng lên tỉnh (Sở Nội vụ). ' +
        'Chọn cấp tổng hợp “Tỉnh”; báo cáo các kỳ trước ngày này vẫn dùng được “Huyện”. Ghi --cap tinh.',
    );
    expect(existsSync(path)).toBe(false);
  });

  it('--loai thi-tran: refused for 2026, offered the kinds that exist', async () => {
    const r = await run(['template', '--loai', 'thi-tran', '--nam', '2026', '--ky', 'Quý I', '--ra', join(root, 'tt.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('không còn thị trấn');
    expect(r.err).toContain('Ghi --loai xa, --loai phuong, --loai dac-khu.');
  });

  it('for Quý I/2025 a thị trấn reporting to its district is still made', async () => {
    const r = await run(['template', '--loai', 'thi-tran', '--cap', 'huyen', '--nam', '2025', '--ky', 'Quý I', '--ra', join(root, 'tt-2025.xlsx')]);
    expect([r.code, r.err]).toEqual([0, '']);
  });
});

describe('cchc consolidate', () => {
  it('a Quý I/2025 thị trấn report still consolidates, at the district level', async () => {
    const folder = join(root, 'q1-2025');
    mkdirSync(folder);
    const report = await buildReport('90003', { period: 'Q1', info: { unitName: 'UBND thị trấn Bút Sơn', unitKind: 'thi_tran', parentLevel: 'huyen' } });
    expect(report.info.unitKind).toBe('thi_tran');
    writeFile(folder, '90003-but-son.xlsx', report.bytes);
    const out = join(root, 'tong-hop-q1.xlsx');
    const r = await run(['consolidate', folder, '--nam', '2025', '--ky', 'Quý I', '--cap', 'huyen', '--don-vi-tong-hop', 'Phòng Nội vụ huyện Thử', '--ra', out]);
    expect(r.err).toBe('');
    expect(r.out).toContain('Đã nhận: 1 đơn vị (không có danh sách đơn vị phải báo cáo).');
    expect(r.out).toContain('Tổng hợp báo cáo CCHC Quý I năm 2025 — Phòng Nội vụ huyện Thử');
    expect(existsSync(out)).toBe(true);
  });

  it('--cap huyen for Quý III/2025: refused with the reason', async () => {
    const r = await run(['consolidate', root, '--nam', '2025', '--ky', 'Quý III', '--cap', 'huyen', '--ra', join(root, 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Từ ngày 01/07/2025 không còn cấp huyện');
  });
});
