/**
 * Sending the summary back: for one unit, a small printable document "Góp ý báo cáo <kỳ> — <đơn vị>"
 * with what the office received from it, every issue with sheet, cell and what to fix, the
 * indicators below the unit's own target and its overdue tasks. Built from the Summary alone, so the
 * command line, the Excel pane and the Sheets project can all send the same content.
 */
import { a1, type CellValue } from '../cell';
import { unitNames } from '../consolidate/derive';
import { targetVerdicts } from '../consolidate/verdicts';
import { formatGap, formatResult } from '../consolidate/format';
import { OUTCOME_LABELS, SEVERITY_LABELS, UNIT_STATUS_LABELS } from '../consolidate/summary-spec';
import { countsAsOverdue, TASK_STANDING_LABELS, taskStanding } from '../task-standing';
import type { LeafTask, Summary } from '../consolidate/types';
import { periodOfYear } from '../period';
import { documentHead, PREPARER, printAsDocument, put, rangeOf, signatureBlock, style } from './document';
import { fitRowHeights } from './row-heights';
import { emptySheet, type CellStyle, type SheetModel } from './sheet-model';

export const FEEDBACK_SHEET = 'Góp ý báo cáo';
const WIDTHS = [6, 46, 22, 16, 14, 50];
const HEADER_STYLE: CellStyle = { bold: true, wrap: true, hAlign: 'center', vAlign: 'middle', border: true, fill: '#D9E1F2' };

const standingOf = (t: LeafTask) => taskStanding(t.status, t.overdue, t.state === 'invalid');
/** Overdue as every table counts it: not done, past its deadline, status typed or left blank. */
const isOverdue = (t: LeafTask) => countsAsOverdue(standingOf(t), t.overdue);

/** Units the office has something to say to: issues, files not taken, results below target, overdue tasks. */
export function unitsWithFeedback(summary: Summary): string[] {
  const codes = new Set<string>();
  for (const i of summary.issues) if (i.unitCode) codes.add(i.unitCode);
  for (const u of summary.units) if (u.status !== 'taken') codes.add(u.code);
  for (const l of summary.indicators) if (l.met === false) codes.add(l.unitCode);
  for (const t of summary.tasks) if (isOverdue(t)) codes.add(t.unitCode);
  return [...codes].filter((c) => summary.units.some((u) => u.code === c)).sort();
}

/** "Góp ý báo cáo Quý III năm 2025 — UBND xã Anh Sơn", fit for a file name. */
export function feedbackTitle(summary: Summary, unitName: string): string {
  return `Góp ý báo cáo ${periodOfYear(summary.period, summary.year)} — ${unitName}`;
}

/** A section: its heading, a table header and rows; returns the next free row. */
function section(sheet: SheetModel, row: number, heading: string, headers: string[], rows: CellValue[][], empty: string): number {
  put(sheet, row, 0, heading);
  style(sheet, a1(row, 0), { bold: true });
  if (rows.length === 0) {
    put(sheet, row + 1, 0, empty);
    style(sheet, a1(row + 1, 0), { italic: true });
    return row + 3;
  }
  headers.forEach((h, c) => put(sheet, row + 1, c, h));
  style(sheet, rangeOf(row + 1, 0, row + 1, headers.length - 1), HEADER_STYLE);
  rows.forEach((values, i) => values.forEach((v, c) => put(sheet, row + 2 + i, c, v)));
  style(sheet, rangeOf(row + 2, 0, row + 1 + rows.length, headers.length - 1), { border: true, wrap: true, vAlign: 'top' });
  return row + rows.length + 3;
}

/** The feedback document for one unit of the summary. */
export function feedbackSheet(summary: Summary, unitCode: string): SheetModel {
  const sheet = emptySheet(FEEDBACK_SHEET);
  const names = unitNames(summary);
  const name = names.get(unitCode) ?? unitCode;
  const unit = summary.units.find((u) => u.code === unitCode);
  const width = WIDTHS.length;
  sheet.columnWidths = WIDTHS;
  let r = documentHead(sheet, width, {
    agency: summary.consolidatingUnit.name,
    title: `GÓP Ý BÁO CÁO CẢI CÁCH HÀNH CHÍNH ${periodOfYear(summary.period, summary.year).toLocaleUpperCase('vi')}`,
    subtitles: [`Kính gửi: ${name}`, unit ? `Tình trạng báo cáo: ${UNIT_STATUS_LABELS[unit.status]}` : ''].filter((x) => x !== ''),
    date: summary.generatedAt,
    widthChars: WIDTHS.reduce((a, b) => a + b, 0),
  });

  const files = summary.provenance.filter((p) => p.unitCode === unitCode);
  r = section(sheet, r, 'I. TÌNH HÌNH NHẬN BÁO CÁO', ['STT', 'Tệp', 'Kết quả', 'Ngày báo cáo', 'Kỳ', 'Lý do'],
    files.map((p, i) => [i + 1, p.fileName, OUTCOME_LABELS[p.outcome], p.reportDate ? p.reportDate.split('-').reverse().join('/') : '', p.period && p.year ? periodOfYear(p.period, p.year) : '', p.reasons.map((x) => x.message).join('\n')]),
    'Chưa nhận được tệp báo cáo nào.');

  const issues = summary.issues.filter((i) => i.unitCode === unitCode);
  r = section(sheet, r, 'II. LỖI VÀ CẢNH BÁO CẦN SỬA', ['STT', 'Nội dung và cách sửa', 'Trang tính', 'Ô', 'Mức độ', 'Tệp'],
    issues.map((i, n) => [n + 1, i.message, i.sheet, i.address, SEVERITY_LABELS[i.severity], i.fileName]),
    'Không có lỗi hay cảnh báo.');

  const missed = summary.aggregates.indicators.flatMap((agg) => {
    const leaf = summary.indicators.find((l) => l.unitCode === unitCode && l.code === agg.code);
    if (!leaf || leaf.met !== false) return [];
    return [[leaf.stt, leaf.name, leaf.targetText, formatResult(leaf.kind, leaf.result), formatGap(leaf.target?.[0] ?? null, leaf.gap), targetVerdicts(leaf.target, leaf.result, leaf.name, leaf.kind, summary.year)]];
  });
  r = section(sheet, r, 'III. CHỈ TIÊU CHƯA ĐẠT CHỈ TIÊU PHẤN ĐẤU CỦA ĐƠN VỊ', ['STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu', 'Kết quả', 'Còn thiếu', 'Ghi chú'],
    missed, 'Không có chỉ tiêu nào chưa đạt.');

  const overdue = summary.tasks.filter((t) => t.unitCode === unitCode && isOverdue(t));
  r = section(sheet, r, 'IV. NHIỆM VỤ QUÁ HẠN', ['TT', 'Nhiệm vụ', 'Thời gian hoàn thành', 'Tình trạng', '', 'Ghi chú'],
    overdue.map((t) => [t.tt, t.name, t.deadlineText, TASK_STANDING_LABELS[standingOf(t)], '', '']),
    'Không có nhiệm vụ quá hạn.');

  put(sheet, r, 0, 'Đề nghị đơn vị sửa các nội dung trên và gửi lại báo cáo trước hạn; giữ nguyên các cột mã ẩn của biểu mẫu.');
  style(sheet, a1(r, 0), { italic: true });
  signatureBlock(sheet, r + 2, width);
  printAsDocument(sheet, 0);
  sheet.printTitleRows = undefined;
  fitRowHeights(sheet, 6);
  return sheet;
}

/**
 * The same document as plain text, for an e-mail: its lines in order, the cells of a row joined by
 * " — ", blank rows and the signature block left out.
 */
export function feedbackText(summary: Summary, unitCode: string): string {
  const lines: string[] = [];
  for (const row of feedbackSheet(summary, unitCode).rows) {
    const cells = row.filter((v) => v !== '' && v !== null).map((v) => String(v));
    if (cells.length === 0) continue;
    if (cells[0] === PREPARER) break;
    lines.push(cells.join(' — '));
  }
  return lines.join('\n');
}
