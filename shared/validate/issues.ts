/**
 * Building validation issues: one place for the cell label every message starts with
 * ("Ô H12 (Mẫu số): …"), the Vietnamese severity words, and the sort order hosts show.
 */
import { a1, parseA1 } from '../cell';
import type { Severity, ValidationIssue } from '../model';

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'lỗi', warning: 'cảnh báo' };

/** Collects issues of one sheet; `at` names a cell by 0-based row/column. */
export class IssueSink {
  readonly issues: ValidationIssue[] = [];
  constructor(readonly sheet: string) {}

  at(row: number, col: number, severity: Severity, rule: string, message: string): void {
    this.issues.push({ sheet: this.sheet, address: a1(row, col), severity, rule, message });
  }

  whole(severity: Severity, rule: string, message: string): void {
    this.issues.push({ sheet: this.sheet, address: '', severity, rule, message });
  }
}

/** "Ô H12 (Mẫu số)" — the start of every cell message. */
export function cellLabel(row: number, col: number, header: string): string {
  return `Ô ${a1(row, col)} (${header})`;
}

/**
 * Quotes what the user typed, shortened when long: “abc”. A date or time (Excel turns "5/5" into a
 * date and "0:15" into a time as they are typed) is never quoted as JavaScript prints it: it is named
 * as what the cell now holds, day/month/year or hour:minute, and how to type the figure instead.
 */
export function quote(value: unknown): string {
  if (value instanceof Date) return describeDate(value);
  let s = typeof value === 'string' ? value.trim() : String(value);
  if (s.length > 60) s = s.slice(0, 57) + '…';
  return `“${s}”`;
}

/** A parser's reason without a trailing full stop, ready to sit inside a sentence. */
export function reasonText(reason: string): string {
  return reason.trim().replace(/[.。]+$/, '');
}

/** A parser's reason as a sentence of its own, ending with a full stop. */
export function sentence(reason: string): string {
  const t = reason.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

/** A list of allowed words for a message: “Hoàn thành”, “Đang thực hiện”, “Chưa thực hiện”. */
export function allowedList(values: readonly string[]): string {
  return values.map((v) => `“${v}”`).join(', ');
}

/** Lower-cases the first letter of a header for use inside a sentence ("Nhập cơ quan chủ trì"). */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

/**
 * Orders issues as a user reads the workbook: sheets in tab order (workbook-wide problems and
 * missing sheets first), then row, then column; whole-sheet problems before cell problems.
 */
export function sortIssues(issues: ValidationIssue[], sheetOrder: readonly string[]): ValidationIssue[] {
  const order = new Map(sheetOrder.map((s, i) => [s, i]));
  const keyed = issues.map((issue, i) => {
    const pos = issue.address ? parseA1(issue.address) : null;
    // Workbook-wide problems first, then sheets that are missing, then tabs in order.
    const sheetRank = issue.sheet === '' ? -2 : (order.get(issue.sheet) ?? -1);
    return { issue, i, sheetRank, row: pos ? pos.row : -1, col: pos ? pos.col : -1 };
  });
  keyed.sort((a, b) => a.sheetRank - b.sheetRank || a.row - b.row || a.col - b.col || a.i - b.i);
  return keyed.map((k) => k.issue);
}

/** "Phụ lục 2 - Nhiệm vụ!J12 — lỗi: …"; a whole-sheet issue has no "!address". */
export function formatIssue(issue: ValidationIssue): string {
  const where = issue.sheet ? (issue.address ? `${issue.sheet}!${issue.address}` : issue.sheet) : issue.address;
  const head = where ? `${where} — ` : '';
  return `${head}${SEVERITY_LABEL[issue.severity]}: ${issue.message}`;
}

const two = (n: number) => String(n).padStart(2, '0');
const RETYPE = 'Excel đã tự đổi nội dung gõ vào thành ngày giờ; hãy định dạng ô là Văn bản hoặc Số rồi gõ lại';

/**
 * A date cell in words: `ngày 05/05/2025 (…)`, `giờ 00:15 (…)`. Readers of files give dates at UTC
 * midnight plus the time of day; Apps Script gives them in the script's zone: a value at midnight in
 * either is a day, a day of 30/12/1899 or 01/01/1904 a time of day alone.
 */
export function describeDate(d: Date): string {
  const t = d.getTime();
  if (Number.isNaN(t)) return 'một ngày không hợp lệ';
  const local = d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0 && t % 86_400_000 !== 0;
  const y = local ? d.getFullYear() : d.getUTCFullYear();
  const m = (local ? d.getMonth() : d.getUTCMonth()) + 1;
  const day = local ? d.getDate() : d.getUTCDate();
  const timeOnly = (y === 1899 && m === 12 && day === 30) || (y === 1904 && m === 1 && day === 1);
  const localTime = !local && d.getFullYear() === 1899 && d.getMonth() === 11 && d.getDate() === 30 && !(y === 1899 && m === 12 && day === 30);
  const h = localTime ? d.getHours() : d.getUTCHours();
  const min = localTime ? d.getMinutes() : d.getUTCMinutes();
  if (timeOnly || localTime) return `giờ ${two(h)}:${two(min)} (${RETYPE})`;
  const dayText = `${two(day)}/${two(m)}/${y}`;
  if (local || t % 86_400_000 === 0) return `ngày ${dayText} (${RETYPE})`;
  return `ngày giờ ${dayText} ${two(h)}:${two(min)} (${RETYPE})`;
}
