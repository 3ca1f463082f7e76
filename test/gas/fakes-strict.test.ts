/**
 * The fakes refuse what Apps Script refuses: one test per documented rule (the sources are cited
 * beside each rule in test/gas/fakes/). A fake that let these through would let the script pass
 * tests that Sheets would fail.
 */
import { loadGas, OWNER, type Gas } from './fakes/gas';
import { CELL_CHAR_LIMIT, DEFAULT_FORMAT, type FakeSheet } from './fakes/sheets';
import { SHORTCUT_MIME } from './fakes/services';
import { formatDate } from './fakes/tz';

const day = (d: unknown) => formatDate(d as Date, 'Asia/Ho_Chi_Minh', 'yyyy-MM-dd');

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const api = (s: FakeSheet) => s._self as unknown as Sheet;

function book(gas: Gas) {
  const sheet = gas.home._sheet('Trang tính1');
  return { sheet, s: api(sheet) };
}

const OTHER = { email: 'phongnoivu@example.gov.vn', language: 'vi' as const };

describe('Sheets: merges and frozen panes', () => {
  test('freezing columns that cut a merged range is refused, rows likewise', () => {
    const gas = loadGas();
    const { s } = book(gas);
    s.getRange('A1:D1').merge();
    expect(() => s.setFrozenColumns(2)).toThrow("You can't freeze columns which contain only part of a merged cell.");
    s.getRange('A3:A5').merge();
    expect(() => s.setFrozenRows(4)).toThrow("You can't freeze rows which contain only part of a merged cell.");
    // A boundary that does not cut a merge is fine.
    s.setFrozenRows(1);
    s.setFrozenColumns(0);
    expect(s.getFrozenRows()).toBe(1);
  });

  test('merging across the frozen boundary is refused', () => {
    const gas = loadGas();
    const { s } = book(gas);
    s.setFrozenColumns(2);
    expect(() => s.getRange('A1:D1').merge()).toThrow("You can't merge frozen and non-frozen columns.");
    s.setFrozenRows(3);
    expect(() => s.getRange('E2:E6').merge()).toThrow("You can't merge frozen and non-frozen rows.");
  });

  test('a merge keeps only the top-left value', () => {
    const gas = loadGas();
    const { sheet, s } = book(gas);
    s.getRange('A1:C1').setValues([['Tiêu đề', 'mất', 'cũng mất']]);
    s.getRange('A1:C1').merge();
    expect(sheet._grid()[0]).toEqual(['Tiêu đề']);
    expect(s.getRange('A1:C1').getValues()).toEqual([['Tiêu đề', '', '']]);
  });
});

describe('Sheets: what untouched cells report', () => {
  test('wrap is true and the number format is 0.###############, not false and General', () => {
    const gas = loadGas();
    const { s } = book(gas);
    expect(s.getRange('B2:C2').getWraps()).toEqual([[true, true]]);
    expect(s.getRange('B2').getNumberFormats()).toEqual([[DEFAULT_FORMAT]]);
    expect(DEFAULT_FORMAT).toBe('0.###############');
  });
});

describe('Sheets: setValues reads strings by the spreadsheet locale', () => {
  test('en_US reads month/day and a decimal point; vi_VN day/month and a decimal comma', () => {
    const gas = loadGas();
    const { sheet, s } = book(gas);
    expect(gas.home.getSpreadsheetLocale()).toBe('en_US');
    s.getRange('A1:C1').setValues([['10/1/2025', '3.5', '1,5']]);
    const [d1, n1, t1] = sheet._grid()[0];
    expect(day(d1)).toBe('2025-10-01');
    expect([n1, t1]).toEqual([3.5, '1,5']); // not a number in en_US: text
    gas.home.setSpreadsheetLocale('vi_VN');
    s.getRange('A2:D2').setValues([['10/1/2025', '3,5', '1.500', '25/03/2025']]);
    const [d2, n2, n3, d3] = sheet._grid()[1];
    expect(day(d2)).toBe('2025-01-10');
    expect([n2, n3]).toEqual([3.5, 1500]);
    expect(day(d3)).toBe('2025-03-25');
  });
});

describe('Sheets: names and sizes', () => {
  test('two sheets may not share a name, by insertSheet or by setName', () => {
    const gas = loadGas();
    gas.home.insertSheet('Phụ lục 1');
    expect(() => gas.home.insertSheet('Phụ lục 1')).toThrow('A sheet with the name "Phụ lục 1" already exists.');
    const other = gas.home.insertSheet('Phụ lục 2');
    expect(() => other.setName('Phụ lục 1')).toThrow('A sheet with the name "Phụ lục 1" already exists.');
    expect(other.getName()).toBe('Phụ lục 2');
  });

  test('a cell holds at most 50,000 characters', () => {
    const gas = loadGas();
    const { s } = book(gas);
    s.getRange('A1').setValue('x'.repeat(CELL_CHAR_LIMIT));
    expect(() => s.getRange('A2').setValues([['x'.repeat(CELL_CHAR_LIMIT + 1)]])).toThrow('more than the maximum of 50000 characters');
    expect(() => s.getRange('A3').setValue('x'.repeat(CELL_CHAR_LIMIT + 1))).toThrow('50000 characters');
  });

  test('a spreadsheet holds at most 10 million cells', () => {
    const gas = loadGas();
    const { s } = book(gas);
    s.insertRowsAfter(1000, 300_000); // 301,000 × 26 = 7.8 M
    expect(() => s.insertColumnsAfter(26, 10)).toThrow('above the limit of 10000000 cells');
    expect(() => gas.home.insertSheet('Thêm')).not.toThrow();
    expect(() => s.insertRowsAfter(1000, 100_000)).toThrow('above the limit of 10000000 cells');
  });

  test('exceptions come in the language of the account', () => {
    const gas = loadGas();
    gas.user = OTHER;
    gas.home.insertSheet('A');
    expect(() => gas.home.insertSheet('A')).toThrow('Đã có trang tính tên "A"');
    gas.sheets.denied.set('x-denied-00000000', '');
    const app = gas.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    expect(() => app.openById('x-denied-00000000')).toThrow('Bạn không có quyền truy cập vào tài liệu được yêu cầu.');
    expect(() => app.openById('x-missing-0000000')).toThrow('Lỗi không mong muốn');
  });
});

describe('ScriptApp: triggers belong to the user who made them', () => {
  test("getProjectTriggers lists only the caller's; another user's cannot be deleted; 20 per user", () => {
    const gas = loadGas();
    const app = gas.ctx.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    app.newTrigger('nightlyConsolidation').timeBased().everyDays(1).atHour(1).create();
    const mine = app.getProjectTriggers();
    expect(mine).toHaveLength(1);
    gas.user = OTHER;
    expect(app.getProjectTriggers()).toEqual([]);
    expect(() => app.deleteTrigger(mine[0])).toThrow('not owned by the current user');
    for (let i = 0; i < 20; i++) app.newTrigger('x').timeBased().after(1000).create();
    expect(() => app.newTrigger('x').timeBased().after(1000).create()).toThrow('too many triggers');
    gas.user = OWNER;
    expect(app.getProjectTriggers()).toHaveLength(1);
    expect(gas.script.triggers.find((t) => t.handler === 'nightlyConsolidation')?.owner).toBe(OWNER.email);
  });

  test('a trigger runs as its owner', () => {
    const gas = loadGas();
    const app = gas.ctx.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    gas.user = OTHER;
    app.newTrigger('continueConsolidation').timeBased().after(60_000).create();
    gas.user = OWNER;
    const seen: string[] = [];
    (gas.ctx as Record<string, unknown>).continueConsolidation = () => seen.push((gas.ctx.Session as GoogleAppsScript.Base.Session).getEffectiveUser().getEmail());
    gas.fireTrigger('continueConsolidation');
    expect(seen).toEqual([OTHER.email]);
    // Fired once, it does not fire again, but stays listed (and counted) until deleted.
    expect(() => gas.fireTrigger('continueConsolidation')).toThrow('no trigger');
    expect(gas.script.triggers).toHaveLength(1);
  });
});

describe('LockService: locks by kind', () => {
  test('the script lock is shared by all users; a user lock is per user; kinds do not block each other', () => {
    const gas = loadGas();
    const locks = gas.ctx.LockService as GoogleAppsScript.Lock.LockService;
    const script = locks.getScriptLock();
    expect(script.tryLock(0)).toBe(true);
    gas.user = OTHER;
    expect(locks.getScriptLock().tryLock(0)).toBe(false);
    expect(locks.getDocumentLock().tryLock(0)).toBe(true);
    expect(locks.getUserLock().tryLock(0)).toBe(true);
    gas.user = OWNER;
    expect(locks.getUserLock().tryLock(0)).toBe(true);
    script.releaseLock();
    gas.user = OTHER;
    expect(locks.getScriptLock().tryLock(0)).toBe(true);
  });
});

describe('MailApp: the quota counts recipients, bad addresses are refused', () => {
  test('to + cc + bcc each take one from the daily quota; a message that does not fit is refused whole', () => {
    const gas = loadGas();
    const mail = gas.ctx.MailApp as GoogleAppsScript.Mail.MailApp;
    gas.mail.quota = 4;
    mail.sendEmail({ to: 'a@x.vn', cc: 'b@x.vn,c@x.vn', subject: 's', body: 'b' });
    expect(mail.getRemainingDailyQuota()).toBe(1);
    expect(() => mail.sendEmail({ to: 'd@x.vn', bcc: 'e@x.vn', subject: 's', body: 'b' })).toThrow('Service invoked too many times for one day: email.');
    expect(gas.mail.sent).toHaveLength(1);
  });

  test('"a@x.vn; b@y.vn", "chưa có" and an empty address throw', () => {
    const gas = loadGas();
    const mail = gas.ctx.MailApp as GoogleAppsScript.Mail.MailApp;
    expect(() => mail.sendEmail({ to: 'a@x.vn; b@y.vn', subject: 's', body: 'b' })).toThrow('Invalid email: a@x.vn; b@y.vn');
    expect(() => mail.sendEmail({ to: 'chưa có', subject: 's', body: 'b' })).toThrow('Invalid email: chưa có');
    expect(() => mail.sendEmail({ to: '', subject: 's', body: 'b' })).toThrow('Invalid email');
    expect(gas.mail.sent).toEqual([]);
    expect(gas.mail.quota).toBe(100);
  });
});

describe('Drive: trash, shortcuts, subfolders, signed bytes', () => {
  test('getFiles lists trashed files (isTrashed tells), not subfolders; a shortcut names its target; getBytes is signed', () => {
    const gas = loadGas();
    gas.drive.addFolder('root-folder-000000', 'Báo cáo');
    gas.drive.addFolder('sub-folder-0000000', 'Quý I', 'root-folder-000000');
    gas.drive.addFile('root-folder-000000', { id: 'f-trashed-0000000', name: 'cũ.xlsx', mimeType: 'x', trashed: true });
    gas.drive.addFile('sub-folder-0000000', { id: 'f-target-00000000', name: 'xa.xlsx', mimeType: 'x', bytes: new Uint8Array([0x50, 0xff, 0x80]) });
    gas.drive.addFile('root-folder-000000', { id: 'f-shortcut-000000', name: 'xa.xlsx', mimeType: SHORTCUT_MIME, targetId: 'f-target-00000000' });
    const drive = gas.ctx.DriveApp as GoogleAppsScript.Drive.DriveApp;
    const root = drive.getFolderById('root-folder-000000');
    const files: GoogleAppsScript.Drive.File[] = [];
    for (const it = root.getFiles(); it.hasNext(); ) files.push(it.next());
    expect(files.map((f) => [f.getName(), f.isTrashed()])).toEqual([
      ['cũ.xlsx', true],
      ['xa.xlsx', false],
    ]);
    const shortcut = files[1];
    expect(shortcut.getTargetId()).toBe('f-target-00000000');
    expect(() => shortcut.getBlob()).toThrow();
    const sub = root.getFolders().next();
    expect(sub.getName()).toBe('Quý I');
    expect(drive.getFileById('f-target-00000000').getBlob().getBytes()).toEqual([80, -1, -128]);
    expect(() => drive.getFileById('nope-000000000000')).toThrow('No item with the given ID could be found');
  });
});

describe('the meter: time per call, and the 6-minute limit', () => {
  test('every service call and JSON text costs time; past 6 minutes nothing more reaches a service', () => {
    const gas = loadGas();
    gas.metered = true;
    const t0 = gas.clock.now;
    (gas.ctx as Record<string, unknown>).probe = () => {
      const app = gas.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      app.getActiveSpreadsheet().getSheets();
      (gas.ctx.JSON as JSON).stringify({ text: 'x'.repeat(100_000) });
    };
    gas.call('probe');
    expect(gas.clock.now - t0).toBeCloseTo(20 + 20 + 100_011 * 0.0002, 3);
    let afterLimit = 0;
    (gas.ctx as Record<string, unknown>).slow = () => {
      const ss = (gas.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
      for (let i = 0; i < 400; i++) {
        try {
          (gas.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).openById(ss.getId());
        } catch {
          afterLimit++;
        }
      }
    };
    gas.call('slow');
    expect(gas.killed).toBe(1);
    // getActiveSpreadsheet (20 ms), then getId (20 ms) + openById (1 s) per round: 352 rounds fit in 6 minutes.
    expect(afterLimit).toBe(400 - Math.floor((360_000 - 20) / 1020));
  });
});
