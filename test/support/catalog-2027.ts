/**
 * The 2027 catalog of a province as an office makes it, for the end-to-end tests of every host: the
 * edits made to the exported authoring workbook (one area added, two indicators removed, a target
 * changed, a task added), what a commune types into its template, and the whole chain run through
 * the command line into a folder of real .xlsx files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../cli/main';
import { readXlsxValues } from '../../io/xlsx/read-values';
import { columnIndex, INDICATOR_SHEET, INFO_SHEET, TASK_SHEET } from '../../shared/spec/annex';

export const REMOVED = ['CT.CDDH.04', 'CT.TC.02'];
export const CHANGED = 'CT.TC.01';
export const NEW_TASK = 'NV.MTDT.01';

/** Cell of a label (column A) on a key/value sheet. */
export function rowOfLabel(ws: ExcelJS.Worksheet, label: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === label) return r;
  throw new Error(`no ${label} on ${ws.name}`);
}
export function rowOfCode(ws: ExcelJS.Worksheet, code: string, col = 1): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === code) return r;
  throw new Error(`no ${code} on ${ws.name}`);
}
export async function edit(path: string, out: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  change(wb);
  await wb.xlsx.writeFile(out);
}
export const sheet = (wb: ExcelJS.Workbook, name: string) => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

/** The office's edits for 2027, as a person makes them in Excel. */
export function make2027(wb: ExcelJS.Workbook): void {
  const info = sheet(wb, 'Thông tin danh mục');
  info.getCell(rowOfLabel(info, 'Mã danh mục'), 2).value = 'CCHC-THANHHOA';
  info.getCell(rowOfLabel(info, 'Tên danh mục'), 2).value = 'Danh mục chỉ tiêu, nhiệm vụ CCHC cấp xã tỉnh Thanh Hóa năm 2027';
  info.getCell(rowOfLabel(info, 'Phiên bản'), 2).value = '2027.1';
  info.getCell(rowOfLabel(info, 'Cơ quan ban hành'), 2).value = 'Sở Nội vụ tỉnh Thanh Hóa';
  const areas = sheet(wb, 'Lĩnh vực');
  areas.getRow(rowOfCode(areas, 'KHAC') + 1).values = ['MTDT', 'Cải thiện môi trường đầu tư, kinh doanh'];
  const ind = sheet(wb, 'Chỉ tiêu');
  for (const code of REMOVED) ind.spliceRows(rowOfCode(ind, code), 1);
  ind.getCell(rowOfCode(ind, CHANGED), 8).value = 'Tối thiểu 95%';
  const tasks = sheet(wb, 'Nhiệm vụ');
  let last = 4;
  while (tasks.getCell(last + 1, 1).value) last++;
  tasks.getRow(last + 1).values = [NEW_TASK, 'MTDT', '', 'Tổ chức hội nghị đối thoại với doanh nghiệp trên địa bàn xã', 'Báo cáo kết quả đối thoại', 'Văn phòng UBND xã', '', 'Quý II', '', '', ''];
  const cal = sheet(wb, 'Lịch báo cáo');
  const q2 = rowOfCode(cal, 'Quý II');
  cal.getCell(q2, 2).value = '10/06/2027';
  cal.getCell(q2, 3).value = '15/06/2027';
}

/** What a commune types: one ratio, the new task done; the report date. */
export async function fill(template: string, out: string, numerator: number, denominator: number, extra?: (wb: ExcelJS.Workbook) => void): Promise<void> {
  await edit(template, out, (wb) => {
    const info = sheet(wb, INFO_SHEET.name);
    info.getCell(rowOfLabel(info, 'Ngày báo cáo'), 2).value = new Date(Date.UTC(2027, 5, 12));
    const pl1 = sheet(wb, INDICATOR_SHEET.name);
    const r = rowOfCode(pl1, CHANGED);
    pl1.getCell(r, columnIndex(INDICATOR_SHEET, 'numerator') + 1).value = numerator;
    pl1.getCell(r, columnIndex(INDICATOR_SHEET, 'denominator') + 1).value = denominator;
    const pl2 = sheet(wb, TASK_SHEET.name);
    const t = rowOfCode(pl2, NEW_TASK);
    pl2.getCell(t, columnIndex(TASK_SHEET, 'status') + 1).value = 'Hoàn thành';
    pl2.getCell(t, columnIndex(TASK_SHEET, 'completedOn') + 1).value = new Date(Date.UTC(2027, 4, 20));
    pl2.getCell(t, columnIndex(TASK_SHEET, 'documentRef') + 1).value = '15/BC-UBND';
    pl2.getCell(t, columnIndex(TASK_SHEET, 'documentDate') + 1).value = new Date(Date.UTC(2027, 4, 20));
    extra?.(wb);
  });
}

export const grids = (path: string) => {
  const r = readXlsxValues(readFileSync(path));
  if (!r.ok) throw new Error(r.reason);
  return Object.fromEntries(r.value.sheets.map((s) => [s.name, s.grid]));
};
export const UNIT = (code: string, name: string) => ['--don-vi', name, '--ma', code, '--loai', 'xa', '--tong-hop', 'Sở Nội vụ tỉnh Thanh Hóa', '--cap', 'tinh'];


/** Runs one command; a failure stops the fixture with its Vietnamese message. */
async function must(argv: string[]): Promise<void> {
  const lines: string[] = [];
  const code = await main(argv, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  if (code !== 0) throw new Error(`cchc ${argv.join(' ')} → ${code}: ${lines.join('\n')}`);
}

/**
 * Into `dir`: the published 2027 catalog (danh-muc-2027.xlsx) and two communes' filled Quý II
 * reports made from it (bao-cao-90002.xlsx, bao-cao-90003.xlsx: 19/20 and 17/20 on CT.TC.01, the new
 * task done). Returns the report paths.
 */
export async function make2027Reports(dir: string): Promise<string[]> {
  const p = (name: string) => join(dir, name);
  await must(['danh-muc', 'xuat', '--nam', '2027', '--ra', p('chuan-2027.xlsx')]);
  await edit(p('chuan-2027.xlsx'), p('sua-2027.xlsx'), make2027);
  await must(['danh-muc', 'xuat', '--tu', p('sua-2027.xlsx'), '--ra', p('danh-muc-2027.xlsx')]);
  const out: string[] = [];
  for (const [code, name, n] of [['90002', 'UBND xã Anh Sơn', 19], ['90003', 'UBND xã Bút Sơn', 17]] as const) {
    await must(['template', ...UNIT(code, name), '--nam', '2027', '--ky', 'Quý II', '--danh-muc', p('danh-muc-2027.xlsx'), '--ra', p(`mau-${code}.xlsx`)]);
    await fill(p(`mau-${code}.xlsx`), p(`bao-cao-${code}.xlsx`), n, 20);
    out.push(p(`bao-cao-${code}.xlsx`));
  }
  return out;
}
