import { SUMMARY_SHEETS } from '../../shared/consolidate/summary-spec';
import { buildBundle, loadGas, OWNER, type Gas } from './fakes/gas';
import { addCommune, communes, configureHome, sheetUrl, type HomeSettings } from './helpers';

beforeAll(() => buildBundle());

const at = (iso: string) => Date.parse(`${iso}T07:00:00+07:00`);

describe('Tự động: triggers', () => {
  test('switching each on leaves exactly one trigger, however often; switching off leaves none', () => {
    const gas = loadGas();
    configureHome(gas, {}, [{ code: '26000', name: 'UBND xã Số 0', email: 'xa0@example.gov.vn' }]);
    gas.call('enableNightlyConsolidation');
    gas.call('enableNightlyConsolidation');
    gas.call('enableDeadlineReminders');
    gas.call('enableDeadlineReminders');
    expect(gas.script.triggers.map((t) => [t.handler, t.kind, t.atHour])).toEqual([
      ['nightlyConsolidation', 'daily', 1],
      ['dailyReminder', 'daily', 7],
    ]);
    expect(gas.sheets.ui.alerts.at(-1)).toBe(
      'Đã bật nhắc hạn báo cáo: ngày 17/03/2025 (3 ngày trước hạn 20/03/2025), 1 đơn vị có email sẽ được nhắc nếu chưa gửi báo cáo.',
    );
    gas.call('disableNightlyConsolidation');
    expect(gas.script.handlers()).toEqual(['dailyReminder']);
    gas.call('disableDeadlineReminders');
    expect(gas.sheets.ui.alerts.at(-1)).toBe('Đã tắt nhắc hạn báo cáo.');
    gas.call('disableDeadlineReminders');
    expect(gas.script.triggers).toEqual([]);
    expect(gas.sheets.ui.alerts.at(-1)).toBe('Nhắc hạn báo cáo chưa bật.');
  });

  test("a second user's switches: Bật makes no second set, Tắt says whose the job is and how to turn it off", () => {
    const gas = loadGas();
    configureHome(gas, {}, [{ code: '26000', name: 'UBND xã Số 0', email: 'xa0@example.gov.vn' }]);
    gas.call('enableNightlyConsolidation');
    gas.user = { email: 'phong.noivu@example.gov.vn', language: 'vi' };
    // Google shows this user none of the owner's triggers.
    expect((gas.ctx.ScriptApp as GoogleAppsScript.Script.ScriptApp).getProjectTriggers()).toEqual([]);
    gas.call('enableNightlyConsolidation');
    expect(gas.script.triggers.map((t) => [t.handler, t.owner])).toEqual([['nightlyConsolidation', OWNER.email]]);
    expect(gas.sheets.ui.alerts.at(-1)).toBe(
      'Tổng hợp hằng đêm đã được bật bởi tonghop@example.gov.vn từ 10/03/2025; không bật thêm để công việc không chạy hai lần. Nếu muốn chuyển sang tài khoản của bạn, đề nghị tonghop@example.gov.vn chọn CCHC ▸ Tự động ▸ Tắt tổng hợp hằng đêm, rồi bật lại.',
    );
    gas.call('disableNightlyConsolidation');
    expect(gas.script.triggers).toHaveLength(1);
    expect(gas.sheets.ui.alerts.at(-1)).toBe(
      'Tổng hợp hằng đêm do tonghop@example.gov.vn bật (từ 10/03/2025) và chạy bằng tài khoản đó; Google chỉ cho chính tài khoản ấy tắt. Đề nghị tonghop@example.gov.vn mở bảng tính này và chọn CCHC ▸ Tự động ▸ Tắt tổng hợp hằng đêm.',
    );
    // The owner turns it off; then the second user may switch it on as theirs.
    gas.user = OWNER;
    gas.call('disableNightlyConsolidation');
    expect(gas.script.triggers).toEqual([]);
    gas.user = { email: 'phong.noivu@example.gov.vn', language: 'vi' };
    gas.call('enableNightlyConsolidation');
    expect(gas.script.triggers.map((t) => [t.handler, t.owner])).toEqual([['nightlyConsolidation', 'phong.noivu@example.gov.vn']]);
  });

  test('a district level for 2026 is refused in Cài đặt, with the reason', () => {
    const gas = loadGas();
    configureHome(gas, { level: 'Huyện', year: 2026, period: 'Quý I' }, [{ code: '26000', name: 'UBND xã Số 0', email: 'xa0@example.gov.vn' }]);
    gas.call('enableNightlyConsolidation');
    expect(gas.script.triggers).toEqual([]);
    const said = gas.sheets.ui.alerts.at(-1) ?? '';
    expect(said.startsWith('Chưa bật được: cần điền trang Cài đặt trước.')).toBe(true);
    expect(said).toMatch(/• Cài đặt!B\d+: Từ ngày 01\/07\/2025 không còn cấp huyện/);
  });

  test('nothing is switched on before the settings are filled in', () => {
    const gas = loadGas();
    gas.call('enableNightlyConsolidation');
    expect(gas.script.triggers).toEqual([]);
    expect(gas.sheets.ui.alerts.at(-1)).toMatch(/^Chưa bật được: cần điền trang Cài đặt trước\.\n• /);
  });

  test('the nightly trigger consolidates with no one watching', () => {
    const gas = loadGas();
    const list = communes(2);
    list.forEach((c) => addCommune(gas, c));
    configureHome(gas, {}, list.map((c) => ({ code: c.code, name: c.name, sheet: sheetUrl(c.id) })));
    gas.call('enableNightlyConsolidation');
    gas.clock.now = at('2025-03-11');
    gas.fireTrigger('nightlyConsolidation'); // getUi() throws in trigger runs: the run must not need it
    expect(gas.home.getSheetByName(SUMMARY_SHEETS.indicators)).not.toBeNull();
    expect(gas.logs.at(-1)!.split('\n')[0]).toBe('Đã tổng hợp báo cáo Quý I năm 2025: 2 đơn vị có số liệu trên 2 đơn vị phải báo cáo.');
    expect(gas.logs.at(-1)).toContain('Những điểm cần chú ý:');
    expect(gas.script.handlers()).toEqual(['nightlyConsolidation']);
  });
});

describe('Tự động: reminders', () => {
  /**
   * 26000 reported Quý I; 26001's spreadsheet still holds Quý IV 2024; 26002 has sent nothing;
   * 26003 has sent nothing and has no e-mail; 26004's spreadsheet cannot be opened.
   */
  function world(settings: HomeSettings = {}): Gas {
    const gas = loadGas();
    const [a, b] = communes(2);
    addCommune(gas, a);
    addCommune(gas, { ...b, year: 2024, period: 'Q4' });
    gas.sheets.create('locked-sheet-0000000000', 'BC xã Khóa');
    gas.sheets.denied.set('locked-sheet-0000000000', 'Exception: You do not have permission to access the requested document.');
    configureHome(gas, { reminderDays: 3, copyTo: 'vanphong@snv.example.gov.vn', ...settings }, [
      { code: a.code, name: a.name, sheet: sheetUrl(a.id), email: 'xa0@example.gov.vn' },
      { code: b.code, name: b.name, sheet: sheetUrl(b.id), email: 'xa1@example.gov.vn' },
      { code: '26002', name: 'UBND xã Số 2', email: 'xa2@example.gov.vn' },
      { code: '26003', name: 'UBND xã Số 3' },
      { code: '26004', name: 'UBND xã Số 4', sheet: sheetUrl('locked-sheet-0000000000'), email: 'xa4@example.gov.vn' },
    ]);
    gas.call('enableDeadlineReminders');
    return gas;
  }

  test('e-mail exactly the units without a usable report, on the day N days before the due date, once', () => {
    const gas = world();
    gas.clock.now = at('2025-03-16');
    gas.fireTrigger('dailyReminder');
    expect(gas.mail.sent).toEqual([]);
    expect(gas.logs.at(-1)).toBe('Hôm nay (16/03/2025) chưa đến ngày nhắc (17/03/2025).');

    gas.clock.now = at('2025-03-17');
    gas.fireTrigger('dailyReminder');
    expect(gas.mail.sent.map((m) => [m.to, m.cc])).toEqual([
      ['xa1@example.gov.vn', 'vanphong@snv.example.gov.vn'],
      ['xa2@example.gov.vn', 'vanphong@snv.example.gov.vn'],
      ['xa4@example.gov.vn', 'vanphong@snv.example.gov.vn'],
    ]);
    const [wrongPeriod, missing] = gas.mail.sent;
    expect(missing.subject).toBe('[CCHC] Nhắc gửi báo cáo Quý I năm 2025 — hạn 20/03/2025');
    expect(missing.body).toContain('Kính gửi: UBND xã Số 2');
    expect(missing.body).toContain('Sở Nội vụ tỉnh Thanh Hóa chưa nhận được báo cáo kết quả cải cách hành chính Quý I năm 2025 của đơn vị.');
    expect(missing.body).toContain('Hạn gửi báo cáo: 20/03/2025 (còn 3 ngày).');
    expect(wrongPeriod.body).toContain('là báo cáo Quý IV năm 2024, không phải kỳ đang tổng hợp (Quý I năm 2025)');
    expect(wrongPeriod.body).toContain(`Bảng tính báo cáo: https://docs.google.com/spreadsheets/d/${communes(2)[1].id}/edit`);
    expect(gas.logs.at(-1)).toContain('Đã gửi thư nhắc tới 3 đơn vị.\nChưa có email để nhắc: 26003.');
    // The run that found them also refreshed the summary.
    expect(gas.home.getSheetByName(SUMMARY_SHEETS.submissions)).not.toBeNull();

    gas.fireTrigger('dailyReminder');
    expect(gas.mail.sent).toHaveLength(3);
    gas.clock.now = at('2025-03-18');
    gas.fireTrigger('dailyReminder');
    expect(gas.mail.sent).toHaveLength(3);
  });

  test('with no spreadsheet in yet, every listed unit with an e-mail is reminded', () => {
    const gas = loadGas();
    configureHome(gas, {}, [
      { code: '26010', name: 'UBND xã Mười', email: 'xa10@example.gov.vn' },
      { code: '26011', name: 'UBND xã Mười Một', email: 'xa11@example.gov.vn' },
    ]);
    gas.call('enableDeadlineReminders');
    gas.clock.now = at('2025-03-17');
    gas.fireTrigger('dailyReminder');
    expect(gas.mail.sent.map((m) => [m.to, m.cc])).toEqual([
      ['xa10@example.gov.vn', undefined],
      ['xa11@example.gov.vn', undefined],
    ]);
    expect(gas.home._sheet(SUMMARY_SHEETS.submissions)._grid().map((r) => String(r[0])).join('\n')).toContain('Chưa nộp: 2');
  });

  test('a due date set in Cài đặt moves the reminder day', () => {
    const gas = world({ dueDate: '25/03/2025', reminderDays: 5 });
    gas.clock.now = at('2025-03-17');
    gas.fireTrigger('dailyReminder');
    expect(gas.mail.sent).toEqual([]);
    gas.clock.now = at('2025-03-20');
    gas.fireTrigger('dailyReminder');
    expect(gas.mail.sent.map((m) => m.to)).toEqual(['xa1@example.gov.vn', 'xa2@example.gov.vn', 'xa4@example.gov.vn']);
    expect(gas.mail.sent[0].body).toContain('Hạn gửi báo cáo: 25/03/2025 (còn 5 ngày).');
  });

  test('when the reading takes several executions, the reminders go out once it is complete', () => {
    const gas = world();
    gas.sheets.openCostMs = 200_000;
    gas.clock.now = at('2025-03-17');
    gas.fireTrigger('dailyReminder');
    expect(gas.mail.sent).toEqual([]);
    expect(gas.script.handlers()).toEqual(['continueConsolidation', 'dailyReminder']);
    for (let i = 0; i < 5 && gas.script.handlers().includes('continueConsolidation'); i++) gas.fireTrigger('continueConsolidation');
    expect(gas.mail.sent.map((m) => m.to)).toEqual(['xa1@example.gov.vn', 'xa2@example.gov.vn', 'xa4@example.gov.vn']);
    expect(gas.script.handlers()).toEqual(['dailyReminder']);
  });
});

describe('Tự động: reminders within MailApp’s rules', () => {
  test('the quota is counted in recipients, bad addresses are named with a reason, a second run sends nothing again', () => {
    const gas = loadGas();
    configureHome(gas, { copyTo: 'vanphong@snv.example.gov.vn' }, [
      { code: '26010', name: 'UBND xã Mười', email: 'xa10@example.gov.vn; vp10@example.gov.vn' },
      { code: '26011', name: 'UBND xã Mười Một', email: 'chưa có' },
      { code: '26012', name: 'UBND xã Mười Hai', email: 'xa12@example.gov.vn' },
      { code: '26013', name: 'UBND xã Mười Ba', email: 'xa13@example.gov.vn' },
    ]);
    gas.call('enableDeadlineReminders');
    gas.mail.quota = 5; // 3 recipients for 26010 (two addresses + the copy), 2 for 26012; none left for 26013
    gas.clock.now = at('2025-03-17');
    gas.fireTrigger('dailyReminder');
    expect(gas.mail.sent.map((m) => [m.to, m.cc])).toEqual([
      ['xa10@example.gov.vn,vp10@example.gov.vn', 'vanphong@snv.example.gov.vn'],
      ['xa12@example.gov.vn', 'vanphong@snv.example.gov.vn'],
    ]);
    expect(gas.mail.refused).toEqual([]);
    const log = gas.logs.at(-1) ?? '';
    expect(log).toContain('Đã gửi thư nhắc tới 2 đơn vị.');
    expect(log).toContain(
      'Không gửi được cho 26011: “chưa có” không phải địa chỉ thư điện tử. Hãy ghi địa chỉ dạng ten@donvi.gov.vn; nhiều địa chỉ thì cách nhau bằng dấu phẩy.',
    );
    expect(log).toContain('Hết hạn mức gửi thư trong ngày (tính theo số người nhận), chưa nhắc: 26013.');
    // The sent-log holds what went out, keyed by unit, period and reminder day.
    expect(gas.home._sheet('_cchc_sent')._grid().slice(1).map((r) => r.slice(0, 4))).toEqual([
      ['26010', 'Quý I/2025', '2025-03-17', 'xa10@example.gov.vn, vp10@example.gov.vn'],
      ['26012', 'Quý I/2025', '2025-03-17', 'xa12@example.gov.vn'],
    ]);
    // Another consolidation the same day with reminders (the quota back): only the one left out is sent.
    gas.mail.quota = 100;
    gas.scriptProps.deleteProperty('CCHC_REMINDED');
    gas.fireTrigger('dailyReminder');
    expect(gas.mail.sent.map((m) => m.to)).toEqual(['xa10@example.gov.vn,vp10@example.gov.vn', 'xa12@example.gov.vn', 'xa13@example.gov.vn']);
    expect(gas.logs.at(-1)).toContain('Đã nhắc từ trước (không gửi lại): 26010, 26012.');
  });
});
