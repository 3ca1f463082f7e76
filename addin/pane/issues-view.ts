/**
 * The issue list: grouped by sheet in tab order, each group with its lỗi/cảnh báo counts, each issue
 * a button that selects its cell; issues of one kind repeated on a sheet are one button that counts
 * them and lists their cells (groupIssues). Messages come from the shared validation as they are.
 */
import type { Severity, ValidationIssue } from '../../shared/model';
import { groupIssues } from '../../shared/validate/group-issues';
import { SEVERITY_LABEL } from '../../shared/validate/issues';
import { appendAll, clearChildren } from '../platform/dom';

/** More would make the pane slow to draw and no easier to work through. */
export const MAX_SHOWN = 300;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function badge(doc: Document, severity: Severity | 'ok', text: string): HTMLElement {
  return el(doc, 'span', `badge ${severity}`, text);
}

function counts(issues: readonly ValidationIssue[]): { error: number; warning: number } {
  let error = 0;
  for (const i of issues) if (i.severity === 'error') error++;
  return { error, warning: issues.length - error };
}

export function renderSummary(doc: Document, target: HTMLElement, issues: readonly ValidationIssue[]): void {
  clearChildren(target);
  const c = counts(issues);
  if (issues.length === 0) {
    appendAll(target, badge(doc, 'ok', 'Không có lỗi'), doc.createTextNode(' Số liệu khớp với biểu mẫu.'));
    return;
  }
  if (c.error) appendAll(target, badge(doc, 'error', `${c.error} ${SEVERITY_LABEL.error}`));
  if (c.warning) appendAll(target, badge(doc, 'warning', `${c.warning} ${SEVERITY_LABEL.warning}`));
}

export function renderIssues(
  doc: Document,
  target: HTMLElement,
  issues: readonly ValidationIssue[],
  sheetOrder: readonly string[],
  onSelect: (issue: ValidationIssue) => void,
): void {
  clearChildren(target);
  const order = new Map(sheetOrder.map((n, i) => [n, i]));
  const groups = new Map<string, ValidationIssue[]>();
  for (const i of issues.slice(0, MAX_SHOWN)) {
    const g = groups.get(i.sheet) ?? [];
    g.push(i);
    groups.set(i.sheet, g);
  }
  const sheets = [...groups.keys()].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
  for (const sheet of sheets) {
    const list = groups.get(sheet)!;
    const group = el(doc, 'div', 'sheet-group');
    group.dataset.sheet = sheet;
    const h = el(doc, 'h3');
    const c = counts(list);
    const tags = el(doc, 'span');
    if (c.error) appendAll(tags, badge(doc, 'error', `${c.error} ${SEVERITY_LABEL.error}`));
    if (c.warning) appendAll(tags, doc.createTextNode(' '), badge(doc, 'warning', `${c.warning} ${SEVERITY_LABEL.warning}`));
    appendAll(h, el(doc, 'span', '', sheet), tags);
    const ul = el(doc, 'ul', 'issue-list');
    // Repeated issues of one kind are one card that counts them and names their cells (shared rule).
    for (const g of groupIssues(list)) {
      const issue = g.issues[0];
      const li = el(doc, 'li');
      const b = el(doc, 'button', `issue ${g.severity}${g.issues.length > 1 ? ' grouped' : ''}`);
      b.type = 'button';
      b.dataset.address = issue.address;
      if (g.issues.length > 1) b.dataset.count = String(g.issues.length);
      b.title = issue.address ? `Chọn ô ${issue.address} trên trang ${sheet}` : `Mở trang ${sheet}`;
      appendAll(b, badge(doc, g.severity, SEVERITY_LABEL[g.severity]));
      // The message already starts with the cell ("Ô G12 (Tử số): …") or the count and the cells.
      appendAll(b, doc.createTextNode(' ' + g.message));
      b.addEventListener('click', () => onSelect(issue));
      appendAll(li, b);
      appendAll(ul, li);
    }
    appendAll(group, h, ul);
    appendAll(target, group);
  }
  if (issues.length > MAX_SHOWN) {
    appendAll(target, el(doc, 'p', 'hint', `Đang hiện ${MAX_SHOWN} trên ${issues.length} vấn đề. Sửa các lỗi trên rồi bấm Kiểm tra để xem tiếp.`));
  }
}
