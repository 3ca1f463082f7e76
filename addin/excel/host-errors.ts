/**
 * Office.js errors as Vietnamese sentences a commune official can act on. The raw code, message and
 * location are never shown; the code is kept for the pane's details line and for tests.
 */

const MESSAGES: Record<string, string> = {
  InvalidArgument:
    'Excel không nhận dữ liệu được gửi sang (tham số không hợp lệ). Hãy đóng các hộp thoại đang mở trong Excel rồi thử lại; nếu vẫn lỗi, hãy báo cho bộ phận hỗ trợ.',
  ItemNotFound:
    'Không tìm thấy trang tính hoặc vùng ô cần dùng. Có thể trang tính vừa bị đổi tên hoặc xóa: hãy bấm "Chèn Phụ lục" để tạo lại rồi thử lại.',
  ItemAlreadyExists: 'Trong sổ tính đã có một trang tính trùng tên. Hãy đổi tên trang tính đó rồi thử lại.',
  GeneralException:
    'Excel gặp lỗi chung khi thực hiện thao tác. Hãy lưu sổ tính, đóng và mở lại Excel rồi thử lại.',
  InvalidOperation: 'Excel không cho phép thao tác này lúc này. Hãy kiểm tra sổ tính không ở chế độ chỉ đọc rồi thử lại.',
  InvalidOperationInCellEditMode:
    'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để kết thúc việc nhập ô rồi thử lại.',
  AccessDenied: 'Sổ tính hoặc trang tính đang được bảo vệ. Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi thử lại.',
  InsufficientPermission: 'Phần bổ trợ không có quyền sửa sổ tính này. Hãy mở sổ tính ở chế độ chỉnh sửa rồi thử lại.',
  Conflict: 'Sổ tính đang được người khác cùng sửa. Hãy chờ một lát rồi thử lại.',
  ApiNotFound: 'Phiên bản Excel này chưa hỗ trợ chức năng cần dùng. Hãy cập nhật Office hoặc dùng Excel trên web.',
  NotImplemented: 'Phiên bản Excel này chưa hỗ trợ chức năng cần dùng. Hãy cập nhật Office hoặc dùng Excel trên web.',
  UnsupportedOperation: 'Excel không hỗ trợ thao tác này trên sổ tính đang mở.',
  RequestPayloadSizeLimitExceeded:
    'Dữ liệu quá lớn để ghi trong một lần (Excel trên web giới hạn 5 MB mỗi lần). Hãy tổng hợp ít tệp hơn mỗi lần.',
  ResponsePayloadSizeLimitExceeded:
    'Trang tính quá lớn để đọc trong một lần. Hãy xóa các vùng dữ liệu thừa ở cuối trang tính rồi thử lại.',
  InvalidSelection:
    'Đang chọn nhiều vùng cùng lúc. Hãy chọn một vùng liền nhau chứa bảng kế hoạch (hoặc chỉ một ô để đọc cả trang) rồi bấm lại.',
  ActivityLimitReached: 'Excel đang quá tải. Hãy chờ một lát rồi thử lại.',
  RichApiRequestPayloadSizeLimitExceeded:
    'Dữ liệu quá lớn để ghi trong một lần (Excel trên web giới hạn 5 MB mỗi lần). Hãy tổng hợp ít tệp hơn mỗi lần.',
  ServiceNotAvailable: 'Dịch vụ Excel tạm thời không phản hồi. Hãy kiểm tra kết nối mạng rồi thử lại.',
  Unauthenticated: 'Phiên đăng nhập Office đã hết hạn. Hãy đăng nhập lại rồi thử lại.',
};

const FALLBACK = 'Có lỗi khi làm việc với Excel. Hãy lưu sổ tính rồi thử lại; nếu vẫn lỗi, hãy báo cho bộ phận hỗ trợ.';

export interface HostErrorReport {
  /** Vietnamese, shown to the user. */
  message: string;
  /** Office.js error code ('' when the error did not come from Office). */
  code: string;
}

/** An error whose Vietnamese message is already what the person should read. */
export class PaneError extends Error {
  constructor(
    readonly userMessage: string,
    readonly hostError?: unknown,
  ) {
    super(userMessage);
    this.name = 'PaneError';
  }
}

/** Maps any thrown value (OfficeExtension.Error or otherwise) to a Vietnamese message. */
export function describeHostError(error: unknown): HostErrorReport {
  if (error instanceof PaneError) {
    const inner = describeHostError(error.hostError);
    return { code: inner.code, message: error.userMessage };
  }
  const code =
    error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string'
      ? (error as { code: string }).code
      : '';
  return { code, message: MESSAGES[code] ?? FALLBACK };
}
