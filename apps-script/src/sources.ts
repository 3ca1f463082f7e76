/**
 * Where the reports come from (the registry sheet, a Drive folder and its subfolders, or both) and
 * how one is read:
 * - a Google spreadsheet: openById once, then readWorkbook (getSheets once, one getValues() per
 *   sheet), so the calls per commune never depend on how many rows it typed;
 * - a file in the folder (.xlsx and whatever else the command line would try: .xls, .ods, .csv…):
 *   its bytes (getBlob().getBytes(), Java's signed bytes made unsigned) go through the very function
 *   the command line and the Excel pane use (io/ingest.ts: the shared values reader, inflated with
 *   fflate), with the same provenance (SHA-256 of the bytes) and the same refusals and messages.
 * Shortcuts are followed to their file, trashed files and folders are left out, subfolders are read.
 * What Sheets or Drive says when something cannot be opened becomes a Vietnamese reason that says
 * what to do; an error that may pass is thrown, so the run tries the source again later.
 */
import type { WorkbookGrids } from '../../shared/cell';
import type { ConsolidationInput, SummaryInput } from '../../shared/consolidate/types';
import { readReport } from '../../shared/validate/read-report';
import { ingestWorkbook } from '../../io/ingest';
import { errorMessage } from './host';
import { canonicalGridsJson, sha256Hex, sha256HexOfBytes } from './provenance';
import type { QueuedSource } from './run-state';
import type { RegistryUnit } from './settings';
import { readWorkbook } from './sheets-reader';

const GOOGLE_SHEETS = 'application/vnd.google-apps.spreadsheet';
const SHORTCUT = 'application/vnd.google-apps.shortcut';
const FOLDER = 'application/vnd.google-apps.folder';
/** What the command line reads from a folder (cli/files.ts), by name; Excel's lock files and hidden files left out. */
const FILE_NAME = /\.(xlsx|xlsm|xls|xlsb|ods|csv|html?)$/i;
const FILE_TYPES = new Set<string>([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel.sheet.macroenabled.12',
  'application/vnd.ms-excel',
  'application/vnd.oasis.opendocument.spreadsheet',
]);
/** Folders deeper than this are not read (a guard against runaway trees). */
const MAX_DEPTH = 5;

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

interface FolderFile {
  id: string;
  name: string;
  mime: string;
}

/** The files under a folder, subfolders included, shortcuts followed, trash left out. */
function folderFiles(folderId: string): FolderFile[] {
  const out: FolderFile[] = [];
  const seenFolders = new Set<string>();
  const walk = (folder: GoogleAppsScript.Drive.Folder, depth: number) => {
    const fid = folder.getId();
    if (seenFolders.has(fid) || depth > MAX_DEPTH) return;
    seenFolders.add(fid);
    for (const files = folder.getFiles(); files.hasNext(); ) {
      const f = files.next();
      if (f.isTrashed()) continue;
      let mime = f.getMimeType();
      let id = f.getId();
      let name = f.getName();
      if (mime === SHORTCUT) {
        const target = f.getTargetId();
        if (!target) continue;
        let t: GoogleAppsScript.Drive.File;
        try {
          t = DriveApp.getFileById(target);
        } catch {
          continue; // a shortcut to something gone, or to a folder
        }
        if (t.isTrashed()) continue;
        mime = t.getMimeType();
        if (mime === FOLDER) continue;
        id = target;
        name = t.getName();
      }
      out.push({ id, name, mime });
    }
    for (const sub = folder.getFolders(); sub.hasNext(); ) {
      const child = sub.next();
      if (!child.isTrashed()) walk(child, depth + 1);
    }
  };
  walk(DriveApp.getFolderById(folderId), 0);
  return out;
}

/** Vietnamese order of file names, as the command line sorts its inputs. */
function byName(a: FolderFile, b: FolderFile): number {
  let c: number;
  try {
    c = new Intl.Collator('vi').compare(a.name, b.name);
  } catch {
    c = a.name.localeCompare(b.name);
  }
  return c !== 0 ? c : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The queue for one run: registry spreadsheets first (in sheet order), then the folder's spreadsheets
 * and files (by name, as the command line orders them), each once; the consolidating spreadsheet
 * itself is never a source. A file is named as the command line names it; two files of one name
 * are told apart by their Drive id.
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
    const files = folderFiles(folderId)
      .filter((f) => !seen.has(f.id))
      .filter((f) => f.mime === GOOGLE_SHEETS || (!f.name.startsWith('~$') && !f.name.startsWith('.') && (FILE_NAME.test(f.name) || FILE_TYPES.has(f.mime))))
      .sort(byName);
    const names = new Map<string, number>();
    for (const f of files) names.set(f.name, (names.get(f.name) ?? 0) + 1);
    for (const f of files) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      if (f.mime === GOOGLE_SHEETS) out.push({ key: f.id, label: f.name });
      else out.push({ key: f.id, label: names.get(f.name)! > 1 ? `${f.name} [${f.id}]` : f.name, kind: 'file' });
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
  return source.kind === 'file' ? source.label : fileName(source.label, source.key);
}

function refusedInput(source: QueuedSource, reason: { code: string; message: string }): ConsolidationInput {
  return { source: { fileName: sourceFileName(source), sha256: '' }, report: null, issues: [], refused: reason };
}

/**
 * One source → what consolidation takes: the shared reader's report and issues, with provenance.
 * Throws when the failure may pass (the run tries the source again later).
 */
export function readSource(source: QueuedSource): ConsolidationInput | SummaryInput {
  if (source.problem) return refusedInput(source, source.problem);
  if (source.kind === 'file') return readFile(source);
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

/** Drive's words for a file that is gone or not shared, or null when the error may pass. */
function fileFailureReason(source: QueuedSource, message: string): { code: string; message: string } | null {
  if (/no item with the given id|permission|access denied|không tìm thấy|quyền/i.test(message)) {
    return {
      code: 'file.unreadable',
      message: `Không mở được tệp "${source.label}" trong Google Drive: tệp đã bị xóa hoặc chuyển đi, hoặc tài khoản chạy tổng hợp không có quyền xem. Kiểm tra lại thư mục báo cáo.`,
    };
  }
  return null;
}

/** A file in the folder, read from its bytes exactly as the command line reads a file. */
function readFile(source: QueuedSource): ConsolidationInput | SummaryInput {
  let signed: number[];
  try {
    signed = DriveApp.getFileById(source.key).getBlob().getBytes();
  } catch (e) {
    const reason = fileFailureReason(source, errorMessage(e));
    if (reason === null) throw e;
    return refusedInput(source, reason);
  }
  // Java bytes are signed (−128…127).
  const bytes = new Uint8Array(signed.length);
  for (let i = 0; i < signed.length; i++) bytes[i] = signed[i] & 255;
  return ingestWorkbook(bytes, source.label, sha256HexOfBytes(signed));
}
