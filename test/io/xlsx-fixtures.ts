/**
 * Workbooks for the .xlsx reader tests: built with exceljs, read back with exceljs for parity,
 * patched or assembled by hand with fflate for what exceljs cannot write.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { CellValue, Grid } from '../../shared/cell';

export const UTC = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

/** The main fixture: every kind of value the reader must return, on a visible and a hidden sheet. */
export function buildRichWorkbook(opts: { date1904?: boolean } = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  if (opts.date1904) wb.properties.date1904 = true;

  const ws = wb.addWorksheet('Phụ lục 1');
  ws.getCell('A1').value = 'STT';
  ws.getCell('B1').value = 'Chỉ tiêu';
  ws.getCell('C1').value = 'Chỉ tiêu phấn đấu năm 2025';
  ws.getCell('D1').value = 'Hạn hoàn thành';
  ws.getCell('E1').value = 'Đã đạt';
  ws.getCell('F1').value = 'Kết quả';
  ws.getCell('A2').value = 1;
  ws.getCell('B2').value = 'Tỷ lệ hồ sơ giải quyết đúng hạn';
  ws.getCell('C2').value = 0.955;
  ws.getCell('D2').value = UTC(2025, 3, 31);
  ws.getCell('E2').value = true;
  ws.getCell('F2').value = { formula: 'C2*100', result: 95.5 };
  ws.getCell('A3').value = 2;
  ws.getCell('B3').value = '=Không phải công thức: bắt đầu bằng dấu bằng';
  ws.getCell('C3').value = -1234567.25;
  ws.getCell('D3').value = UTC(2025, 12, 15, 14, 30);
  ws.getCell('E3').value = false;
  ws.getCell('F3').value = { formula: 'SUM(C2:C3)' }; // never calculated: no cached value
  ws.getCell('A4').value = 3;
  ws.getCell('B4').value = { richText: [{ text: 'Đảm bảo ' }, { font: { bold: true }, text: 'đúng hạn' }, { text: ' 100%' }] };
  ws.getCell('C4').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
  ws.getCell('D4').value = { formula: 'D2+1', result: UTC(2025, 4, 1) };
  ws.getCell('E4').value = { formula: 'E2', result: true };
  ws.getCell('F4').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
  ws.getCell('A5').value = 'Ghi chú <b> & "trích dẫn" \'đơn\'';
  ws.getCell('B5').value = { formula: 'B2&" (xã)"', result: 'Tỷ lệ hồ sơ giải quyết đúng hạn (xã)' };
  ws.getCell('C5').value = 'dòng 1\ndòng 2';
  ws.getCell('D5').value = { formula: 'NA()', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue;
  ws.mergeCells('A7:C8');
  ws.getCell('A7').value = 'Nhiệm vụ trọng tâm (gộp ô)';
  ws.mergeCells('E7:F7');
  ws.getCell('E7').value = 42;
  ws.getCell('H9').value = 'Cuối';

  const hidden = wb.addWorksheet('Danh mục ẩn');
  hidden.state = 'hidden';
  hidden.getCell('A1').value = 'Mã';
  hidden.getCell('B2').value = 'Quý IV';
  const veryHidden = wb.addWorksheet('Cấu hình');
  veryHidden.state = 'veryHidden';
  veryHidden.getCell('A1').value = 2025;
  return wb;
}

export async function toBytes(wb: ExcelJS.Workbook, opts: { useSharedStrings?: boolean } = {}): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer({ useSharedStrings: opts.useSharedStrings ?? true } as ExcelJS.XlsxWriteOptions);
  return new Uint8Array(buf as ArrayBuffer);
}

function normaliseExcelJsValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return v.error;
  if ('formula' in v || 'sharedFormula' in v) return normaliseExcelJsValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in v) return typeof v.text === 'string' ? v.text : normaliseExcelJsValue(v.text as ExcelJS.CellValue);
  return null;
}

/**
 * exceljs's reading of the same bytes, as a Grid trimmed to the used range from A1. exceljs repeats
 * a merged range's value in every cell of the range; Excel shows it once, in the top-left cell, and
 * so does our reader: followers are normalised to null here.
 */
export function excelJsGrid(ws: ExcelJS.Worksheet): Grid {
  const cells: { r: number; c: number; v: CellValue }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const follower = cell.isMerged && cell.master.address !== cell.address;
      const v = follower ? null : normaliseExcelJsValue(cell.value);
      if (v !== null) cells.push({ r: r - 1, c: c - 1, v });
    });
  });
  const height = cells.reduce((m, x) => Math.max(m, x.r + 1), 0);
  const width = cells.reduce((m, x) => Math.max(m, x.c + 1), 0);
  const grid: Grid = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  for (const x of cells) grid[x.r][x.c] = x.v;
  return grid;
}

export async function loadWithExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs's typings want a Node Buffer; it reads any ArrayBuffer view.
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** Rewrites text parts of a package (same entry order); `edit` gets each part's path and text. */
export function patchPackage(bytes: Uint8Array, edit: (path: string, text: string) => string | undefined): Uint8Array {
  const files = unzipSync(bytes);
  const out: Zippable = {};
  for (const [path, data] of Object.entries(files)) {
    if (path.endsWith('/')) continue;
    const changed = path.endsWith('.xml') || path.endsWith('.rels') ? edit(path, strFromU8(data)) : undefined;
    out[path] = changed === undefined ? data : strToU8(changed);
  }
  return zipSync(out);
}

export interface HandSheet {
  name: string;
  state?: 'hidden' | 'veryHidden';
  /** The whole worksheet XML. */
  xml: string;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal package written by hand, as other generators (LibreOffice, .NET, web exports) write them. */
export function buildPackage(p: {
  sheets: HandSheet[];
  sharedStrings?: string;
  styles?: string;
  workbookPr?: string;
  extra?: Zippable;
}): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
  };
  const rels: string[] = [];
  const sheetTags: string[] = [];
  p.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
    sheetTags.push(`<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`);
  });
  if (p.sharedStrings !== undefined) {
    files['xl/sharedStrings.xml'] = strToU8(p.sharedStrings);
    rels.push(`<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (p.styles !== undefined) {
    files['xl/styles.xml'] = strToU8(p.styles);
    rels.push(`<Relationship Id="rIdT" Type="${REL_NS}/styles" Target="/xl/styles.xml"/>`);
  }
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${p.workbookPr ?? ''}<sheets>${sheetTags.join('')}</sheets></workbook>`,
  );
  Object.assign(files, p.extra ?? {});
  return zipSync(files);
}

export const sheetXml = (sheetData: string, after = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;

/** Rewrites an entry's declared uncompressed size in both its local and central headers. */
export function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = new TextEncoder().encode(name);
  const matchesAt = (at: number) => nameBytes.every((b, k) => out[at + k] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === nameBytes.length && matchesAt(i + 30)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === nameBytes.length && matchesAt(i + 46)) view.setUint32(i + 24, size, true);
  }
  return out;
}
