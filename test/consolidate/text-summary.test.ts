import { consolidate } from '../../shared/consolidate/consolidate';
import { summaryToText } from '../../shared/consolidate/text-summary';
import { ALL_EXPECTED, Q2_2025, district1Inputs, district2Inputs } from './fixtures';

test('the terminal summary: received, late, missing, what needs attention, overdue tasks, refused files', () => {
  const summary = consolidate([...district1Inputs(), ...district2Inputs()], {
    ...Q2_2025,
    consolidatingUnit: { name: 'Sở Nội vụ tỉnh Bình Định', level: 'tinh' },
    expectedUnits: ALL_EXPECTED,
  });
  expect(summaryToText(summary).split('\n')).toEqual([
    'Tổng hợp báo cáo CCHC Quý II năm 2025 — Sở Nội vụ tỉnh Bình Định',
    'Đã nhận: 4/7 đơn vị.',
    'Hạn nộp 20/06/2025: đúng hạn 3, trễ hạn 2.',
    'Trễ hạn: Thị trấn Cát Tiên (5 ngày), Xã Gia Lộc (2 ngày).',
    'Chưa nộp (1): Xã Hải Thượng.',
    'Gửi nhiều báo cáo khác nhau, chưa tổng hợp (1): Xã Cát Hải [cat-hai-lan-1.xlsx, cat-hai-lan-2.xlsx].',
    'Không tổng hợp được (1): Xã Mỹ Lộc.',
    'Ngoài danh sách phải báo cáo (vẫn tổng hợp): Xã Gia Lộc.',
    // Ranked by shortfall against target, then by the share of units below their own target.
    'Những điểm cần chú ý (chỉ tiêu chưa đạt, thiếu nhiều nhất trước):',
    '  - 1. Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến: kết quả chung 69,7%, chỉ tiêu 80%, còn thiếu 10,3%; 2/4 đơn vị có số liệu chưa đạt chỉ tiêu của mình.',
    '  - 2. Tỷ lệ hồ sơ giải quyết đúng hạn: kết quả chung 98%, chỉ tiêu 100%, còn thiếu 2%; 1/5 đơn vị có số liệu chưa đạt chỉ tiêu của mình.',
    '  - 4. Ban hành kế hoạch kiểm tra văn bản: 1/4 đơn vị có số liệu chưa đạt chỉ tiêu của mình.',
    '  - 3. Số văn bản điện tử được ký số: 1/4 đơn vị có số liệu chưa đạt chỉ tiêu của mình.',
    'Nhiệm vụ quá hạn: 1 nhiệm vụ, 2 lượt đơn vị (1. Ban hành Kế hoạch CCHC năm 2025: 2 đơn vị).',
    'Tệp không tổng hợp (2):',
    '  hong.xlsx: Tệp “hong.xlsx” không phải tệp Excel .xlsx. Hãy mở bằng Excel và lưu lại dạng .xlsx.',
    '  my-loc-quy-1.xlsx: Tệp “my-loc-quy-1.xlsx” là báo cáo Quý I năm 2025, không phải kỳ đang tổng hợp (Quý II năm 2025). Đề nghị đơn vị gửi báo cáo Quý II năm 2025.',
    'Tệp trùng lặp hoặc tạm giữ (4):',
    '  an-hoa-gui-lai.xlsx: Trùng lặp, chỉ tính một lần.',
    '  cat-hai-lan-1.xlsx: Tạm giữ: đơn vị gửi báo cáo khác nhau.',
    '  cat-hai-lan-2.xlsx: Tạm giữ: đơn vị gửi báo cáo khác nhau.',
    '  dong-son.xlsx: Trùng lặp, chỉ tính một lần.',
    'Lỗi: 3, cảnh báo: 1 (chi tiết ở trang Lỗi dữ liệu).',
  ]);
});

test('no expected list, nothing overdue, no file refused', () => {
  const summary = consolidate(district2Inputs().slice(2), {
    ...Q2_2025,
    consolidatingUnit: { name: 'Phòng Nội vụ huyện Phù Cát', level: 'huyen' },
  });
  const text = summaryToText(summary);
  expect(text).toContain('Đã nhận: 1 đơn vị (không có danh sách đơn vị phải báo cáo).');
  expect(text).toContain('Không có nhiệm vụ quá hạn.');
  expect(text).not.toContain('Tệp không tổng hợp');
  // Gia Lộc meets every target it has a valid value for: nothing to point at, and no raw-rate list.
  expect(text).toContain('Không có chỉ tiêu nào chưa đạt.');
  expect(text).not.toContain('thấp nhất');
});
