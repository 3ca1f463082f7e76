/**
 * Hand-made reports of seven communes in two districts, Quý II/2025 (due 20/06/2025).
 * Every expected number in the tests is worked out by hand from the table below.
 *
 *            | TTHC.01 (80%)  | TTHC.02 (100%)     | CQS.01 (≥ 50 văn bản) | TC.01 (Hoàn thành) | NV.01 | NV.02 | NV.03 | date
 * 10001 An Hòa    | 45/50 = 90%   | 20/20 = 100%        | 60                    | Hoàn thành         | done  | in_pr | in_pr | 18/06
 * 10002 Bình Minh | 30/60 = 50%   | 19/20 = 95%         | 40                    | Hoàn thành         | done  | not_s | in_pr | 20/06
 * 10003 Cát Tiên  | 8/10 = 80%    | 49/50 = 98% (own 98%)| 55                   | (empty)            | in_pr*| done  | in_pr | 25/06 late 5
 * 20001 Đông Sơn  | 140/200 = 70% | 0/0 (không phát sinh)| 70 but row has error | Đang thực hiện     | not_s*| in_pr | done  | 19/06
 * 20002 Gia Lộc   | 20/— (no den) | 10/10 = 100%        | 80                    | Hoàn thành         | done  | (none)| in_pr | — received 22/06, late 2
 * (* overdue)
 * 10004 Cát Hải sends two different reports; 10005 Mỹ Lộc sends Quý I; 20003 Hải Thượng sends nothing;
 * 20002 Gia Lộc is not on the expected list; 10001 sends its report again with a later date (same data);
 * 20001's file arrives twice (same bytes); hong.xlsx cannot be read.
 */
import type { IsoDate } from '../../shared/cell';
import type { ConsolidationInput } from '../../shared/consolidate/types';
import type { IndicatorRow, PeriodCode, Target, TaskRow, TaskStatus, UnitReport, ValidationIssue } from '../../shared/model';

export const pct = (value: number): Target => ({ kind: 'numeric', comparator: 'gte', value, unit: 'percent', subject: '' });
export const AT_LEAST_50: Target = { kind: 'numeric', comparator: 'gte', value: 50, unit: 'count', subject: 'văn bản' };
export const DONE: Target = { kind: 'qualitative', expected: 'Hoàn thành' };

export interface UnitSpec {
  code: string;
  name: string;
  period?: PeriodCode;
  reportDate: IsoDate | null;
  t1: [number | null, number | null];
  t2: [number | null, number | null];
  t2Target?: { text: string; target: Target };
  c1: number | null;
  q1: string | null;
  tasks: [TaskStatus | null, boolean, TaskStatus | null, TaskStatus | null];
}

function indicator(code: string, row: number, kind: IndicatorRow['kind'], stt: string, name: string, targetText: string, target: Target,
  numerator: number | null, denominator: number | null, result: number | string | null): IndicatorRow {
  return {
    code, area: code.startsWith('TTHC') ? 'TTHC' : code.startsWith('CQS') ? 'CQS' : 'TC', stt, name, kind, targetText,
    target: { text: targetText, targets: [target] }, numerator, denominator, result, evaluation: null, note: '', row,
  };
}

function task(code: string, row: number, tt: string, name: string, deadlineText: string, status: TaskStatus | null, overdue: boolean): TaskRow {
  return {
    code, area: 'CDDH', tt, name, product: 'Kế hoạch', lead: 'Văn phòng - Thống kê', partners: '', deadlineText, deadline: null,
    status, completedOn: null, documentRef: '', documentDate: null, note: '', overdue, row,
  };
}

const ratio = (n: number | null, d: number | null) => (n !== null && d !== null && d > 0 ? n / d : null);

export function report(u: UnitSpec): UnitReport {
  const t2 = u.t2Target ?? { text: '100%', target: pct(1) };
  return {
    info: {
      unitName: u.name, unitCode: u.code, unitKind: 'xa', parentName: '', parentLevel: 'huyen', planNumber: '05/KH-UBND',
      planDate: '2025-01-10', year: 2025, period: u.period ?? 'Q2', cutoffDate: '2025-06-14', reportDate: u.reportDate,
      reporter: '', templateId: 'CCHC-PL', templateVersion: '2025.1',
    },
    indicators: [
      indicator('TTHC.01', 8, 'ratio', '1', 'Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến', '80%', pct(0.8), u.t1[0], u.t1[1], ratio(u.t1[0], u.t1[1])),
      indicator('TTHC.02', 9, 'ratio', '2', 'Tỷ lệ hồ sơ giải quyết đúng hạn', t2.text, t2.target, u.t2[0], u.t2[1], ratio(u.t2[0], u.t2[1])),
      indicator('CQS.01', 10, 'count', '3', 'Số văn bản điện tử được ký số', 'tối thiểu 50 văn bản', AT_LEAST_50, null, null, u.c1),
      indicator('TC.01', 11, 'qualitative', '4', 'Ban hành kế hoạch kiểm tra văn bản', 'Hoàn thành', DONE, null, null, u.q1),
    ],
    tasks: [
      task('NV.01', 8, '1', 'Ban hành Kế hoạch CCHC năm 2025', 'Quý I', u.tasks[0], u.tasks[1]),
      task('NV.02', 9, '2', 'Rà soát, đánh giá thủ tục hành chính', 'Quý III', u.tasks[2], false),
      task('NV.03', 10, '3', 'Tuyên truyền cải cách hành chính', 'Thường xuyên', u.tasks[3], false),
    ],
  };
}

export const AN_HOA: UnitSpec = {
  code: '10001', name: 'Xã An Hòa', reportDate: '2025-06-18', t1: [45, 50], t2: [20, 20], c1: 60, q1: 'Hoàn thành',
  tasks: ['done', false, 'in_progress', 'in_progress'],
};
export const BINH_MINH: UnitSpec = {
  code: '10002', name: 'Xã Bình Minh', reportDate: '2025-06-20', t1: [30, 60], t2: [19, 20], c1: 40, q1: 'Hoàn thành',
  tasks: ['done', false, 'not_started', 'in_progress'],
};
export const CAT_TIEN: UnitSpec = {
  code: '10003', name: 'Thị trấn Cát Tiên', reportDate: '2025-06-25', t1: [8, 10], t2: [49, 50],
  t2Target: { text: '98% trở lên', target: pct(0.98) }, c1: 55, q1: null,
  tasks: ['in_progress', true, 'done', 'in_progress'],
};
export const CAT_HAI_1: UnitSpec = {
  code: '10004', name: 'Xã Cát Hải', reportDate: '2025-06-15', t1: [10, 10], t2: [5, 5], c1: 51, q1: 'Hoàn thành',
  tasks: ['done', false, 'done', 'done'],
};
export const CAT_HAI_2: UnitSpec = { ...CAT_HAI_1, reportDate: '2025-06-16', t1: [9, 10] };
export const MY_LOC_Q1: UnitSpec = {
  code: '10005', name: 'Xã Mỹ Lộc', period: 'Q1', reportDate: '2025-03-18', t1: [1, 2], t2: [1, 1], c1: 3, q1: null,
  tasks: ['done', false, null, null],
};
export const DONG_SON: UnitSpec = {
  code: '20001', name: 'Xã Đông Sơn', reportDate: '2025-06-19', t1: [140, 200], t2: [0, 0], c1: 70, q1: 'Đang thực hiện',
  tasks: ['not_started', true, 'in_progress', 'done'],
};
export const GIA_LOC: UnitSpec = {
  code: '20002', name: 'Xã Gia Lộc', reportDate: null, t1: [20, null], t2: [10, 10], c1: 80, q1: 'Hoàn thành',
  tasks: ['done', false, null, 'in_progress'],
};

export const DISTRICT_1_EXPECTED = [
  { code: '10001', name: 'Xã An Hòa' },
  { code: '10002', name: 'Xã Bình Minh' },
  { code: '10003', name: 'Thị trấn Cát Tiên' },
  { code: '10004', name: 'Xã Cát Hải' },
  { code: '10005', name: 'Xã Mỹ Lộc' },
];
export const DISTRICT_2_EXPECTED = [
  { code: '20001', name: 'Xã Đông Sơn' },
  { code: '20003', name: 'Xã Hải Thượng' },
];
export const ALL_EXPECTED = [...DISTRICT_1_EXPECTED, ...DISTRICT_2_EXPECTED];

const sha = (c: string) => c.repeat(64).slice(0, 64);
const input = (fileName: string, shaChar: string, u: UnitSpec, issues: ValidationIssue[] = [], receivedAt: IsoDate | null = null): ConsolidationInput => ({
  source: { fileName, sha256: sha(shaChar), receivedAt },
  report: report(u),
  issues,
});

export const WARNING_BINH_MINH: ValidationIssue = {
  sheet: 'Phụ lục 2 - Nhiệm vụ', address: 'J9', severity: 'warning', rule: 'task.done_without_date',
  message: 'Nhiệm vụ đã hoàn thành nhưng chưa ghi Ngày hoàn thành. Hãy nhập ngày, ví dụ 15/03/2025.',
};
export const ERROR_DONG_SON: ValidationIssue = {
  sheet: 'Phụ lục 1 - Chỉ tiêu', address: 'I11', severity: 'error', rule: 'result.not_number',
  message: 'Kết quả “70 văn bản” không phải là số. Hãy chỉ nhập số, ví dụ 70.',
};

export function district1Inputs(): ConsolidationInput[] {
  return [
    input('an-hoa.xlsx', 'a', AN_HOA),
    input('an-hoa-gui-lai.xlsx', 'b', { ...AN_HOA, reportDate: '2025-06-21' }),
    input('binh-minh.xlsx', 'c', BINH_MINH, [WARNING_BINH_MINH]),
    input('cat-tien.xlsx', 'd', CAT_TIEN),
    input('cat-hai-lan-1.xlsx', 'e', CAT_HAI_1),
    input('cat-hai-lan-2.xlsx', 'f', CAT_HAI_2),
    input('my-loc-quy-1.xlsx', '1', MY_LOC_Q1),
    {
      source: { fileName: 'hong.xlsx', sha256: sha('2'), receivedAt: '2025-06-19' },
      report: null,
      issues: [],
      refused: { code: 'file.not_xlsx', message: 'Tệp “hong.xlsx” không phải tệp Excel .xlsx. Hãy mở bằng Excel và lưu lại dạng .xlsx.' },
    },
  ];
}

export function district2Inputs(): ConsolidationInput[] {
  return [
    input('dong-son.xlsx', '3', DONG_SON, [ERROR_DONG_SON]),
    input('dong-son.xlsx', '3', DONG_SON, [ERROR_DONG_SON]),
    input('gia-loc.xlsx', '4', GIA_LOC, [], '2025-06-22'),
  ];
}

export const Q2_2025 = { year: 2025, period: 'Q2' as const, now: '2025-06-26' };
