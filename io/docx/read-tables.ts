/**
 * The tables of a Word document (.docx), each as a 2-D array of cell texts, read with the project's
 * own zip reader (CRC-checked, inflated bytes bounded): `w:tbl` > `w:tr` > `w:tc`, several paragraphs
 * of a cell joined by line breaks, `w:gridSpan` (a cell spanning columns: its text in the first, the
 * others empty), `w:vMerge` (a cell merged down: each row it covers reads the text it shows),
 * `w:gridBefore` (a row starting further right). A table inside a cell becomes lines of that cell.
 * .doc, .rtf, .odt and PDF files are refused with what to do, in Vietnamese.
 * No Node built-ins: runs in Node and in the browser.
 */
import { fail, ok, type Parsed } from '../../shared/result';
import { DEFAULT_MAX_INFLATED_BYTES, MAX_WORKBOOK_CELLS } from '../xlsx/limits';
import { fileLabel } from '../xlsx/messages';
import { decodeEntities, parseAttributes, partText } from '../xlsx/xml';
import { asBytes, inflateEntry, isZipProblem, readZipDirectory, startsWithZipSignature, type InflateRaw } from '../xlsx/zip';
import type { Crc32 } from '../xlsx/checks';

export interface DocxTable {
  /** 1-based position among the document's top-level tables. */
  index: number;
  rows: string[][];
}

export interface ReadDocxOptions {
  fileName?: string;
  inflate?: InflateRaw;
  crc32?: Crc32;
  maxInflatedBytes?: number;
}

const SAVE_AS_DOCX = 'Hãy mở tệp trong Word, chọn Tệp → Lưu thành → Tài liệu Word (*.docx), rồi chọn tệp .docx vừa lưu';

/** Why a file is not a .docx we can read, and what to do; null when it looks like one. */
export function docxRefusal(bytes: Uint8Array, fileName?: string): Parsed<never> | null {
  const f = fileLabel(fileName);
  if (bytes.length === 0) return fail('docx.empty', `${f} trống (0 byte). Hãy lưu lại kế hoạch rồi chọn lại tệp.`);
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return fail('docx.doc', `${f} là tài liệu Word 97-2003 (.doc), chưa đọc được. ${SAVE_AS_DOCX}.`);
  }
  if (head.startsWith('%PDF')) {
    return fail(
      'docx.pdf',
      `${f} là tệp PDF: bảng trong PDF không đọc lại được chính xác. Hãy mở bản Word của kế hoạch, chọn Tệp → Lưu thành → ` +
        'Tài liệu Word (*.docx); nếu chỉ có bản PDF, chép các bảng phụ lục sang Excel rồi chọn tệp .xlsx đó.',
    );
  }
  if (head.startsWith('{\\rtf')) return fail('docx.rtf', `${f} là văn bản RTF, chưa đọc được. ${SAVE_AS_DOCX}.`);
  if (!startsWithZipSignature(bytes)) return fail('docx.unknown', `${f} không phải tài liệu Word (.docx). ${SAVE_AS_DOCX}.`);
  return null;
}

/** Every top-level table of the document, in order. Never throws; never modifies `input`. */
export function readDocxTables(input: Uint8Array, opts: ReadDocxOptions = {}): Parsed<DocxTable[]> {
  const f = fileLabel(opts.fileName);
  try {
    const bytes = asBytes(input);
    if (!bytes) return fail('docx.unknown', `${f} không đọc được. ${SAVE_AS_DOCX}.`);
    const refusal = docxRefusal(bytes, opts.fileName);
    if (refusal) return refusal;
    const dir = readZipDirectory(bytes);
    if (isZipProblem(dir)) {
      return fail('docx.corrupt', `${f} bị hỏng hoặc tải về chưa xong nên không đọc được. Hãy mở tệp trong Word, lưu lại dạng .docx rồi chọn lại.`);
    }
    const entry = dir.byName.get('word/document.xml');
    if (!entry) {
      if (dir.byName.has('content.xml')) {
        return fail('docx.odt', `${f} là văn bản OpenDocument (.odt). Hãy mở tệp trong LibreOffice Writer hoặc Word, lưu thành Tài liệu Word (*.docx) rồi chọn tệp đó.`);
      }
      if (dir.byName.has('xl/workbook.xml')) return fail('docx.xlsx', `${f} là sổ làm việc Excel, không phải tài liệu Word.`);
      return fail('docx.unknown', `${f} không phải tài liệu Word (.docx). ${SAVE_AS_DOCX}.`);
    }
    const max = opts.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES;
    const xml = inflateEntry(bytes, entry, { remaining: max }, opts.inflate, opts.crc32);
    if (isZipProblem(xml)) {
      return xml.problem === 'too_big'
        ? fail('docx.too_big', `${f} khi giải nén lớn bất thường (quá giới hạn an toàn) nên không được mở. Hãy xóa hình ảnh không cần thiết, lưu lại rồi chọn lại.`)
        : fail('docx.corrupt', `${f} bị hỏng (dữ liệu không khớp mã kiểm tra) nên không đọc được. Hãy mở tệp trong Word, lưu lại dạng .docx rồi chọn lại.`);
    }
    const tables = tablesOfXml(partText(xml));
    if (tables === null) return fail('docx.too_big', `${f} có quá nhiều ô bảng để đọc. Hãy chỉ giữ các bảng phụ lục trong tệp rồi chọn lại.`);
    return ok(tables);
  } catch {
    return fail('docx.corrupt', `${f} bị hỏng nên không đọc được. Hãy mở tệp trong Word, lưu lại dạng .docx rồi chọn lại.`);
  }
}

interface Cell {
  lines: string[];
  line: string;
  span: number;
  vMerge: 'restart' | 'continue' | null;
}

interface TableState {
  rows: string[][];
  row: string[] | null;
  cell: Cell | null;
  /** Text of the vertically merged cell covering each column, from its first row. */
  merged: Map<number, string>;
}

const TAG = /<(\/?)([A-Za-z][\w.-]*:)?(tbl|tr|tc|p|t|tab|br|cr|gridSpan|vMerge|gridBefore|Fallback)\b([^>]*?)(\/?)>/g;

/** Tables of document.xml, or null past the cell bound. */
export function tablesOfXml(xml: string): DocxTable[] | null {
  const out: DocxTable[] = [];
  const stack: TableState[] = [];
  let cells = 0;
  let fallback = 0;
  TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(xml)) !== null) {
    const closing = m[1] === '/';
    const selfClosing = m[5] === '/';
    const name = m[3];
    // mc:Fallback repeats, for older readers, what mc:Choice already holds.
    if (name === 'Fallback') {
      if (m[2] !== 'mc:') continue;
      if (!selfClosing) fallback += closing ? -1 : 1;
      continue;
    }
    if (fallback > 0) continue;
    const top = stack[stack.length - 1];
    switch (name) {
      case 'tbl':
        if (!closing) stack.push({ rows: [], row: null, cell: null, merged: new Map() });
        else if (top) {
          stack.pop();
          const outer = stack[stack.length - 1];
          if (outer?.cell) {
            // A table inside a cell: its rows become lines of the cell.
            for (const r of top.rows) {
              const line = r.filter(Boolean).join(' ').replace(/\n/g, ' ');
              if (line) outer.cell.lines.push(line);
            }
          } else if (!outer) out.push({ index: out.length + 1, rows: top.rows });
        }
        break;
      case 'tr':
        if (!top) break;
        if (!closing) top.row = [];
        else if (top.row) {
          top.rows.push(top.row);
          top.row = null;
        }
        break;
      case 'gridBefore':
        if (top?.row && !top.cell) {
          const n = Number(valOf(m[4]));
          for (let k = 0; Number.isInteger(n) && k < Math.min(n, 64); k++) top.row.push('');
        }
        break;
      case 'tc':
        if (!top?.row) break;
        if (!closing && !selfClosing) top.cell = { lines: [], line: '', span: 1, vMerge: null };
        else if (closing && top.cell) {
          cells += endCell(top, top.cell);
          top.cell = null;
          if (cells > MAX_WORKBOOK_CELLS) return null;
        }
        break;
      case 'gridSpan':
        if (top?.cell) {
          const n = Number(valOf(m[4]));
          if (Number.isInteger(n) && n > 1) top.cell.span = Math.min(n, 64);
        }
        break;
      case 'vMerge':
        if (top?.cell) top.cell.vMerge = valOf(m[4]) === 'restart' ? 'restart' : 'continue';
        break;
      case 'p':
        if (!top?.cell) break;
        if (closing || selfClosing) {
          top.cell.lines.push(top.cell.line);
          top.cell.line = '';
        }
        break;
      case 't':
        if (closing || selfClosing || !top?.cell) break;
        {
          const end = xml.indexOf('</', TAG.lastIndex);
          if (end < 0) return out;
          top.cell.line += decodeEntities(xml.slice(TAG.lastIndex, end));
          TAG.lastIndex = end;
        }
        break;
      case 'tab':
        if (top?.cell && !closing) top.cell.line += ' ';
        break;
      case 'br':
      case 'cr':
        if (top?.cell && !closing) {
          top.cell.lines.push(top.cell.line);
          top.cell.line = '';
        }
        break;
    }
  }
  return out;
}

function valOf(attrText: string): string | undefined {
  const attrs = parseAttributes(attrText);
  return attrs['w:val'] ?? attrs.val ?? Object.entries(attrs).find(([k]) => k.endsWith(':val'))?.[1];
}

/** Places a finished cell in its row; returns the number of grid cells it fills. */
function endCell(t: TableState, c: Cell): number {
  const row = t.row as string[];
  if (c.line) c.lines.push(c.line);
  let text = c.lines.map((l) => l.trim()).filter(Boolean).join('\n');
  const col = row.length;
  if (c.vMerge === 'continue') text = t.merged.get(col) ?? '';
  for (let k = 0; k < c.span; k++) {
    if (c.vMerge === 'restart' && k === 0) t.merged.set(col, text);
    else if (c.vMerge === null) t.merged.delete(col + k);
    row.push(k === 0 ? text : '');
  }
  return c.span;
}
