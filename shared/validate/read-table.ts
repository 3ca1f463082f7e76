/**
 * What the two annex tables share: header problems, walking the data rows (blank rows skipped,
 * repeated page headers skipped, stop at a long blank run or the signature block), and reading one
 * row's cells by spec column type with the cell-level checks every column gets.
 */
import { isBlank, type CellValue, type Grid, type IsoDate } from '../cell';
import type { ColumnSpec, TableSheetSpec } from '../spec/annex';
import { parseDate } from '../parse/date';
import { formatNumberVi, parseNumber } from '../parse/number';
import { checkCell, mayNeedCheck } from './cells';
import { type HeaderMatch, HEADER_SEARCH_ROWS } from './find-sheet';
import { clean, wordKey } from './text';
import { cellLabel, lowerFirst, quote, type IssueSink } from './issues';
import { a1 } from '../cell';

/** A run of this many blank rows ends the table. */
export const BLANK_RUN_STOP = 20;

/** The signature block under a table (after a blank row): its first words, or the whole title. */
const FOOTER_STARTS = ['noi nhan', 'nguoi lap', 'nguoi bao cao', 'can bo lap', 'tm ', 't m ', 'kt ', 'xac nhan cua'];
const FOOTER_TITLES = new Set(['chu tich', 'pho chu tich', 'thu truong', 'thu truong don vi', 'xac nhan']);

/** A short line such as "Người lập biểu", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH" — never a task that names the chairman. */
function isFooter(row: readonly CellValue[] | undefined): boolean {
  if (!row) return false;
  for (const v of row) {
    if (isBlank(v)) continue;
    if (typeof v !== 'string' || v.length > 60) return false;
    const k = wordKey(v);
    return FOOTER_TITLES.has(k) || FOOTER_STARTS.some((f) => (k + ' ').startsWith(f));
  }
  return false;
}

function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (const v of row) if (!isBlank(v)) return false;
  return true;
}

/**
 * 0-based rows holding data: blank rows skipped, a header repeated mid-table skipped; stops at
 * BLANK_RUN_STOP blank rows in a row, or at a signature block that follows a blank row.
 */
export function dataRows(grid: Grid, header: HeaderMatch): number[] {
  const out: number[] = [];
  const nameCol = header.columns.name;
  const nameHeader = wordKey(header.found.name);
  const repeatsHeader = (v: CellValue | undefined) =>
    typeof v === 'string' && v.length <= nameHeader.length + 8 && wordKey(v) === nameHeader;
  let blankRun = 0;
  for (let r = header.dataStart; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) {
      if (++blankRun >= BLANK_RUN_STOP) break;
      continue;
    }
    if (blankRun > 0 && isFooter(row)) break;
    blankRun = 0;
    if (nameCol !== undefined && nameHeader && repeatsHeader(row?.[nameCol])) continue;
    out.push(r);
  }
  return out;
}

/** Header problems: a column not found, named after the spec, at the cell that holds a wrong header when one is in its place. */
export function headerIssues(sink: IssueSink, spec: TableSheetSpec, header: HeaderMatch): void {
  const blamed = new Set<number>();
  for (const col of header.missing) {
    const severity = col.required && col.type !== 'code' ? 'error' : 'warning';
    if (col.type === 'code') {
      sink.whole(
        'warning', 'header.mismatch',
        `Không có cột “${col.header}” (cột ẩn của biểu mẫu) nên các dòng được nhận theo tên và có thể không khớp khi tổng hợp. ` +
          'Nên chép số liệu vào biểu mẫu gốc.',
      );
      continue;
    }
    const suspect = placeOf(spec, header, col, blamed);
    if (suspect) {
      blamed.add(suspect.col);
      sink.at(
        header.headerRow, suspect.col, severity, 'header.mismatch',
        `Ô ${a1(header.headerRow, suspect.col)}: tiêu đề cột ${quote(suspect.text)} không khớp với biểu mẫu. ` +
          `Nếu đây là cột “${col.header}”, sửa tiêu đề thành “${col.header}”.`,
      );
    } else {
      sink.whole(
        severity, 'header.mismatch',
        `Thiếu cột “${col.header}” ở dòng tiêu đề (dòng ${header.headerRow + 1}). ` +
          `Thêm cột có tiêu đề “${col.header}”, hoặc chép số liệu vào biểu mẫu gốc.`,
      );
    }
  }
}

/** An unknown header cell standing where the missing column would be: between its found neighbours. */
function placeOf(
  spec: TableSheetSpec, header: HeaderMatch, col: ColumnSpec, blamed: ReadonlySet<number>,
): { col: number; text: string } | null {
  const i = spec.columns.indexOf(col);
  let lo = -1;
  let hi = Number.POSITIVE_INFINITY;
  for (let j = i - 1; j >= 0; j--) {
    const c = header.columns[spec.columns[j].key];
    if (c !== undefined) { lo = c; break; }
  }
  for (let j = i + 1; j < spec.columns.length; j++) {
    const c = header.columns[spec.columns[j].key];
    if (c !== undefined) { hi = c; break; }
  }
  if (hi < lo) return null; // columns reordered: no sensible place to point at
  return header.unknown.find((u) => u.col > lo && u.col < hi && !blamed.has(u.col)) ?? null;
}

/** The sheet-level issue when no header row is found at all. */
export function noHeaderIssue(sink: IssueSink, spec: TableSheetSpec): void {
  const expected = spec.columns.filter((c) => !c.hidden).map((c) => c.header).join(', ');
  sink.whole(
    'error', 'header.mismatch',
    `Không tìm thấy dòng tiêu đề của bảng trong ${HEADER_SEARCH_ROWS} dòng đầu. ` +
      `Dòng tiêu đề cần có các cột: ${expected}. Chép lại dòng tiêu đề từ biểu mẫu.`,
  );
}

/** A count cell: a number, blank, "x" (nothing to report), or unusable (already reported). */
export type CountReading = { value: number } | 'empty' | 'no_data' | 'bad';

/** One data row read through the spec: cell values by column key, typed readers that report problems. */
export class RowReader {
  private readonly cells: readonly CellValue[];
  /** Keys of cells holding an error value; made only when one does. */
  private broken: Set<string> | null = null;

  constructor(
    readonly sink: IssueSink,
    readonly spec: TableSheetSpec,
    readonly header: HeaderMatch,
    readonly row: number,
    grid: Grid,
  ) {
    this.cells = grid[row] ?? [];
  }

  col(key: string): number | undefined {
    return this.header.columns[key];
  }

  raw(key: string): CellValue {
    const c = this.header.columns[key];
    return c === undefined ? null : (this.cells[c] ?? null);
  }

  text(key: string): string {
    return clean(this.raw(key));
  }

  blank(key: string): boolean {
    return isBlank(this.raw(key));
  }

  headerOf(key: string): string {
    return columnSpec(this.spec, key).header;
  }

  label(key: string): string {
    return cellLabel(this.row, this.header.columns[key] ?? 0, this.headerOf(key));
  }

  /**
   * The text of a row merged across the table (a section title spread over B:K, which file readers
   * repeat in every cell), else null. The hidden code column is not looked at.
   */
  mergedText(): string | null {
    let first: string | null = null;
    let n = 0;
    for (const c of this.spec.columns) {
      if (c.type === 'code') continue;
      const col = this.header.columns[c.key];
      if (col === undefined) continue;
      const v = this.cells[col];
      if (isBlank(v)) continue;
      // Merged cells repeat the very same value: a different one ends the question at once.
      if (typeof v !== 'string' || (first !== null && v !== first)) return null;
      first = v;
      n++;
    }
    return n >= 2 && first !== null ? clean(first) : null;
  }

  /** Runs the cell-level checks on every found column; remembers cells holding error values. */
  checkCells(): void {
    const cells = this.cells;
    for (const f of foundColumns(this.spec, this.header).all) {
      const v = cells[f.col];
      if (mayNeedCheck(v) && checkCell(this.sink, this.row, f.col, f.spec.header, v)) (this.broken ??= new Set()).add(f.spec.key);
    }
  }

  /** False when the cell holds an error value (already reported). */
  usable(key: string): boolean {
    return !this.broken?.has(key) && this.header.columns[key] !== undefined;
  }

  issue(key: string, severity: 'error' | 'warning', rule: string, message: string): void {
    const col = this.header.columns[key];
    if (col === undefined) this.sink.whole(severity, rule, message);
    else this.sink.at(this.row, col, severity, rule, message);
  }

  /** Reports every required cell (per the spec) left empty; the code column has its own rule. */
  requiredCells(): void {
    for (const f of foundColumns(this.spec, this.header).required) if (isBlank(this.cells[f.col])) this.required(f.spec.key);
  }

  /** Reports a required cell left empty; true when it is empty. */
  required(key: string): boolean {
    if (this.header.columns[key] === undefined || !this.blank(key)) return false;
    const spec = columnSpec(this.spec, key);
    const help = spec.help ? ` ${spec.help.replace(/\.?$/, '.')}` : '';
    this.issue(key, 'error', 'required', `${this.label(key)}: ô bắt buộc đang để trống. Nhập ${lowerFirst(spec.header)}.${help}`);
    return true;
  }

  /** A count (tử số, mẫu số): a non-negative number, "x" for nothing to report. */
  count(key: string): CountReading {
    if (this.header.columns[key] === undefined) return 'empty';
    if (this.broken?.has(key)) return 'bad';
    const v = this.raw(key);
    const p = parseNumber(v);
    if (!p.ok) {
      this.issue(
        key, 'error', 'type.number',
        `${this.label(key)}: ${quote(v)} không phải là số. Nhập một số lượng, ví dụ 120, hoặc “x” nếu không phát sinh.`,
      );
      return 'bad';
    }
    const r = p.value;
    if (r.kind !== 'number') return r.kind;
    if (r.percent) {
      this.issue(
        key, 'error', 'type.number',
        `${this.label(key)}: ô này nhập số lượng, không nhập phần trăm (${quote(v)}). ` +
          'Nhập số lượng, ví dụ 120; tỷ lệ được tính tự động từ tử số và mẫu số.',
      );
      return 'bad';
    }
    if (r.value < 0) {
      this.issue(
        key, 'error', 'type.number',
        `${this.label(key)}: số lượng không thể âm (${formatNumberVi(r.value)}). Nhập số từ 0 trở lên.`,
      );
      return 'bad';
    }
    return { value: r.value };
  }

  /** A date cell; null when empty, 'bad' when unreadable (reported). */
  date(key: string, defaultYear: number | null, date1904: boolean | undefined): IsoDate | null | 'bad' {
    if (!this.usable(key) || this.blank(key)) return null;
    const v = this.raw(key);
    const d = parseDate(v, { date1904, defaultYear: defaultYear ?? undefined });
    if (!d.ok) {
      this.issue(
        key, 'error', 'type.date',
        `${this.label(key)}: ${d.reason}`,
      );
      return 'bad';
    }
    return d.value;
  }
}

/** Keys of the columns a unit fills when reporting (the spec's report role), notes left out when asked. */
export function reportKeys(spec: TableSheetSpec, withText: boolean): string[] {
  return spec.columns.filter((c) => c.role === 'report' && (withText || c.type !== 'text')).map((c) => c.key);
}

const columnCache = new WeakMap<TableSheetSpec, Map<string, ColumnSpec>>();
interface FoundColumns {
  all: { spec: ColumnSpec; col: number }[];
  /** Those a unit must fill (the code column has its own rule). */
  required: { spec: ColumnSpec; col: number }[];
}
const foundCache = new WeakMap<HeaderMatch, FoundColumns>();

/** The spec's columns found in this header, in spec order, with their column index: one list a table. */
function foundColumns(spec: TableSheetSpec, header: HeaderMatch): FoundColumns {
  let found = foundCache.get(header);
  if (!found) {
    found = { all: [], required: [] };
    for (const c of spec.columns) {
      const col = header.columns[c.key];
      if (col === undefined) continue;
      found.all.push({ spec: c, col });
      if (c.required && c.type !== 'code') found.required.push({ spec: c, col });
    }
    foundCache.set(header, found);
  }
  return found;
}

export function columnSpec(spec: TableSheetSpec, key: string): ColumnSpec {
  let m = columnCache.get(spec);
  if (!m) {
    m = new Map(spec.columns.map((c) => [c.key, c]));
    columnCache.set(spec, m);
  }
  const c = m.get(key);
  if (!c) throw new Error(`unknown column ${key} in ${spec.id}`);
  return c;
}
