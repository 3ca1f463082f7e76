/**
 * The summary workbook's sheets and tables, declared once: buildSummarySheets writes from these
 * declarations and readSummarySheets finds columns by the same header texts, so a column renamed
 * here is renamed in both.
 */
import type { IndicatorKind, TaskStatus } from '../model';
import { STATUS_VALUES } from '../spec/annex';
import type { InputOutcome, LeafUnitStatus, ValueState } from './types';

export interface SummaryColumn {
  key: string;
  header: string;
  width: number;
}

const col = (key: string, header: string, width: number): SummaryColumn => ({ key, header, width });

export const NO_VALID_DATA = 'chưa có số liệu hợp lệ';
/** A valid rate whose denominator is 0 (numerator 0 too): nothing happened in the period. */
export const NOT_APPLICABLE = 'không phát sinh';

export const SUMMARY_SHEETS = {
  indicators: 'Tổng hợp chỉ tiêu',
  matrix: 'Chi tiết theo đơn vị',
  tasks: 'Tổng hợp nhiệm vụ',
  submissions: 'Tình hình nộp báo cáo',
  sources: 'Nguồn dữ liệu',
  issues: 'Lỗi dữ liệu',
} as const;

export const SUMMARY_TITLES = {
  indicators: 'TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH',
  matrix: 'KẾT QUẢ THỰC HIỆN CHỈ TIÊU THEO TỪNG ĐƠN VỊ',
  matrixLeaves: 'SỐ LIỆU CHI TIẾT THEO ĐƠN VỊ VÀ CHỈ TIÊU (dùng để tổng hợp lại ở cấp trên)',
  tasks: 'TỔNG HỢP TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ TRỌNG TÂM',
  taskLeaves: 'TÌNH TRẠNG NHIỆM VỤ THEO TỪNG ĐƠN VỊ (dùng để tổng hợp lại ở cấp trên)',
  submissions: 'TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC ĐƠN VỊ',
  sources: 'NGUỒN DỮ LIỆU TỔNG HỢP',
  meta: 'THÔNG TIN BẢNG TỔNG HỢP',
  issues: 'LỖI VÀ CẢNH BÁO TRONG DỮ LIỆU CÁC ĐƠN VỊ GỬI',
} as const;

/** Every sheet: title (row 1), unit and period (row 2), a line of facts (row 3), table header (row 4). */
export const HEADER_ROW = 3;

export const INDICATOR_COLUMNS = [
  col('code', 'Mã', 12),
  col('stt', 'STT', 6),
  col('name', 'Chỉ tiêu', 44),
  col('target', 'Chỉ tiêu phấn đấu', 18),
  col('sumNumerator', 'Tổng tử số', 11),
  col('sumDenominator', 'Tổng mẫu số', 11),
  col('value', 'Kết quả chung', 12),
  col('met', 'Đánh giá chung', 11),
  col('reported', 'Số đơn vị có số liệu hợp lệ', 11),
  col('metCount', 'Số đơn vị đạt', 9),
  col('missedCount', 'Số đơn vị chưa đạt', 9),
  col('noData', 'Số đơn vị chưa có số liệu hợp lệ', 11),
  col('missedUnits', 'Đơn vị chưa đạt (kết quả; chênh lệch so với chỉ tiêu)', 44),
  col('noDataUnits', 'Đơn vị chưa có số liệu hợp lệ', 30),
] as const;

/** Fixed columns of the unit × indicator matrix; one column per indicator follows. */
export const MATRIX_COLUMNS = [
  col('unitCode', 'Mã đơn vị', 10),
  col('unitName', 'Tên đơn vị', 28),
  col('via', 'Qua đơn vị', 22),
  col('status', 'Tình trạng', 18),
] as const;
export const MATRIX_INDICATOR_WIDTH = 14;

export const LEAF_INDICATOR_COLUMNS = [
  col('unitCode', 'Mã đơn vị', 10),
  col('unitName', 'Tên đơn vị', 28),
  col('name', 'Chỉ tiêu', 22),
  col('code', 'Mã chỉ tiêu', 14),
  col('stt', 'STT', 14),
  col('area', 'Lĩnh vực', 14),
  col('kind', 'Loại chỉ tiêu', 14),
  col('targetText', 'Chỉ tiêu phấn đấu của đơn vị', 18),
  col('numerator', 'Tử số', 14),
  col('denominator', 'Mẫu số', 14),
  col('result', 'Kết quả', 14),
  col('met', 'Đánh giá', 14),
  col('gap', 'Chênh lệch', 14),
  col('state', 'Tình trạng số liệu', 16),
] as const;
/** Hidden: the unit's target as read, so a summary read back evaluates exactly as before. */
export const LEAF_TARGET_COLUMN = col('target', 'Chỉ tiêu phấn đấu (dạng máy đọc)', 30);

export const TASK_COLUMNS = [
  col('code', 'Mã', 12),
  col('tt', 'TT', 6),
  col('name', 'Nhiệm vụ', 44),
  col('deadlineText', 'Thời gian hoàn thành', 18),
  col('unitsWithRow', 'Số đơn vị có nhiệm vụ', 11),
  col('done', 'Hoàn thành', 11),
  col('inProgress', 'Đang thực hiện', 11),
  col('notStarted', 'Chưa thực hiện', 11),
  col('overdue', 'Quá hạn', 9),
  col('noData', 'Chưa có số liệu hợp lệ', 11),
  col('doneRate', 'Tỷ lệ hoàn thành', 11),
  col('overdueUnits', 'Đơn vị có nhiệm vụ quá hạn', 36),
] as const;

export const LEAF_TASK_COLUMNS = [
  col('unitCode', 'Mã đơn vị', 10),
  col('unitName', 'Tên đơn vị', 28),
  col('name', 'Nhiệm vụ', 44),
  col('code', 'Mã nhiệm vụ', 18),
  col('tt', 'TT', 11),
  col('area', 'Lĩnh vực', 11),
  col('deadlineText', 'Thời gian hoàn thành', 18),
  col('status', 'Tình trạng', 16),
  col('overdue', 'Quá hạn', 11),
  col('state', 'Tình trạng số liệu', 16),
] as const;

export const SUBMISSION_COLUMNS = [
  col('stt', 'STT', 5),
  col('code', 'Mã đơn vị', 10),
  col('name', 'Tên đơn vị', 28),
  col('via', 'Qua đơn vị', 22),
  col('status', 'Tình trạng', 24),
  col('reportDate', 'Ngày báo cáo', 13),
  col('dueDate', 'Hạn nộp', 13),
  col('timeliness', 'Đúng hạn / trễ hạn', 13),
  col('daysLate', 'Số ngày trễ', 9),
  col('expected', 'Thuộc danh sách phải báo cáo', 12),
  col('files', 'Tệp', 36),
  col('expectedName', 'Tên theo danh sách phải báo cáo', 28),
] as const;

export const SOURCE_COLUMNS = [
  col('stt', 'STT', 5),
  col('fileName', 'Tệp', 32),
  col('sha256', 'SHA-256', 66),
  col('kind', 'Loại', 14),
  col('unitCode', 'Mã đơn vị', 10),
  col('unitName', 'Tên đơn vị', 26),
  col('year', 'Năm', 7),
  col('period', 'Kỳ', 9),
  col('templateVersion', 'Phiên bản biểu mẫu', 12),
  col('reportDate', 'Ngày báo cáo', 13),
  col('receivedAt', 'Ngày nhận', 13),
  col('via', 'Qua đơn vị', 22),
  col('outcome', 'Kết quả', 22),
  col('reasons', 'Lý do', 60),
  col('reasonCodes', 'Mã lý do', 24),
] as const;

export const ISSUE_COLUMNS = [
  col('stt', 'STT', 5),
  col('fileName', 'Tệp', 32),
  col('unitCode', 'Mã đơn vị', 10),
  col('sheet', 'Trang tính', 22),
  col('address', 'Ô', 7),
  col('severity', 'Mức độ', 10),
  col('message', 'Nội dung', 70),
  col('rule', 'Mã lỗi', 26),
] as const;

/** Key/value block under the sources table: label in column B, value in column C. */
export const META_LABELS = {
  kind: 'Loại bảng',
  schemaVersion: 'Phiên bản cấu trúc',
  unitName: 'Đơn vị tổng hợp',
  level: 'Cấp tổng hợp',
  year: 'Năm',
  period: 'Kỳ báo cáo',
  cutoff: 'Ngày chốt số liệu',
  dueDate: 'Hạn nộp báo cáo',
  generatedAt: 'Ngày lập',
  hasExpected: 'Danh sách đơn vị phải báo cáo',
} as const;
export const HAS_EXPECTED = { yes: 'Có', no: 'Không có' } as const;
export const LEVEL_LABELS = { huyen: 'Huyện', tinh: 'Tỉnh' } as const;

export const KIND_LABELS: Record<IndicatorKind, string> = {
  ratio: 'Tỷ lệ',
  count: 'Số lượng',
  duration: 'Thời gian',
  qualitative: 'Định tính',
};
export const STATE_LABELS: Record<ValueState, string> = {
  valid: 'Hợp lệ',
  invalid: 'Không hợp lệ',
  empty: 'Chưa nhập',
};
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  done: STATUS_VALUES[0],
  in_progress: STATUS_VALUES[1],
  not_started: STATUS_VALUES[2],
};
export const MET_LABELS = { met: 'Đạt', missed: 'Chưa đạt' } as const;
export const OVERDUE_LABEL = 'Quá hạn';
export const UNIT_STATUS_LABELS: Record<LeafUnitStatus | 'missing', string> = {
  taken: 'Đã tổng hợp',
  held_out: 'Tạm giữ: gửi nhiều báo cáo khác nhau',
  refused: 'Không tổng hợp được',
  missing: 'Chưa nộp',
};
export const TIMELINESS_LABELS = { onTime: 'Đúng hạn', late: 'Trễ hạn', undated: 'Không rõ ngày' } as const;
export const EXPECTED_LABELS = { yes: 'Có', no: 'Không' } as const;
export const SOURCE_KIND_LABELS = { report: 'Báo cáo đơn vị', summary: 'Bảng tổng hợp' } as const;
export const OUTCOME_LABELS: Record<InputOutcome, string> = {
  taken: 'Đã tổng hợp',
  taken_with_warnings: 'Đã tổng hợp, có cảnh báo',
  taken_with_errors: 'Đã tổng hợp, trừ các dòng có lỗi',
  duplicate: 'Trùng lặp, chỉ tính một lần',
  held_out: 'Tạm giữ: đơn vị gửi báo cáo khác nhau',
  refused: 'Không tổng hợp',
};
export const SEVERITY_LABELS = { error: 'Lỗi', warning: 'Cảnh báo' } as const;

/** Joins several values in one cell (files, reasons): one per line. */
export const LIST_SEPARATOR = '\n';

// ---------------------------------------------------------------- the printed sheets (structure version 2)
// The columns above (INDICATOR_COLUMNS … ISSUE_COLUMNS, META_LABELS) describe structure version 1,
// kept so that summaries made with it can still be read back (read-summary-v1.ts). What is written
// now is below; re-consolidation reads the hidden data sheet (summary-data.ts), not these tables.

export const CODE_HEADER = 'Mã';

export const PRINT_INDICATOR_COLUMNS = [
  col('stt', 'STT', 6),
  col('name', 'Chỉ tiêu', 46),
  col('target', 'Chỉ tiêu phấn đấu', 16),
  col('sumNumerator', 'Tổng tử số', 10),
  col('sumDenominator', 'Tổng mẫu số', 10),
  col('value', 'Kết quả chung', 10),
  col('met', 'Đánh giá chung', 10),
  col('reported', 'Số đơn vị có số liệu hợp lệ', 10),
  col('metCount', 'Số đơn vị đạt', 8),
  col('missedCount', 'Số đơn vị chưa đạt', 8),
  col('noData', 'Số đơn vị chưa có số liệu hợp lệ', 10),
  col('missedUnits', 'Đơn vị chưa đạt, xa chỉ tiêu nhất trước (kết quả; còn thiếu)', 44),
  col('code', CODE_HEADER, 12),
] as const;

export const PRINT_TASK_COLUMNS = [
  col('tt', 'TT', 6),
  col('name', 'Nhiệm vụ', 50),
  col('deadlineText', 'Thời gian hoàn thành', 16),
  col('unitsWithRow', 'Số đơn vị có nhiệm vụ', 10),
  col('done', 'Hoàn thành', 10),
  col('inProgress', 'Đang thực hiện', 10),
  col('notStarted', 'Chưa thực hiện', 10),
  col('overdueNotUpdated', 'Quá hạn, chưa cập nhật tình trạng', 11),
  col('overdue', 'Quá hạn (cả chưa cập nhật)', 9),
  col('noData', 'Chưa có số liệu hợp lệ', 10),
  col('doneRate', 'Tỷ lệ hoàn thành', 10),
  col('overdueUnits', 'Đơn vị có nhiệm vụ quá hạn', 38),
  col('code', CODE_HEADER, 12),
] as const;

export const PRINT_SUBMISSION_COLUMNS = [
  col('stt', 'STT', 6),
  col('name', 'Tên đơn vị', 34),
  col('status', 'Tình trạng', 24),
  col('reportDate', 'Ngày báo cáo', 13),
  col('dueDate', 'Hạn nộp', 13),
  col('timeliness', 'Đúng hạn / trễ hạn', 13),
  col('daysLate', 'Số ngày trễ', 9),
  col('note', 'Ghi chú', 40),
  col('code', 'Mã đơn vị', 10),
] as const;

export const PRINT_SOURCE_COLUMNS = [
  col('stt', 'STT', 6),
  col('fileName', 'Tệp', 34),
  col('unit', 'Đơn vị', 30),
  col('period', 'Kỳ, năm', 14),
  col('reportDate', 'Ngày báo cáo', 13),
  col('receivedAt', 'Ngày nhận', 13),
  col('outcome', 'Kết quả', 24),
  col('reasons', 'Lý do', 60),
] as const;

export const PRINT_ISSUE_COLUMNS = [
  col('stt', 'STT', 6),
  col('unit', 'Đơn vị', 28),
  col('fileName', 'Tệp', 28),
  col('sheet', 'Trang tính', 20),
  col('address', 'Ô', 7),
  col('severity', 'Mức độ', 10),
  col('message', 'Nội dung và cách sửa', 70),
] as const;

/** Units side by side on one printed block of "Chi tiết theo đơn vị". */
export const DETAIL_UNITS_PER_BLOCK = 8;
export const DETAIL_FIXED_COLUMNS = [col('stt', 'STT', 6), col('name', 'Chỉ tiêu', 40), col('target', 'Chỉ tiêu phấn đấu', 14)] as const;
export const DETAIL_UNIT_WIDTH = 13;

export const WITHOUT_DATA_LABELS = { missing: 'chưa nộp', held_out: 'gửi nhiều báo cáo khác nhau', refused: 'báo cáo không tổng hợp được' } as const;
export const ATTENTION_TITLE = 'NHỮNG ĐIỂM CẦN CHÚ Ý';
