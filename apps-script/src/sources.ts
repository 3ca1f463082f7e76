/**
 * Where the commune spreadsheets come from (the registry sheet, a Drive folder, or both) and how one
 * of them is read: openById once, then readWorkbook (getSheets once, one getValues() per sheet), so
 * the calls per commune never depend on how many rows it typed or how many communes there are.
 * What Sheets says when a spreadsheet cannot be opened is turned into a Vietnamese reason that says
 * what to do.
 */
import type { WorkbookGrids } from '../../shared/cell';
import type { ConsolidationInput } from '../../shared/consolidate/types';
import { readReport } from '../../shared/validate/read-report';
import { errorMessage } from './host';
import { canonicalGridsJson, sha256Hex } from './provenance';
import type { QueuedSource } from './run-state';
import type { RegistryUnit } from './settings';
import { readWorkbook } from './sheets-reader';

const EXCEL_TYPES = new Set<string>([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
]);

/**
 * Why a spreadsheet could not be opened, in words a commune official can act on; null when the error
 * may pass (a slow or busy service), so that the source is tried again later. Apps Script words its
 * exceptions in the user's language: both English and Vietnamese are recognised, and the exception's
 * own text is never shown.
 */
export function openFailureReason(message: string): { code: string; message: string } | null {
  if (/permission|quyền|access denied/i.test(message)) {
    return {
      code: 'sheets.no_access',
      message: 'Tài khoản chạy tổng hợp không có quyền mở bảng tính này. Đề nghị đơn vị chia sẻ bảng tính (quyền Người xem) cho tài khoản của đơn vị tổng hợp.',
    };
  }
  if (/not found|unexpected error|không tìm thấy|does not exist|không mong muốn|không tồn tại/i.test(message)) {
    return {
      code: 'sheets.not_found',
      message: 'Không tìm thấy bảng tính: ID hoặc đường dẫn không đúng, hoặc bảng tính đã bị xóa. Kiểm tra lại cột “Bảng tính báo cáo” ở trang Danh sách đơn vị.',
    };
  }
  return null;
}

/**
 * The queue for one run: registry spreadsheets first (in sheet order), then the folder's files
 * (in the order Drive lists them), each spreadsheet once; the consolidating spreadsheet itself is
 * never a source. Folder files that are not Google spreadsheets are listed with a reason when they
 * are Excel files, and skipped otherwise.
 */
export function listSources(registry: readonly RegistryUnit[], folderId: string | null, homeId: string): QueuedSource[] {
  const out: QueuedSource[] = [];
  const seen = new Set<string>([homeId]);
  for (const u of registry) {
    const who = u.name || u.code || `dòng ${u.row}`;
    if (!u.spreadsheetText) continue;
    if (!u.spreadsheetId) {
      out.push({
        key: `registry-row-${u.row}`,
        label: `${who} (Danh sách đơn vị, dòng ${u.row})`,
        problem: {
          code: 'sheets.bad_id',
          message: `Không đọc được ID bảng tính từ “${u.spreadsheetText}” (Danh sách đơn vị, dòng ${u.row}). Dán đường dẫn dạng https://docs.google.com/spreadsheets/d/…`,
        },
      });
      continue;
    }
    if (seen.has(u.spreadsheetId)) continue;
    seen.add(u.spreadsheetId);
    out.push({ key: u.spreadsheetId, label: who });
  }
  if (folderId) {
    const files = DriveApp.getFolderById(folderId).getFiles();
    while (files.hasNext()) {
      const f = files.next();
      const id = f.getId();
      if (seen.has(id)) continue;
      const mime = f.getMimeType();
      if (mime === MimeType.GOOGLE_SHEETS) {
        seen.add(id);
        out.push({ key: id, label: f.getName() });
      } else if (EXCEL_TYPES.has(mime)) {
        seen.add(id);
        out.push({
          key: id,
          label: f.getName(),
          problem: {
            code: 'sheets.excel_file',
            message: `“${f.getName()}” là tệp Excel, Apps Script không đọc trực tiếp được. Mở tệp trong Google Drive, chọn Tệp ▸ Lưu dưới dạng Google Trang tính, rồi để bản Google Trang tính trong thư mục (hoặc dùng công cụ dòng lệnh để tổng hợp tệp Excel).`,
          },
        });
      }
    }
  }
  return out;
}

/** The name a source has in the summary: its title and id, so that two units' same-named files stay apart. */
function fileName(title: string, key: string): string {
  return `${title} [${key}]`;
}

/** The name a queued source is listed under before it is opened. */
export function sourceFileName(source: QueuedSource): string {
  return fileName(source.label, source.key);
}

function refusedInput(source: QueuedSource, reason: { code: string; message: string }): ConsolidationInput {
  return { source: { fileName: sourceFileName(source), sha256: '' }, report: null, issues: [], refused: reason };
}

/**
 * One source → what consolidation takes: the shared reader's report and issues, with provenance.
 * Throws when the failure may pass (the run tries the source again later).
 */
export function readSource(source: QueuedSource): ConsolidationInput {
  if (source.problem) return refusedInput(source, source.problem);
  let name: string;
  let grids: WorkbookGrids;
  try {
    const ss = SpreadsheetApp.openById(source.key);
    name = fileName(ss.getName(), source.key);
    grids = readWorkbook(ss);
  } catch (e) {
    const reason = openFailureReason(errorMessage(e));
    if (reason === null) throw e;
    return refusedInput(source, reason);
  }
  const { report, issues } = readReport(grids, { fileName: name });
  return { source: { fileName: name, sha256: sha256Hex(canonicalGridsJson(grids)) }, report, issues };
}
