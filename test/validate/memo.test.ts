/** Readings kept by text across workbooks: same results, separate copies, bounded memory. */
import { ownCopy, TextMemo } from '../../shared/text/memo';
import { locateInfoRows } from '../../shared/validate/read-info';
import { readReport } from '../../shared/validate';
import { DONE_TASK, RATIO_ROW, workbook } from './workbook';

describe('ownCopy', () => {
  it('gives back the same text, whatever it is', () => {
    const xml = '<si><t>Tỷ lệ hồ sơ giải quyết đúng hạn</t></si><si><t>__proto__ của bảng</t></si>';
    const texts = [
      xml.slice(8, xml.indexOf('</t>')),
      '__proto__',
      '__proto__xxxxxxxx',
      'constructor và toString',
      '12345678901234567890',
      '4294967294000',
      'x'.repeat(5000),
      'Đơn vị 🏛️ theo dõi',
      '',
    ];
    for (const t of texts) expect(ownCopy(t)).toBe(t);
    const at = xml.indexOf('__proto__');
    expect(ownCopy(xml.slice(at, xml.indexOf('</t>', at)))).toBe('__proto__ của bảng');
  });
});

describe('TextMemo', () => {
  it('computes a text once and hands back the kept result', () => {
    const memo = new TextMemo<string>(100);
    let calls = 0;
    const upper = (s: string) => (calls++, s.toUpperCase());
    expect(memo.get('quý i', upper)).toBe('QUÝ I');
    expect(memo.get('quý i', upper)).toBe('QUÝ I');
    expect(calls).toBe(1);
  });

  it('keeps null and undefined results as results', () => {
    const memo = new TextMemo<string | null | undefined>(100);
    let calls = 0;
    memo.get('a', () => (calls++, null));
    memo.get('b', () => (calls++, undefined));
    expect([memo.get('a', () => 'x'), memo.get('b', () => 'y'), calls]).toEqual([null, undefined, 2]);
  });

  it('empties itself when the texts kept pass the bound, and never keeps a text longer than maxKey', () => {
    const memo = new TextMemo<number>(10, 4);
    let calls = 0;
    const len = (s: string) => (calls++, s.length);
    memo.get('aaaa', len); // 4 chars kept
    memo.get('bbbb', len); // 8
    memo.get('cccc', len); // 12 > 10: emptied first, then 4
    expect(calls).toBe(3);
    memo.get('cccc', len);
    expect(calls).toBe(3);
    memo.get('aaaa', len); // forgotten when emptied
    expect(calls).toBe(4);
    memo.get('eeeee', len);
    memo.get('eeeee', len); // too long to keep
    expect(calls).toBe(6);
  });
});

describe('readings shared across workbooks', () => {
  it('two workbooks with the same target text get equal but separate readings; changing one leaves the other', () => {
    const first = readReport(workbook({ indicators: [RATIO_ROW], tasks: [DONE_TASK] })).report!;
    const second = readReport(workbook({ indicators: [RATIO_ROW], tasks: [DONE_TASK] })).report!;
    const [a, b] = [first.indicators[0], second.indicators[0]];
    expect(a.target).toEqual(b.target);
    expect(a.target).not.toBe(b.target);
    expect(a.target!.targets[0]).not.toBe(b.target!.targets[0]);
    (a.target!.targets[0] as { value: number }).value = 0.1;
    expect(readReport(workbook({ indicators: [RATIO_ROW], tasks: [DONE_TASK] })).report!.indicators[0].target).toEqual(b.target);
    const [ta, tb] = [first.tasks[0].deadline!, second.tasks[0].deadline!];
    expect(ta).toEqual(tb);
    expect(ta.milestones[0]).not.toBe(tb.milestones[0]);
  });

  it('a deadline is read for each plan year, not the first year seen', () => {
    const year = (y: number) => {
      const grids = workbook({ indicators: [RATIO_ROW], tasks: [{ ...DONE_TASK, deadline: 'Quý IV', status: 'Đang thực hiện', completedOn: '' }] });
      const info = grids['Thông tin'] as unknown[][];
      const row = info.findIndex((r) => r[0] === 'Năm kế hoạch');
      info[row][1] = y;
      return readReport(grids).report!.tasks[0].deadline!.milestones.map((m) => m.due);
    };
    expect(year(2025)).toEqual(['2025-12-31']);
    expect(year(2026)).toEqual(['2026-12-31']);
  });
});

describe('locateInfoRows keeps the rows found for the labels seen last', () => {
  const grid = (labels: (string | null)[], values: string[]) => labels.map((l, i) => [l, values[i] ?? null]);
  const LABELS = ['Tên đơn vị báo cáo', 'Mã đơn vị', 'Năm kế hoạch', 'Kỳ báo cáo', null, 'Ngày báo cáo'];

  it('finds the same rows again for the same labels, and looks again when a label moves or changes', () => {
    const first = locateInfoRows(grid(LABELS, ['UBND xã An Phú', '90001', '2025', 'Quý II']));
    expect(first.get('unitName')).toBe(0);
    expect(first.get('reportDate')).toBe(5);
    // Another unit, the same labels (other string objects, other values): the same rows.
    expect(locateInfoRows(grid([...LABELS].map((l) => (l === null ? null : [...l].join(''))), ['UBND phường Đông Sơn']))).toBe(first);
    // Labels in another order: found where they are.
    const moved = locateInfoRows(grid([LABELS[1], LABELS[0], ...LABELS.slice(2)], []));
    expect([moved.get('unitCode'), moved.get('unitName')]).toEqual([0, 1]);
    // One label fewer: looked for again.
    const fewer = locateInfoRows(grid(LABELS.slice(0, 4), []));
    expect(fewer.get('reportDate')).toBeUndefined();
    expect(fewer.get('period')).toBe(3);
  });
});
