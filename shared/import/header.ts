/**
 * The header row of a plan's own annex table, found by its words whatever their order, spelling or
 * diacritics: "STT | Chỉ tiêu | Chỉ tiêu phấn đấu năm 2025 | Đơn vị theo dõi, hướng dẫn thực hiện",
 * "TT | Nội dung thực hiện | Sản phẩm/kết quả | Cơ quan thực hiện | Thời gian hoàn thành",
 * "STT | Nhiem vu | Cong chuc chu tri tham muu thuc hien | Thoi gian | Ghi chu".
 */
import { foldKey } from '../text/normalize';

/** What a column of a plan's table holds. */
export type ImportRole =
  | 'code'
  | 'stt'
  | 'name'
  | 'target'
  | 'monitor'
  | 'executor'
  | 'product'
  | 'lead'
  | 'partners'
  | 'deadline'
  | 'note';

export type TableKind = 'indicator' | 'task';

/** Header words, tried in this order: the first that fits a cell gives its role. */
const ROLE_WORDS: readonly { role: ImportRole | 'doer'; pattern: RegExp }[] = [
  { role: 'note', pattern: /^ghi chu\b/ },
  { role: 'stt', pattern: /^(s\.?\s?tt|tt|so tt|so thu tu|thu tu)$/ },
  { role: 'code', pattern: /^ma( chi tieu| nhiem vu| dong| so)?$/ },
  { role: 'partners', pattern: /\bphoi hop\b/ },
  { role: 'lead', pattern: /\bchu tri\b/ },
  { role: 'monitor', pattern: /\btheo doi\b|\bhuong dan\b/ },
  { role: 'deadline', pattern: /\bthoi gian\b|\bthoi han\b|\bhan hoan thanh\b|\bmoc hoan thanh\b/ },
  { role: 'product', pattern: /\bsan pham\b|^ket qua\b/ },
  { role: 'target', pattern: /\bphan dau\b|\bmuc tieu\b|^chi tieu (nam|ke hoach)\b|^ke hoach nam\b/ },
  { role: 'name', pattern: /\bnhiem vu\b|\bnoi dung\b|^(ten )?chi tieu$|^cac chi tieu$|^ten (chi tieu|nhiem vu)\b/ },
  // "Đơn vị thực hiện" is who carries out an indicator; "Cơ quan thực hiện" leads a task.
  { role: 'doer', pattern: /\bthuc hien\b|\bphu trach\b/ },
];

/** Folded words of a cell: lower case, no diacritics, punctuation as spaces. */
export function headerWords(text: string): string {
  return foldKey(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The role a header cell names, 'doer' when only "thực hiện" tells it, or null. Long texts are data. */
export function headerRole(text: string): ImportRole | 'doer' | null {
  const w = headerWords(text);
  if (!w || w.length > 70 || w.split(' ').length > 10) return null;
  for (const { role, pattern } of ROLE_WORDS) if (pattern.test(w)) return role;
  return null;
}

export interface HeaderFound {
  /** Grid rows the header spans (one, or two when split: "Trách nhiệm cụ thể" above its two columns). */
  rows: number[];
  kind: TableKind;
  /** Column of each role. */
  columns: Partial<Record<ImportRole, number>>;
}

type RoleCells = Map<number, ImportRole | 'doer'>;

function rolesOfRow(row: readonly string[]): { roles: RoleCells; others: number } {
  const roles: RoleCells = new Map();
  let others = 0;
  row.forEach((text, col) => {
    if (!text) return;
    const role = headerRole(text);
    if (role && ![...roles.values()].includes(role)) roles.set(col, role);
    else others++;
  });
  return { roles, others };
}

/** A row is a header when it names the row's title column and at least two other columns. */
function isHeaderRoles(roles: RoleCells): boolean {
  const set = new Set(roles.values());
  return set.has('name') && set.size >= 3;
}

/** The header starting at `row`, or null. A second row that only adds column names is part of it. */
export function headerAt(grid: readonly (readonly string[])[], row: number): HeaderFound | null {
  const first = rolesOfRow(grid[row] ?? []);
  if (!isHeaderRoles(first.roles)) return null;
  const roles = new Map(first.roles);
  const rows = [row];
  const next = grid[row + 1];
  if (next) {
    const second = rolesOfRow(next);
    const upper = grid[row];
    // Every filled cell of the second row names a column, or repeats the cell above (a merged cell).
    const onlyNames = next.every((text, col) => !text || second.roles.has(col) || text === upper[col]);
    const adds = [...second.roles].filter(([col, role]) => !roles.has(col) && ![...roles.values()].includes(role));
    if (onlyNames && adds.length > 0) {
      for (const [col, role] of adds) roles.set(col, role);
      rows.push(row + 1);
    }
  }
  const kind = kindOf(roles, grid[row][[...roles].find(([, r]) => r === 'name')?.[0] ?? 0] ?? '');
  const columns: Partial<Record<ImportRole, number>> = {};
  for (const [col, role] of roles) {
    let r: ImportRole = role === 'doer' ? (kind === 'task' ? 'lead' : 'executor') : role;
    if (role === 'doer' && kind === 'task' && columns.lead !== undefined) r = 'partners';
    if (columns[r] === undefined) columns[r] = col;
  }
  return { rows, kind, columns };
}

/** Task tables name their rows "Nhiệm vụ" or "Nội dung" and have products, leads or deadlines; indicator tables have targets. */
function kindOf(roles: RoleCells, nameHeader: string): TableKind {
  const set = new Set(roles.values());
  const w = headerWords(nameHeader);
  if (/\bnhiem vu\b|\bnoi dung\b/.test(w)) return 'task';
  if (/\bchi tieu\b/.test(w)) return 'indicator';
  if (set.has('target') || set.has('monitor')) return 'indicator';
  return 'task';
}

/** The same header again (each page of a long table repeats it): every role it names sits in the same column. */
export function repeatsHeader(found: HeaderFound, current: HeaderFound): boolean {
  if (found.kind !== current.kind) return false;
  const roles = Object.keys(found.columns) as ImportRole[];
  return roles.every((r) => current.columns[r] === found.columns[r]);
}
