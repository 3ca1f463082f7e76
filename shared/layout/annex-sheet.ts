/**
 * Lays out one annex table sheet (Phụ lục 1 or 2) from its TableSheetSpec: the national header
 * block, the annex title, the header row at spec.headerRow, then one section row per reform area
 * followed by its rows. Column order, headers, widths, hidden columns, value lists and help texts
 * all come from the spec; the caller only supplies each row's values and extras (formulas,
 * conditional formats) through `decorate`.
 */
import { fitRowHeights, LINE_HEIGHT, linesNeeded } from './row-heights';
import { a1, columnLetter, type CellValue } from '../cell';
import type { AreaCode } from '../model';
import { columnIndex, type ColumnSpec, type TableSheetSpec } from '../spec/annex';
import type { AnnexHeading } from './heading';
import { emptySheet, type DataValidationRule, type SheetModel } from './sheet-model';

/** Where a row's cells are, for formulas and conditional formats. */
export interface RowRefs {
  /** 0-based sheet row. */
  row: number;
  /** 0-based column of a spec column key. */
  col(key: string): number;
  /** Relative A1 address of the row's cell in a column: "I10". */
  ref(key: string): string;
  /** Column-absolute address, for conditional formats spanning several columns: "$I10". */
  fixedCol(key: string): string;
}

export interface AnnexItem {
  /** Cell values by spec column key; missing keys are empty. */
  values: Record<string, CellValue>;
  /** Adds formulas, styles, conditional formats for this row once its position is known. */
  decorate?(refs: RowRefs, sheet: SheetModel): void;
}

export interface AnnexSection {
  area: AreaCode;
  name: string;
  items: AnnexItem[];
}

/** Stable code of a section row, kept in the hidden code column: "LV.TTHC". */
export const sectionCode = (area: AreaCode): string => `LV.${area}`;

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 1 → "I", 14 → "XIV". */
export function romanNumeral(n: number): string {
  let rest = Math.floor(n);
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

export const HEADER_FILL_PLAN = '#D9E1F2';
export const HEADER_FILL_REPORT = '#E2EFDA';
export const SECTION_FILL = '#FFF2CC';
/** Rows the header block uses above the table: council/nation (2), blank, annex, title, issued-with. */
const HEADING_ROWS = 6;
/** Width in characters the right-hand national block needs. */
const NATION_BLOCK_WIDTH = 50;

const title32 = (text: string): string => (text.length <= 32 ? text : `${text.slice(0, 31)}…`);

/** Native validation of a report column over rows first..last (1-based, inclusive), from its spec. */
export function columnValidation(column: ColumnSpec, range: string): DataValidationRule | null {
  const header = column.header;
  const title = title32(header);
  if (column.type === 'enum' && column.values) {
    const list = column.values.join('; ');
    return {
      range, kind: 'list', values: column.values, strict: true, title,
      prompt: column.help ?? `Chọn một trong: ${list}.`,
      error: `Cột "${header}" chỉ nhận: ${list}. Hãy chọn trong danh sách.`,
    };
  }
  if (column.type === 'count') {
    return {
      range, kind: 'decimal', min: 0, strict: false, title,
      prompt: column.help ?? 'Nhập một số không âm.',
      error: `Cột "${header}" cần một số không âm, ví dụ 120 (hoặc "x" nếu không phát sinh).`,
    };
  }
  if (column.type === 'date') {
    return {
      range, kind: 'date', min: '2000-01-01', max: '2100-12-31', strict: true, title,
      prompt: column.help ?? 'Ngày/tháng/năm, ví dụ 15/03/2025.',
      error: `Cột "${header}" cần một ngày dạng ngày/tháng/năm, ví dụ 15/03/2025.`,
    };
  }
  return null;
}

/** Estimated lines a text needs in a column of this width (bold Times New Roman runs wide). */
export function buildAnnexSheet(spec: TableSheetSpec, heading: AnnexHeading, sections: AnnexSection[]): SheetModel {
  if (spec.headerRow < HEADING_ROWS) throw new Error(`${spec.id}: headerRow ${spec.headerRow} leaves no room for the heading`);
  const cols = spec.columns;
  const width = cols.length;
  const last = width - 1;
  const col = (key: string): number => columnIndex(spec, key);
  const visible = cols.map((c, i) => (c.hidden ? -1 : i)).filter((i) => i >= 0);
  const firstVisible = visible[0];
  const sheet = emptySheet(spec.name);
  const blank = (): CellValue[] => new Array<CellValue>(width).fill('');
  const span = (row: number, from: number, to: number): string => `${a1(row, from)}:${a1(row, to)}`;

  // ---------------------------------------------------------------- heading block
  for (let r = 0; r < spec.headerRow; r++) sheet.rows.push(blank());
  const leftEnd = visible[Math.min(1, visible.length - 1)];
  let rightStart = last;
  for (let i = visible.length - 1, w = 0; i >= 0 && w < NATION_BLOCK_WIDTH; i--) {
    rightStart = visible[i];
    w += cols[visible[i]].width;
  }
  if (rightStart <= leftEnd) rightStart = leftEnd + 1;
  const put = (row: number, from: number, to: number, text: string): void => {
    sheet.rows[row][from] = text;
    if (to > from) sheet.merges.push(span(row, from, to));
  };
  put(0, firstVisible, leftEnd, heading.council[0]);
  put(1, firstVisible, leftEnd, heading.council[1]);
  put(0, rightStart, last, heading.nation[0]);
  put(1, rightStart, last, heading.nation[1]);
  put(3, firstVisible, last, heading.annex);
  put(4, firstVisible, last, heading.title);
  put(5, firstVisible, last, heading.issuedWith);
  sheet.styles.push(
    { range: span(0, firstVisible, last), style: { hAlign: 'center', vAlign: 'middle' } },
    { range: span(1, firstVisible, last), style: { hAlign: 'center', vAlign: 'middle', bold: true } },
    { range: span(0, rightStart, last), style: { bold: true } },
    { range: span(3, firstVisible, last), style: { hAlign: 'center', bold: true } },
    { range: span(4, firstVisible, last), style: { hAlign: 'center', bold: true, fontSize: 13, wrap: true } },
    { range: span(5, firstVisible, last), style: { hAlign: 'center', italic: true, wrap: true } },
  );

  // ---------------------------------------------------------------- header row
  const hr = spec.headerRow;
  sheet.rows.push(cols.map((c) => c.header));
  sheet.styles.push({
    range: span(hr, 0, last),
    style: { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true, border: true, fill: HEADER_FILL_PLAN },
  });
  cols.forEach((c, i) => {
    if (c.role === 'report') sheet.styles.push({ range: a1(hr, i), style: { fill: HEADER_FILL_REPORT } });
  });
  sheet.rowHeights = { [hr]: LINE_HEIGHT * Math.max(...cols.map((c) => (c.hidden ? 1 : linesNeeded(c.header, c.width)))) + 4 };

  // ---------------------------------------------------------------- sections and rows
  const firstData = hr + 1;
  const headStyles = sheet.styles.length;
  const sectionRows: number[] = [];
  let numeral = 0;
  for (const section of sections) {
    if (section.items.length === 0) continue;
    const row = sheet.rows.length;
    const cells = blank();
    cells[col('code')] = sectionCode(section.area);
    cells[cols.findIndex((c) => c.type === 'stt')] = romanNumeral(++numeral);
    cells[col('name')] = section.name;
    sheet.rows.push(cells);
    sectionRows.push(row);
    for (const item of section.items) {
      const r = sheet.rows.length;
      const values = blank();
      for (const [key, v] of Object.entries(item.values)) values[col(key)] = v ?? '';
      sheet.rows.push(values);
      item.decorate?.(
        {
          row: r,
          col,
          ref: (key) => a1(r, col(key)),
          fixedCol: (key) => `$${columnLetter(col(key))}${r + 1}`,
        },
        sheet,
      );
    }
  }
  const lastData = sheet.rows.length - 1;
  const hasData = lastData >= firstData;

  // ---------------------------------------------------------------- table formats
  const colRange = (i: number): string => `${a1(firstData, i)}:${a1(lastData, i)}`;
  if (hasData) {
    // Later ranges win: table-wide styles go before the rows' own (a ratio row's percent format).
    const table: typeof sheet.styles = [
      { range: `${a1(firstData, 0)}:${a1(lastData, last)}`, style: { border: true, wrap: true, vAlign: 'top' } },
    ];
    cols.forEach((c, i) => {
      if (c.type === 'stt' || c.type === 'enum') table.push({ range: colRange(i), style: { hAlign: 'center' } });
      if (c.type === 'date') table.push({ range: colRange(i), style: { hAlign: 'center', numberFormat: 'dd/mm/yyyy' } });
      if (c.type === 'count' || c.type === 'result') table.push({ range: colRange(i), style: { hAlign: 'right' } });
    });
    for (const r of sectionRows) table.push({ range: span(r, 0, last), style: { bold: true, fill: SECTION_FILL } });
    sheet.styles.splice(headStyles, 0, ...table);

    cols.forEach((c, i) => {
      if (c.role !== 'report') return;
      const rule = columnValidation(c, colRange(i));
      if (rule) sheet.validations.push(rule);
    });
  }

  // ---------------------------------------------------------------- sheet setup
  sheet.columnWidths = cols.map((c) => c.width);
  sheet.hiddenColumns = cols.map((c, i) => (c.hidden ? i : -1)).filter((i) => i >= 0);
  sheet.frozenRows = hr + 1;
  sheet.printTitleRows = `${hr + 1}:${hr + 1}`;
  sheet.print = { paper: 'A4', orientation: 'landscape', fitToWidth: true };
  sheet.protectedRanges.push(`${a1(0, 0)}:${a1(hr, last)}`);
  if (hasData) {
    for (const [from, to] of runs(cols.map((c) => c.role !== 'report'))) {
      sheet.protectedRanges.push(`${a1(firstData, from)}:${a1(lastData, to)}`);
    }
    for (const r of sectionRows) sheet.protectedRanges.push(span(r, 0, last));
  }
  fitRowHeights(sheet, firstData);
  return sheet;
}

/** Index runs where flags are true: [T,T,F,T] → [[0,1],[3,3]]. */
function runs(flags: boolean[]): [number, number][] {
  const out: [number, number][] = [];
  flags.forEach((f, i) => {
    if (!f) return;
    const prev = out[out.length - 1];
    if (prev && prev[1] === i - 1) prev[1] = i;
    else out.push([i, i]);
  });
  return out;
}
