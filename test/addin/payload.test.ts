/**
 * Excel on the web refuses a request or a response over 5 MB ("Resource limits and performance
 * optimization for Office Add-ins", learn.microsoft.com). Each command runs against the fake with
 * Office.js's own runtime alongside (bench/addin/mirror.ts), so every request is measured as
 * Office.js serialises it; at 300 communes each stays ≤ 4 MB. `npm run bench` prints the same figures.
 */
import { measureAddinPayloads, PAYLOAD_GOAL, type CommandPayload } from '../../bench/addin/payload';
import { readSheets } from '../../addin/excel/read-grids';
import { FakeWorkbook } from './fake-excel';
import { mirrorContext } from '../../bench/addin/mirror';

describe('every request and response of the add-in at 300 communes', () => {
  let results: CommandPayload[];
  beforeAll(async () => {
    results = await measureAddinPayloads(300);
  }, 300_000);

  test('each sync of each command is ≤ 4 MB both ways, measured with Office.js', () => {
    expect(results.map((r) => r.command)).toEqual([
      'Chèn Phụ lục (lần đầu)', 'Chèn Phụ lục (chèn lại)', 'Tổng hợp (300 đơn vị)', 'Tổng hợp lại (300 đơn vị)',
      'Kiểm tra (sổ có bảng tổng hợp 300 đơn vị)',
    ]);
    for (const r of results) {
      for (const s of r.syncs) {
        expect(s.request).toBeLessThanOrEqual(PAYLOAD_GOAL);
        expect(s.response).toBeLessThanOrEqual(PAYLOAD_GOAL);
      }
    }
  });

  test('the fake’s own request estimate is never much below Office.js’s (its 5 MB refusal is no laxer than Excel’s)', () => {
    const ratios = results.flatMap((r) => r.syncs.filter((s) => s.request >= 50_000).map((s) => s.fakeRequest / s.request));
    // Enough large requests to compare (the summary alone gives several).
    expect(ratios.length).toBeGreaterThanOrEqual(8);
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(0.9);
    // stricter than Excel, but not so much that it would refuse what Excel takes at our sizes
    expect(Math.max(...ratios)).toBeLessThanOrEqual(2.5);
  });

  test('Office.js knows every method and property the commands use', () => {
    for (const r of results) expect(r.mismatches).toEqual([]);
  });

  test('the summary is above one request, so the writer did split it', () => {
    const summary = results.find((r) => r.command.startsWith('Tổng hợp ('))!;
    const total = summary.syncs.reduce((a, s) => a + s.request, 0);
    expect(total).toBeGreaterThan(PAYLOAD_GOAL);
    expect(summary.syncs.length).toBeGreaterThan(Math.ceil(total / PAYLOAD_GOAL));
  });

  test('Kiểm tra reads the annexes only, not the summary sheets beside them', () => {
    const check = results.find((r) => r.command.startsWith('Kiểm tra'))!;
    const read = check.syncs.reduce((a, s) => a + s.response, 0);
    expect(read).toBeLessThan(200 * 1024);
  });
});

describe('readSheets keeps each response under its budget', () => {
  test('a large sheet is read in blocks of rows, and the grid comes back whole and anchored at A1', async () => {
    const book = new FakeWorkbook(['Lớn']);
    const s = book.sheet('Lớn');
    for (let r = 2; r < 2002; r++) {
      for (let c = 1; c < 11; c++) s.cells.set(`${r},${c}`, { value: `Ủy ban nhân dân ${r}-${c}`, formula: null, numberFormat: 'General' });
    }
    const m = mirrorContext(book.context());
    const budget = 200 * 1024;
    const grids = await readSheets(m.context, ['Lớn'], budget);
    expect(grids['Lớn']).toHaveLength(2002);
    expect(grids['Lớn'][0]).toEqual([]);
    expect(grids['Lớn'][2][0]).toBe('');
    expect(grids['Lớn'][2][1]).toBe('Ủy ban nhân dân 2-1');
    expect(grids['Lớn'][2001][10]).toBe('Ủy ban nhân dân 2001-10');
    const reads = m.syncs.slice(1);
    expect(reads.length).toBeGreaterThan(3);
    // the first block uses the starting estimate; later ones are re-estimated from what came back
    for (const r of reads) expect(r.response).toBeLessThanOrEqual(budget * 1.5);
  });
});
