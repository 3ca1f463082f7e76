/**
 * A province's 2027 catalog, made the way an office makes it: export the built-in catalog as a
 * workbook, edit it (one area added, two indicators removed, a target changed, a task added), check
 * and publish it, then make the communes' templates from it, fill them, validate and consolidate —
 * all through the command line and real .xlsx files. Then a second version of the same catalog meets
 * the first in one summary, and a workbook of another catalog is refused.
 */
import { join } from 'node:path';
import { main } from '../../cli/main';
import { CATALOG_SHEET, readEmbeddedCatalog } from '../../shared/catalog/embed';
import { readCatalogBook } from '../../shared/catalog/read-book';
import { runConsolidation } from '../../cli/commands';
import { columnIndex, INDICATOR_SHEET, INFO_SHEET, META_SHEET, TASK_SHEET } from '../../shared/spec/annex';
import { captureOutput, removeDir, tempDir } from './fixtures';
import { CHANGED, edit, fill, grids, make2027, NEW_TASK, REMOVED, rowOfCode, rowOfLabel, sheet, UNIT } from '../support/catalog-2027';

async function run(argv: string[]) {
  const io = captureOutput();
  const code = await main(argv, io);
  return { code, out: io.outLines.join('\n'), err: io.errLines.join('\n') };
}

let dir: string;
beforeAll(() => {
  dir = tempDir('catalog-year');
});
afterAll(() => removeDir(dir));

describe('a 2027 catalog made from the exported workbook drives the whole year', () => {
  const p = (name: string) => join(dir, name);

  it('exports the built-in catalog moved to 2027 and finds nothing wrong in it', async () => {
    const x = await run(['danh-muc', 'xuat', '--nam', '2027', '--ra', p('chuan-2027.xlsx')]);
    expect(x.code).toBe(0);
    expect(x.out).toMatch(/^Đã xuất danh mục CCHC-2025 phiên bản 2025\.1 năm 2027 \(\d+ chỉ tiêu, \d+ nhiệm vụ, 10 lĩnh vực\): /);
    const k = await run(['danh-muc', 'kiem-tra', p('chuan-2027.xlsx')]);
    expect(k.code).toBe(0);
    expect(k.out).toMatch(/danh mục CCHC-2025 phiên bản 2025\.1 năm 2027: không có lỗi \(10 lĩnh vực, \d+ chỉ tiêu, \d+ nhiệm vụ\)\.$/);
  });

  it('the edited workbook checks clean but is flagged as edited, so no template comes from it until published again', async () => {
    await edit(p('chuan-2027.xlsx'), p('sua-2027.xlsx'), make2027);
    const k = await run(['danh-muc', 'kiem-tra', p('sua-2027.xlsx')]);
    expect(k.code).toBe(0);
    expect(k.out).toContain('Thông tin danh mục!B11 — cảnh báo: Nội dung danh mục đã bị sửa sau khi ban hành (mã kiểm tra không khớp).');
    expect(k.out).toMatch(/danh mục CCHC-THANHHOA phiên bản 2027\.1 năm 2027: 1 cảnh báo \(11 lĩnh vực, /);
    const t = await run(['template', ...UNIT('90002', 'UBND xã Anh Sơn'), '--nam', '2027', '--ky', 'Quý II', '--danh-muc', p('sua-2027.xlsx'), '--ra', p('x.xlsx')]);
    expect(t.code).toBe(2);
    expect(t.err).toContain(`Không dùng được danh mục "${p('sua-2027.xlsx')}" (1 vấn đề):`);
    expect(t.err).toContain('cchc danh-muc xuat --tu <tệp> --ra <tệp mới>');
    const pub = await run(['danh-muc', 'xuat', '--tu', p('sua-2027.xlsx'), '--ra', p('danh-muc-2027.xlsx')]);
    expect(pub.code).toBe(0);
    expect(pub.out).toMatch(/^Đã xuất danh mục CCHC-THANHHOA phiên bản 2027\.1 năm 2027 /);
    expect((await run(['danh-muc', 'kiem-tra', p('danh-muc-2027.xlsx')])).out).toContain(': không có lỗi (11 lĩnh vực,');
  });

  it('templates from the published catalog have its rows, its calendar and carry the catalog', async () => {
    for (const [code, name] of [['90002', 'UBND xã Anh Sơn'], ['90003', 'UBND xã Bút Sơn']]) {
      const t = await run(['template', ...UNIT(code, name), '--nam', '2027', '--ky', 'Quý II', '--danh-muc', p('danh-muc-2027.xlsx'), '--ra', p(`mau-${code}.xlsx`)]);
      expect(t.code).toBe(0);
      expect(t.out).toContain('theo danh mục CCHC-THANHHOA phiên bản 2027.1');
    }
    const g = grids(p('mau-90002.xlsx'));
    const codes = (s: string) => g[s].map((r) => r[0]).filter((c): c is string => typeof c === 'string');
    for (const code of REMOVED) expect(codes(INDICATOR_SHEET.name)).not.toContain(code);
    expect(codes(TASK_SHEET.name)).toEqual(expect.arrayContaining(['LV.MTDT', NEW_TASK]));
    const pl1 = g[INDICATOR_SHEET.name];
    expect(pl1.find((r) => r[0] === CHANGED)?.[columnIndex(INDICATOR_SHEET, 'target')]).toBe('Tối thiểu 95%');
    const info = g[INFO_SHEET.name];
    expect(info.find((r) => r[0] === 'Ngày chốt số liệu')?.[1]).toEqual(new Date(Date.UTC(2027, 5, 10)));
    const meta = Object.fromEntries(g[META_SHEET.name].map((r) => [r[0], r[1]]));
    expect(meta).toMatchObject({ catalogId: 'CCHC-THANHHOA', catalogVersion: '2027.1' });
    const published = readCatalogBook(grids(p('danh-muc-2027.xlsx'))).catalog;
    const carried = readEmbeddedCatalog(g[CATALOG_SHEET]);
    expect(carried?.ok && carried.catalog).toEqual(published);
    expect(meta.catalogHash).toBe(carried?.hash);
  });

  it('filled, validated and consolidated from the files alone, on the catalog’s calendar', async () => {
    await fill(p('mau-90002.xlsx'), p('bao-cao-90002.xlsx'), 19, 20);
    await fill(p('mau-90003.xlsx'), p('bao-cao-90003.xlsx'), 17, 20);
    const v = await run(['validate', p('bao-cao-90002.xlsx')]);
    expect(v.out).not.toMatch(new RegExp(`${CHANGED}|!${'H'}\\d+ — lỗi`));
    expect(v.out).toMatch(/UBND xã Anh Sơn — báo cáo Quý II năm 2027: /);
    const run1 = await runConsolidation([p('bao-cao-90002.xlsx'), p('bao-cao-90003.xlsx')], {
      year: 2027, period: 'Q2', consolidatingUnit: { name: 'Sở Nội vụ tỉnh Thanh Hóa', level: 'tinh' }, now: '2027-06-16', outPath: p('tong-hop.xlsx'), workers: 0,
    });
    const s = run1.summary;
    // From the files alone: the calendar of the catalog they carry gives cut-off and due date.
    expect([s.cutoff, s.dueDate]).toEqual(['2027-06-10', '2027-06-15']);
    expect(s.aggregates.completeness.receivedCount).toBe(2);
    const ind = s.aggregates.indicators.find((a) => a.code === CHANGED);
    expect(ind).toMatchObject({ sumNumerator: 36, sumDenominator: 40, targetText: 'Tối thiểu 95%', met: false, unitsWithRow: 2 });
    for (const code of REMOVED) expect(s.aggregates.indicators.some((a) => a.code === code)).toBe(false);
    expect(s.aggregates.tasks.find((t) => t.code === NEW_TASK)).toMatchObject({ area: 'MTDT', done: 2, unitsWithRow: 2 });
    // The command: the catalog's calendar gives cut-off and due date; --han overrides the due date.
    const c = await run(['consolidate', p('bao-cao-90002.xlsx'), p('bao-cao-90003.xlsx'), '--nam', '2027', '--ky', 'Quý II', '--danh-muc', p('danh-muc-2027.xlsx'), '--ngay-tong-hop', '16/06/2027', '--ra', p('tong-hop-2.xlsx')]);
    expect(c.code).toBe(0);
    expect(c.out).toContain('Hạn nộp 15/06/2027: đúng hạn 2, trễ hạn 0.');
    const late = await run(['consolidate', p('bao-cao-90002.xlsx'), p('bao-cao-90003.xlsx'), '--nam', '2027', '--ky', 'Quý II', '--danh-muc', p('danh-muc-2027.xlsx'), '--han', '11/06/2027', '--ngay-tong-hop', '16/06/2027', '--ra', p('tong-hop-3.xlsx')]);
    expect(late.out).toContain('Hạn nộp 11/06/2027: đúng hạn 0, trễ hạn 2.');
  });
});

describe('versions of one catalog meet in a summary; another catalog is refused', () => {
  const p = (name: string) => join(dir, name);
  const NEW_INDICATOR = 'CT.MTDT.01';

  it('a second version adds an indicator; the check wants its version above the one it replaces', async () => {
    await edit(p('danh-muc-2027.xlsx'), p('sua-2027-2.xlsx'), (wb) => {
      const info = sheet(wb, 'Thông tin danh mục');
      info.getCell(rowOfLabel(info, 'Phiên bản'), 2).value = '2027.1';
      const ind = sheet(wb, 'Chỉ tiêu');
      let last = 4;
      while (ind.getCell(last + 1, 1).value) last++;
      ind.getRow(last + 1).values = [NEW_INDICATOR, 'MTDT', '', 'Số cuộc đối thoại với doanh nghiệp trong kỳ', 'Số lượng', '', '', 'Từ 2 cuộc trở lên', 'Văn phòng UBND xã', 'UBND xã', '', '', ''];
    });
    const same = await run(['danh-muc', 'kiem-tra', p('sua-2027-2.xlsx'), '--thay-the', p('danh-muc-2027.xlsx')]);
    expect(same.code).toBe(1);
    expect(same.out).toContain('Thông tin danh mục!B6 — lỗi: Phiên bản 2027.1 không lớn hơn phiên bản đã ban hành 2027.1 của danh mục CCHC-THANHHOA. Hãy tăng số phiên bản, ví dụ 2027.2.');
    await edit(p('sua-2027-2.xlsx'), p('sua-2027-2.xlsx'), (wb) => {
      const info = sheet(wb, 'Thông tin danh mục');
      info.getCell(rowOfLabel(info, 'Phiên bản'), 2).value = '2027.2';
      info.getCell(rowOfLabel(info, 'Thay thế phiên bản'), 2).value = '2027.1';
    });
    expect((await run(['danh-muc', 'kiem-tra', p('sua-2027-2.xlsx'), '--thay-the', p('danh-muc-2027.xlsx')])).code).toBe(0);
    expect((await run(['danh-muc', 'xuat', '--tu', p('sua-2027-2.xlsx'), '--ra', p('danh-muc-2027-2.xlsx')])).code).toBe(0);
  });

  it('rows are consolidated by code across versions, a row only one version has over the units that have it', async () => {
    const t = await run(['template', ...UNIT('90004', 'UBND xã Cẩm Sơn'), '--nam', '2027', '--ky', 'Quý II', '--danh-muc', p('danh-muc-2027-2.xlsx'), '--ra', p('mau-90004.xlsx')]);
    expect(t.code).toBe(0);
    await fill(p('mau-90004.xlsx'), p('bao-cao-90004.xlsx'), 20, 20, (wb) => {
      const pl1 = sheet(wb, INDICATOR_SHEET.name);
      pl1.getCell(rowOfCode(pl1, NEW_INDICATOR), columnIndex(INDICATOR_SHEET, 'result') + 1).value = 3;
    });
    // A unit whose template came from the built-in catalog, not the province's.
    expect((await run(['template', ...UNIT('90005', 'UBND xã Đông Sơn'), '--nam', '2027', '--ky', 'Quý II', '--ra', p('mau-90005.xlsx')])).code).toBe(0);
    await edit(p('mau-90005.xlsx'), p('bao-cao-90005.xlsx'), (wb) => {
      const info = sheet(wb, INFO_SHEET.name);
      info.getCell(rowOfLabel(info, 'Ngày báo cáo'), 2).value = new Date(Date.UTC(2027, 5, 12));
    });
    const files = ['90002', '90003', '90004', '90005'].map((c) => p(`bao-cao-${c}.xlsx`));
    const c = await run(['consolidate', ...files, '--nam', '2027', '--ky', 'Quý II', '--danh-muc', p('danh-muc-2027-2.xlsx'), '--ngay-tong-hop', '16/06/2027', '--ra', p('tong-hop-v.xlsx')]);
    expect(c.code).toBe(1);
    expect(c.out).toContain('Đã nhận: 3 đơn vị');
    expect(c.out).toContain(`Chỉ có trong biểu mẫu của một số đơn vị, tổng hợp trên các đơn vị có: ${NEW_INDICATOR} (1/3 đơn vị).`);
    expect(c.out).toContain(
      `bao-cao-90005.xlsx: Tệp “bao-cao-90005.xlsx” lập theo danh mục “CCHC-2025” phiên bản 2025.1, không phải danh mục “CCHC-THANHHOA” đang tổng hợp`,
    );
    const run2 = await runConsolidation(files.slice(0, 3), {
      year: 2027, period: 'Q2', consolidatingUnit: { name: 'Sở Nội vụ tỉnh Thanh Hóa', level: 'tinh' }, now: '2027-06-16', outPath: p('tong-hop-v2.xlsx'), workers: 0, catalogId: 'CCHC-THANHHOA',
    });
    const agg = run2.summary.aggregates;
    expect(agg.indicators.find((a) => a.code === CHANGED)).toMatchObject({ sumNumerator: 56, sumDenominator: 60, unitsWithRow: 3 });
    expect(agg.indicators.find((a) => a.code === NEW_INDICATOR)).toMatchObject({ area: 'MTDT', value: 3, unitsWithRow: 1, reported: 1 });
    const sheetGrid = grids(p('tong-hop-v2.xlsx'));
    const names = Object.values(sheetGrid).flat().map((r) => r.find((v) => typeof v === 'string' && v.startsWith('Số cuộc đối thoại')));
    expect(names.filter(Boolean)).toContain('Số cuộc đối thoại với doanh nghiệp trong kỳ\n(có trong biểu mẫu của 1/3 đơn vị)');
  });
});
