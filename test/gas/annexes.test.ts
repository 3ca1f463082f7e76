import type { Grid, WorkbookGrids } from '../../shared/cell';
import { calendarDate } from '../../shared/layout/sheet-model';
import { standardTemplate } from '../../shared/layout/standard-template';
import { STATUS_VALUES } from '../../shared/spec/annex';
import { validateWorkbook } from '../../shared/validate/index';
import { buildBundle, loadGas, type Gas } from './fakes/gas';
import type { FakeSpreadsheet } from './fakes/sheets';
import { formatDate } from './fakes/tz';
import { modelCells, PLAN, sheetCells, type } from './helpers';

const INFO = 'Thông tin';
const PL1 = 'Phụ lục 1 - Chỉ tiêu';
const PL2 = 'Phụ lục 2 - Nhiệm vụ';

beforeAll(() => buildBundle());

function freshTemplate() {
  return standardTemplate({}).sheets;
}

/** The spreadsheet's grids as the shared readers take them (dates as calendar days). */
function gridsOf(ss: FakeSpreadsheet): WorkbookGrids {
  const out: WorkbookGrids = {};
  for (const s of ss._sheets) {
    out[s._name] = s._grid().map((row) =>
      row.map((v) => (v instanceof Date ? calendarDate(formatDate(v, ss._timeZone, 'yyyy-MM-dd')) : v)),
    ) as Grid;
  }
  return out;
}

function rowOf(gas: Gas, sheet: string, code: string): number {
  return gas.home._sheet(sheet)._grid().findIndex((r) => r[0] === code) + 1;
}

describe('Chèn Phụ lục', () => {
  test('writes the shared template cell for cell, with Sheets validation, formats, protection and hidden codes', () => {
    const gas = loadGas();
    gas.call('insertAnnexes');
    expect(gas.home._sheets.map((s) => [s._name, s._hidden])).toEqual([
      [INFO, false],
      [PL1, false],
      [PL2, false],
      ['Trang tính1', false],
      ['_cchc_meta', true],
      ['_cchc_danh_muc', true],
    ]);
    for (const m of freshTemplate()) expect({ sheet: m.name, cells: sheetCells(gas.home._sheet(m.name)) }).toEqual({ sheet: m.name, cells: modelCells(m) });

    const pl1 = gas.home._sheet(PL1);
    const first = rowOf(gas, PL1, 'CT.CDDH.01');
    // STT "1" stays the text the template wrote, not the number 1.
    expect(pl1.getRange(`B${first}`).getValue()).toBe('1');
    expect(pl1.getRange(`I${first}`).getFormulas()).toEqual([[`=IF(AND(ISNUMBER(G${first}),ISNUMBER(H${first}),H${first}>0),G${first}/H${first},"")`]]);
    expect(pl1.getRange(`I${first}`).getNumberFormats()).toEqual([['0.0%']]);
    const numerator = pl1.getRange(`G${first}`).getDataValidation()!;
    expect([numerator.getCriteriaType(), numerator.getCriteriaValues(), numerator.getAllowInvalid()]).toEqual([
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      [0],
      true, // "x" (không phát sinh) is let through with a warning
    ]);
    expect(numerator.getHelpText()).toContain('Nhập "x" nếu không phát sinh');
    const evaluation = pl1.getRange(`J${first}`).getDataValidation()!;
    expect([evaluation.getCriteriaType(), evaluation.getCriteriaValues(), evaluation.getAllowInvalid()]).toEqual([
      'VALUE_IN_LIST',
      [['Đạt', 'Chưa đạt'], true],
      false,
    ]);
    expect(pl1._conditionalRules[0]).toEqual({
      formula: `=AND(ISNUMBER($I${first}),$I${first}<1)`,
      ranges: [`I${first}`],
      background: '#FFC7CE',
      fontColor: '#9C0006',
    });
    expect(pl1._frozenRows).toBe(8);
    expect([...pl1._hiddenColumns]).toEqual([0]);
    expect(pl1._protections).toContainEqual(expect.objectContaining({ range: 'A1:K8', warningOnly: true }));
    expect(pl1._protections.every((p) => p.warningOnly && p.description.startsWith('CCHC'))).toBe(true);

    const pl2 = gas.home._sheet(PL2);
    const task = rowOf(gas, PL2, PLAN.tasks[0].code);
    const status = pl2.getRange(`I${task}`).getDataValidation()!;
    expect([status.getCriteriaType(), status.getCriteriaValues()]).toEqual(['VALUE_IN_LIST', [[...STATUS_VALUES], true]]);
    const done = pl2.getRange(`J${task}`).getDataValidation()!;
    expect([done.getCriteriaType(), done.getCriteriaValues().map((d) => (d as Date).getFullYear()), done.getAllowInvalid()]).toEqual([
      'DATE_BETWEEN',
      [2000, 2100],
      false,
    ]);
    expect(done.getHelpText()).toBe(
      'Ngày hoàn thành: Ngày/tháng/năm, ví dụ 15/03/2025. Cột "Ngày hoàn thành" cần một ngày dạng ngày/tháng/năm, ví dụ 15/03/2025.',
    );
    // Every rule of the template is on every cell of its range, as a Sheets rule of the matching kind.
    const criteria = { list: 'VALUE_IN_LIST', date: 'DATE_BETWEEN', decimal: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', whole: 'CUSTOM_FORMULA' };
    for (const m of freshTemplate()) {
      const sheet = gas.home._sheet(m.name);
      for (const v of m.validations) {
        const kinds = sheet.getRange(v.range).getValues().flatMap((row, i) =>
          row.map((_, j) => sheet.getRange(v.range).getCell(i + 1, j + 1).getDataValidation()?.getCriteriaType()),
        );
        expect({ sheet: m.name, range: v.range, kinds: [...new Set(kinds)] }).toEqual({ sheet: m.name, range: v.range, kinds: [criteria[v.kind]] });
      }
    }
    expect(gas.sheets.ui.alerts).toEqual([
      'Đã chèn “Thông tin”, “Phụ lục 1 - Chỉ tiêu”, “Phụ lục 2 - Nhiệm vụ”.\nĐã đặt ngôn ngữ của bảng tính là Tiếng Việt (trước đó: en_US) để ngày được hiểu là ngày/tháng/năm và số dùng dấu phẩy thập phân.\nĐiền trang Thông tin trước, rồi nhập số liệu vào các cột báo cáo của Phụ lục 1 và Phụ lục 2.',
    ]);
  });

  test('run again, keeps everything typed — text that starts like a formula stays text', () => {
    const gas = loadGas();
    gas.call('insertAnnexes');
    const info = gas.home._sheet(INFO);
    const pl1 = gas.home._sheet(PL1);
    const pl2 = gas.home._sheet(PL2);
    type(info, 'B3', 'UBND xã Anh Sơn');
    type(info, 'B4', '00123'); // the template formats the code cell as text: leading zeros stay
    type(info, 'B10', 2025);
    type(info, 'B11', 'Quý I');
    const r = rowOf(gas, PL1, 'CT.CDDH.02');
    type(pl1, `G${r}`, 18);
    type(pl1, `H${r}`, 20);
    type(pl1, `J${r}`, 'Chưa đạt');
    type(pl1, `K${r}`, "'- Còn 2 kiến nghị chưa xử lý");
    const t = rowOf(gas, PL2, PLAN.tasks[1].code);
    type(pl2, `I${t}`, 'Hoàn thành');
    type(pl2, `J${t}`, '15/03/2025');
    type(pl2, `K${t}`, "'=12/KH-UBND");
    const before = gridsOf(gas.home);
    expect(before[PL1][r - 1][10]).toBe('- Còn 2 kiến nghị chưa xử lý');

    gas.sheets.ui.alerts.length = 0;
    gas.call('insertAnnexes');
    expect(gas.sheets.ui.alerts[0]).toContain('Đã giữ lại 11 ô số liệu đã nhập.');
    const after = gridsOf(gas.home);
    // Everything typed is back where it was; only the title rows now name the unit and year.
    expect(after[INFO]).toEqual(before[INFO]);
    for (const name of [PL1, PL2]) expect({ name, table: after[name].slice(7) }).toEqual({ name, table: before[name].slice(7) });
    expect(after[PL1][4][1]).toBe('CÁC CHỈ TIÊU CÔNG TÁC CẢI CÁCH HÀNH CHÍNH XÃ ANH SƠN NĂM 2025');
    expect(pl1.getRange(`K${r}`).getFormulas()).toEqual([['']]);
    expect(pl2.getRange(`K${t}`).getFormulas()).toEqual([['']]);
    expect(pl2.getRange(`K${t}`).getValue()).toBe('=12/KH-UBND');
    expect(info.getRange('B4').getValue()).toBe('00123');
  });

  test('rows the new template no longer has are kept on a backup tab, never dropped', () => {
    const gas = loadGas();
    gas.call('insertAnnexes');
    const pl1 = gas.home._sheet(PL1);
    const r = rowOf(gas, PL1, 'CT.CDDH.02');
    type(pl1, `A${r}`, 'CT.CU.99');
    type(pl1, `G${r}`, 7);
    gas.sheets.ui.alerts.length = 0;
    gas.call('insertAnnexes');
    const backup = gas.home._sheet('Phụ lục 1 - Chỉ tiêu (bản cũ)');
    expect(backup._grid()[r - 1].slice(0, 1)).toEqual(['CT.CU.99']);
    expect(backup._grid()[r - 1][6]).toBe(7);
    expect(gas.sheets.ui.alerts[0]).toContain('trang cũ được giữ ở “Phụ lục 1 - Chỉ tiêu (bản cũ)”');
    expect(gas.home._sheet(PL1)._grid()[r - 1][0]).toBe('CT.CDDH.02');
  });
});

describe('Kiểm tra dữ liệu', () => {
  test('lists the shared validation issues with their cells in the sidebar, marks them, and jumps to a cell', () => {
    const gas = loadGas();
    gas.call('insertAnnexes');
    const pl1 = gas.home._sheet(PL1);
    const r = rowOf(gas, PL1, 'CT.CDDH.02');
    type(pl1, `G${r}`, 25);
    type(pl1, `H${r}`, 20);
    const cell = `H${r}`;
    gas.call('checkData');

    const expected = validateWorkbook(gridsOf(gas.home));
    const shown = gas.sheets.ui.shown.at(-1)!;
    expect(shown.kind).toBe('sidebar');
    expect(shown.title).toBe('Kiểm tra dữ liệu CCHC');
    const data = JSON.parse(/var initial = (.*);\n/.exec(shown.content)![1]);
    expect(data.issues.map((i: { sheet: string; address: string; message: string }) => [i.sheet, i.address, i.message])).toEqual(
      expected.map((i) => [i.sheet, i.address, i.message]),
    );
    const wrong = data.issues.find((i: { address: string }) => i.address === cell);
    expect(wrong).toMatchObject({ sheet: PL1, severity: 'error' });
    expect(wrong.text).toBe(
      `Phụ lục 1 - Chỉ tiêu!${cell} — lỗi: Ô ${cell} (Mẫu số): tử số 25 lớn hơn mẫu số 20. Kiểm tra lại: tử số là số đạt yêu cầu, không thể lớn hơn tổng số.`,
    );
    // Thông tin left empty: its required fields are listed too, each with its cell.
    expect(data.issues.filter((i: { sheet: string }) => i.sheet === INFO).map((i: { address: string }) => i.address)).toEqual(
      ['B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9', 'B10', 'B11', 'B12', 'B13'],
    );
    expect(data.errors).toBe(expected.filter((i) => i.severity === 'error').length);
    expect(gas.home._toasts.at(-1)?.message).toBe(`${data.errors} lỗi, ${data.warnings} cảnh báo.`);

    expect(pl1.getRange(cell).getNote()).toBe(`⚠ CCHC: Lỗi: ${wrong.message}`);
    expect(pl1.getRange(cell).getBackground()).toBe('#f4cccc');
    expect(gas.home._sheet(INFO).getRange('B3').getNote()).toMatch(/^⚠ CCHC: Lỗi: Ô B3 \(Tên đơn vị\)/);

    // The sidebar's "Kiểm tra lại" and the jump, as google.script.run calls them.
    expect(JSON.parse(JSON.stringify(gas.call('sidebarIssues')))).toEqual(data);
    expect(gas.call('jumpTo', PL1, cell)).toBe(true);
    expect([gas.home._activeSheet?._name, gas.home._activeRange]).toEqual([PL1, cell]);
    expect(gas.call('jumpTo', 'Trang đã xóa', 'A1')).toBe(false);
  });
});

describe('Kiểm tra dữ liệu against the catalog the spreadsheet carries', () => {
  test('a row given a code of no catalog row is named with its cell and the catalog', () => {
    const gas = loadGas();
    gas.call('insertAnnexes');
    const pl1 = gas.home._sheet(PL1);
    const r = rowOf(gas, PL1, 'CT.CDDH.02');
    type(pl1, `A${r}`, 'CT.CDDH.77');
    gas.call('checkData');
    const data = JSON.parse(/var initial = (.*);\n/.exec(gas.sheets.ui.shown.at(-1)!.content)![1]);
    const foreign = data.issues.filter((i: { message: string }) => /không có trong danh mục/.test(i.message));
    expect(foreign).toHaveLength(1);
    expect(foreign[0]).toMatchObject({ sheet: PL1, address: `A${r}`, severity: 'warning' });
    expect(foreign[0].text).toMatch(
      new RegExp(`^${PL1}!A${r} — cảnh báo: Ô A${r} \\(Mã\\): mã “CT\\.CDDH\\.77” của dòng “.+” không có trong danh mục CCHC-2025 phiên bản 2025\\.1 mà biểu mẫu được lập theo`),
    );
  });
});

describe('Kiểm tra dữ liệu: repeated warnings', () => {
  test('tasks overdue and not updated are one entry with their count and cells; nothing before the report is started', () => {
    const gas = loadGas();
    gas.call('insertAnnexes');
    const info = gas.home._sheet(INFO);
    type(info, 'B10', 2025);
    type(info, 'B11', 'Quý III');
    type(info, 'B12', '14/09/2025');
    gas.call('checkData');
    const before = JSON.parse(/var initial = (.*);\n/.exec(gas.sheets.ui.shown.at(-1)!.content)![1]);
    expect(before.issues.filter((i: { sheet: string }) => i.sheet === PL2)).toEqual([]);

    const pl2 = gas.home._sheet(PL2);
    type(pl2, `I${rowOf(gas, PL2, PLAN.tasks[PLAN.tasks.length - 1].code)}`, STATUS_VALUES[1]);
    gas.call('checkData');
    const data = JSON.parse(/var initial = (.*);\n/.exec(gas.sheets.ui.shown.at(-1)!.content)![1]);
    const expected = validateWorkbook(gridsOf(gas.home)).filter((i) => i.rule === 'task.overdue_not_updated');
    expect(expected.length).toBeGreaterThan(3);
    const onTasks: { address: string; message: string }[] = data.issues.filter((i: { sheet: string }) => i.sheet === PL2);
    // One entry for all the blank overdue tasks, and the one task whose status was typed (overdue too).
    expect(onTasks).toHaveLength(2);
    expect(onTasks[0].address).toBe(expected[0].address);
    expect(onTasks[0].message.startsWith(`${expected.length} nhiệm vụ đã quá hạn nhưng chưa cập nhật tình trạng: ${expected[0].address}, `)).toBe(true);
    expect(onTasks[1].message).toContain('nhiệm vụ quá hạn — hạn');
    // The counts are still of the issues, not of the entries.
    expect(data.warnings).toBeGreaterThanOrEqual(expected.length);
  });
});

describe('onEdit', () => {
  test('marks a wrong cell as it is typed, and clears the mark and restores the fill once fixed', () => {
    const gas = loadGas();
    gas.call('insertAnnexes');
    const pl1 = gas.home._sheet(PL1);
    const r = rowOf(gas, PL1, 'CT.CDDH.02');
    const cell = `G${r}`;
    const fill = pl1.getRange(cell).getBackground();
    type(pl1, cell, 'abc');
    gas.call('onEdit', { range: pl1.getRange(cell), source: gas.home, value: 'abc' });
    expect(pl1.getRange(cell).getNote()).toBe(
      `⚠ CCHC: Lỗi: Ô ${cell} (Tử số): “abc” không phải là số. Nhập một số lượng, ví dụ 120, hoặc “x” nếu không phát sinh.`,
    );
    expect(pl1.getRange(cell).getBackground()).toBe('#f4cccc');
    // Only the edited row is re-marked: a cell elsewhere is left alone.
    expect(pl1.getRange(`G${r + 1}`).getNote()).toBe('');

    type(pl1, cell, 12);
    gas.call('onEdit', { range: pl1.getRange(cell), source: gas.home, value: 12 });
    expect(pl1.getRange(cell).getNote()).toBe('');
    expect(pl1.getRange(cell).getBackground()).toBe(fill);
  });

  test('a note the user wrote survives being marked and cleared', () => {
    const gas = loadGas();
    gas.call('insertAnnexes');
    const pl1 = gas.home._sheet(PL1);
    const r = rowOf(gas, PL1, 'CT.CDDH.02');
    pl1.getRange(`H${r}`).setNote('Số liệu của Văn phòng');
    type(pl1, `H${r}`, -3);
    gas.call('onEdit', { range: pl1.getRange(`H${r}`) });
    expect(pl1.getRange(`H${r}`).getNote()).toMatch(/^⚠ CCHC: Lỗi: Ô H\d+ \(Mẫu số\).*\n——\nSố liệu của Văn phòng$/s);
    type(pl1, `H${r}`, 3);
    gas.call('onEdit', { range: pl1.getRange(`H${r}`) });
    expect(pl1.getRange(`H${r}`).getNote()).toBe('Số liệu của Văn phòng');
  });

  test('an edit on a sheet that is not ours reads nothing', () => {
    const gas = loadGas();
    gas.call('insertAnnexes');
    const other = gas.home._sheet('Trang tính1');
    type(other, 'A1', 'ghi chép');
    gas.log.clear();
    gas.call('onEdit', { range: other.getRange('A1') });
    expect(gas.log.entries.map((e) => e.method)).not.toContain('getValues');
    expect(other.getRange('A1').getNote()).toBe('');
  });
});

describe('menu and help', () => {
  test('onOpen adds the CCHC menu in Vietnamese, every item naming a top-level function', () => {
    const gas = loadGas();
    gas.call('onOpen', {});
    const [menu] = gas.sheets.ui.menus;
    expect(menu.caption).toBe('CCHC');
    expect(menu.items.map((i) => (i.separator ? '—' : i.caption))).toEqual(['Nạp danh mục', 'Chèn Phụ lục', 'Nhập từ bảng có sẵn', 'Kiểm tra dữ liệu', 'Tổng hợp', 'Tự động', '—', 'Hướng dẫn']);
    expect(menu.items[5].submenu!.items.map((i) => i.caption)).toEqual([
      'Bật tổng hợp hằng đêm',
      'Tắt tổng hợp hằng đêm',
      'Bật nhắc hạn báo cáo',
      'Tắt nhắc hạn báo cáo',
    ]);
    for (const fn of menu.functionNames()) expect(typeof (gas.ctx as Record<string, unknown>)[fn]).toBe('function');
  });

  test('every menu command runs on a new spreadsheet and answers in Vietnamese, none with a failure', () => {
    const gas = loadGas();
    gas.call('onOpen');
    const names = gas.sheets.ui.menus[0].functionNames();
    const answers: string[] = [];
    for (const name of names) {
      const before = gas.sheets.ui.alerts.length + gas.sheets.ui.shown.length;
      gas.call(name);
      const said = [...gas.sheets.ui.alerts.slice(gas.sheets.ui.alerts.length - 1), ...gas.sheets.ui.shown.map((s) => s.title)];
      expect({ name, answered: gas.sheets.ui.alerts.length + gas.sheets.ui.shown.length > before }).toEqual({ name, answered: true });
      answers.push(...said);
    }
    expect(answers.filter((a) => a.startsWith('Không thực hiện được lệnh'))).toEqual([]);
    expect(gas.logs.filter((l) => /Error|Exception/.test(l))).toEqual([]);
  });

  test('Hướng dẫn opens a dialog', () => {
    const gas = loadGas();
    gas.call('showHelp');
    const shown = gas.sheets.ui.shown.at(-1)!;
    expect([shown.kind, shown.title]).toEqual(['dialog', 'Hướng dẫn sử dụng trình đơn CCHC']);
    expect(shown.content).toContain('<b>Chèn Phụ lục</b>');
  });
});

describe('locale and what users read', () => {
  test('Chèn Phụ lục sets vi_VN and Hà Nội time, says so, and then 10/03/2025 typed is 10 March', () => {
    const gas = loadGas();
    gas.home._timeZone = 'America/New_York';
    expect(gas.home.getSpreadsheetLocale()).toBe('en_US');
    gas.call('insertAnnexes');
    expect(gas.home.getSpreadsheetLocale()).toBe('vi_VN');
    expect(gas.home.getSpreadsheetTimeZone()).toBe('Asia/Ho_Chi_Minh');
    const alert = gas.sheets.ui.alerts.at(-1) ?? '';
    expect(alert).toContain('Đã đặt ngôn ngữ của bảng tính là Tiếng Việt (trước đó: en_US) để ngày được hiểu là ngày/tháng/năm và số dùng dấu phẩy thập phân.');
    expect(alert).toContain('Đã đặt múi giờ của bảng tính là giờ Việt Nam (GMT+07:00, trước đó: America/New_York).');
    const info = gas.home._sheet(INFO);
    type(info, 'B12', '10/03/2025');
    const v = info.getRange('B12').getValue() as Date;
    expect(formatDate(v, 'Asia/Ho_Chi_Minh', 'yyyy-MM-dd')).toBe('2025-03-10');
    // Run again: nothing left to change, nothing said about it.
    gas.call('insertAnnexes');
    expect(gas.sheets.ui.alerts.at(-1)).not.toContain('Đã đặt ngôn ngữ');
  });

  test("the sidebar carries a message holding $' and $& intact", () => {
    const gas = loadGas();
    gas.call('insertAnnexes');
    const info = gas.home._sheet(INFO);
    const rowOfLabel = (label: RegExp) => info._grid().findIndex((r) => label.test(String(r[0]))) + 1;
    const odd = "Quý $' $& $` năm";
    type(info, `B${rowOfLabel(/^Kỳ báo cáo/)}`, odd);
    gas.call('checkData');
    const shown = gas.sheets.ui.shown.at(-1)!;
    // The page is whole (the script after the data is still there) and the data parses.
    expect(shown.content).toContain("google.script.run.withSuccessHandler(render).withFailureHandler(showError).sidebarIssues();\n  </script>");
    const data = JSON.parse(/var initial = (.*);\n/.exec(shown.content)![1]);
    expect(data.issues.some((i: { message: string }) => i.message.includes(odd))).toBe(true);
    expect(shown.content.split('var initial =')).toHaveLength(2);
  });

  test('a command failing on a Google error shows a Vietnamese sentence, not the exception', () => {
    const gas = loadGas();
    gas.user = { email: 'xa@example.gov.vn', language: 'vi' };
    gas.home.insertSheet = (() => {
      throw new Error('Exception: Dịch vụ Trang tính gặp lỗi: Service Spreadsheets failed while accessing document.');
    }) as typeof gas.home.insertSheet;
    gas.call('insertAnnexes');
    const alert = gas.sheets.ui.alerts.at(-1) ?? '';
    expect(alert).toBe(
      'Không thực hiện được lệnh. Google Trang tính báo lỗi khi thực hiện lệnh (chi tiết đã ghi vào nhật ký thực thi của Apps Script). Hãy thử lại sau ít phút; nếu vẫn lỗi, báo cho người quản trị bảng tính.',
    );
    expect(alert).not.toMatch(/Exception|Service/);
  });
});
