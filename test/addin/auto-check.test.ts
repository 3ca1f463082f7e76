/**
 * The automatic check with a person typing: it waits for cell editing to end (ExcelApi 1.11) or
 * retries quietly (older Excel), never shows an error, and is not set off by the add-in's own writes.
 */
import { catalogTemplate } from '../../addin/annex-template';
import { checkWorkbook, watchSheets, type CheckResult } from '../../addin/commands/check-workbook';
import { insertAnnexes } from '../../addin/commands/insert-annexes';
import { AutoCheck } from '../../addin/pane/auto-check';
import { sharedValidator } from '../../addin/pipeline';
import { FakeWorkbook } from './fake-excel';

const PL1 = 'Phụ lục 1 - Chỉ tiêu';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function setup(delaySupported: boolean) {
  const book = new FakeWorkbook(['Sheet1']);
  let busy = false;
  const shown: CheckResult[] = [];
  const logged: unknown[] = [];
  const auto = new AutoCheck<CheckResult>(
    {
      run: (delay) => (delay ? book.run({ delayForCellEdit: true }, (c) => checkWorkbook(c, sharedValidator)) : book.run((c) => checkWorkbook(c, sharedValidator))),
      canDelayForCellEdit: () => delaySupported,
      show: (r) => shown.push(r),
      enabled: () => true,
      busy: () => busy,
      log: (e) => logged.push(e),
    },
    () => Date.now(),
    20,
    30,
  );
  // Chèn Phụ lục as the pane runs it: busy meanwhile, then its own writes are marked.
  busy = true;
  await book.run((c) =>
    insertAnnexes(c, { unitName: 'UBND xã Anh Sơn', unitCode: '16279', unitKind: 'xa', parentName: 'Sở Nội vụ', parentLevel: 'tinh', year: 2025, period: 'Q2', planNumber: '05/KH-UBND', planDate: '2025-01-10' }, catalogTemplate, { pageLayout: true }),
  );
  await book.run((c) => watchSheets(c, [PL1], () => auto.onChanged()));
  busy = false;
  auto.ownWritesDone();
  return { book, auto, shown, logged };
}

function codeRow(book: FakeWorkbook): number {
  return book.sheet(PL1).grid().findIndex((r) => r[0] === 'CT.CDDH.02') + 1;
}

describe('automatic check', () => {
  test('the add-in’s own writes raise onChanged but do not set off a check', async () => {
    const { book, auto, shown } = await setup(true);
    // the fake reports the command's writes after its syncs, as Excel does
    await book.fireChanged([book.sheet(PL1)], 'Local');
    await sleep(60);
    expect(book.changes.some((c) => c.sheet === PL1)).toBe(true);
    expect(auto.stats.ignoredOwn).toBeGreaterThan(0);
    expect(auto.stats.ran).toBe(0);
    expect(shown).toEqual([]);
  });

  test('a person’s edit after the quiet time runs one check after the pause', async () => {
    const { book, auto, shown } = await setup(true);
    await sleep(1600);
    const r = codeRow(book);
    await book.userEdit(PL1, `G${r}`, [['abc']]);
    await book.userEdit(PL1, `H${r}`, [[10]]);
    await sleep(80);
    expect(auto.stats.ran).toBe(1);
    expect(shown[0].issues.some((i) => i.address === `G${r}` && i.rule === 'type.number')).toBe(true);
  }, 10_000);

  test('ExcelApi 1.11: during cell editing the check waits for the edit to end, with no error', async () => {
    const { book, auto, shown, logged } = await setup(true);
    await sleep(1600);
    book.startCellEdit();
    await book.userEdit(PL1, `G${codeRow(book)}`, [['abc']]);
    await sleep(80);
    expect(shown).toEqual([]);
    book.endCellEdit();
    await sleep(30);
    expect(shown).toHaveLength(1);
    expect(auto.stats.retried).toBe(0);
    expect(logged).toEqual([]);
  }, 10_000);

  test('older Excel: refused in cell-edit mode, it retries quietly and shows the result once editing ends', async () => {
    const { book, auto, shown, logged } = await setup(false);
    await sleep(1600);
    book.startCellEdit();
    await book.userEdit(PL1, `G${codeRow(book)}`, [['abc']]);
    await sleep(50);
    expect(auto.stats.retried).toBeGreaterThanOrEqual(1);
    expect(shown).toEqual([]);
    book.endCellEdit();
    await sleep(80);
    expect(shown).toHaveLength(1);
    expect(logged).toEqual([]);
  }, 10_000);

  test('any other failure is noted quietly, never shown', async () => {
    const { book, auto, shown, logged } = await setup(true);
    await sleep(1600);
    book.failNextSync = 'GeneralException';
    await book.userEdit(PL1, `G${codeRow(book)}`, [['abc']]);
    await sleep(80);
    expect(auto.stats.gaveUp).toBe(1);
    expect(shown).toEqual([]);
    expect(logged).toHaveLength(1);
  }, 10_000);
});
