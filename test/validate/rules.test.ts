/** One test per rule: the exact sheet, address, severity, rule code and message. */
import type { ValidationIssue } from '../../shared/model';
import { INDICATOR_SHEET, INFO_SHEET, TASK_SHEET } from '../../shared/spec/annex';
import { readReport, validateWorkbook } from '../../shared/validate';
import { DONE_TASK, GOOD_INFO, infoSheet, RATIO_ROW, tableSheet, workbook, type Row } from './workbook';

const PL1 = INDICATOR_SHEET.name;
const PL2 = TASK_SHEET.name;
const INFO = INFO_SHEET.name;

/** The only issue with this rule code (fails when there are none or several). */
function only(issues: ValidationIssue[], rule: string): ValidationIssue {
  const found = issues.filter((i) => i.rule === rule);
  expect(found).toHaveLength(1);
  return found[0];
}

const indicatorIssues = (...rows: Row[]) => validateWorkbook(workbook({ indicators: rows, tasks: [DONE_TASK] }));
const taskIssues = (...rows: Row[]) => validateWorkbook(workbook({ indicators: [RATIO_ROW], tasks: rows }));
const infoIssues = (values: Record<string, unknown>) =>
  validateWorkbook(workbook({ info: infoSheet({ ...GOOD_INFO, ...values } as never), indicators: [RATIO_ROW], tasks: [DONE_TASK] }));

test('a correctly filled workbook has no issues', () => {
  expect(validateWorkbook(workbook({ indicators: [RATIO_ROW], tasks: [DONE_TASK] }))).toEqual([]);
});

describe('required', () => {
  test('indicator target left empty', () => {
    const issues = indicatorIssues({ ...RATIO_ROW, target: '' });
    expect(issues).toEqual([{
      sheet: PL1, address: 'D9', severity: 'error', rule: 'required',
      message: 'Ô D9 (Chỉ tiêu phấn đấu): ô bắt buộc đang để trống. Nhập chỉ tiêu phấn đấu. ' +
        'Ví dụ: 100%; tối thiểu 90%; từ 95% - 100%; tối đa 15 phút/01 lượt; Hoàn thành.',
    }]);
  });

  test('task lead left empty', () => {
    expect(taskIssues({ ...DONE_TASK, lead: '  ' })).toEqual([{
      sheet: PL2, address: 'E9', severity: 'error', rule: 'required',
      message: 'Ô E9 (Cơ quan chủ trì): ô bắt buộc đang để trống. Nhập cơ quan chủ trì.',
    }]);
  });

  test('Thông tin value left empty, and a label row missing altogether', () => {
    expect(infoIssues({ unitKind: '' })).toEqual([{
      sheet: INFO, address: 'B5', severity: 'error', rule: 'required',
      message: 'Ô B5 (Loại đơn vị): ô bắt buộc đang để trống. Chọn một trong: “Xã”, “Phường”, “Thị trấn”.',
    }]);
    const issues = validateWorkbook(workbook({ info: infoSheet(GOOD_INFO, ['unitCode']), indicators: [RATIO_ROW], tasks: [DONE_TASK] }));
    expect(issues).toEqual([{
      sheet: INFO, address: '', severity: 'error', rule: 'required',
      message: 'Thiếu dòng “Mã đơn vị”. Thêm một dòng ghi “Mã đơn vị” ở cột A và giá trị ở cột B ' +
        '(Mã đơn vị hành chính (5 chữ số), ví dụ 16279).',
    }]);
  });
});

test('type.number: a count that is not a number', () => {
  expect(indicatorIssues({ ...RATIO_ROW, numerator: 'chín lăm', evaluation: '' })).toEqual([{
    sheet: PL1, address: 'G9', severity: 'error', rule: 'type.number',
    message: 'Ô G9 (Tử số): “chín lăm” không phải là số. Nhập một số lượng, ví dụ 120, hoặc “x” nếu không phát sinh.',
  }]);
});

test('type.number: a percentage typed as a count, and a negative count', () => {
  const issues = indicatorIssues({ ...RATIO_ROW, numerator: '80%', evaluation: '' }, { ...RATIO_ROW, code: 'PL1.TTHC.02', denominator: -5, evaluation: '' });
  expect(issues.map((i) => [i.address, i.rule, i.message])).toEqual([
    ['G9', 'type.number', 'Ô G9 (Tử số): ô này nhập số lượng, không nhập phần trăm (“80%”). ' +
      'Nhập số lượng, ví dụ 120; tỷ lệ được tính tự động từ tử số và mẫu số.'],
    ['H10', 'type.number', 'Ô H10 (Mẫu số): số lượng không thể âm (-5). Nhập số từ 0 trở lên.'],
  ]);
});

test('type.date: an impossible completion date', () => {
  const issue = only(taskIssues({ ...DONE_TASK, completedOn: '31/02/2025' }), 'type.date');
  expect(issue).toEqual({
    sheet: PL2, address: 'J9', severity: 'error', rule: 'type.date',
    message: 'Ô J9 (Ngày hoàn thành): Ngày “31/02/2025” không có thật: tháng 02/2025 có 28 ngày. Nhập lại ngày, ví dụ 28/02/2025.',
  });
});

test('rate.out_of_range: a typed rate above 100%', () => {
  const row = { code: 'PL1.CQS.01', stt: '2', name: 'Tỷ lệ hồ sơ trực tuyến toàn trình', target: 'tối thiểu 80%', result: '120%' };
  expect(indicatorIssues(row)).toEqual([{
    sheet: PL1, address: 'I9', severity: 'error', rule: 'rate.out_of_range',
    message: 'Ô I9 (Kết quả): Tỷ lệ 120% nằm ngoài khoảng 0–100%. Nhập tỷ lệ từ 0% đến 100%, ví dụ 95% hoặc 0,95.',
  }]);
});

test('rate.percent_points: 95 read as 95% (and the parts are asked for)', () => {
  const row = { code: 'PL1.CQS.01', stt: '2', name: 'Tỷ lệ hồ sơ trực tuyến toàn trình', target: 'tối thiểu 80%', result: 95 };
  const { report, issues } = readReport(workbook({ indicators: [row], tasks: [DONE_TASK] }));
  expect(issues).toEqual([
    {
      sheet: PL1, address: 'G9', severity: 'warning', rule: 'ratio.missing_part',
      message: 'Ô G9 (Tử số): chỉ có kết quả 95%, chưa có tử số và mẫu số. ' +
        'Nhập tử số và mẫu số để cấp trên tổng hợp được (tỷ lệ chung = tổng tử số / tổng mẫu số).',
    },
    {
      sheet: PL1, address: 'I9', severity: 'warning', rule: 'rate.percent_points',
      message: 'Ô I9 (Kết quả): số 95 được hiểu là 95%. Nếu đúng, nhập 95% (có dấu %) để không bị hiểu nhầm.',
    },
  ]);
  expect(report!.indicators[0].result).toBe(0.95);
});

describe('ratio parts', () => {
  test('ratio.numerator_gt_denominator', () => {
    expect(indicatorIssues({ ...RATIO_ROW, numerator: 120, denominator: 100, evaluation: '' })).toEqual([{
      sheet: PL1, address: 'H9', severity: 'error', rule: 'ratio.numerator_gt_denominator',
      message: 'Ô H9 (Mẫu số): tử số 120 lớn hơn mẫu số 100. Kiểm tra lại: tử số là số đạt yêu cầu, không thể lớn hơn tổng số.',
    }]);
  });

  test('ratio.zero_denominator', () => {
    expect(indicatorIssues({ ...RATIO_ROW, numerator: 5, denominator: 0, evaluation: '' })).toEqual([{
      sheet: PL1, address: 'H9', severity: 'error', rule: 'ratio.zero_denominator',
      message: 'Ô H9 (Mẫu số): mẫu số bằng 0 nhưng tử số là 5. Nhập tổng số (lớn hơn 0); nếu không phát sinh, nhập “x” ở cả tử số và mẫu số.',
    }]);
  });

  test('0 / 0 and x / x are "nothing to report", not an error', () => {
    const { report, issues } = readReport(workbook({
      indicators: [{ ...RATIO_ROW, numerator: 0, denominator: 0, evaluation: '' }, { ...RATIO_ROW, code: 'PL1.TTHC.02', numerator: 'x', denominator: 'x', evaluation: '' }],
      tasks: [DONE_TASK],
    }));
    expect(issues).toEqual([]);
    expect(report!.indicators.map((i) => i.result)).toEqual([null, null]);
  });

  test('ratio.missing_part: numerator without denominator, and the reverse', () => {
    const issues = indicatorIssues(
      { ...RATIO_ROW, denominator: '', evaluation: '' },
      { ...RATIO_ROW, code: 'PL1.TTHC.02', numerator: '', denominator: 1234, evaluation: '' },
    );
    expect(issues).toEqual([
      {
        sheet: PL1, address: 'H9', severity: 'error', rule: 'ratio.missing_part',
        message: 'Ô H9 (Mẫu số): đã nhập tử số 95 nhưng chưa có mẫu số. Nhập mẫu số (tổng số), hoặc “x” ở cả tử số và mẫu số nếu không phát sinh.',
      },
      {
        sheet: PL1, address: 'G10', severity: 'error', rule: 'ratio.missing_part',
        message: 'Ô G10 (Tử số): đã nhập mẫu số 1.234 nhưng chưa có tử số. ' +
          'Nhập tử số (số đạt yêu cầu, có thể là 0), hoặc “x” ở cả tử số và mẫu số nếu không phát sinh.',
      },
    ]);
  });
});

describe('tasks', () => {
  test('task.done_without_date', () => {
    expect(taskIssues({ ...DONE_TASK, completedOn: '' })).toEqual([{
      sheet: PL2, address: 'J9', severity: 'error', rule: 'task.done_without_date',
      message: 'Ô J9 (Ngày hoàn thành): nhiệm vụ ghi “Hoàn thành” nhưng chưa có ngày hoàn thành. Nhập ngày hoàn thành (ngày/tháng/năm), ví dụ 15/03/2025.',
    }]);
  });

  test('task.date_after_cutoff', () => {
    expect(taskIssues({ ...DONE_TASK, deadline: 'Cả năm', completedOn: '20/06/2025' })).toEqual([{
      sheet: PL2, address: 'J9', severity: 'error', rule: 'task.date_after_cutoff',
      message: 'Ô J9 (Ngày hoàn thành): ngày hoàn thành 20/06/2025 sau ngày chốt số liệu 14/06/2025. ' +
        'Kiểm tra lại ngày; việc hoàn thành sau ngày chốt được báo cáo ở kỳ sau.',
    }]);
  });

  test('task.overdue names the due date and the cut-off', () => {
    const late = { ...DONE_TASK, status: 'Đang thực hiện', completedOn: '', documentRef: '', documentDate: '' };
    expect(taskIssues(late)).toEqual([{
      sheet: PL2, address: 'I9', severity: 'warning', rule: 'task.overdue',
      message: 'Ô I9 (Tình trạng): nhiệm vụ quá hạn — hạn 31/03/2025 đã qua tại ngày chốt số liệu 14/06/2025 mà chưa hoàn thành. ' +
        'Nếu đã xong, chọn “Hoàn thành” và nhập ngày hoàn thành; nếu chưa, ghi lý do ở cột “Ghi chú kết quả”.',
    }]);
  });

  test('task.date_without_done', () => {
    expect(taskIssues({ ...DONE_TASK, deadline: 'Cả năm', status: 'Đang thực hiện' })).toEqual([{
      sheet: PL2, address: 'I9', severity: 'warning', rule: 'task.date_without_done',
      message: 'Ô I9 (Tình trạng): đã có ngày hoàn thành 10/01/2025 nhưng tình trạng là “Đang thực hiện”. ' +
        'Nếu nhiệm vụ đã xong, chọn “Hoàn thành”; nếu chưa, xóa ngày hoàn thành.',
    }]);
  });

  test('status.unknown lists the allowed words from the spec', () => {
    expect(taskIssues({ ...DONE_TASK, deadline: 'Cả năm', status: 'tạm dừng', completedOn: '' })).toEqual([{
      sheet: PL2, address: 'I9', severity: 'error', rule: 'status.unknown',
      message: 'Ô I9 (Tình trạng): không hiểu tình trạng “tạm dừng”. Chọn một trong: “Hoàn thành”, “Đang thực hiện”, “Chưa thực hiện”.',
    }]);
  });

  test('deadline.unreadable gives the parser\'s reason', () => {
    expect(taskIssues({ ...DONE_TASK, deadline: 'sớm nhất có thể' })).toEqual([{
      sheet: PL2, address: 'G9', severity: 'warning', rule: 'deadline.unreadable',
      message: 'Ô G9 (Thời gian hoàn thành): Không đọc được thời hạn “sớm nhất có thể”. Ghi thời hạn theo một trong các dạng: ' +
        '“Quý II”, “Tháng 6/2025”, “Trước ngày 15/6/2025”, “Cả năm”, “Thường xuyên”, “Định kỳ hàng quý”, ' +
        'hoặc “Ban hành: Quý I; Thực hiện: Cả năm”. Khi chưa sửa, nhiệm vụ này không được theo dõi quá hạn.',
    }]);
  });
});

test('target.unreadable gives the parser\'s reason', () => {
  const text = 'Nâng cao chất lượng phục vụ';
  expect(indicatorIssues({ ...RATIO_ROW, target: text })).toEqual([{
    sheet: PL1, address: 'D9', severity: 'warning', rule: 'target.unreadable',
    message: 'Ô D9 (Chỉ tiêu phấn đấu): “Nâng cao chất lượng phục vụ” không có số để đo. ' +
      'Ghi chỉ tiêu có số, ví dụ “100%”, “tối thiểu 90%”, “từ 95% - 100%”, “tối đa 15 phút/lượt”, hoặc “Hoàn thành” nếu chỉ cần làm xong. ' +
      'Khi chưa sửa, dòng này không được tự đánh giá Đạt/Chưa đạt.',
  }]);
});

test('a ranking target is kept, not judged, and the message says why and that nothing needs fixing', () => {
  const text = 'Nâng vị trí xếp hạng trong tỉnh';
  expect(indicatorIssues({ ...RATIO_ROW, target: text })).toEqual([{
    sheet: PL1, address: 'D9', severity: 'warning', rule: 'target.unmeasurable',
    message: 'Ô D9 (Chỉ tiêu phấn đấu): “Nâng vị trí xếp hạng trong tỉnh” — vị trí trong nhóm hoặc thứ hạng do cấp trên đánh giá, ' +
      'không tính được từ số liệu của đơn vị: ghi nhận để theo dõi, không tự đánh giá Đạt/Chưa đạt. ' +
      'Không cần sửa; nếu đã biết kết quả xếp hạng, ghi ở cột “Ghi chú”.',
  }]);
});

test('target.suspicious: “Trên 100%” is read, with the parser\'s warning', () => {
  const issue = only(indicatorIssues({ ...RATIO_ROW, target: 'Trên 100%', evaluation: '' }), 'target.suspicious');
  expect(issue).toEqual({
    sheet: PL1, address: 'D9', severity: 'warning', rule: 'target.suspicious',
    message: 'Ô D9 (Chỉ tiêu phấn đấu): “Trên 100%” nghĩa là hơn 100%, không thể đạt với một tỷ lệ (cao nhất là 100%); ' +
      'có lẽ ý là “100%”. Nên sửa thành “100%”.',
  });
});

describe('evaluation', () => {
  test('evaluation.mismatch: "Đạt" typed for 85% against tối thiểu 90%', () => {
    const { report, issues } = readReport(workbook({ indicators: [{ ...RATIO_ROW, numerator: 85 }], tasks: [DONE_TASK] }));
    expect(issues).toEqual([{
      sheet: PL1, address: 'J9', severity: 'warning', rule: 'evaluation.mismatch',
      message: 'Ô J9 (Đánh giá): ghi “Đạt” nhưng kết quả 85% so với chỉ tiêu “tối thiểu 90%” là “Chưa đạt”. ' +
        'Kiểm tra lại kết quả, hoặc sửa đánh giá thành “Chưa đạt”.',
    }]);
    expect(report!.indicators[0].evaluation).toBe('missed');
  });

  test('evaluation.unknown lists Đạt / Chưa đạt', () => {
    expect(indicatorIssues({ ...RATIO_ROW, evaluation: 'Tốt' })).toEqual([{
      sheet: PL1, address: 'J9', severity: 'error', rule: 'evaluation.unknown',
      message: 'Ô J9 (Đánh giá): không hiểu “Tốt”. Chọn một trong: “Đạt”, “Chưa đạt”.',
    }]);
  });
});

describe('codes', () => {
  test('code.duplicate points at the second row and names the first', () => {
    expect(indicatorIssues(RATIO_ROW, { ...RATIO_ROW, stt: '2' })).toEqual([{
      sheet: PL1, address: 'A10', severity: 'error', rule: 'code.duplicate',
      message: 'Ô A10 (Mã): mã “PL1.TTHC.01” trùng với dòng 9. Mỗi dòng của biểu mẫu chỉ ghi một lần; nếu đã sao chép dòng, xóa dòng thừa.',
    }]);
  });

  test('code.missing on a row added by the unit', () => {
    expect(taskIssues({ ...DONE_TASK, code: '', name: 'Tổ chức hội nghị đối thoại' })).toEqual([{
      sheet: PL2, address: 'A9', severity: 'warning', rule: 'code.missing',
      message: 'Ô A9 (Mã): dòng “Tổ chức hội nghị đối thoại” không có mã nên không ghép được với báo cáo của các đơn vị khác khi tổng hợp. ' +
        'Nếu là dòng của biểu mẫu, chép lại cả dòng từ biểu mẫu gốc (giữ cột Mã ẩn); nếu là dòng đơn vị tự thêm, có thể bỏ qua cảnh báo này.',
    }]);
  });
});

describe('header.mismatch', () => {
  test('a wrong header text where a column belongs', () => {
    const grid = tableSheet(INDICATOR_SHEET, [RATIO_ROW], { headers: { target: 'Phấn đấu' } });
    expect(validateWorkbook(workbook({ indicators: grid, tasks: [DONE_TASK] }))).toEqual([{
      sheet: PL1, address: 'D8', severity: 'error', rule: 'header.mismatch',
      message: 'Ô D8: tiêu đề cột “Phấn đấu” không khớp với biểu mẫu. Nếu đây là cột “Chỉ tiêu phấn đấu”, sửa tiêu đề thành “Chỉ tiêu phấn đấu”.',
    }]);
  });

  test('a column left out', () => {
    const order = TASK_SHEET.columns.map((c) => c.key).filter((k) => k !== 'lead');
    const grid = tableSheet(TASK_SHEET, [DONE_TASK], { order });
    expect(validateWorkbook(workbook({ indicators: [RATIO_ROW], tasks: grid }))).toEqual([{
      sheet: PL2, address: '', severity: 'error', rule: 'header.mismatch',
      message: 'Thiếu cột “Cơ quan chủ trì” ở dòng tiêu đề (dòng 8). Thêm cột có tiêu đề “Cơ quan chủ trì”, hoặc chép số liệu vào biểu mẫu gốc.',
    }]);
  });

  test('no header row at all', () => {
    const issues = validateWorkbook(workbook({ indicators: [['Báo cáo kết quả'], ['Số liệu quý II']], tasks: [DONE_TASK] }));
    expect(issues).toEqual([{
      sheet: PL1, address: '', severity: 'error', rule: 'header.mismatch',
      message: 'Không tìm thấy dòng tiêu đề của bảng trong 30 dòng đầu. Dòng tiêu đề cần có các cột: STT, Chỉ tiêu, Chỉ tiêu phấn đấu, ' +
        'Đơn vị theo dõi, hướng dẫn, Đơn vị thực hiện, Tử số, Mẫu số, Kết quả, Đánh giá, Ghi chú. Chép lại dòng tiêu đề từ biểu mẫu.',
    }]);
  });
});

describe('sheet.missing', () => {
  test('one annex sheet missing', () => {
    expect(validateWorkbook(workbook({ indicators: [RATIO_ROW], tasks: null }))).toEqual([{
      sheet: PL2, address: '', severity: 'error', rule: 'sheet.missing',
      message: 'Thiếu trang “Phụ lục 2 - Nhiệm vụ”. Thêm trang này từ biểu mẫu (tên trang có thể là “Phụ lục 2 - Nhiệm vụ” hoặc “Phụ lục 2”).',
    }]);
  });

  test('a workbook that is not ours: no report, one issue naming the file', () => {
    const r = readReport({ 'Bảng lương': [['Họ tên', 'Lương'], ['A', 1000]] }, { fileName: 'bang-luong.xlsx' });
    expect(r.report).toBeNull();
    expect(r.issues).toEqual([{
      sheet: '', address: '', severity: 'error', rule: 'sheet.missing',
      message: 'Tệp “bang-luong.xlsx” không phải báo cáo cải cách hành chính theo biểu mẫu: không có trang “Phụ lục 1 - Chỉ tiêu” ' +
        'hay “Phụ lục 2 - Nhiệm vụ”. Hãy nhập số liệu vào biểu mẫu báo cáo rồi gửi lại.',
    }]);
  });
});

describe('Thông tin values', () => {
  test('info.period', () => {
    expect(infoIssues({ period: 'Quý 5' })).toEqual([{
      sheet: INFO, address: 'B11', severity: 'error', rule: 'info.period',
      message: 'Ô B11 (Kỳ báo cáo): không hiểu kỳ báo cáo “Quý 5”. Chọn một trong: “Quý I”, “Quý II”, “Quý III”, “Quý IV”, “6 tháng”, “9 tháng”, “Năm”.',
    }]);
  });

  test('info.year', () => {
    expect(infoIssues({ year: '20255' })).toEqual([{
      sheet: INFO, address: 'B10', severity: 'error', rule: 'info.year',
      message: 'Ô B10 (Năm kế hoạch): “20255” không phải là năm. Nhập năm gồm 4 chữ số, ví dụ 2025.',
    }]);
  });

  test('info.enum', () => {
    expect(infoIssues({ parentLevel: 'Trung ương' })).toEqual([{
      sheet: INFO, address: 'B7', severity: 'error', rule: 'info.enum',
      message: 'Ô B7 (Cấp tổng hợp): không hiểu “Trung ương”. Chọn một trong: “Huyện”, “Tỉnh”.',
    }]);
  });

  test('type.date in Thông tin', () => {
    expect(only(infoIssues({ cutoffDate: '14/13/2025' }), 'type.date')).toEqual({
      sheet: INFO, address: 'B12', severity: 'error', rule: 'type.date',
      message: 'Ô B12 (Ngày chốt số liệu): Tháng 13 trong “14/13/2025” không có thật (tháng từ 1 đến 12). Nhập ngày/tháng/năm, ví dụ 15/03/2025.',
    });
  });
});

describe('cells', () => {
  test('cell.error asks to fix the formula', () => {
    expect(indicatorIssues({ ...RATIO_ROW, result: '#DIV/0!' })).toEqual([{
      sheet: PL1, address: 'I9', severity: 'error', rule: 'cell.error',
      message: 'Ô I9 (Kết quả): ô đang báo lỗi #DIV/0! (công thức chia cho 0, thường do mẫu số bằng 0 hoặc để trống). ' +
        'Sửa lại công thức, hoặc xóa công thức và nhập trực tiếp giá trị.',
    }]);
  });

  test('cell.error in a count is not also called "not a number"', () => {
    const issues = indicatorIssues({ ...RATIO_ROW, numerator: '#REF!', evaluation: '' });
    expect(issues.map((i) => [i.address, i.rule])).toEqual([['G9', 'cell.error']]);
    expect(issues[0].message).toContain('#REF! (công thức trỏ tới ô hoặc trang đã bị xóa)');
  });

  test('cell.formula_text: a formula that never ran', () => {
    expect(indicatorIssues({ ...RATIO_ROW, result: '=G9/H9' })).toEqual([{
      sheet: PL1, address: 'I9', severity: 'warning', rule: 'cell.formula_text',
      message: 'Ô I9 (Kết quả): “=G9/H9” là chữ, không phải công thức đang tính. ' +
        'Nếu cần công thức, đặt định dạng ô là General rồi nhập lại; nếu là chữ, bỏ dấu ở đầu.',
    }]);
  });

  test('list items starting with "- " or "+ " are not formulas', () => {
    expect(indicatorIssues({ ...RATIO_ROW, name: '- Tỷ lệ hồ sơ giải quyết đúng hạn', note: '+ Q1 đạt' })).toEqual([]);
  });
});
