/**
 * cchc — the command line: template, nhap, validate, consolidate, danh-muc, demo. Vietnamese help and messages;
 * exit codes: 0 done; 1 validate found errors, or consolidate refused or held out a file; 2 wrong call,
 * a file that could not be read or written, or nothing of the period to consolidate (nothing written).
 * What reaches the terminal is Vietnamese and printable; a closed pipe ends the run quietly; Ctrl+C
 * removes the temporary files and leaves the previous summary as it was.
 */
import './v8-tuning';
import { checkFlags, flag, parseArgs, UsageError } from './args';
import { removeLiveTemps } from './files';
import { errorCode, FileError } from './system-errors';
import { consolidateCommand, templateCommand, validateCommand, EXIT, type Output } from './commands';
import { demoCommand } from './demo';
import { importCommand } from './import-plan';
import { catalogCommand } from './catalog-command';

export const HELP = `cchc — Phụ lục kế hoạch cải cách hành chính: tạo biểu mẫu, kiểm tra, tổng hợp báo cáo

Cách dùng:
  cchc template    --don-vi "UBND xã Anh Sơn" --ma 90002 --loai xa|phuong|dac-khu --nam 2026 --ky "Quý I" --ra anh-son.xlsx
                   [--tong-hop "Sở Nội vụ tỉnh …" --cap tinh --ke-hoach 12/KH-UBND --ngay-ke-hoach 15/01/2025]
                   [--danh-muc danh-muc-2027.xlsx]
      Tạo sổ làm việc báo cáo (Thông tin, Phụ lục 1 - Chỉ tiêu, Phụ lục 2 - Nhiệm vụ) theo danh mục
      của cơ quan tổng hợp (--danh-muc; không có thì theo danh mục chuẩn năm 2025). Danh mục còn lỗi
      hoặc bị sửa sau khi ban hành thì không tạo biểu mẫu.

  cchc nhap        <ke-hoach.docx | bang.xlsx> --ma 90002 --nam 2025 --ra anh-son.xlsx
                   [--don-vi "UBND xã Anh Sơn" --loai xa|phuong|dac-khu --ky "Quý I" --tong-hop "Sở Nội vụ tỉnh …" --cap tinh]
                   [--danh-muc danh-muc-2027.xlsx]
      Đọc bảng phụ lục trong kế hoạch đơn vị đã có (tài liệu Word .docx hoặc bảng Excel tự lập) và tạo
      sổ làm việc chuẩn điền sẵn chỉ tiêu phấn đấu, cơ quan chủ trì, thời gian hoàn thành của đơn vị.
      In báo cáo ngắn: số dòng khớp với biểu mẫu chuẩn, dòng riêng của đơn vị, dòng cần kiểm tra lại,
      chỉ tiêu hoặc thời hạn chưa đọc được kèm ô. Tệp kế hoạch không bị sửa. Tệp .doc hoặc PDF: mở trong
      Word, chọn Tệp → Lưu thành → Tài liệu Word (*.docx) rồi nhập tệp .docx. Không ghi --ky: kỳ Quý I.

  cchc validate    bao-cao.xlsx
      Kiểm tra từng ô của một báo cáo; liệt kê lỗi và cảnh báo kèm trang, ô và cách sửa.

  cchc consolidate <thư mục hoặc các tệp …> --nam 2025 --ky "Quý I" --ra tong-hop.xlsx
                   [--don-vi-tong-hop "Sở Nội vụ tỉnh …" --cap tinh (huyen: chỉ kỳ trước 01/07/2025)] [--danh-sach don-vi.csv]
                   [--han 20/03/2025] [--chot-so-lieu 14/03/2025] [--phan-hoi gop-y/] [--danh-muc danh-muc.xlsx]
      Tổng hợp báo cáo của các đơn vị (và cả bảng tổng hợp của cấp dưới) thành một sổ tổng hợp.
      Mỗi biểu mẫu mang theo danh mục đã tạo ra nó: tổng hợp được từ các tệp mà không cần danh mục;
      ngày chốt số liệu và hạn nộp theo lịch báo cáo của danh mục (--han, --chot-so-lieu ghi đè).
      --danh-muc: chỉ nhận báo cáo lập theo danh mục đó (cùng mã, mọi phiên bản), theo lịch của nó.
      --phan-hoi: ghi vào thư mục đó một tệp “Góp ý báo cáo …” cho mỗi đơn vị có lỗi, chỉ tiêu chưa đạt
      hoặc nhiệm vụ quá hạn, để gửi lại đơn vị.
      Đọc mọi tệp trong thư mục và các thư mục con; tệp không phải sổ làm việc (PDF, Word…) được liệt kê
      ở trang Nguồn dữ liệu kèm việc cần đề nghị đơn vị gửi lại.
      Danh sách đơn vị phải báo cáo: tệp .csv hoặc .xlsx có dòng tiêu đề (STT, Mã đơn vị, Tên đơn vị
      theo thứ tự bất kỳ; dấu phẩy hoặc chấm phẩy); không có tiêu đề thì mã ở cột đầu, tên ở cột sau.
      Tệp tổng hợp cũ được giữ lại với đuôi ".ban-truoc.xlsx". Không ghi gì khi không đọc được báo cáo
      nào của kỳ đang tổng hợp: tệp tổng hợp cũ giữ nguyên.

  cchc danh-muc xuat --ra danh-muc.xlsx [--nam 2027] [--tu danh-muc-da-sua.xlsx]
      Xuất sổ “Danh mục chỉ tiêu, nhiệm vụ CCHC” (lĩnh vực, chỉ tiêu, nhóm chỉ tiêu, nhiệm vụ, lịch báo cáo)
      để cơ quan tổng hợp sửa cho năm mới. Không có --tu: xuất danh mục chuẩn (--nam: chuyển sang năm đó).
      --tu: ban hành lại một danh mục đã sửa và không còn lỗi (ghi mã kiểm tra mới).

  cchc danh-muc kiem-tra danh-muc.xlsx [--thay-the danh-muc-nam-truoc.xlsx]
      Kiểm tra danh mục: liệt kê mọi lỗi kèm trang, ô và cách sửa (mã trùng, lĩnh vực không có,
      chỉ tiêu tỷ lệ thiếu tử số/mẫu số, chỉ tiêu phấn đấu hoặc thời hạn không đọc được, hạn gửi trước
      ngày chốt, phiên bản không lớn hơn bản được thay thế, nội dung bị sửa sau khi ban hành).

  cchc demo        [--thu-muc demo-output]
      Chạy thử: một tỉnh nhận báo cáo Quý III/2026 của 13 xã, phường, đặc khu (dữ liệu mẫu).

Kỳ báo cáo: Quý I, Quý II, Quý III, Quý IV, 6 tháng, 9 tháng, Năm. Ngày ghi theo ngày/tháng/năm.
Mã thoát: 0 — xong;
  1 — với validate: báo cáo còn lỗi; với consolidate: có tệp không tổng hợp được hoặc đơn vị bị tạm giữ
      (báo cáo được tổng hợp nhưng có ô lỗi vẫn cho mã 0; chi tiết ở trang Lỗi dữ liệu);
      với danh-muc kiem-tra: danh mục còn lỗi;
  2 — câu lệnh sai, không đọc hoặc không ghi được tệp, tệp kế hoạch không có bảng phụ lục (nhap),
      hoặc không có báo cáo nào của kỳ để tổng hợp
      (khi đó không ghi gì).
`;

export async function main(argv: string[], io: Output): Promise<number> {
  const args = parseArgs(argv);
  if (args.flags.has('help') || args.command === 'help' || args.command === '--help') {
    io.out(HELP);
    return EXIT.ok;
  }
  try {
    checkFlags(args);
    switch (args.command) {
      case 'template':
        return await templateCommand(args, io);
      case 'nhap':
        return await importCommand(args, io);
      case 'validate':
        return await validateCommand(args, io);
      case 'consolidate':
        return await consolidateCommand(args, io);
      case 'danh-muc':
        return await catalogCommand(args, io);
      case 'demo':
        return await demoCommand(flag(args, 'thu-muc', 'dir') || 'demo-output', io);
      default:
        io.err(`Không có lệnh "${args.command}". Các lệnh: template, nhap, validate, consolidate, danh-muc, demo. Gõ "cchc help" để xem hướng dẫn.`);
        return EXIT.usage;
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof FileError) {
      io.err(e.message);
      return EXIT.usage;
    }
    // Never Node's English message: a system error still unnamed is said in Vietnamese, anything
    // else is a fault of the program, reported as such.
    io.err(
      errorCode(e)
        ? `Máy báo lỗi khi đọc hoặc ghi tệp nên lệnh dừng lại; tệp tổng hợp cũ (nếu có) giữ nguyên. Hãy kiểm tra ổ đĩa, quyền đọc ghi thư mục rồi chạy lại.`
        : `Lỗi không mong muốn trong chương trình; tệp tổng hợp cũ (nếu có) giữ nguyên. Hãy báo lại cho bộ phận hỗ trợ kèm câu lệnh đã chạy.`,
    );
    return EXIT.usage;
  }
}

/**
 * A line as it may reach a terminal: control characters (a file name may hold escape sequences that
 * move the cursor or retitle the window) and bidirectional overrides are dropped; tabs and line
 * breaks stay.
 */
export function printable(line: string): string {
  return line.replace(/\u001b\[[0-9;?]*[ -\/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

if (require.main === module) {
  // A reader that stops early (cchc … | head) closes the pipe: end quietly, with the exit code so far.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  // Temporary files are removed on every way out, Ctrl+C included; the previous summary is untouched.
  process.on('exit', removeLiveTemps);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      removeLiveTemps();
      process.stderr.write('\nĐã dừng theo yêu cầu; tệp tổng hợp cũ (nếu có) giữ nguyên.\n');
      process.exit(130);
    });
  }
  const io: Output = { out: (l) => process.stdout.write(printable(l) + '\n'), err: (l) => process.stderr.write(printable(l) + '\n') };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
