import { catalogTemplate, type TemplateBuilder } from '../../addin/annex-template';
import { insertAnnexes, ORPHAN_SHEET, type AnnexForm } from '../../addin/commands/insert-annexes';
import type { AreaCode, CatalogIndicator, CatalogTask } from '../../shared/model';
import { buildTemplate } from '../../shared/layout/template';
import { describeHostError } from '../../addin/excel/host-errors';
import { FakeWorkbook } from './fake-excel';

const FORM: AnnexForm = {
  unitName: 'UBND xã Anh Sơn',
  unitCode: '16279',
  unitKind: 'xa',
  parentName: 'Sở Nội vụ tỉnh Nghệ An',
  parentLevel: 'tinh',
  year: 2025,
  period: 'Q2',
  planNumber: '05/KH-UBND',
  planDate: '2025-01-10',
};

const PL1 = 'Phụ lục 1 - Chỉ tiêu';
const PL2 = 'Phụ lục 2 - Nhiệm vụ';

async function insert(book: FakeWorkbook, form = FORM, template: TemplateBuilder = catalogTemplate, pageLayout = true) {
  const { fake, context } = book.requestContext();
  const result = await insertAnnexes(context, form, template, { pageLayout });
  return { result, syncs: fake.syncCount };
}

/** 1-based sheet row holding `code` in column A. */
function rowOf(book: FakeWorkbook, sheet: string, code: string): number {
  const grid = book.sheet(sheet).grid();
  const r = grid.findIndex((row) => row[0] === code);
  if (r < 0) throw new Error(`no row ${code} on ${sheet}`);
  return r + 1;
}

/** A template of `n` ratio indicators and `n` tasks in one area, for size-independence checks. */
function sizedTemplate(n: number): TemplateBuilder {
  const area: AreaCode = 'TTHC';
  const indicators: CatalogIndicator[] = Array.from({ length: n }, (_, i) => ({
    code: `CT.T.${i + 1}`, area, stt: `${i + 1}`, name: `Tỷ lệ hồ sơ số ${i + 1}`, kind: 'ratio',
    numerator: 'Số hồ sơ đúng hạn', denominator: 'Tổng số hồ sơ', target: 'tối thiểu 90%',
    monitor: 'Văn phòng', executor: 'Bộ phận một cửa', sources: [],
  }));
  const tasks: CatalogTask[] = Array.from({ length: n }, (_, i) => ({
    code: `NV.T.${i + 1}`, area, name: `Nhiệm vụ số ${i + 1}`, product: 'Báo cáo', lead: 'Văn phòng',
    partners: '', deadline: 'Quý II', note: '', sources: [],
  }));
  return (info) =>
    buildTemplate({ info, indicators, tasks, areas: [{ code: area, name: 'Cải cách thủ tục hành chính' }], catalogId: 'T', catalogVersion: '1' });
}

describe('Chèn Phụ lục', () => {
  test('creates Thông tin, both annexes and the hidden metadata sheet from the template', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    const { result } = await insert(book);
    expect(book.names).toEqual(['Sheet1', 'Thông tin', PL1, PL2, '_cchc_meta', '_cchc_danh_muc']);
    expect(result.created).toEqual(['Thông tin', PL1, PL2, '_cchc_meta', '_cchc_danh_muc']);
    expect(result.updated).toEqual([]);

    const info = book.sheet('Thông tin');
    expect(info.value('A3')).toBe('Tên đơn vị');
    expect(info.value('B3')).toBe('UBND xã Anh Sơn');
    expect(info.value('B4')).toBe('16279');
    expect(info.numberFormat('B4')).toBe('@'); // the code keeps its digits as text

    const pl1 = book.sheet(PL1);
    expect(pl1.grid()[7].slice(0, 3)).toEqual(['Mã', 'STT', 'Chỉ tiêu']);
    expect(pl1.format('A1', 'font.name')).toBe('Times New Roman');
    expect(pl1.hiddenColumns.has(0)).toBe(true);
    expect(pl1.frozen.rows).toBeGreaterThanOrEqual(8);
    expect(pl1.page.paperSize).toBe('A4');
    expect(pl1.page.printTitleRows).toMatch(/^\$\d+:\$\d+$/);
    expect(pl1.validations.some((v) => v.rule?.list?.source === 'Đạt,Chưa đạt')).toBe(true);
    const ratioRow = rowOf(book, PL1, 'CT.CDDH.02');
    expect(pl1.formula(`I${ratioRow}`)).toBe(`=IF(AND(ISNUMBER(G${ratioRow}),ISNUMBER(H${ratioRow}),H${ratioRow}>0),G${ratioRow}/H${ratioRow},"")`);

    const pl2 = book.sheet(PL2);
    expect(pl2.validations.some((v) => v.rule?.list?.source === 'Hoàn thành,Đang thực hiện,Chưa thực hiện')).toBe(true);
    expect(book.sheet('_cchc_meta').visibility).toBe('Hidden');
    expect(book.active?.name).toBe('Thông tin');
  });

  test('running it again keeps every typed value, even unreadable ones, and duplicates no sheet', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    await insert(book);
    const r1 = rowOf(book, PL1, 'CT.CDDH.02');
    const r2 = rowOf(book, PL2, 'NV.CDDH.01');
    await book.userEdit(PL1, `G${r1}:K${r1}`, [[45, 50, '', 'Đạt', 'đã rà soát']]);
    const r3 = rowOf(book, PL1, 'CT.CDDH.03');
    await book.userEdit(PL1, `G${r3}:H${r3}`, [['mười', 'x']]);
    await book.userEdit(PL2, `I${r2}:J${r2}`, [['Hoàn thành', 45700]]);
    await book.userEdit('Thông tin', 'B14', [['Nguyễn Văn A']]); // Người báo cáo

    const { result } = await insert(book, { ...FORM, period: 'Q3' });
    expect(book.names).toEqual(['Sheet1', 'Thông tin', PL1, PL2, '_cchc_meta', '_cchc_danh_muc']);
    expect(result.created).toEqual([]);
    expect(result.updated).toEqual(['Thông tin', PL1, PL2, '_cchc_meta', '_cchc_danh_muc']);
    expect(result.kept).toBe(9);
    expect(result.orphans).toEqual([]);

    const pl1 = book.sheet(PL1);
    expect(rowOf(book, PL1, 'CT.CDDH.02')).toBe(r1);
    expect([pl1.value(`G${r1}`), pl1.value(`H${r1}`), pl1.value(`J${r1}`), pl1.value(`K${r1}`)]).toEqual([45, 50, 'Đạt', 'đã rà soát']);
    expect(pl1.formula(`I${r1}`)).toMatch(/^=IF\(AND/);
    expect([pl1.value(`G${r3}`), pl1.value(`H${r3}`)]).toEqual(['mười', 'x']);
    const pl2 = book.sheet(PL2);
    expect([pl2.value(`I${r2}`), pl2.value(`J${r2}`)]).toEqual(['Hoàn thành', 45700]);
    expect(book.sheet('Thông tin').value('B14')).toBe('Nguyễn Văn A');
    expect(book.sheet('Thông tin').value('B11')).toBe('Quý III'); // the form's new period wins
    expect(book.sheet('Thông tin').value('B12')).toBe(45914); // and the cut-off follows it: 14/09/2025
  });

  test('a cut-off typed by the unit is kept while the period stays the same', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    await insert(book);
    expect(book.sheet('Thông tin').value('B12')).toBe(45822); // 14/06/2025, the default for Quý II
    await book.userEdit('Thông tin', 'B12', [[45818]]);
    await insert(book);
    expect(book.sheet('Thông tin').value('B12')).toBe(45818);
  });

  test('a renamed annex tab is found, renamed back and updated, not duplicated', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    await insert(book);
    const r1 = rowOf(book, PL1, 'CT.CDDH.02');
    await book.userEdit(PL1, `G${r1}:H${r1}`, [[3, 4]]);
    book.sheet(PL1).name = 'PL1';
    const { result } = await insert(book);
    expect(book.names).toEqual(['Sheet1', 'Thông tin', PL1, PL2, '_cchc_meta', '_cchc_danh_muc']);
    expect(result.created).toEqual([]);
    expect(book.sheet(PL1).value(`G${r1}`)).toBe(3);
  });

  test('typed rows whose code the template no longer has are copied to their own sheet', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    await insert(book);
    const r1 = rowOf(book, PL1, 'CT.CDDH.02');
    await book.userEdit(PL1, `A${r1}`, [['CT.CU.99']]);
    await book.userEdit(PL1, `G${r1}:H${r1}`, [[7, 8]]);
    const { result } = await insert(book);
    expect(result.orphans).toHaveLength(1);
    expect(result.orphans[0]).toMatchObject({ sheet: PL1, row: r1 });
    const orphan = book.sheet(ORPHAN_SHEET);
    expect(orphan.value('A3')).toBe(PL1);
    expect(orphan.value('B3')).toBe(r1);
    expect(orphan.value('C3')).toBe('CT.CU.99');
    expect(orphan.value('I3')).toBe(7);
  });

  test('orphan rows of later runs are appended below the earlier ones, never written over them', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    await insert(book);
    const r1 = rowOf(book, PL1, 'CT.CDDH.02');
    await book.userEdit(PL1, `A${r1}`, [['CT.CU.99']]);
    await book.userEdit(PL1, `G${r1}:H${r1}`, [[7, 8]]);
    await insert(book);
    // a person notes something beside the first orphan row
    await book.userEdit(ORPHAN_SHEET, 'Z3', [['đã xem']]);
    const r2 = rowOf(book, PL1, 'CT.CDDH.03');
    await book.userEdit(PL1, `A${r2}`, [['CT.CU.98']]);
    await book.userEdit(PL1, `G${r2}`, [[5]]);
    const { result } = await insert(book);
    expect(result.orphans.map((o) => o.values[0])).toEqual(['CT.CU.98']);
    const orphan = book.sheet(ORPHAN_SHEET);
    expect([orphan.value('C3'), orphan.value('I3'), orphan.value('Z3')]).toEqual(['CT.CU.99', 7, 'đã xem']);
    expect([orphan.value('C4'), orphan.value('I4')]).toEqual(['CT.CU.98', 5]);
    expect(orphan.value('C5')).toBe('');
    // a run with nothing new leaves the sheet as it is
    await insert(book);
    expect(book.sheet(ORPHAN_SHEET).grid()).toHaveLength(4);
  });

  test('a batch that fails half-way loses nothing typed: the copies taken first stay, shown, and the message names them', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    await insert(book);
    const r = rowOf(book, PL1, 'CT.CDDH.02');
    await book.userEdit(PL1, `G${r}:H${r}`, [[17, 20]]);
    await book.userEdit(PL1, `K${r}`, [['- Còn 2 kiến nghị']]);
    // re-run: names, extents, values, copies; then the first write batch stops after its clears
    book.failMidBatch(5, 30);
    let message = '';
    try {
      await insert(book);
    } catch (e) {
      message = describeHostError(e).message;
    }
    expect(message).toMatch(/^Chèn Phụ lục bị dừng giữa chừng/);
    expect(message).toContain('“Sao lưu - Phụ lục 1 - Chỉ tiêu”');
    const backup = book.sheet('Sao lưu - Phụ lục 1 - Chỉ tiêu');
    expect(backup.visibility).toBe('Visible');
    expect([backup.value(`G${r}`), backup.value(`H${r}`), backup.value(`K${r}`)]).toEqual([17, 20, '- Còn 2 kiến nghị']);
    // and the run after it restores everything into the annex from what is there
    const again = await insert(book);
    expect(again.result.kept).toBeGreaterThanOrEqual(0);
  });

  test('when all goes well the copies are removed', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    await insert(book);
    await insert(book);
    expect(book.names.filter((n) => n.startsWith('Sao lưu'))).toEqual([]);
  });

  test('a 1904 workbook gets its dates counted from 1904', async () => {
    const plain = new FakeWorkbook(['Sheet1']);
    const mac = new FakeWorkbook(['Sheet1']);
    mac.date1904 = true;
    await insert(plain);
    await insert(mac);
    const at = (b: FakeWorkbook) => b.sheet('Thông tin').grid().findIndex((row) => row[0] === 'Ngày kế hoạch') + 1;
    const cell = `B${at(plain)}`;
    expect(plain.sheet('Thông tin').value(cell)).toBe(45667); // 10/01/2025
    expect(mac.sheet('Thông tin').value(`B${at(mac)}`)).toBe(45667 - 1462);
  });

  test('without ExcelApi 1.9 the sheets are written without page setup', async () => {
    const book = new FakeWorkbook(['Sheet1']);
    const { result } = await insert(book, FORM, catalogTemplate, false);
    expect(result.pageLayout).toBe(false);
    expect(book.sheet(PL1).page).toEqual({});
    expect(book.sheet(PL1).value('A8')).toBe('Mã');
  });

  test('syncs do not grow with rows while the payload fits: names, then writes (+ extents and values on a re-run)', async () => {
    const counts: number[][] = [];
    for (const n of [5, 500]) {
      const book = new FakeWorkbook(['Sheet1']);
      const first = (await insert(book, FORM, sizedTemplate(n))).syncs;
      const again = (await insert(book, FORM, sizedTemplate(n))).syncs;
      counts.push([first, again]);
      expect(book.sheet(PL1).grid().filter((r) => String(r[0]).startsWith('CT.T.'))).toHaveLength(n);
    }
    // re-run: names, extents, values, the backup copies, the writes, removing the copies
    expect(counts).toEqual([
      [2, 6],
      [2, 6],
    ]);
  });
});
