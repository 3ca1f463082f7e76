/** Reading workbooks into a UnitReport: Thông tin by label, tables by header text, rows by kind. */
import type { Catalog } from '../../shared/model';
import { INDICATOR_SHEET, TASK_SHEET, TEMPLATE_ID, TEMPLATE_VERSION } from '../../shared/spec/annex';
import { readReport } from '../../shared/validate';
import { readStatus } from '../../shared/validate/words';
import { isoToSerial } from '../../shared/parse/date';
import { DONE_TASK, GOOD_INFO, infoSheet, RATIO_ROW, tableSheet, workbook } from './workbook';

describe('Thông tin', () => {
  test('reads every field into UnitInfo', () => {
    const { report } = readReport(workbook({ indicators: [RATIO_ROW], tasks: [DONE_TASK] }));
    expect(report!.info).toEqual({
      unitName: 'UBND xã Anh Sơn', unitCode: '16279', unitKind: 'xa', parentName: 'Sở Nội vụ tỉnh Thanh Hóa',
      parentLevel: 'tinh', planNumber: '05/KH-UBND', planDate: '2025-01-10', year: 2025, period: 'Q2',
      cutoffDate: '2025-06-14', reportDate: '2025-06-18', reporter: 'Nguyễn Văn An',
      templateId: TEMPLATE_ID, templateVersion: TEMPLATE_VERSION,
    });
  });

  test('labels are found by text, not by row: reordered, unaccented, with colons and stars', () => {
    const grid = [
      ['BAO CAO'],
      ['Ky bao cao:', 'quy 3'],
      ['Nam ke hoach (*)', '2025'],
      [],
      ['Ten don vi', 'UBND thi tran Binh Duong'],
      ['Loai don vi', 'thi tran'],
      ['Cap tong hop', 'Thị xã'],
      ['Ngay chot so lieu', 45914], // Excel serial of 14/09/2025
      ['Ngay bao cao', new Date(Date.UTC(2025, 8, 18))],
    ];
    const { report } = readReport(workbook({ info: grid, indicators: [RATIO_ROW], tasks: [DONE_TASK] }));
    const info = report!.info;
    expect([info.period, info.year, info.unitName, info.unitKind, info.parentLevel, info.cutoffDate, info.reportDate])
      .toEqual(['Q3', 2025, 'UBND thi tran Binh Duong', 'thi_tran', 'huyen', '2025-09-14', '2025-09-18']);
  });

  test('a label merged over A:B (its value then in C) is read from C', () => {
    const grid = infoSheet();
    grid[2] = ['Tên đơn vị', 'Tên đơn vị', 'UBND phường Đông Sơn'];
    const { report } = readReport(workbook({ info: grid, indicators: [RATIO_ROW], tasks: [DONE_TASK] }));
    expect(report!.info.unitName).toBe('UBND phường Đông Sơn');
  });

  test('template id and version fall back to the hidden meta sheet', () => {
    const grids = workbook({ info: infoSheet(GOOD_INFO, ['templateId', 'templateVersion']), indicators: [RATIO_ROW], tasks: [DONE_TASK] });
    grids._cchc_meta = [['templateId', TEMPLATE_ID], ['templateVersion', TEMPLATE_VERSION]];
    const { report, issues } = readReport(grids);
    expect(issues).toEqual([]);
    expect(report!.info.templateId).toBe(TEMPLATE_ID);
  });
});

describe('Phụ lục 1', () => {
  test('ratio rows: the result is computed from numerator and denominator, whatever the result cell holds', () => {
    const { report } = readReport(workbook({
      indicators: [{ ...RATIO_ROW, numerator: '1.234', denominator: '1.300', result: '', evaluation: '' }],
      tasks: [DONE_TASK],
    }));
    const row = report!.indicators[0];
    expect(row.kind).toBe('ratio');
    expect(row.numerator).toBe(1234);
    expect(row.denominator).toBe(1300);
    expect(row.result).toBeCloseTo(1234 / 1300, 12);
    expect(row.evaluation).toBe('met');
    expect(row.row).toBe(8);
  });

  test('section rows set the area; group headings and blank rows are skipped', () => {
    const rows = [
      { stt: 'I', name: 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH' },
      { code: 'PL1.CDDH.01', stt: '1', name: 'Tỷ lệ hoàn thành kế hoạch CCHC', target: '100%', numerator: 10, denominator: 10 },
      {},
      { code: 'LV.TTHC', name: 'Cải cách thủ tục hành chính' },
      { stt: '3', name: 'Giải quyết hồ sơ thủ tục hành chính' },
      { code: 'PL1.TTHC.01', stt: '3.1', name: 'Tỷ lệ hồ sơ giải quyết đúng hạn', target: 'tối thiểu 98%', numerator: 49, denominator: 50 },
      { code: 'PL1.TTHC.02', stt: '3.2', name: 'Thời gian chờ', target: 'tối đa 15 phút/01 lượt giao dịch', result: 12 },
      { name: 'Cai cach tai chinh cong' },
      { code: 'PL1.TCC.01', stt: '4', name: 'Công khai ngân sách', target: 'Hoàn thành', result: 'Hoàn thành' },
    ];
    const { report, issues } = readReport(workbook({ indicators: rows, tasks: [DONE_TASK] }));
    expect(issues).toEqual([]);
    expect(report!.indicators.map((i) => [i.code, i.area, i.kind, i.result, i.evaluation])).toEqual([
      ['PL1.CDDH.01', 'CDDH', 'ratio', 1, 'met'],
      ['PL1.TTHC.01', 'TTHC', 'ratio', 0.98, 'met'],
      ['PL1.TTHC.02', 'TTHC', 'duration', 12, 'met'],
      ['PL1.TCC.01', 'TCC', 'qualitative', 'Hoàn thành', 'met'],
    ]);
  });

  test('rows with the same target text get equal but separate readings', () => {
    const { report } = readReport(workbook({ indicators: [RATIO_ROW, { ...RATIO_ROW, code: 'PL1.TTHC.02' }], tasks: [DONE_TASK] }));
    const [a, b] = report!.indicators;
    expect(a.target).toEqual(b.target);
    expect(a.target).not.toBe(b.target);
    expect(a.target!.targets[0]).not.toBe(b.target!.targets[0]);
  });

  test('the catalog decides the kind and names codes of rows that lost theirs', () => {
    const catalog: Catalog = {
      id: 'test', version: '1', year: 2025, areas: [{ code: 'TTHC', name: 'Cải cách thủ tục hành chính' }],
      indicators: [{
        code: 'PL1.TTHC.05', area: 'TTHC', stt: '5', name: 'Số thủ tục hành chính được đơn giản hóa', kind: 'count',
        target: 'tối thiểu 2', monitor: '', executor: '', sources: [],
      }],
      tasks: [],
    };
    const { report, issues } = readReport(
      workbook({ indicators: [{ stt: '5', name: 'Số thủ tục hành chính được đơn giản hóa', target: 'tối thiểu 2', result: '3' }], tasks: [DONE_TASK] }),
      { catalog },
    );
    expect(issues).toEqual([]);
    expect(report!.indicators[0]).toMatchObject({ code: 'PL1.TTHC.05', area: 'TTHC', kind: 'count', result: 3, evaluation: 'met' });
  });

  test('reading stops at a long run of blank rows and at the signature block', () => {
    const grid = tableSheet(INDICATOR_SHEET, [RATIO_ROW]);
    grid.push([], ['', '', 'Người lập biểu', '', '', '', '', '', 'TM. ỦY BAN NHÂN DÂN'], ['', '', 'Nguyễn Văn An', '', '', '', '', '', 'CHỦ TỊCH']);
    for (let i = 0; i < 25; i++) grid.push([]);
    grid.push(['PL1.TTHC.09', '9', 'Dòng bỏ quên cuối trang', '100%']);
    const { report, issues } = readReport(workbook({ indicators: grid, tasks: [DONE_TASK] }));
    expect(issues).toEqual([]);
    expect(report!.indicators.map((i) => i.code)).toEqual(['PL1.TTHC.01']);
  });
});

describe('Phụ lục 2', () => {
  test('status words typed without diacritics, abbreviated or with other verbs', () => {
    const words: [string, string | null][] = [
      ['hoan thanh', 'done'], ['Đã hoàn thành', 'done'], ['HT', 'done'], ['HOÀN THÀNH', 'done'],
      ['đang thực hiện', 'in_progress'], ['dang trien khai', 'in_progress'], ['Đang triển khai', 'in_progress'],
      ['chưa thực hiện', 'not_started'], ['chua trien khai', 'not_started'], ['Chưa triển khai', 'not_started'],
      ['chưa hoàn thành', 'in_progress'], ['tạm dừng', null],
    ];
    for (const [word, status] of words) expect([word, readStatus(word)]).toEqual([word, status]);
    expect(readStatus('  ')).toBe('empty');
  });

  test('a blank row followed by a task naming the chairman does not end the table', () => {
    const grid = tableSheet(TASK_SHEET, [DONE_TASK, {}, { ...DONE_TASK, code: '', tt: '', name: 'Chủ tịch UBND xã đối thoại với người dân' }]);
    const { report } = readReport(workbook({ indicators: [RATIO_ROW], tasks: grid }));
    expect(report!.tasks.map((t) => t.name)).toEqual([DONE_TASK.name, 'Chủ tịch UBND xã đối thoại với người dân']);
  });

  test('overdue is decided at the cut-off', () => {
    const open = { ...DONE_TASK, status: 'dang thuc hien', completedOn: '', documentRef: '', documentDate: '' };
    const tasks = [
      { ...open, code: 'T1', deadline: 'Quý I' }, // due 31/03: past at the Q2 cut-off
      { ...open, code: 'T2', deadline: 'Quý III' }, // due 30/09: not yet
      { ...open, code: 'T3', deadline: 'Thường xuyên' }, // continuous: never by date alone
      { ...DONE_TASK, code: 'T4', deadline: 'Quý I' }, // done on 10/01
      { ...open, code: 'T5', deadline: 'Trước ngày 10/6/2025', status: 'chua thuc hien' }, // due 09/06
    ];
    const at = (period: string, cutoff: string) =>
      readReport(workbook({ info: infoSheet({ ...GOOD_INFO, period, cutoffDate: cutoff }), indicators: [RATIO_ROW], tasks }));
    const q2 = at('Quý II', '14/06/2025');
    expect(q2.report!.tasks.map((t) => [t.code, t.overdue])).toEqual([['T1', true], ['T2', false], ['T3', false], ['T4', false], ['T5', true]]);
    expect(q2.issues.filter((i) => i.rule === 'task.overdue').map((i) => i.address)).toEqual(['I9', 'I13']);
    expect(q2.issues.find((i) => i.address === 'I13')!.message).toContain('hạn 09/06/2025 đã qua tại ngày chốt số liệu 14/06/2025');
    const q1 = at('Quý I', '14/03/2025');
    expect(q1.report!.tasks.map((t) => t.overdue)).toEqual([false, false, false, false, false]);
  });

  test('without a cut-off date, the default calendar of the period gives it', () => {
    const open = { ...DONE_TASK, status: 'Đang thực hiện', completedOn: '', documentRef: '', documentDate: '' };
    const { report } = readReport(workbook({ info: infoSheet({ ...GOOD_INFO, cutoffDate: '' }), indicators: [RATIO_ROW], tasks: [open] }));
    expect(report!.info.cutoffDate).toBeNull();
    expect(report!.tasks[0].overdue).toBe(true); // Quý II → cut-off 14/06/2025, due 31/03
  });

  test('dates: day/month without a year take the plan year; serials follow the workbook\'s date system', () => {
    const rows = [
      { ...DONE_TASK, completedOn: '15/3' },
      { ...DONE_TASK, code: 'T2', completedOn: isoToSerial('2025-02-20', true)!, documentDate: isoToSerial('2025-02-19', true)! },
    ];
    const { report, issues } = readReport(workbook({ indicators: [RATIO_ROW], tasks: rows }), { date1904: true });
    expect(issues).toEqual([]);
    expect(report!.tasks.map((t) => [t.completedOn, t.documentDate])).toEqual([['2025-03-15', '2025-01-10'], ['2025-02-20', '2025-02-19']]);
  });

  test('reads every task field', () => {
    const { report } = readReport(workbook({ indicators: [RATIO_ROW], tasks: [{ ...DONE_TASK, planNote: 'Theo KH của huyện', reportNote: 'Đã đăng cổng' }] }));
    expect(report!.tasks[0]).toMatchObject({
      code: 'PL2.CDDH.01', area: null, tt: '1', name: 'Ban hành Kế hoạch cải cách hành chính năm 2025',
      product: 'Kế hoạch của UBND xã', lead: 'Văn phòng - Thống kê', partners: 'Các bộ phận', deadlineText: 'Quý I',
      status: 'done', completedOn: '2025-01-10', documentRef: '05/KH-UBND', documentDate: '2025-01-10',
      note: 'Theo KH của huyện; Đã đăng cổng', overdue: false, row: 8,
    });
    expect(report!.tasks[0].deadline).toMatchObject({ kind: 'dated', milestones: [{ due: '2025-03-31' }] });
  });
});

describe('units\' own workbooks', () => {
  test('typed without diacritics and with decimal commas, like seed 003, reads correctly', () => {
    const info = [
      ['THONG TIN BAO CAO'],
      ['Ten don vi', 'UBND xa Binh Tan'], ['Ma don vi', '26002'], ['Loai don vi', 'xa'],
      ['Don vi tong hop', 'So Noi vu tinh Dong Nai'], ['Cap tong hop', 'tinh'], ['So ke hoach', '05/KH-UBND'],
      ['Ngay ke hoach', '20/8/2025'], ['Nam ke hoach', 2025], ['Ky bao cao', 'Quy IV'], ['Ngay chot so lieu', '14/12/2025'],
      ['Ngay bao cao', '18/12/2025'], ['Ma bieu mau', TEMPLATE_ID], ['Phien ban bieu mau', TEMPLATE_VERSION],
    ];
    const pl1 = [
      ['PHU LUC 1'], ['CAC CHI TIEU'], [],
      ['Ma', 'STT', 'Chi tieu', 'Chi tieu phan dau nam 2025', 'Don vi theo doi', 'Don vi thuc hien', 'Tu so', 'Mau so', 'Ket qua', 'Danh gia', 'Ghi chu'],
      ['LV.TTHC', 'II', 'CAI CACH THU TUC HANH CHINH'],
      ['PL1.TTHC.01', '1', 'Ty le giai quyet ho so dung han', 'toi thieu 98%', 'Van phong', 'Bo phan mot cua', '1.234', '1.250', '', 'dat', ''],
      ['PL1.TTHC.02', '2', 'Ty le ho so truc tuyen', 'dat tu 60% tro len', '', '', '', '', '95,5%', 'Dat', ''],
    ];
    const pl2 = [
      ['PHU LUC 2'], [],
      ['Ma', 'TT', 'Nhiem vu', 'San pham', 'Co quan chu tri', 'Co quan phoi hop', 'Thoi gian hoan thanh', 'Ghi chu', 'Tinh trang', 'Ngay hoan thanh'],
      ['PL2.TTHC.01', '1', 'Ra soat thu tuc hanh chinh', 'Bao cao', 'Van phong - Thong ke', '', 'Quy III', '', 'hoan thanh', '15/9/2025'],
      ['PL2.TTHC.02', '2', 'Cong khai TTHC', 'Quyet dinh', 'Van phong - Thong ke', '', 'Quy II', '', 'dang trien khai', ''],
      ['PL2.TTHC.03', '3', 'Bao cao dinh ky', 'Bao cao', 'Van phong - Thong ke', '', 'Thuong xuyen', '', 'chua thuc hien', ''],
    ];
    const { report, issues } = readReport({ 'Thong tin': info, 'Phu luc 1': pl1, 'Phu luc 2': pl2 });
    expect(report!.info).toMatchObject({ unitName: 'UBND xa Binh Tan', unitKind: 'xa', parentLevel: 'tinh', period: 'Q4', year: 2025, cutoffDate: '2025-12-14' });
    expect(report!.indicators.map((i) => [i.code, i.area, i.numerator, i.denominator, i.result, i.evaluation])).toEqual([
      ['PL1.TTHC.01', 'TTHC', 1234, 1250, 1234 / 1250, 'met'],
      ['PL1.TTHC.02', 'TTHC', null, null, 0.955, 'met'],
    ]);
    expect(report!.tasks.map((t) => [t.code, t.status, t.completedOn, t.overdue])).toEqual([
      ['PL2.TTHC.01', 'done', '2025-09-15', false],
      ['PL2.TTHC.02', 'in_progress', null, true],
      ['PL2.TTHC.03', 'not_started', null, false],
    ]);
    // Only what is worth telling: the typed-only rate, the report columns this table lacks, the overdue task.
    expect(issues.map((i) => `${i.sheet}!${i.address} ${i.severity} ${i.rule}`)).toEqual([
      'Phu luc 1!G7 warning ratio.missing_part',
      'Phu luc 2! warning header.mismatch',
      'Phu luc 2! warning header.mismatch',
      'Phu luc 2! warning header.mismatch',
      'Phu luc 2!I5 warning task.overdue',
    ]);
  });

  test('a table with its header lower down, columns reordered and headers reworded is read by header text', () => {
    const order = ['tt', 'name', 'deadline', 'status', 'completedOn', 'lead', 'product', 'code', 'reportNote'];
    const headers = { tt: 'STT', name: 'Noi dung nhiem vu', deadline: 'Thoi han', status: 'Tien do', completedOn: 'Ngay hoan thanh', lead: 'Chu tri', product: 'San pham dau ra' };
    const late = { ...DONE_TASK, status: 'Đang thực hiện', completedOn: '' };
    const grid = tableSheet(TASK_SHEET, [DONE_TASK, { ...late, code: 'PL2.CDDH.02' }], { headerRow: 12, order, headers });
    const { report, issues } = readReport(workbook({ indicators: [RATIO_ROW], tasks: grid }));
    expect(report!.tasks.map((t) => [t.code, t.name, t.lead, t.deadlineText, t.status, t.completedOn, t.row])).toEqual([
      ['PL2.CDDH.01', DONE_TASK.name, DONE_TASK.lead, 'Quý I', 'done', '2025-01-10', 13],
      ['PL2.CDDH.02', DONE_TASK.name, DONE_TASK.lead, 'Quý I', 'in_progress', null, 14],
    ]);
    // The overdue warning points at the status column where it really is (D), on sheet row 15.
    expect(issues.filter((i) => i.address !== '').map((i) => [i.address, i.rule])).toEqual([['D15', 'task.overdue']]);
    // Columns left out are named, as warnings (none of them is required), at the header's row 13.
    expect(issues.filter((i) => i.address === '').map((i) => [i.severity, /“(.+?)”.*\(dòng (\d+)\)/.exec(i.message)?.slice(1)])).toEqual([
      ['warning', ['Cơ quan phối hợp', '13']],
      ['warning', ['Ghi chú', '13']],
      ['warning', ['Văn bản, sản phẩm đã ban hành (số, ký hiệu)', '13']],
      ['warning', ['Ngày ban hành', '13']],
    ]);
  });

  test('an annex sheet under an unknown tab name is recognised by its header', () => {
    const grids = { 'Thông tin': infoSheet(), Sheet1: tableSheet(INDICATOR_SHEET, [RATIO_ROW]), Sheet2: tableSheet(TASK_SHEET, [DONE_TASK]) };
    const { report, issues } = readReport(grids);
    expect(issues).toEqual([]);
    expect(report!.indicators).toHaveLength(1);
    expect(report!.tasks).toHaveLength(1);
  });
});
