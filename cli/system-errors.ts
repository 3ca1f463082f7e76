/**
 * System errors of reading and writing files, as Vietnamese sentences that name the file and say what
 * to do. The command line never prints Node's own English message ("EBUSY: resource busy or locked").
 */
import { basename, dirname } from 'node:path';

/** A file the command could not read or write: shown as is, exit code 2. */
export class FileError extends Error {}

/** The error code of a Node system error ('EBUSY', 'EACCES' …), or ''. */
export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** Why `path` could not be written, and what to do. */
export function writeErrorMessage(e: unknown, path: string): string {
  const file = `"${path}"`;
  const folder = `"${dirname(path) || '.'}"`;
  switch (errorCode(e)) {
    case 'EBUSY':
    case 'ETXTBSY':
      return `Không ghi được tệp ${file} vì tệp đang mở trong chương trình khác. Hãy đóng tệp ${basename(path)} trong Excel rồi chạy lại.`;
    case 'EPERM':
    case 'EACCES':
      return `Không có quyền ghi tệp ${file} (tệp đang mở trong Excel, chỉ cho đọc, hoặc thư mục ${folder} không cho ghi). Hãy đóng tệp trong Excel rồi chạy lại, hoặc ghi sang thư mục khác bằng --ra.`;
    case 'EROFS':
      return `Thư mục ${folder} chỉ cho đọc (đĩa hoặc thẻ nhớ khóa ghi) nên không ghi được ${file}. Hãy ghi sang thư mục khác bằng --ra, ví dụ --ra D:\\tong-hop.xlsx.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `Ổ đĩa đã đầy nên không ghi được ${file}; tệp tổng hợp cũ vẫn giữ nguyên. Hãy xóa bớt tệp không cần hoặc ghi sang ổ khác bằng --ra rồi chạy lại.`;
    case 'EISDIR':
      return `${file} là một thư mục, không phải tệp. Hãy ghi tên tệp cần tạo, ví dụ --ra ${path.replace(/[\\/]+$/, '')}/tong-hop.xlsx.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `Không có thư mục ${folder} để ghi ${file}. Hãy tạo thư mục đó hoặc sửa đường dẫn sau --ra.`;
    case 'ENAMETOOLONG':
      return `Đường dẫn ${file} quá dài. Hãy ghi vào thư mục có đường dẫn ngắn hơn.`;
    default:
      return `Không ghi được tệp ${file}. Hãy kiểm tra ổ đĩa, quyền ghi thư mục ${folder} rồi chạy lại.`;
  }
}

/** Why `path` could not be read, and what to do. */
export function readErrorMessage(e: unknown, path: string): string {
  const file = `"${path}"`;
  switch (errorCode(e)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `Không tìm thấy ${file}. Kiểm tra lại tên thư mục hoặc tệp (có thể đã bị đổi tên hoặc chuyển đi).`;
    case 'EACCES':
    case 'EPERM':
      return `Không có quyền đọc ${file}. Hãy xin quyền đọc hoặc chép tệp sang thư mục của mình rồi chạy lại.`;
    case 'EBUSY':
      return `Không đọc được ${file} vì tệp đang bị chương trình khác khóa. Hãy đóng tệp trong Excel rồi chạy lại.`;
    case 'EISDIR':
      return `${file} là một thư mục, không phải tệp. Hãy ghi tên một tệp báo cáo, ví dụ ${path.replace(/[\\/]+$/, '')}/bao-cao.xlsx.`;
    default:
      return `Không đọc được ${file}. Hãy kiểm tra ổ đĩa và quyền đọc tệp rồi chạy lại.`;
  }
}
