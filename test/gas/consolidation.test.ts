import { DATA_SHEET } from '../../shared/consolidate/summary-data';
import { SUMMARY_SHEETS } from '../../shared/consolidate/summary-spec';
import { CHART_SHEET } from '../../shared/layout/summary-charts';
import { buildBundle, loadGas, type Gas } from './fakes/gas';
import {
  addCommune,
  communes,
  configureHome,
  expectedInput,
  expectedSummarySheets,
  modelCells,
  sheetUrl,
  summaryOptions,
  summarySheetsOf,
  type Commune,
} from './helpers';

const SUMMARY_NAMES = [...Object.values(SUMMARY_SHEETS), DATA_SHEET];

// Dozens of communes through the sandbox: slower than a unit test, above all on a busy machine.
jest.setTimeout(120_000);
beforeAll(() => buildBundle());

/** A consolidating spreadsheet whose registry lists the communes' spreadsheets. */
function setup(list: Commune[]): Gas {
  const gas = loadGas();
  for (const c of list) addCommune(gas, c);
  configureHome(gas, {}, list.map((c) => ({ code: c.code, name: c.name, sheet: sheetUrl(c.id), email: `${c.code}@example.gov.vn` })));
  return gas;
}

/** The summary the shared rules give for the same spreadsheets, computed here without Apps Script. */
function expectedFor(list: Commune[]) {
  const scratch = loadGas();
  const inputs = list.map((c) => expectedInput(c, addCommune(scratch, c)));
  return expectedSummarySheets(inputs, summaryOptions({ expectedUnits: list.map((c) => ({ code: c.code, name: c.name })) }));
}

describe('Tổng hợp from the registry sheet', () => {
  test('writes the same summary sheets, cell for cell, as the shared consolidation of the same data', () => {
    const gas = setup(communes(4));
    const expected = expectedFor(communes(4));
    gas.call('consolidateReports');
    expect(gas.sheets.ui.alerts.at(-1)).toContain('Đã tổng hợp báo cáo Quý I năm 2025: 4 đơn vị có số liệu trên 4 đơn vị phải báo cáo.');
    expect(expected.map((m) => m.name)).toEqual(SUMMARY_NAMES);
    const got = summarySheetsOf(gas.home, SUMMARY_NAMES);
    for (const m of expected) expect({ sheet: m.name, cells: got[m.name] }).toEqual({ sheet: m.name, cells: modelCells(m) });
    // No checkpoint is left behind and no continuation is pending.
    expect(gas.home.getSheetByName('_cchc_state')).toBeNull();
    expect(gas.script.handlers()).toEqual([]);
  });
});

describe('service calls per commune spreadsheet', () => {
  function callsPerCommune(n: number): { counts: number[]; methods: string[] } {
    const list = communes(n);
    const gas = setup(list);
    gas.log.clear();
    gas.call('consolidateReports');
    return { counts: list.map((c) => gas.log.countFor(c.id)), methods: gas.log.methodsFor(list[0].id) };
  }

  test('are the same for every commune, whether there are 3 or 30, with one getValues() per sheet', () => {
    const few = callsPerCommune(3);
    const many = callsPerCommune(30);
    const perCommune = few.counts[0];
    expect(new Set(few.counts)).toEqual(new Set([perCommune]));
    expect(new Set(many.counts)).toEqual(new Set([perCommune]));
    // openById once, the title, the time zone, getSheets once, then name + data range + values per sheet
    // (5 sheets: Thông tin, the two annexes, the metadata and the catalog the template carries).
    expect(few.methods.filter((m) => m === 'openById')).toHaveLength(1);
    expect(few.methods.filter((m) => m === 'getSheets')).toHaveLength(1);
    expect(few.methods.filter((m) => m === 'getValues')).toHaveLength(5);
    expect(perCommune).toBe(4 + 5 * 3);
  });
});

describe('a run cut off part-way', () => {
  const list = communes(7);

  let once: Record<string, unknown[][]> | null = null;
  function uninterrupted(): Record<string, unknown[][]> {
    if (!once) {
      const gas = setup(list);
      gas.call('consolidateReports');
      once = summarySheetsOf(gas.home, SUMMARY_NAMES);
    }
    return once;
  }

  test('stops before the time limit, continues from its trigger, and gives the same summary', () => {
    const gas = setup(list);
    gas.sheets.openCostMs = 100_000; // each spreadsheet takes 100 s to open: 3 fit in one execution
    gas.call('consolidateReports');
    expect(gas.sheets.ui.alerts).toEqual([]);
    expect(gas.home._toasts.at(-1)?.message).toBe(
      'Đã đọc 3/7 bảng tính. Việc tổng hợp sẽ tự tiếp tục sau khoảng 1 phút; bảng tổng hợp sẽ hiện khi đọc xong.',
    );
    expect(gas.home.getSheetByName(SUMMARY_NAMES[0])).toBeNull();
    expect(gas.script.triggers.map((t) => [t.handler, t.kind, t.afterMs])).toEqual([['continueConsolidation', 'after', 60_000]]);
    expect(gas.lock.holder).toBeNull();
    // Nothing grows in the properties: the checkpoint lives in the hidden sheet.
    expect(gas.scriptProps.longest).toBeLessThan(1024);

    gas.fireTrigger('continueConsolidation'); // reads 3 more
    expect(gas.home.getSheetByName(SUMMARY_NAMES[0])).toBeNull();
    gas.fireTrigger('continueConsolidation'); // reads the last and writes the summary
    expect(gas.home.getSheetByName('_cchc_state')).toBeNull();
    expect(gas.script.triggers).toEqual([]);
    expect(list.map((c) => gas.log.methodsFor(c.id).filter((m) => m === 'openById').length)).toEqual(list.map(() => 1));
    expect(summarySheetsOf(gas.home, SUMMARY_NAMES)).toEqual(uninterrupted());
  });

  test('killed outright mid-way, resumes from its safety trigger without losing or double-counting anyone', () => {
    const gas = setup(list);
    let opens = 0;
    gas.sheets.beforeOpen = () => {
      opens++;
      if (opens === 5) for (;;); // the execution hangs here until V8 stops it: no catch, no finally
    };
    expect(() => gas.runWithLimit('consolidateReports()', 3000)).toThrow(/timed out/);
    // Normally stopped while opening the fifth; on a very slow machine the limit may strike earlier.
    const killedAt = opens;
    expect(killedAt).toBeGreaterThanOrEqual(2);
    // Apps Script releases a dead execution's lock.
    gas.lock.release();
    gas.sheets.beforeOpen = null;
    expect(gas.script.triggers.map((t) => [t.handler, t.afterMs])).toEqual([['continueConsolidation', 7 * 60_000]]);

    gas.fireTrigger('continueConsolidation');
    // Those read before the kill are not read again; the one cut off mid-read is read once more.
    expect(list.map((c) => gas.log.methodsFor(c.id).filter((m) => m === 'openById').length)).toEqual(
      list.map((_, i) => (i === killedAt - 1 ? 2 : 1)),
    );
    expect(gas.script.triggers).toEqual([]);
    expect(summarySheetsOf(gas.home, SUMMARY_NAMES)).toEqual(uninterrupted());
  });
});

describe('the script lock', () => {
  test('keeps a second run from starting while one is working, and the continuation waits its turn', () => {
    const gas = setup(communes(2));
    gas.lock.holdElsewhere();
    gas.call('consolidateReports');
    expect(gas.sheets.ui.alerts).toEqual(['Đang có một lần tổng hợp khác chạy. Hãy đợi vài phút rồi thử lại.']);
    expect(gas.home.getSheetByName(SUMMARY_NAMES[0])).toBeNull();
    expect(gas.home.getSheetByName('_cchc_state')).toBeNull();
    expect(gas.log.countFor(communes(1)[0].id)).toBe(0);

    gas.call('continueConsolidation');
    expect(gas.script.handlers()).toEqual(['continueConsolidation']);

    gas.lock.release();
    gas.call('consolidateReports');
    expect(gas.home.getSheetByName(SUMMARY_NAMES[0])).not.toBeNull();
  });
});

describe('sources', () => {
  test('a Drive folder and the registry are read together, each spreadsheet once; unreadable ones are listed with the reason', () => {
    const gas = loadGas();
    const list = communes(3);
    const inputs = list.map((c) => expectedInput(c, addCommune(gas, c)));
    gas.sheets.create('denied-sheet-00000000000', 'Báo cáo xã Cấm');
    gas.sheets.denied.set('denied-sheet-00000000000', 'Exception: You do not have permission to access the requested document.');
    gas.drive.addFolder('folder-bao-cao-quy-1', 'Báo cáo quý I');
    for (const f of [
      { id: list[1].id, name: list[1].title, mimeType: 'application/vnd.google-apps.spreadsheet' },
      { id: list[2].id, name: list[2].title, mimeType: 'application/vnd.google-apps.spreadsheet' },
      { id: 'xlsx-file-000000000001', name: 'BC xa Dong.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      { id: 'pdf-file-0000000000001', name: 'Công văn.pdf', mimeType: 'application/pdf' },
    ]) {
      gas.drive.addFile('folder-bao-cao-quy-1', f);
    }
    configureHome(gas, { folder: 'https://drive.google.com/drive/folders/folder-bao-cao-quy-1?usp=sharing' }, [
      { code: list[0].code, name: list[0].name, sheet: sheetUrl(list[0].id) },
      { code: list[1].code, name: list[1].name, sheet: list[1].id },
      { code: '26100', name: 'UBND xã Cấm', sheet: sheetUrl('denied-sheet-00000000000') },
      { code: '26101', name: 'UBND xã Mất', sheet: sheetUrl('missing-sheet-0000000000') },
      { code: '26102', name: 'UBND xã Gõ Sai', sheet: 'bảng tính của xã' },
    ]);
    gas.call('consolidateReports');

    expect(list.map((c) => gas.log.methodsFor(c.id).filter((m) => m === 'openById').length)).toEqual([1, 1, 1]);
    const sources = gas.home._sheet('Nguồn dữ liệu')._grid();
    const row = (file: string) => sources.find((r) => String(r[1]).startsWith(file)) ?? [];
    const reason = (file: string) => String(row(file)[7]);
    expect(reason('UBND xã Cấm')).toBe(
      'Tài khoản chạy tổng hợp không có quyền mở bảng tính này. Đề nghị đơn vị chia sẻ bảng tính (quyền Người xem) cho tài khoản của đơn vị tổng hợp.',
    );
    expect(reason('UBND xã Mất')).toMatch(/^Không tìm thấy bảng tính: ID hoặc đường dẫn không đúng/);
    expect(reason('UBND xã Gõ Sai')).toBe(
      'Không đọc được ID bảng tính từ “bảng tính của xã” (Danh sách đơn vị, dòng 6). Dán đường dẫn dạng https://docs.google.com/spreadsheets/d/…',
    );
    // An .xlsx in the folder is read from its bytes, with the command line's refusals: this one is empty.
    expect(reason('BC xa Dong.xlsx')).toBe(
      'Tệp "BC xa Dong.xlsx" trống (0 byte), có thể do lưu hoặc tải về chưa xong. Hãy mở tệp gốc trong Excel, lưu lại dạng Sổ làm việc Excel (.xlsx) rồi gửi lại.',
    );
    expect(row('Công văn.pdf')).toEqual([]);
    expect(row('UBND xã Cấm')[6]).toBe('Không tổng hợp');

    const alert = gas.sheets.ui.alerts.at(-1) ?? '';
    expect(alert).toContain('4 bảng tính không tổng hợp được (xem trang Nguồn dữ liệu):');
    expect(alert).toContain('• UBND xã Cấm [denied-sheet-00000000000]: Tài khoản chạy tổng hợp không có quyền mở bảng tính này.');

    // The communes' numbers are exactly those of consolidating their three spreadsheets directly.
    const expected = expectedSummarySheets(inputs, summaryOptions());
    const indicators = expected.find((m) => m.name === SUMMARY_SHEETS.indicators)!;
    const got = summarySheetsOf(gas.home, [SUMMARY_SHEETS.indicators])[SUMMARY_SHEETS.indicators];
    // From the table header on; the count of units without valid data differs (here the unreadable
    // spreadsheets are expected units that sent nothing usable), the numbers must not.
    const tableOf = (cells: unknown[][]) => cells.slice(cells.findIndex((r) => r[0] === 'STT')).filter((r) => r[0] !== '').map((r) => [...r.slice(0, 10), r[11]].map((v) => (typeof v === 'string' && v.startsWith('=') ? 'công thức' : v)));
    expect(tableOf(got)).toEqual(tableOf(modelCells(indicators)));
  });

  test('a folder that cannot be opened stops the run and says so', () => {
    const gas = loadGas();
    configureHome(gas, { folder: '1AbCdEfGhIjKlMnOpQrStUv' }, []);
    gas.call('consolidateReports');
    expect(gas.sheets.ui.alerts.at(-1)).toBe(
      'Chưa tổng hợp được, cần sửa trang Cài đặt:\n• Cài đặt: không mở được thư mục Google Drive đã ghi. Kiểm tra lại ID hoặc đường dẫn thư mục, và tài khoản đang dùng có quyền xem thư mục đó.',
    );
    expect(gas.home.getSheetByName('_cchc_state')).toBeNull();
  });

  test('settings that are missing are named with their cell and what to type', () => {
    const gas = loadGas();
    gas.call('consolidateReports');
    expect(gas.home._sheets.map((s) => s._name)).toEqual(['Trang tính1', 'Cài đặt', 'Danh sách đơn vị']);
    const alert = gas.sheets.ui.alerts.at(-1) ?? '';
    expect(alert).toContain('Đã tạo trang “Cài đặt” và “Danh sách đơn vị”. Điền các mục sau rồi chạy lại Tổng hợp:');
    expect(alert).toContain('Cài đặt!B5: nhập tên đơn vị tổng hợp, ví dụ “Sở Nội vụ tỉnh Thanh Hóa”.');
    expect(alert).toContain('Cài đặt!B7: nhập năm báo cáo, ví dụ 2025.');
  });
});

describe('a Vietnamese-speaking account', () => {
  test('gets the same reasons: exceptions in Vietnamese are understood, and never shown', () => {
    const gas = loadGas();
    gas.user = { email: 'tonghop@example.gov.vn', language: 'vi' };
    const [c] = communes(1);
    addCommune(gas, c);
    gas.sheets.create('denied-sheet-00000000000', 'Báo cáo xã Cấm');
    gas.sheets.denied.set('denied-sheet-00000000000', '');
    configureHome(gas, {}, [
      { code: c.code, name: c.name, sheet: sheetUrl(c.id) },
      { code: '26100', name: 'UBND xã Cấm', sheet: sheetUrl('denied-sheet-00000000000') },
      { code: '26101', name: 'UBND xã Mất', sheet: sheetUrl('missing-sheet-0000000000') },
    ]);
    gas.call('consolidateReports');
    const sources = gas.home._sheet('Nguồn dữ liệu')._grid();
    const reason = (file: string) => String((sources.find((r) => String(r[1]).startsWith(file)) ?? [])[7]);
    expect(reason('UBND xã Cấm')).toMatch(/^Tài khoản chạy tổng hợp không có quyền mở bảng tính này\./);
    expect(reason('UBND xã Mất')).toMatch(/^Không tìm thấy bảng tính: ID hoặc đường dẫn không đúng/);
    expect(JSON.stringify(sources)).not.toMatch(/Exception|Bạn không có quyền truy cập|Lỗi không mong muốn/);
  });
});

describe('charts in Sheets', () => {
  test('the chart sheet follows Tổng hợp chỉ tiêu with its two embedded charts, drawn from its own cells, and a second run replaces them', () => {
    const gas = setup(communes(4));
    gas.call('consolidateReports');
    // The message ends with what needs attention, ranked as everywhere else.
    const alert = gas.sheets.ui.alerts.at(-1) ?? '';
    expect(alert).toContain('Những điểm cần chú ý:\n• ');
    const names = gas.home._sheets.map((s) => s._name);
    expect(names.indexOf(CHART_SHEET)).toBe(names.indexOf(SUMMARY_SHEETS.indicators) + 1);
    const charts = gas.home._sheet(CHART_SHEET)._charts;
    expect(charts.map((c) => [c.type, c.options.isStacked, c.headers])).toEqual([['bar', true, 1], ['bar', false, 1]].slice(0, charts.length));
    expect(charts.length).toBeGreaterThan(0);
    expect(charts[0].options.title).toBe('Số đơn vị theo mức đạt chỉ tiêu');
    expect(charts[0].ranges.map((r) => [r.sheet._name, r.a1])).toEqual([[CHART_SHEET, expect.stringMatching(/^A4:F\d+$/)]]);
    const grid = gas.home._sheet(CHART_SHEET)._grid();
    expect(grid[3].slice(0, 6)).toEqual(['Chỉ tiêu', 'Đạt', 'Thiếu dưới 10%', 'Thiếu 10–25%', 'Thiếu trên 25%', 'Chưa có số liệu hợp lệ']);
    gas.call('consolidateReports');
    expect(gas.home._sheet(CHART_SHEET)._charts).toHaveLength(charts.length);
  });

  test('the fake refuses what Sheets refuses: a chart without data, a position outside the grid, removing a chart from another sheet', () => {
    const gas = loadGas();
    const sheet = gas.home._sheets[0];
    expect(() => sheet.insertChart(sheet.newChart().asBarChart().build())).toThrow('The chart has no data ranges.');
    expect(() => sheet.newChart().setPosition(0, 1, 0, 0)).toThrow('Invalid chart position');
    const chart = sheet.newChart().addRange(sheet.getRange('A1:B3') as never).build();
    sheet.insertChart(chart);
    expect(sheet.getCharts()).toHaveLength(1);
    const other = gas.home.insertSheet('Khác') as unknown as typeof sheet;
    expect(() => other.removeChart(chart)).toThrow('The chart is not on this sheet.');
  });
});

describe('feedback to units by e-mail', () => {
  test('each unit with something to fix gets its "Góp ý báo cáo" once; a second run with the same findings sends nothing again', () => {
    const list = communes(3);
    const gas = loadGas();
    for (const c of list) addCommune(gas, c);
    configureHome(gas, { feedback: 'Có' }, list.map((c) => ({ code: c.code, name: c.name, sheet: sheetUrl(c.id), email: `${c.code}@example.gov.vn` })));
    gas.call('consolidateReports');
    const letters = gas.mail.sent.filter((m) => String(m.subject).startsWith('Góp ý báo cáo'));
    expect(letters.length).toBeGreaterThan(0);
    for (const m of letters) {
      expect(m.subject).toMatch(/^Góp ý báo cáo Quý I năm 2025 — /);
      expect(m.body).toContain('GÓP Ý BÁO CÁO CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2025');
      expect(m.body).toContain('III. CHỈ TIÊU CHƯA ĐẠT CHỈ TIÊU PHẤN ĐẤU CỦA ĐƠN VỊ');
      expect(m.body).not.toMatch(/Exception|undefined|null|\{|\}/);
    }
    expect(new Set(letters.map((m) => m.to)).size).toBe(letters.length);
    expect(gas.sheets.ui.alerts.at(-1)).toContain(`Đã gửi thư góp ý tới ${letters.length} đơn vị.`);
    // The next night: the same findings, another date on the letter — not sent again.
    gas.clock.now += 24 * 3600_000;
    gas.call('consolidateReports');
    expect(gas.mail.sent.filter((m) => String(m.subject).startsWith('Góp ý báo cáo'))).toHaveLength(letters.length);
    expect(gas.sheets.ui.alerts.at(-1)).toContain(`Đã gửi thư góp ý tới 0 đơn vị (${letters.length} đơn vị đã nhận góp ý này từ trước).`);
  });

  test('left blank, no feedback is sent; a word other than Có or Không is refused at its cell', () => {
    const list = communes(2);
    const gas = loadGas();
    for (const c of list) addCommune(gas, c);
    configureHome(gas, {}, list.map((c) => ({ code: c.code, name: c.name, sheet: sheetUrl(c.id), email: `${c.code}@example.gov.vn` })));
    gas.call('consolidateReports');
    expect(gas.mail.sent.filter((m) => String(m.subject).startsWith('Góp ý báo cáo'))).toEqual([]);
    configureHome(gas, { feedback: 'gửi luôn' }, []);
    gas.call('consolidateReports');
    expect(gas.sheets.ui.alerts.at(-1)).toMatch(/Cài đặt!B\d+: chọn “Có” hoặc “Không” \(hoặc để trống\)\./);
  });
});
