/** The "Hướng dẫn" dialog: what each menu command does, in Vietnamese. */
export const HELP_TITLE = 'Hướng dẫn sử dụng trình đơn CCHC';

export function helpHtml(): string {
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><base target="_top">
<style>body{font-family:Arial,sans-serif;font-size:13px;line-height:1.45;margin:8px 14px;color:#202124}
h2{font-size:14px;margin:14px 0 4px}ul{margin:4px 0;padding-left:20px}</style></head><body>
<h2>Dành cho xã, phường, đặc khu</h2>
<ul>
<li><b>Nạp danh mục</b>: dán đường dẫn bảng tính “Danh mục chỉ tiêu, nhiệm vụ CCHC” do cơ quan tổng hợp ban hành (hoặc để trống nếu các trang danh mục nằm ngay trong bảng tính này). Danh mục được kiểm tra và ghi nhớ trong bảng tính; Chèn Phụ lục sẽ theo danh mục đó.</li>
<li><b>Chèn Phụ lục</b>: tạo trang Thông tin, Phụ lục 1 (chỉ tiêu) và Phụ lục 2 (nhiệm vụ) theo biểu mẫu, có danh sách chọn và kiểm tra khi nhập. Chạy lại bất cứ lúc nào: số liệu đã nhập được giữ nguyên.</li>
<li><b>Nhập từ bảng có sẵn</b>: đã có bảng kế hoạch của đơn vị (chép từ Word hoặc tự lập) ở một trang? Mở trang đó, chọn vùng bảng (hoặc một ô để đọc cả trang) rồi chọn mục này: các phụ lục được tạo, điền sẵn chỉ tiêu phấn đấu, cơ quan chủ trì, thời gian hoàn thành của đơn vị; thông báo nêu dòng nào cần kiểm tra lại. Trang gốc không bị sửa.</li>
<li>Điền trang <b>Thông tin</b> trước (tên, mã đơn vị, năm, kỳ báo cáo, ngày chốt số liệu), rồi nhập <b>Tử số</b>, <b>Mẫu số</b> (tỷ lệ tự tính), <b>Tình trạng</b> và ngày hoàn thành nhiệm vụ. Ngày ghi theo ngày/tháng/năm, ví dụ 15/03/2025.</li>
<li>Ô nhập sai được tô đỏ và có ghi chú nói cần sửa thế nào; sửa xong, dấu đỏ tự mất.</li>
<li><b>Kiểm tra dữ liệu</b>: kiểm tra toàn bộ bảng tính và liệt kê lỗi ở khung bên phải; bấm vào một lỗi để đến đúng ô.</li>
<li>Gửi báo cáo: chia sẻ bảng tính (quyền Người xem) cho đơn vị tổng hợp.</li>
</ul>
<h2>Dành cho đơn vị tổng hợp</h2>
<ul>
<li><b>Tổng hợp</b>: lần đầu sẽ tạo trang <b>Cài đặt</b> và <b>Danh sách đơn vị</b>. Điền đơn vị tổng hợp, cấp, năm, kỳ báo cáo; ghi đường dẫn bảng tính của từng xã vào Danh sách đơn vị, hoặc ID thư mục Google Drive chứa báo cáo ở trang Cài đặt (bảng tính Google hoặc tệp Excel .xlsx, kể cả trong thư mục con).</li>
<li>Kết quả ghi vào các trang Tổng hợp chỉ tiêu, Chi tiết theo đơn vị, Tổng hợp nhiệm vụ, Tình hình nộp báo cáo, Nguồn dữ liệu (kể cả bảng tính không mở được và lý do) và Lỗi dữ liệu.</li>
<li>Nhiều đơn vị: mỗi lần chạy đọc tối đa khoảng 4 phút rồi tự tiếp tục sau 1 phút, không đọc trùng, không bỏ sót. Kết quả lần chạy gần nhất (hoặc lý do phải dừng) ghi ở dòng Tình trạng tổng hợp của trang Cài đặt.</li>
<li><b>Tự động</b>: bật tổng hợp hằng đêm, và thư nhắc các đơn vị chưa gửi báo cáo trước hạn (số ngày nhắc trước hạn và người nhận bản sao ghi ở trang Cài đặt).</li>
</ul>
</body></html>`;
}
