/**
 * cchc — the command line: template, validate, consolidate, demo. Vietnamese help and messages;
 * exit codes: 0 done; 1 validate found errors, or consolidate refused or held out a file; 2 wrong call.
 */
import './v8-tuning';
import { flag, parseArgs, UsageError } from './args';
import { consolidateCommand, templateCommand, validateCommand, EXIT, type Output } from './commands';
import { demoCommand } from './demo';

export const HELP = `cchc — Phụ lục kế hoạch cải cách hành chính: tạo biểu mẫu, kiểm tra, tổng hợp báo cáo

Cách dùng:
  cchc template    --don-vi "UBND xã Anh Sơn" --ma 90002 --loai xa|phuong|dac-khu --nam 2026 --ky "Quý I" --ra anh-son.xlsx
                   [--tong-hop "Sở Nội vụ tỉnh …" --cap tinh --ke-hoach 12/KH-UBND --ngay-ke-hoach 15/01/2025]
      Tạo sổ làm việc báo cáo (Thông tin, Phụ lục 1 - Chỉ tiêu, Phụ lục 2 - Nhiệm vụ) theo danh mục năm 2025.

  cchc validate    bao-cao.xlsx
      Kiểm tra từng ô của một báo cáo; liệt kê lỗi và cảnh báo kèm trang, ô và cách sửa.

  cchc consolidate <thư mục hoặc các tệp …> --nam 2025 --ky "Quý I" --ra tong-hop.xlsx
                   [--don-vi-tong-hop "Sở Nội vụ tỉnh …" --cap tinh (huyen: chỉ kỳ trước 01/07/2025)] [--danh-sach don-vi.csv]
                   [--han 20/03/2025] [--chot-so-lieu 14/03/2025] [--phan-hoi gop-y/]
      Tổng hợp báo cáo của các đơn vị (và cả bảng tổng hợp của cấp dưới) thành một sổ tổng hợp.
      --phan-hoi: ghi vào thư mục đó một tệp “Góp ý báo cáo …” cho mỗi đơn vị có lỗi, chỉ tiêu chưa đạt
      hoặc nhiệm vụ quá hạn, để gửi lại đơn vị.
      Danh sách đơn vị phải báo cáo: tệp .csv (mã,tên mỗi dòng) hoặc .xlsx (mã ở cột A, tên ở cột B).
      Tệp tổng hợp cũ được giữ lại với đuôi ".ban-truoc.xlsx".

  cchc demo        [--thu-muc demo-output]
      Chạy thử: một tỉnh nhận báo cáo Quý III/2026 của 13 xã, phường, đặc khu (dữ liệu mẫu).

Kỳ báo cáo: Quý I, Quý II, Quý III, Quý IV, 6 tháng, 9 tháng, Năm. Ngày ghi theo ngày/tháng/năm.
Mã thoát: 0 — xong; 2 — câu lệnh sai hoặc không mở được tệp;
  1 — với validate: báo cáo còn lỗi; với consolidate: có tệp không tổng hợp được hoặc đơn vị bị tạm giữ
      (báo cáo được tổng hợp nhưng có ô lỗi vẫn cho mã 0; chi tiết ở trang Lỗi dữ liệu).
`;

export async function main(argv: string[], io: Output): Promise<number> {
  const args = parseArgs(argv);
  if (args.flags.has('help') || args.command === 'help' || args.command === '--help') {
    io.out(HELP);
    return EXIT.ok;
  }
  try {
    switch (args.command) {
      case 'template':
        return await templateCommand(args, io);
      case 'validate':
        return await validateCommand(args, io);
      case 'consolidate':
        return await consolidateCommand(args, io);
      case 'demo':
        return await demoCommand(flag(args, 'thu-muc', 'dir') || 'demo-output', io);
      default:
        io.err(`Không có lệnh "${args.command}". Các lệnh: template, validate, consolidate, demo. Gõ "cchc help" để xem hướng dẫn.`);
        return EXIT.usage;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return EXIT.usage;
    }
    io.err(`Lỗi không mong muốn: ${e instanceof Error ? e.message : String(e)}. Hãy báo lại cho bộ phận hỗ trợ kèm câu lệnh đã chạy.`);
    return EXIT.usage;
  }
}

if (require.main === module) {
  const io: Output = { out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
