/**
 * The Excel fake is a claim about Excel: each refusal documented in fake-excel.ts (with its source
 * there) is shown here to happen, so a test passing on the fake means something for real Excel.
 */
import { FakeOfficeError, FakeWorkbook } from './fake-excel';

const serial = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FakeOfficeError);
    return (e as FakeOfficeError).code;
  }
  throw new Error('expected the batch to fail');
}

describe('batches', () => {
  test('writes are applied at sync, not when queued', async () => {
    const book = new FakeWorkbook(['A']);
    const { fake, context } = book.requestContext();
    context.workbook.worksheets.getItem('A').getRange('A1').values = [['x']];
    expect(book.sheet('A').value('A1')).toBe('');
    await fake.sync();
    expect(book.sheet('A').value('A1')).toBe('x');
  });

  test('a batch stops at its first failing action; the actions before it stay applied', async () => {
    const book = new FakeWorkbook(['A']);
    const { fake, context } = book.requestContext();
    const ws = context.workbook.worksheets;
    ws.getItem('A').getRange('A1').values = [['trước']];
    ws.getItem('Không có').getRange('A1').values = [['lỗi']];
    ws.getItem('A').getRange('A2').values = [['sau']];
    expect(await failure(fake.sync())).toBe('ItemNotFound');
    expect(book.sheet('A').value('A1')).toBe('trước');
    expect(book.sheet('A').value('A2')).toBe('');
  });

  test('a request over the limit is refused whole', async () => {
    const book = new FakeWorkbook(['A']);
    book.requestLimit = 10_000;
    const { fake, context } = book.requestContext();
    const s = context.workbook.worksheets.getItem('A');
    s.getRange('A1').values = [['nhỏ']];
    s.getRangeByIndexes(1, 0, 500, 1).values = Array.from({ length: 500 }, () => ['Ủy ban nhân dân xã']);
    expect(await failure(fake.sync())).toBe('RequestPayloadSizeLimitExceeded');
    expect(book.sheet('A').value('A1')).toBe('');
  });

  test('a response over the limit fails the sync', async () => {
    const book = new FakeWorkbook(['A']);
    for (let r = 0; r < 300; r++) book.sheet('A').cells.set(`${r},0`, { value: 'Ủy ban nhân dân xã Anh Sơn', formula: null, numberFormat: 'General' });
    book.responseLimit = 5_000;
    const { fake, context } = book.requestContext();
    context.workbook.worksheets.getItem('A').getRange('A1:A300').load('values');
    expect(await failure(fake.sync())).toBe('ResponsePayloadSizeLimitExceeded');
  });

  test('while a cell is being edited a batch fails, unless run with delayForCellEdit, which waits', async () => {
    const book = new FakeWorkbook(['A']);
    book.startCellEdit();
    const write = (v: string) => async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem('A').getRange('A1').values = [[v]];
    };
    expect(await failure(book.run(write('ngay')))).toBe('InvalidOperationInCellEditMode');
    expect(book.sheet('A').value('A1')).toBe('');
    const delayed = book.run({ delayForCellEdit: true }, write('chờ'));
    await new Promise((r) => setTimeout(r, 5));
    expect(book.sheet('A').value('A1')).toBe('');
    book.endCellEdit();
    await delayed;
    expect(book.sheet('A').value('A1')).toBe('chờ');
  });

  test('onChanged fires for the add-in’s own writes, after the sync', async () => {
    const book = new FakeWorkbook(['A']);
    const seen: string[] = [];
    book.sheet('A').handlers.push((e) => void seen.push(e.source));
    await book.run(async (context) => {
      context.workbook.worksheets.getItem('A').getRange('B2').values = [[1]];
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual(['Local']);
    expect(book.changes).toEqual([{ sheet: 'A', source: 'Local' }]);
  });
});

describe('data validation', () => {
  const list = (source: string): Excel.DataValidationRule => ({ list: { inCellDropDown: true, source } });

  test('a rule on a range that holds a different rule is refused; the same rule, or after clear(), is taken', async () => {
    const book = new FakeWorkbook(['A']);
    const dv = (ctx: Excel.RequestContext, a: string) => ctx.workbook.worksheets.getItem('A').getRange(a).dataValidation;
    await book.run(async (c) => void (dv(c, 'B2:B10').rule = list('Có,Không')));
    expect(await failure(book.run(async (c) => void (dv(c, 'B5:B6').rule = { wholeNumber: { operator: 'GreaterThan', formula1: 0 } })))).toBe('InvalidOperation');
    await book.run(async (c) => void (dv(c, 'B2:B10').rule = list('Có,Không')));
    await book.run(async (c) => {
      dv(c, 'B5:B6').clear();
      dv(c, 'B5:B6').rule = { wholeNumber: { operator: 'GreaterThan', formula1: 0 } };
    });
    expect(book.sheet('A').validations.map((v) => v.address)).toContain('B5:B6');
  });

  test('list source ≤ 255 characters, titles ≤ 32, prompts ≤ 255, error messages ≤ 225', async () => {
    const book = new FakeWorkbook(['A']);
    const at = (c: Excel.RequestContext) => c.workbook.worksheets.getItem('A').getRange('C1').dataValidation;
    const text = (n: number) => 'x'.repeat(n);
    await book.run(async (c) => void (at(c).rule = list(text(255))));
    expect(await failure(book.run(async (c) => {
      at(c).clear();
      at(c).rule = list(text(256));
    }))).toBe('InvalidArgument');
    await book.run(async (c) => void (at(c).errorAlert = { showAlert: true, style: 'Stop', title: text(32), message: text(225) }));
    expect(await failure(book.run(async (c) => void (at(c).errorAlert = { showAlert: true, style: 'Stop', title: text(33), message: 'x' })))).toBe('InvalidArgument');
    expect(await failure(book.run(async (c) => void (at(c).errorAlert = { showAlert: true, style: 'Stop', title: 'x', message: text(226) })))).toBe('InvalidArgument');
    await book.run(async (c) => void (at(c).prompt = { showPrompt: true, title: text(32), message: text(255) }));
    expect(await failure(book.run(async (c) => void (at(c).prompt = { showPrompt: true, title: text(33), message: 'x' })))).toBe('InvalidArgument');
    expect(await failure(book.run(async (c) => void (at(c).prompt = { showPrompt: true, title: 'x', message: text(256) })))).toBe('InvalidArgument');
  });
});

describe('sheets', () => {
  test.each(['', 'a/b', 'a\\b', 'a?', 'a*', 'a:b', '[a]', "'a", "a'", 'History', 'x'.repeat(32)])('the name “%s” is refused', async (name) => {
    const book = new FakeWorkbook(['A']);
    expect(await failure(book.run(async (c) => void c.workbook.worksheets.add(name)))).toBe('InvalidArgument');
    expect(book.names).toEqual(['A']);
  });

  test('a name already taken, in any case, is refused; 31 characters are taken', async () => {
    const book = new FakeWorkbook(['Phụ lục 1']);
    expect(await failure(book.run(async (c) => void c.workbook.worksheets.add('PHỤ LỤC 1')))).toBe('ItemAlreadyExists');
    await book.run(async (c) => void c.workbook.worksheets.add('x'.repeat(31)));
    expect(book.names).toHaveLength(2);
  });

  test('the last visible sheet cannot be hidden or deleted', async () => {
    const book = new FakeWorkbook(['A', 'B']);
    await book.run(async (c) => void (c.workbook.worksheets.getItem('B').visibility = 'Hidden'));
    expect(await failure(book.run(async (c) => void (c.workbook.worksheets.getItem('A').visibility = 'Hidden')))).toBe('InvalidOperation');
    expect(await failure(book.run(async (c) => void c.workbook.worksheets.getItem('A').delete()))).toBe('InvalidOperation');
    expect(book.sheet('A').visibility).toBe('Visible');
  });
});

describe('text typed into General cells is converted as Excel converts it', () => {
  async function typed(text: string, locale: 'vi-VN' | 'en-US' = 'vi-VN', format?: string) {
    const book = new FakeWorkbook(['A']);
    book.locale = locale;
    await book.run(async (c) => {
      const r = c.workbook.worksheets.getItem('A').getRange('A1');
      if (format) r.numberFormat = [[format]];
      r.values = [[text]];
    });
    return { value: book.sheet('A').value('A1'), formula: book.sheet('A').formula('A1') };
  }

  test('a leading = + - starts a formula', async () => {
    expect(await typed('- Đã rà soát')).toEqual({ value: '#NAME?', formula: '=- Đã rà soát' });
    expect(await typed('=1+1')).toMatchObject({ formula: '=1+1' });
    expect(await typed('+84 912')).toMatchObject({ value: '#NAME?' });
  });

  test('dates by the regional order, month/year and day/month', async () => {
    expect((await typed('15/03/2025')).value).toBe(serial(2025, 3, 15));
    expect((await typed('15/03/2025', 'en-US')).value).toBe('15/03/2025');
    expect((await typed('10/01/2025', 'en-US')).value).toBe(serial(2025, 10, 1));
    expect((await typed('12/2025')).value).toBe(serial(2025, 12, 1));
    expect((await typed('1/2')).value).toBe(serial(2025, 2, 1));
    expect((await typed('1/2', 'en-US')).value).toBe(serial(2025, 1, 2));
  });

  test('fractions, leading zeros, booleans; a Text (@) cell keeps every one as typed', async () => {
    expect((await typed('0 1/2')).value).toBe(0.5);
    expect((await typed('05')).value).toBe(5);
    expect((await typed('TRUE')).value).toBe(true);
    for (const t of ['- Đã rà soát', '12/2025', '1/2', '05', '0 1/2']) expect(await typed(t, 'vi-VN', '@')).toEqual({ value: t, formula: null });
  });
});

describe('selection', () => {
  test('getSelectedRange gives the active sheet’s selection (A1 until something is selected), and fails on several ranges', async () => {
    const book = new FakeWorkbook(['A', 'B']);
    let { fake, context } = book.requestContext();
    context.workbook.worksheets.getItem('B').getRange('C2:D5').select();
    context.workbook.worksheets.getItem('B').activate();
    await fake.sync();
    ({ fake, context } = book.requestContext());
    const sel = context.workbook.getSelectedRange();
    sel.load('address');
    await fake.sync();
    expect(sel.address).toBe('B!C2:D5');
    book.active = book.sheet('A');
    ({ fake, context } = book.requestContext());
    const other = context.workbook.getSelectedRange();
    other.load('address');
    await fake.sync();
    expect(other.address).toBe('A!A1');
    book.multipleSelection = true;
    ({ fake, context } = book.requestContext());
    context.workbook.getSelectedRange().load('address');
    expect(await failure(fake.sync())).toBe('InvalidSelection');
  });
});
