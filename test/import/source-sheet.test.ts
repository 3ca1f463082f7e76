import { isTemplateSheet, templateSheetMessage } from '../../shared/import/source-sheet';

describe('sheets a plan is never imported from', () => {
  it.each(['Thông tin', 'Phụ lục 1 - Chỉ tiêu', 'phu luc 2 - nhiem vu', '_cchc_meta', '_cchc_danh_muc'])('%s is a template sheet', (name) =>
    expect(isTemplateSheet(name)).toBe(true));
  it('a unit\'s own sheet is not, unless this workbook uses it as an annex', () => {
    expect(isTemplateSheet('Ke hoach')).toBe(false);
    expect(isTemplateSheet('PL1', ['PL1'])).toBe(true);
  });
  it('the refusal says what to open and how to run again', () =>
    expect(templateSheetMessage('Thông tin', 'bấm Nhập từ bảng có sẵn')).toBe(
      'Trang “Thông tin” là trang của biểu mẫu nên không nhập từ đó được. Hãy mở trang chứa bảng kế hoạch của đơn vị (hoặc chọn vùng bảng đó) rồi bấm Nhập từ bảng có sẵn.',
    ));
});
