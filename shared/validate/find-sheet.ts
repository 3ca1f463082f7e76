/**
 * Finding our sheets in a workbook and the table header on them. Units rename tabs ("Phu luc 1",
 * "PL 1"), move the header down (their own title block) and reword or reorder columns, so both are
 * found by text compared diacritic-free, never by fixed position.
 */
import type { Grid, WorkbookGrids } from '../cell';
import type { ColumnSpec, TableSheetSpec } from '../spec/annex';
import { TextMemo } from '../text/memo';
import { wordKey } from './text';

export { wordKey };

/** Tab-name key: letters and digits run together, leading zeros dropped ("Phụ lục 01" → "phuluc1"). */
function tabKey(value: string): string {
  return TAB_KEYS.get(value, (v) => wordKey(v).replace(/\b0+(\d)/g, '$1').replace(/ /g, ''));
}

/** Every workbook of a batch has the same few tab names. */
const TAB_KEYS = new TextMemo<string>(100_000, 100);

export interface SheetNames {
  name: string;
  aliases: readonly string[];
}

/**
 * The tab of `grids` that is the sheet `spec` names: exact name or alias first (diacritics, case,
 * spaces and punctuation ignored), then a tab that starts with one ("Phu luc 1 - Chi tieu nam 2025"),
 * never one that merely shares a prefix with another number ("Phụ lục 12"). Tabs in `taken` are skipped.
 */
export function findSheet(grids: WorkbookGrids, spec: SheetNames, taken: ReadonlySet<string> = new Set()): string | null {
  const wanted = [spec.name, ...spec.aliases].map(tabKey).filter((k) => k.length > 0);
  const tabs = Object.keys(grids).filter((t) => !taken.has(t));
  for (const tab of tabs) {
    const k = tabKey(tab);
    if (wanted.includes(k)) return tab;
  }
  let best: { tab: string; len: number } | null = null;
  for (const tab of tabs) {
    const k = tabKey(tab);
    for (const w of wanted) {
      const next = k.charAt(w.length);
      if (k.startsWith(w) && !(/\d$/.test(w) && /\d/.test(next))) {
        if (!best || w.length > best.len) best = { tab, len: w.length };
      }
    }
  }
  return best ? best.tab : null;
}

/**
 * Whether findSheet may take `tab` for `spec` by its name, whatever other tabs the workbook has: its
 * name is the sheet's or an alias, or starts with one (the rules of findSheet). A tab for which this
 * is false is never taken by name.
 */
export function mayBeSheet(tab: string, spec: SheetNames): boolean {
  const k = tabKey(tab);
  for (const w of [spec.name, ...spec.aliases].map(tabKey)) {
    if (w.length === 0) continue;
    if (k === w) return true;
    if (k.startsWith(w) && !(/\d$/.test(w) && /\d/.test(k.charAt(w.length)))) return true;
  }
  return false;
}

// ---------------------------------------------------------------- header row

export interface HeaderMatch {
  /** 0-based row of the header (the lower row when the header spans two rows). */
  headerRow: number;
  /** First row that may hold data (after the header and a column-number row, if any). */
  dataStart: number;
  /** Spec column key → 0-based column index. */
  columns: Record<string, number>;
  /** Header text found for each matched key, as typed (cleaned). */
  found: Record<string, string>;
  /** Spec columns not found, in spec order. */
  missing: ColumnSpec[];
  /** Non-blank header cells that match no spec column. */
  unknown: { col: number; text: string }[];
}

/** How far down a sheet the header is searched for. */
export const HEADER_SEARCH_ROWS = 30;

interface Candidate {
  key: string;
  words: string;
  /** `words` followed by a space: what a longer cell starts with. */
  wordsAndSpace: string;
}

const candidateCache = new WeakMap<TableSheetSpec, Candidate[]>();

function candidatesOf(spec: TableSheetSpec): Candidate[] {
  let c = candidateCache.get(spec);
  if (!c) {
    c = [];
    for (const col of spec.columns) {
      for (const text of [col.header, ...(col.aliases ?? [])]) {
        const words = wordKey(text);
        c.push({ key: col.key, words, wordsAndSpace: words + ' ' });
      }
    }
    candidateCache.set(spec, c);
  }
  return c;
}

/**
 * How well a header cell's words fit one header text: exact beats "cell starts with the header"
 * ("Chỉ tiêu phấn đấu năm 2025"), which beats "cell is the start of the header" ("Văn bản");
 * among prefixes the longer, more specific header wins.
 */
function fit(cell: string, cand: Candidate): number {
  const words = cand.words;
  if (!cell || !words) return 0;
  if (cell === words) return 3000 + words.length;
  if (cell.startsWith(cand.wordsAndSpace)) return 2000 + words.length;
  // words.startsWith(cell + ' '), without building the string
  if (cell.length >= 4 && words.length > cell.length && words.charCodeAt(cell.length) === 32 && words.startsWith(cell)) {
    return 1000 + cell.length;
  }
  return 0;
}

interface CellFit {
  key: string;
  score: number;
}

const fitCache = new WeakMap<TableSheetSpec, TextMemo<CellFit[]>>();

/** The spec columns a header cell's words fit, with their scores, in candidate order (kept by text). */
function fitsOf(spec: TableSheetSpec, cell: string): CellFit[] {
  let memo = fitCache.get(spec);
  if (!memo) {
    memo = new TextMemo<CellFit[]>(500_000, 300);
    fitCache.set(spec, memo);
  }
  return memo.get(cell, () => {
    const out: CellFit[] = [];
    for (const cand of candidatesOf(spec)) {
      const score = fit(cell, cand);
      if (score > 0) out.push({ key: cand.key, score });
    }
    return out;
  });
}

interface RowAssignment {
  columns: Record<string, number>;
  found: Record<string, string>;
  score: number;
  unknown: { col: number; text: string }[];
}

const NO_FIT: RowAssignment = Object.freeze({ columns: {}, found: {}, score: 0, unknown: [] }) as RowAssignment;

/**
 * Best one-to-one assignment of a row's cells to spec columns, greedily by fit. A row none of whose
 * cells fits any column (most rows above and below a header) gives NO_FIT, whose `unknown` is not
 * listed: callers only look at the unknown cells of a row that fits at least one column.
 */
const textFitCache = new WeakMap<TableSheetSpec, TextMemo<CellFit[]>>();

/** fitsOf the cell's words, kept by the cell's own text: every workbook repeats the same header cells. */
function fitsOfText(spec: TableSheetSpec, text: string): CellFit[] {
  let memo = textFitCache.get(spec);
  if (!memo) {
    memo = new TextMemo<CellFit[]>(500_000, 300);
    textFitCache.set(spec, memo);
  }
  return memo.get(text, (t) => {
    const cell = wordKey(t);
    return cell ? fitsOf(spec, cell) : [];
  });
}

function assignRow(
  row: readonly unknown[] | undefined,
  spec: TableSheetSpec,
  allowed: ReadonlySet<string> | null,
): RowAssignment {
  if (!row) return NO_FIT;
  const pairs: { col: number; key: string; score: number }[] = [];
  const n = Math.min(row.length, 200);
  for (let c = 0; c < n; c++) {
    const v = row[c];
    if (typeof v !== 'string') continue;
    for (const f of fitsOfText(spec, v)) {
      if (allowed && !allowed.has(f.key)) continue;
      pairs.push({ col: c, key: f.key, score: f.score });
    }
  }
  if (pairs.length === 0) return NO_FIT;
  if (pairs.length > 1) pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  const columns: Record<string, number> = {};
  const found: Record<string, string> = {};
  const usedCols = new Set<number>();
  let score = 0;
  for (const p of pairs) {
    if (usedCols.has(p.col) || p.key in columns) continue;
    columns[p.key] = p.col;
    found[p.key] = row[p.col] as string;
    usedCols.add(p.col);
    score += p.score >= 3000 ? 2 : 1;
  }
  const unknown: { col: number; text: string }[] = [];
  for (let c = 0; c < n; c++) {
    const v = row[c];
    if (typeof v === 'string' && !usedCols.has(c) && wordKey(v)) unknown.push({ col: c, text: v });
  }
  return { columns, found, score, unknown };
}

/** "(1)", "1", "2", "(3)=(1)/(2)": the row of column numbers many tables carry under the header. */
function isColumnNumberRow(row: readonly unknown[] | undefined): boolean {
  if (!row) return false;
  let n = 0;
  for (const v of row) {
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 100) n++;
    else if (typeof v === 'string') {
      const t = v.trim();
      if (!t) continue;
      if (/^\(?\d{1,2}\)?(\s*[=*/x+-]\s*\(?\d{1,2}\)?)*$/.test(t)) n++;
      else return false;
    } else return false;
  }
  return n >= 3;
}

/**
 * Finds the table header of `spec` in the first rows of `grid`: the row whose cells best match the
 * spec's headers and aliases. A second header row underneath (merged group "Kết quả thực hiện" over
 * "Tử số | Mẫu số | Kết quả") is folded in. Null when no row matches at least two columns.
 */
/** What assignRow looks at in a row: its texts by column (anything else counts as nothing). */
function textsOf(row: readonly unknown[] | undefined): (string | undefined)[] | null {
  if (!row) return [];
  const out: (string | undefined)[] = [];
  for (let c = 0; c < row.length && c < 200; c++) {
    const v = row[c];
    if (typeof v === 'string') {
      // Long texts may be cuts of a workbook's XML: such rows are not kept (see memo.ts's ownCopy).
      if (v.length > 200) return null;
      out.push(v);
    } else out.push(undefined);
  }
  return out;
}

function sameTexts(kept: readonly (string | undefined)[], row: readonly unknown[] | undefined): boolean {
  const n = row ? Math.min(row.length, 200) : 0;
  if (kept.length !== n) return false;
  for (let c = 0; c < n; c++) {
    const v = row![c];
    if ((typeof v === 'string' ? v : undefined) !== kept[c]) return false;
  }
  return true;
}

/**
 * Each searched row's assignment, kept by sheet spec and row index for the next workbook: units fill
 * one template, so most rows above and around the header hold the very texts of the workbook before.
 */
const keptAssignments = new WeakMap<TableSheetSpec, ({ texts: (string | undefined)[]; a: RowAssignment } | undefined)[]>();

function keptAssignment(row: readonly unknown[] | undefined, spec: TableSheetSpec, index: number): RowAssignment {
  let rows = keptAssignments.get(spec);
  if (!rows) {
    rows = [];
    keptAssignments.set(spec, rows);
  }
  const kept = rows[index];
  if (kept && sameTexts(kept.texts, row)) return kept.a;
  const a = assignRow(row, spec, null);
  const texts = textsOf(row);
  rows[index] = texts ? { texts, a } : undefined;
  return a;
}

export function locateHeader(grid: Grid, spec: TableSheetSpec, searchRows = HEADER_SEARCH_ROWS): HeaderMatch | null {
  let best: { row: number; a: RowAssignment } | null = null;
  const last = Math.min(grid.length, searchRows);
  for (let r = 0; r < last; r++) {
    const a = keptAssignment(grid[r], spec, r);
    if (Object.keys(a.columns).length < 2) continue;
    if (!best || a.score > best.a.score) best = { row: r, a };
  }
  if (!best) return null;
  let { columns, found, unknown } = best.a;
  let headerRow = best.row;

  // A sub-header row: every non-blank cell repeats the cell above (merged) or names a column.
  const below = grid[headerRow + 1];
  const above = grid[headerRow];
  if (below && !isColumnNumberRow(below)) {
    const sub = assignRow(below, spec, null);
    const subKeys = Object.keys(sub.columns);
    const onlyHeaders = below.every((v, c) => {
      if (typeof v !== 'string' || wordKey(v) === '') return v === null || v === undefined || v === '';
      return wordKey(v) === wordKey(above?.[c]) || Object.values(sub.columns).includes(c);
    });
    const adds = subKeys.some((k) => !(k in columns) || columns[k] !== sub.columns[k]);
    if (onlyHeaders && subKeys.length > 0 && adds) {
      const merged: Record<string, number> = {};
      const mergedFound: Record<string, string> = {};
      const subCols = new Set(Object.values(sub.columns));
      for (const [k, c] of Object.entries(columns)) {
        if (!subCols.has(c) && !(k in sub.columns)) {
          merged[k] = c;
          mergedFound[k] = found[k];
        }
      }
      for (const [k, c] of Object.entries(sub.columns)) {
        merged[k] = c;
        mergedFound[k] = sub.found[k];
      }
      const used = new Set(Object.values(merged));
      const unk = new Map<number, string>();
      for (const u of [...unknown, ...sub.unknown]) if (!used.has(u.col) && !unk.has(u.col)) unk.set(u.col, u.text);
      columns = merged;
      found = mergedFound;
      unknown = [...unk].map(([col, text]) => ({ col, text })).sort((a, b) => a.col - b.col);
      headerRow += 1;
    }
  }
  let dataStart = headerRow + 1;
  if (isColumnNumberRow(grid[dataStart])) dataStart++;
  const missing = spec.columns.filter((c) => !(c.key in columns));
  return { headerRow, dataStart, columns, found, missing, unknown };
}

/** Strength of a header match, to pick a table sheet by content when its tab name is unknown. */
export function headerStrength(match: HeaderMatch | null, spec: TableSheetSpec): number {
  if (!match) return 0;
  const required = spec.columns.filter((c) => c.required && c.type !== 'code');
  const hit = required.filter((c) => c.key in match.columns).length;
  return hit === required.length ? Object.keys(match.columns).length : 0;
}
