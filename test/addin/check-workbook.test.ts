import { catalogTemplate, type TemplateBuilder } from '../../addin/annex-template';
import { annexSheetNames, checkWorkbook, selectIssue, watchSheets } from '../../addin/commands/check-workbook';
import { insertAnnexes, type AnnexForm } from '../../addin/commands/insert-annexes';
import { AUTO_CHECK_DELAY_MS, debounce } from '../../addin/debounce';
import { describeHostError } from '../../addin/excel/host-errors';
import type { AreaCode, CatalogIndicator } from '../../shared/model';
import { buildTemplate } from '../../shared/layout/template';
import { validateWorkbook } from '../../shared/validate';
import { FakeWorkbook } from './fake-excel';

const FORM: AnnexForm = {
  unitName: 'UBND xã Anh Sơn', unitCode: '16279', unitKind: 'xa', parentName: 'Sở Nội vụ tỉnh Nghệ An',
  parentLevel: 'tinh', year: 2025, period: 'Q2', planNumber: '05/KH-UBND', planDate: '2025-01-10',
};
const PL1 = 'Phụ lục 1 - Chỉ tiêu';
const PL2 = 'Phụ lục 2 - Nhiệm vụ';
const validate = (grids: Parameters<typeof validateWorkbook>[0]) => validateWorkbook(grids);

async function workbookWithAnnexes(template: TemplateBuilder = catalogTemplate): Promise<FakeWorkbook> {
  const book = new FakeWorkbook(['Sheet1']);
  await insertAnnexes(book.context() as unknown as Excel.RequestContext, FORM, template, { pageLayout: true });
  return book;
}

function rowOf(book: FakeWorkbook, sheet: string, code: string): number {
  return book.sheet(sheet).grid().findIndex((row) => row[0] === code) + 1;
}

async function check(book: FakeWorkbook) {
  const { fake, context } = book.requestContext();
  const result = await checkWorkbook(context, validate);
  return { ...result, syncs: fake.syncCount };
}

describe('Kiểm tra', () => {
  test('lists the shared validation issues, pasted values included, with sheet and cell', async () => {
    const book = await workbookWithAnnexes();
    const r = rowOf(book, PL1, 'CT.CDDH.02');
    // A paste: Excel's own validation does not stop it.
    await book.userEdit(PL1, `G${r}:H${r}`, [['abc', 50]]);
    await book.userEdit(PL1, `G${r + 1}:H${r + 1}`, [[70, 50]]);
    const { issues, sheetOrder, annexSheets } = await check(book);
    expect(sheetOrder).toEqual(['Sheet1', 'Thông tin', PL1, 'Phụ lục 2 - Nhiệm vụ', '_cchc_meta', '_cchc_danh_muc']);
    expect(annexSheets).toEqual(['Thông tin', PL1, 'Phụ lục 2 - Nhiệm vụ']);
    expect(issues).toContainEqual({
      sheet: PL1, address: `G${r}`, severity: 'error', rule: 'type.number',
      message: `Ô G${r} (Tử số): “abc” không phải là số. Nhập một số lượng, ví dụ 120, hoặc “x” nếu không phát sinh.`,
    });
    expect(issues).toContainEqual(expect.objectContaining({
      sheet: PL1, address: `H${r + 1}`, severity: 'error', rule: 'ratio.numerator_gt_denominator',
    }));
    expect(issues).toContainEqual(expect.objectContaining({ sheet: 'Thông tin', address: 'B13', rule: 'required' }));
    // The host gives the same grids the rules would get from a file: the issues equal a direct run.
    expect(issues).toEqual(validateWorkbook(Object.fromEntries(book.sheets.map((s) => [s.name, s.grid()]))));
  });

  test('reads the catalog the workbook carries: a renamed row is named against it, as a file would be', async () => {
    const book = await workbookWithAnnexes();
    const r = rowOf(book, PL2, 'NV.TC.01');
    await book.userEdit(PL2, `C${r}`, [['Rà soát văn bản của xã (đơn vị tự đặt tên)']]);
    const { issues, syncs } = await check(book);
    expect(issues.filter((i) => i.rule.startsWith('catalog.'))).toEqual([expect.objectContaining({
      sheet: PL2, address: `C${r}`, severity: 'warning', rule: 'catalog.renamed',
    })]);
    expect(issues.find((i) => i.rule === 'catalog.renamed')?.message).toMatch(/^Ô C\d+ \(Nhiệm vụ\): tên dòng đã bị sửa so với danh mục CCHC-2025 phiên bản 2025\.1 mà biểu mẫu được lập theo; dòng này là nhiệm vụ .*\(mã NV\.TC\.01\)\./);
    expect(issues).toEqual(validateWorkbook(Object.fromEntries(book.sheets.map((s) => [s.name, s.grid()]))));
    expect(syncs).toBe(3);
  });

  test('the annex text columns are Text: typing that looks like a formula or a date stays as typed', async () => {
    const book = await workbookWithAnnexes();
    const r = rowOf(book, PL1, 'CT.CDDH.02');
    expect(book.sheet(PL1).numberFormat(`K${r}`)).toBe('@');
    // a row added below the template's last row is Text too
    expect(book.sheet(PL1).numberFormat(`K${book.sheet(PL1).grid().length + 20}`)).toBe('@');
    await book.userEdit(PL1, `K${r}`, [['=1+1']]);
    await book.userEdit(PL1, `K${r + 1}`, [['12/2025']]);
    expect(book.sheet(PL1).formula(`K${r}`)).toBeNull();
    expect(book.sheet(PL1).value(`K${r}`)).toBe('=1+1');
    expect(book.sheet(PL1).value(`K${r + 1}`)).toBe('12/2025');
    // the same typing in a General cell (outside the table) is converted, as Excel does
    await book.userEdit(PL1, 'Z1', [['=1+1']]);
    expect(book.sheet(PL1).formula('Z1')).toBe('=1+1');
    const again = await insertAnnexes(book.context() as unknown as Excel.RequestContext, FORM, catalogTemplate, { pageLayout: true });
    expect(again.kept).toBeGreaterThan(0);
    expect(book.sheet(PL1).value(`K${r}`)).toBe('=1+1');
    expect(book.sheet(PL1).formula(`K${r}`)).toBeNull();
    expect(book.sheet(PL1).numberFormat(`K${r}`)).toBe('@');
  });

  test('date cells prompt a way to type dates that works under any regional setting', async () => {
    const book = await workbookWithAnnexes();
    const dates = book.sheet(PL2).validations.filter((v) => v.rule?.date);
    expect(dates.length).toBeGreaterThan(0);
    for (const v of dates) {
      expect(v.prompt?.message).toBe('Ngày/tháng/năm, ví dụ 15/03/2025. Nếu Excel không nhận, gõ năm-tháng-ngày: 2025-03-15.');
      expect(v.rule?.date?.formula1).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('clicking an issue selects its cell; a whole-sheet issue opens its tab', async () => {
    const book = await workbookWithAnnexes();
    const { fake, context } = book.requestContext();
    await selectIssue(context, { sheet: PL1, address: 'H12' });
    expect(book.selection).toEqual({ sheet: PL1, address: 'H12' });
    expect(book.active?.name).toBe(PL1);
    await selectIssue(context, { sheet: 'Thông tin', address: '' });
    expect(book.active?.name).toBe('Thông tin');
    expect(fake.syncCount).toBe(2);
  });

  test('three syncs to validate 5 rows and 500 rows', async () => {
    const sized = (n: number): TemplateBuilder => (info) => {
      const area: AreaCode = 'TTHC';
      const indicators: CatalogIndicator[] = Array.from({ length: n }, (_, i) => ({
        code: `CT.T.${i + 1}`, area, stt: `${i + 1}`, name: `Tỷ lệ hồ sơ số ${i + 1}`, kind: 'ratio', numerator: 'Đúng hạn',
        denominator: 'Tổng số', target: 'tối thiểu 90%', monitor: 'Văn phòng', executor: 'Một cửa', sources: [],
      }));
      return buildTemplate({ info, indicators, tasks: [], areas: [{ code: area, name: 'Cải cách thủ tục hành chính' }], catalogId: 'T', catalogVersion: '1' });
    };
    const results = [];
    for (const n of [5, 500]) {
      const book = await workbookWithAnnexes(sized(n));
      const first = rowOf(book, PL1, 'CT.T.1');
      await book.userEdit(PL1, `G${first}:H${first + n - 1}`, Array.from({ length: n }, (_, i) => [i % 7 === 0 ? 'abc' : 9, 10]));
      results.push(await check(book));
    }
    expect(results[0].issues.filter((i) => i.rule === 'type.number')).toHaveLength(1);
    expect(results[1].issues.filter((i) => i.rule === 'type.number')).toHaveLength(72);
    // sheet names, the annexes' extents, their values: the same for 5 rows and 500
    expect(results[0].syncs).toBe(results[1].syncs);
    expect(results[1].syncs).toBe(3);
  });

  test('an edit on a watched annex sheet runs the check once, after the pause', async () => {
    jest.useFakeTimers();
    try {
      const book = await workbookWithAnnexes();
      const checks: number[] = [];
      const auto = debounce(() => checks.push(Date.now()), AUTO_CHECK_DELAY_MS);
      const { context } = book.requestContext();
      await watchSheets(context, annexSheetNames(book.names), () => auto());
      await book.userEdit(PL1, 'G10', [[1]]);
      await book.userEdit(PL1, 'H10', [[2]]);
      jest.advanceTimersByTime(AUTO_CHECK_DELAY_MS - 1);
      expect(checks).toHaveLength(0);
      jest.advanceTimersByTime(1);
      expect(checks).toHaveLength(1);
      await book.userEdit('Sheet1', 'A1', [['không theo dõi']]);
      jest.advanceTimersByTime(AUTO_CHECK_DELAY_MS);
      expect(checks).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });

  test('host errors become Vietnamese messages, never the raw error', async () => {
    const book = await workbookWithAnnexes();
    book.failNextSync = 'InvalidOperationInCellEditMode';
    const err = await checkWorkbook(book.context() as unknown as Excel.RequestContext, validate).catch((e: unknown) => e);
    expect(describeHostError(err)).toEqual({
      code: 'InvalidOperationInCellEditMode',
      message: 'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để kết thúc việc nhập ô rồi thử lại.',
    });
    const missing = await selectIssue(book.context() as unknown as Excel.RequestContext, { sheet: 'Không có', address: 'A1' }).catch((e: unknown) => e);
    expect(describeHostError(missing).message).toMatch(/^Không tìm thấy trang tính/);
    expect(describeHostError(new TypeError('x is undefined')).message).toBe(
      'Có lỗi khi làm việc với Excel. Hãy lưu sổ tính rồi thử lại; nếu vẫn lỗi, hãy báo cho bộ phận hỗ trợ.',
    );
  });
});
