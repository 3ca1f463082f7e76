/**
 * The two-level local government from 01/07/2025: xã, phường, đặc khu report to the province; thị
 * trấn and huyện are refused for those periods with an explanation, and kept for earlier ones.
 */
import { INFO_SHEET } from '../../shared/spec/annex';
import { readReport, validateWorkbook } from '../../shared/validate';
import { DONE_TASK, GOOD_INFO, infoSheet, RATIO_ROW, workbook } from './workbook';

const INFO = INFO_SHEET.name;
const Q3_2025 = { year: 2025, period: 'Quý III', cutoffDate: '14/09/2025', reportDate: '18/09/2025', planDate: '10/01/2025' };
const book = (values: Record<string, unknown>) =>
  workbook({ info: infoSheet({ ...GOOD_INFO, ...values } as never), indicators: [RATIO_ROW], tasks: [{ ...DONE_TASK, completedOn: '10/01/2025' }] });
const infoIssues = (values: Record<string, unknown>) => validateWorkbook(book(values)).filter((i) => i.sheet === INFO);

describe('from Quý III/2025', () => {
  test('an đặc khu reporting to the province reads without issue', () => {
    expect(infoIssues({ ...Q3_2025, unitName: 'UBND đặc khu Côn Đảo', unitKind: 'Đặc khu', parentLevel: 'Tỉnh' })).toEqual([]);
    expect(readReport(book({ ...Q3_2025, unitKind: 'Đặc khu' })).report?.info.unitKind).toBe('dac_khu');
  });

  test('thị trấn is refused at its cell, saying what to choose', () => {
    expect(infoIssues({ ...Q3_2025, unitName: 'UBND thị trấn Bút Sơn', unitKind: 'Thị trấn' })).toEqual([{
      sheet: INFO, address: 'B5', severity: 'error', rule: 'info.unit_kind_abolished',
      message: 'Ô B5 (Loại đơn vị): Từ ngày 01/07/2025 chính quyền địa phương có hai cấp và không còn thị trấn: ' +
        'các thị trấn đã sắp xếp thành xã hoặc phường. Chọn “Xã”, “Phường” hoặc “Đặc khu” theo tên đơn vị hiện nay.',
    }]);
  });

  test('a "Huyện" consolidating level is refused: communes report to the province', () => {
    const [issue] = infoIssues({ ...Q3_2025, parentLevel: 'Huyện', parentName: 'Phòng Nội vụ huyện Anh Sơn' });
    expect(issue).toMatchObject({ address: 'B7', severity: 'error', rule: 'info.level_abolished' });
    expect(issue.message).toContain('Từ ngày 01/07/2025 không còn cấp huyện');
    expect(issue.message).toContain('Chọn cấp tổng hợp “Tỉnh”');
  });

  test('a blank unit kind offers the kinds of the period', () => {
    expect(infoIssues({ ...Q3_2025, unitKind: '' })[0].message).toBe(
      'Ô B5 (Loại đơn vị): ô bắt buộc đang để trống. Chọn một trong: “Xã”, “Phường”, “Đặc khu”.',
    );
  });

  test('the year report of 2025 is two-level (its cut-off is 14/12/2025)', () => {
    expect(infoIssues({ year: 2025, period: 'Năm', cutoffDate: '14/12/2025', reportDate: '18/12/2025', unitKind: 'Thị trấn' }).map((i) => i.rule)).toEqual([
      'info.unit_kind_abolished',
    ]);
  });
});

describe('before 01/07/2025 the three-level names still read', () => {
  test('a Quý I/2025 thị trấn reporting to its district has no issue', () => {
    expect(infoIssues({ unitName: 'UBND thị trấn Bút Sơn', unitKind: 'Thị trấn', parentLevel: 'Huyện', period: 'Quý I', cutoffDate: '14/03/2025', reportDate: '18/03/2025' })).toEqual([]);
  });
  test('without a cut-off typed, the period decides: Quý II/2025 is three-level', () => {
    expect(infoIssues({ unitKind: 'Thị trấn', parentLevel: 'Huyện', cutoffDate: '' }).map((i) => i.rule)).toEqual(['required']);
  });
});
