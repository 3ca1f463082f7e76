/**
 * What kind of file a user handed us, from its bytes (never its extension): an .xlsx package, or a
 * precise refusal (.xls, password-protected, .ods, .xlsb, HTML or CSV renamed .xlsx, cut-off download…)
 * with a Vietnamese message that names the file and says what to do.
 */
import { ok, type Parsed } from '../../shared/result';
import { DEFAULT_MAX_INFLATED_BYTES } from './limits';
import { fileProblem } from './messages';
import { asBytes, inflateEntry, isZipProblem, readZipDirectory, startsWithZipSignature, type ZipDirectory } from './zip';

/**
 * Checks that `bytes` is an Excel workbook package (.xlsx / .xlsm) without reading its sheets.
 * `sniffSpreadsheet(bytes, 'abc.xls')` → `{ ok: false, code: 'file.xls', reason: 'Tệp "abc.xls" là …' }`.
 * Never throws and never modifies `bytes`.
 */
export function sniffSpreadsheet(bytes: Uint8Array, fileName: string): Parsed<'xlsx'> {
  const r = sniffPackage(bytes, fileName, DEFAULT_MAX_INFLATED_BYTES);
  return r.ok ? ok('xlsx') : r;
}

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];
/** "EncryptedPackage" as UTF-16LE: the stream Office puts in a password-protected .xlsx. */
const ENCRYPTED_PACKAGE = utf16le('EncryptedPackage');

function utf16le(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i), 0);
  return out;
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

function contains(bytes: Uint8Array, needle: number[]): boolean {
  const first = needle[0];
  const last = bytes.length - needle.length;
  outer: for (let i = bytes.indexOf(first); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Internal: the same checks, handing back the central directory for the reader to use. */
export function sniffPackage(input: Uint8Array, fileName: string | undefined, maxInflatedBytes: number): Parsed<ZipDirectory> {
  try {
    const bytes = asBytes(input);
    if (bytes === null || bytes.length === 0) return fileProblem('file.empty', fileName);
    if (startsWith(bytes, CFB_SIGNATURE)) {
      return fileProblem(contains(bytes, ENCRYPTED_PACKAGE) ? 'file.encrypted' : 'file.xls', fileName);
    }
    if (startsWithZipSignature(bytes)) return sniffZip(bytes, fileName, maxInflatedBytes);
    return sniffNonZip(bytes, fileName);
  } catch {
    return fileProblem('file.not_spreadsheet', fileName);
  }
}

function sniffZip(bytes: Uint8Array, fileName: string | undefined, maxInflatedBytes: number): Parsed<ZipDirectory> {
  const dir = readZipDirectory(bytes);
  if (isZipProblem(dir)) return fileProblem(dir.problem === 'truncated' ? 'file.truncated' : 'file.corrupt', fileName);
  const has = (name: string) => dir.byName.has(name);

  const mimetypeEntry = dir.byName.get('mimetype');
  if (mimetypeEntry) {
    const raw = inflateEntry(bytes, mimetypeEntry, { remaining: 1024 });
    const mimetype = isZipProblem(raw) ? '' : String.fromCharCode(...raw.subarray(0, 200));
    if (mimetype.includes('opendocument.spreadsheet')) return fileProblem('file.ods', fileName);
    if (mimetype.includes('opendocument.text')) {
      return fileProblem('file.not_spreadsheet', fileName, { foundKind: 'văn bản OpenDocument (.odt)' });
    }
  }
  if (has('xl/workbook.bin')) return fileProblem('file.xlsb', fileName);
  if (has('xl/workbook.xml')) {
    if (dir.declaredTotal > maxInflatedBytes) return fileProblem('file.zip_bomb', fileName, { limitBytes: maxInflatedBytes });
    return ok(dir);
  }
  if (has('content.xml') && has('meta-inf/manifest.xml')) return fileProblem('file.ods', fileName);
  if (has('word/document.xml')) return fileProblem('file.not_spreadsheet', fileName, { foundKind: 'tài liệu Word (.docx)' });
  if (has('ppt/presentation.xml')) {
    return fileProblem('file.not_spreadsheet', fileName, { foundKind: 'bản trình chiếu PowerPoint (.pptx)' });
  }
  return fileProblem('file.not_spreadsheet', fileName);
}

const SAMPLE = 4096;

function sniffNonZip(bytes: Uint8Array, fileName: string | undefined): Parsed<never> {
  const head = bytes.subarray(0, SAMPLE);
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return fileProblem('file.not_spreadsheet', fileName, { foundKind: 'tệp PDF' });
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47]) || startsWith(head, [0xff, 0xd8, 0xff])) {
    return fileProblem('file.not_spreadsheet', fileName, { foundKind: 'tệp ảnh' });
  }
  const text = sampleText(head);
  if (text === null) return fileProblem('file.not_spreadsheet', fileName);
  const lead = text.replace(/^\s+/, '').slice(0, 2048).toLowerCase();
  if (lead.startsWith('{\\rtf')) return fileProblem('file.not_spreadsheet', fileName, { foundKind: 'văn bản RTF' });
  if (lead.startsWith('<')) {
    if (lead.includes('urn:schemas-microsoft-com:office:spreadsheet') || lead.includes('progid="excel.sheet"')) {
      return fileProblem('file.xml2003', fileName);
    }
    if (/<(!doctype\s+html|html|head|body|table|meta|style)\b/.test(lead)) return fileProblem('file.html', fileName);
    return fileProblem('file.not_spreadsheet', fileName);
  }
  return fileProblem('file.csv', fileName);
}

/**
 * The first bytes as text when they look like text (UTF-8, a single-byte code page such as
 * Windows-1258, or UTF-16 with its byte-order mark, as Excel's "Unicode Text" writes); else null.
 */
function sampleText(head: Uint8Array): string | null {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    const le = head[0] === 0xff;
    let s = '';
    for (let i = 2; i + 1 < head.length; i += 2) s += String.fromCharCode(le ? head[i] | (head[i + 1] << 8) : (head[i] << 8) | head[i + 1]);
    return controlShare(s) <= 0.02 ? s : null;
  }
  const start = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  let s = '';
  for (let i = start; i < head.length; i++) {
    if (head[i] === 0) return null;
    s += String.fromCharCode(head[i]);
  }
  return controlShare(s) <= 0.02 ? s : null;
}

function controlShare(s: string): number {
  if (!s.length) return 1;
  let control = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) control++;
  }
  return control / s.length;
}
