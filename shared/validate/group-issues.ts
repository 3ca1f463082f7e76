/**
 * Issues for a pane or sidebar: repeated issues of one kind on one sheet are one card that counts
 * them and lists their cells ("25 nhiệm vụ đã quá hạn nhưng chưa cập nhật tình trạng: I9, I10, …"),
 * not 25 cards. Each card keeps its issues, so a host can still go to each cell.
 */
import type { Severity, ValidationIssue } from '../model';

export interface IssueGroup {
  sheet: string;
  severity: Severity;
  rule: string;
  /** The issue's own message when alone; the count and the cells when grouped. */
  message: string;
  /** A1 addresses, in the order given ('' for whole-sheet issues). */
  addresses: string[];
  issues: ValidationIssue[];
}

/** From this many issues of one kind on one sheet, they are shown as one group. */
export const GROUP_FROM = 3;
/** Cells named in a group's message; more are counted ("… và 12 ô khác"). */
const CELLS_SHOWN = 12;

/**
 * The rules that repeat down a table with one meaning, and what a group of n of them says. Other
 * rules stay one card each: their messages differ from cell to cell (each blank Thông tin field
 * says what to type in it).
 */
const HEADLINES: Record<string, (n: number) => string> = {
  'task.overdue_not_updated': (n) => `${n} nhiệm vụ đã quá hạn nhưng chưa cập nhật tình trạng`,
  'task.overdue': (n) => `${n} nhiệm vụ quá hạn mà chưa hoàn thành`,
  'task.done_without_date': (n) => `${n} nhiệm vụ ghi “Hoàn thành” nhưng chưa có ngày hoàn thành`,
  'target.unreadable': (n) => `${n} chỉ tiêu không đọc được, chưa tự đánh giá được`,
  'deadline.unreadable': (n) => `${n} thời hạn không đọc được, chưa theo dõi quá hạn được`,
  'evaluation.mismatch': (n) => `${n} ô đánh giá khác với đánh giá tính từ kết quả`,
};

function cells(addresses: readonly string[]): string {
  const named = addresses.filter((a) => a !== '');
  const shown = named.slice(0, CELLS_SHOWN).join(', ');
  const more = named.length - CELLS_SHOWN;
  return more > 0 ? `${shown} và ${more} ô khác` : shown;
}

/**
 * Groups issues by sheet, severity and rule, in the order given (sort first with sortIssues): a
 * kind seen fewer than GROUP_FROM times on a sheet, or not a repeating kind, stays one card per issue.
 */
export function groupIssues(issues: readonly ValidationIssue[]): IssueGroup[] {
  const byKind = new Map<string, ValidationIssue[]>();
  for (const i of issues) {
    const k = `${i.sheet}\u0000${i.severity}\u0000${i.rule}`;
    const list = byKind.get(k);
    if (list) list.push(i);
    else byKind.set(k, [i]);
  }
  const out: IssueGroup[] = [];
  const placed = new Set<string>();
  for (const i of issues) {
    const k = `${i.sheet}\u0000${i.severity}\u0000${i.rule}`;
    const list = byKind.get(k) as ValidationIssue[];
    const headline = HEADLINES[i.rule];
    if (list.length < GROUP_FROM || !headline) {
      out.push({ sheet: i.sheet, severity: i.severity, rule: i.rule, message: i.message, addresses: [i.address], issues: [i] });
      continue;
    }
    if (placed.has(k)) continue;
    placed.add(k);
    const addresses = list.map((x) => x.address);
    const where = cells(addresses);
    const first = list[0].message;
    out.push({
      sheet: i.sheet, severity: i.severity, rule: i.rule, addresses, issues: list,
      message: `${headline(list.length)}${where ? `: ${where}` : ''}. Ví dụ — ${first}`,
    });
  }
  return out;
}
