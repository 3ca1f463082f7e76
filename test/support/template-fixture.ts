/**
 * A small catalog and a half-filled Quý II report for template and writer tests. Rows echo seed 000
 * (UBND thị trấn Bình Dương) and 001 (UBND xã Anh Sơn); codes are made up for the tests.
 */
import type { CatalogIndicator, CatalogTask, UnitInfo } from '../../shared/model';
import type { TemplateInput } from '../../shared/layout/template';

export const INFO: UnitInfo = {
  unitName: 'UBND xã Anh Sơn',
  unitCode: '16279',
  unitKind: 'xa',
  parentName: 'Sở Nội vụ tỉnh Thanh Hóa',
  parentLevel: 'tinh',
  planNumber: '05/KH-UBND',
  planDate: '2025-01-10',
  year: 2025,
  period: 'Q2',
  cutoffDate: '2025-06-14',
  reportDate: '2025-06-18',
  reporter: 'Lê Thị Hoa',
  templateId: '',
  templateVersion: '',
};

const ind = (code: string, area: CatalogIndicator['area'], stt: string, name: string, kind: CatalogIndicator['kind'], target: string): CatalogIndicator => ({
  code, area, stt, name, kind, target, monitor: 'Văn phòng UBND xã', executor: 'Các công chức chuyên môn', sources: ['000'],
});

export const INDICATORS: CatalogIndicator[] = [
  ind('CT.CDDH.01', 'CDDH', '1', 'Tự kiểm tra cải cách hành chính tại các bộ phận chuyên môn', 'ratio', '100%'),
  ind('CT.TTHC.01', 'TTHC', '3.1', 'Thủ tục hành chính nội bộ được công bố, đơn giản hóa', 'qualitative', 'Công bố 100% TTHC; đơn giản hóa 10% TTHC nội bộ'),
  ind('CT.TTHC.02', 'TTHC', '3.2', 'Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận', 'ratio', 'tối thiểu 90%'),
  ind('CT.TTHC.03', 'TTHC', '3.3', 'Thời gian chờ đợi tại Bộ phận một cửa', 'duration', 'tối đa 15 phút/01 lượt giao dịch'),
  ind('CT.CQS.01', 'CQS', '7.1', 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC', 'ratio', 'từ 95% - 100%'),
];

const task = (code: string, area: CatalogTask['area'], name: string, deadline: string, product = 'Kế hoạch của UBND xã'): CatalogTask => ({
  code, area, name, product, lead: 'Văn phòng UBND xã', partners: 'Các ngành liên quan', deadline, note: '', sources: ['000'],
});

export const TASKS: CatalogTask[] = [
  task('NV.CDDH.01', 'CDDH', 'Kế hoạch cải cách hành chính năm 2025', 'Ban hành Kế hoạch: Quý I; Thực hiện: Cả năm'),
  task('NV.CDDH.02', 'CDDH', 'Kế hoạch tự kiểm tra công tác cải cách hành chính năm 2025', 'Quý I'),
  task('NV.CDDH.03', 'CDDH', 'Báo cáo kết quả cải cách hành chính định kỳ', 'Định kỳ hàng quý', 'Báo cáo của UBND xã'),
  task('NV.TTHC.01', 'TTHC', '- Rà soát, đơn giản hóa TTHC nội bộ', 'Trước 10/12/2025', 'Báo cáo của UBND xã'),
  task('NV.CQS.01', 'CQS', 'Duy trì hệ thống quản lý văn bản và điều hành', 'Thường xuyên', 'Hệ thống vận hành'),
];

export const AREAS: TemplateInput['areas'] = [
  { code: 'CDDH', name: 'Công tác chỉ đạo, điều hành' },
  { code: 'TC', name: 'Cải cách thể chế' },
  { code: 'TTHC', name: 'Cải cách thủ tục hành chính' },
  { code: 'CQS', name: 'Xây dựng chính quyền điện tử, chính quyền số' },
];

/** A Quý II report: some ratios computable, one with a zero denominator, texts that look like formulas. */
export function filledInput(): TemplateInput {
  return {
    info: INFO,
    indicators: INDICATORS,
    tasks: TASKS,
    areas: AREAS,
    catalogId: 'CCHC-XA',
    catalogVersion: '2025.1',
    report: {
      indicators: {
        'CT.CDDH.01': { numerator: 5, denominator: 5, evaluation: 'Đạt' },
        'CT.TTHC.01': { result: 'Hoàn thành', evaluation: 'Đạt' },
        'CT.TTHC.02': { numerator: 171, denominator: 200, evaluation: 'Chưa đạt', note: '=1+1' },
        'CT.TTHC.03': { result: 12 },
        'CT.CQS.01': { numerator: 0, denominator: 0, note: '+ chưa phát sinh hồ sơ' },
      },
      tasks: {
        'NV.CDDH.01': { status: 'Đang thực hiện', documentRef: '05/KH-UBND', documentDate: '2025-01-10' },
        'NV.CDDH.02': { status: 'Hoàn thành', completedOn: '2025-03-20', documentRef: '12/KH-UBND', documentDate: '2025-03-20' },
        'NV.TTHC.01': { status: 'Chưa thực hiện', note: '@ chờ hướng dẫn của tỉnh' },
      },
    },
  };
}

/** The same workbook before any reporting: plan columns only. */
export function blankInput(): TemplateInput {
  const { report: _report, ...rest } = filledInput();
  return rest;
}
