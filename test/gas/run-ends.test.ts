/**
 * A run always ends: a source that always fails is given up after its attempts, an execution killed
 * on a source counts against that source, a run that cannot finish stops after the set number of
 * executions — each time with its reason written down and no trigger left behind.
 */
import { SUMMARY_SHEETS } from '../../shared/consolidate/summary-spec';
import { buildBundle, loadGas, type Gas } from './fakes/gas';
import { addCommune, communes, configureHome, sheetUrl, type Commune } from './helpers';

jest.setTimeout(120_000);
beforeAll(() => buildBundle());

const SUMMARY = SUMMARY_SHEETS.indicators;
const MAX_EXECUTIONS = 12;

function setup(list: Commune[], extra: { code: string; name: string; sheet: string }[] = []): Gas {
  const gas = loadGas();
  for (const c of list) addCommune(gas, c);
  configureHome(gas, {}, [...list.map((c) => ({ code: c.code, name: c.name, sheet: sheetUrl(c.id) })), ...extra]);
  return gas;
}

/** Fires the continuation as long as one is pending (at most `max` times); returns how many fired. */
function drain(gas: Gas, max = 40): number {
  let n = 0;
  while (n < max && gas.script.triggers.some((t) => t.handler === 'continueConsolidation' && !t.spent)) {
    gas.fireTrigger('continueConsolidation');
    n++;
  }
  return n;
}

const statusOf = (gas: Gas) => {
  const grid = gas.home._sheet('Cài đặt')._grid();
  return String(grid.find((r) => r[0] === 'Tình trạng tổng hợp')?.[1] ?? '');
};

/** A row of Nguồn dữ liệu: STT, Tệp, Đơn vị, Kỳ, Ngày báo cáo, Ngày nhận, Kết quả (6), Lý do (7). */
const sourceRow = (gas: Gas, name: string) => gas.home._sheet('Nguồn dữ liệu')._grid().find((r) => String(r[1]).startsWith(name)) ?? [];

describe('a source that always fails', () => {
  test('is tried twice, in two executions, then listed as unreadable with its reason; the run finishes and leaves no trigger', () => {
    const list = communes(3);
    const gas = setup(list, [{ code: '26100', name: 'UBND xã Chậm', sheet: sheetUrl('slow-sheet-00000000000') }]);
    gas.sheets.create('slow-sheet-00000000000', 'BC xã Chậm');
    let tries = 0;
    gas.sheets.beforeOpen = (id) => {
      if (id !== 'slow-sheet-00000000000') return;
      tries++;
      throw new Error('Exception: Service Spreadsheets timed out while accessing document with id slow-sheet-00000000000.');
    };
    gas.call('consolidateReports');
    expect(gas.home.getSheetByName(SUMMARY)).toBeNull();
    expect(gas.home._toasts.at(-1)?.message).toBe(
      'Đã đọc 3/4 bảng tính. Việc tổng hợp sẽ tự tiếp tục sau khoảng 1 phút; bảng tổng hợp sẽ hiện khi đọc xong.',
    );
    expect(drain(gas)).toBe(2);
    expect(tries).toBe(2);
    expect(gas.script.triggers).toEqual([]);
    expect(gas.home.getSheetByName('_cchc_state')).toBeNull();
    const row = sourceRow(gas, 'UBND xã Chậm');
    expect(row[6]).toBe('Không tổng hợp');
    expect(row[7]).toBe(
      'Đã thử đọc “UBND xã Chậm” 2 lần nhưng không được (Google trả lời quá chậm). Tổng hợp vẫn tiếp tục với các nguồn khác; hãy kiểm tra nguồn này rồi chạy lại Tổng hợp.',
    );
    // The others are in the summary; no English and no exception text reached the sheet.
    expect(JSON.stringify(gas.home._sheet('Nguồn dữ liệu')._grid())).not.toMatch(/Exception|timed out/);
    expect(statusOf(gas)).toMatch(/^Xong lúc 10\/03\/2025 \d\d:\d\d: 3 đơn vị có số liệu trên 4 đơn vị phải báo cáo\.$/);
  });

  test('an execution killed while reading a source counts as an attempt at that source', () => {
    const list = communes(3);
    const gas = setup(list, [{ code: '26100', name: 'UBND xã Nặng', sheet: sheetUrl('heavy-sheet-0000000000') }]);
    gas.sheets.create('heavy-sheet-0000000000', 'BC xã Nặng');
    gas.metered = true;
    gas.sheets.beforeOpen = (id) => {
      if (id === 'heavy-sheet-0000000000') gas.clock.now += 7 * 60_000; // never opens within 6 minutes
    };
    gas.call('consolidateReports');
    expect(gas.killed).toBe(1);
    // Killed: no catch ran, the safety continuation is what remains.
    expect(gas.script.triggers.map((t) => [t.handler, t.afterMs])).toEqual([['continueConsolidation', 7 * 60_000]]);
    gas.lock.release();
    expect(drain(gas)).toBe(2);
    expect(gas.killed).toBe(2);
    expect(gas.script.triggers.filter((t) => !t.spent)).toEqual([]);
    expect(sourceRow(gas, 'UBND xã Nặng')[7]).toBe(
      'Đã thử đọc “UBND xã Nặng” 2 lần nhưng không được (đọc quá lâu, lần chạy bị dừng vì hết 6 phút). Tổng hợp vẫn tiếp tục với các nguồn khác; hãy kiểm tra nguồn này rồi chạy lại Tổng hợp.',
    );
    expect(gas.home.getSheetByName(SUMMARY)).not.toBeNull();
  });
});

describe('a run that cannot finish', () => {
  test(`stops after ${MAX_EXECUTIONS} executions with back-off, says why on Cài đặt, e-mails its owner once, leaves no trigger`, () => {
    const gas = setup(communes(2));
    // Writing the summary fails every time (a service error, not a kill).
    const insert = gas.home.insertSheet.bind(gas.home);
    gas.home.insertSheet = ((name: string, index?: number) => {
      if (name === SUMMARY) throw new Error('Exception: Service error: Spreadsheets');
      return insert(name, index);
    }) as typeof gas.home.insertSheet;
    gas.call('consolidateReports');
    expect(gas.sheets.ui.alerts.at(-1)).toBe('Lần chạy này gặp lỗi sau khi đọc 2/2 nguồn. Công cụ sẽ tự thử lại sau khoảng 1 phút.');
    const delays: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = gas.script.triggers.find((x) => x.handler === 'continueConsolidation' && !x.spent);
      if (!t) break;
      delays.push(t.afterMs ?? 0);
      gas.fireTrigger('continueConsolidation');
    }
    expect(delays.slice(0, 6)).toEqual([1, 2, 4, 8, 16, 30].map((m) => m * 60_000));
    // The menu's execution, then 11 from triggers: the twelfth fails too and gives the run up.
    expect(delays).toHaveLength(MAX_EXECUTIONS - 1);
    expect(gas.script.triggers.filter((t) => !t.spent)).toEqual([]);
    expect(gas.home.getSheetByName('_cchc_state')).toBeNull();
    expect(statusOf(gas)).toMatch(/^Dừng lúc \d\d\/\d\d\/2025 \d\d:\d\d: Sau 12 lần chạy/);
    expect(statusOf(gas)).toContain('Tổng hợp đã dừng; hãy kiểm tra các nguồn');
    expect(gas.mail.sent.map((m) => [m.to, m.subject])).toEqual([['tonghop@example.gov.vn', '[CCHC] Tổng hợp báo cáo chưa hoàn thành']]);
    // What users read (alerts, the status, the e-mail) carries no exception text; the execution log may.
    expect(JSON.stringify([gas.sheets.ui.alerts, statusOf(gas), gas.mail.sent])).not.toMatch(/Exception|Service error/);
  });
});
