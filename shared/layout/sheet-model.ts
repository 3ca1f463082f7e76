/**
 * A host-neutral description of a sheet to write: values, formulas, formats, validation,
 * conditional formats, print setup. shared/ builds these (template, summary); each host only
 * translates them to its API (exceljs, Office.js, SpreadsheetApp), so every host writes the same.
 * Ranges are A1 strings on this sheet ("B9:B40"); rows/cols in cells are 0-based.
 */
import type { CellValue } from '../cell';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** '#RRGGBB' */
  fill?: string;
  color?: string;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  border?: boolean;
  /** Excel number format, e.g. '0.0%', 'dd/mm/yyyy', '#,##0', '@'. */
  numberFormat?: string;
}

export interface StyledRange {
  range: string;
  style: CellStyle;
}

/** A formula cell: written as a formula with its computed value stored alongside. */
export interface FormulaCell {
  row: number;
  col: number;
  /** Excel formula without the leading '=' and with English function names and ',' separators. */
  formula: string;
  /** The value we computed: stored as the cached result, and used where formulas cannot run. */
  value: CellValue;
}

export type DataValidationRule =
  | { range: string; kind: 'list'; values: readonly string[]; strict: boolean; prompt?: string; error?: string }
  | { range: string; kind: 'decimal' | 'whole'; min?: number; max?: number; prompt?: string; error?: string }
  | { range: string; kind: 'date'; min?: string; max?: string; prompt?: string; error?: string };

export interface ConditionalFormat {
  range: string;
  /** Formula relative to the range's top-left cell, without '=', e.g. 'AND(ISNUMBER($I9),$I9<0.8)'. */
  formula: string;
  style: Pick<CellStyle, 'fill' | 'color' | 'bold'>;
}

export interface SheetModel {
  name: string;
  /** Values; a formula cell's slot holds its computed value too. */
  rows: CellValue[][];
  formulas: FormulaCell[];
  /** Column widths in characters, by 0-based index. */
  columnWidths: number[];
  hiddenColumns: number[];
  merges: string[];
  styles: StyledRange[];
  validations: DataValidationRule[];
  conditionalFormats: ConditionalFormat[];
  /** Rows frozen at the top (the header block and the table header). */
  frozenRows: number;
  frozenColumns: number;
  /** Header rows repeated on every printed page, e.g. '8:8'. */
  printTitleRows?: string;
  print?: { paper: 'A4'; orientation: 'landscape' | 'portrait'; fitToWidth: boolean };
  /** Ranges users should not edit (a warning, not a hard lock). */
  protectedRanges: string[];
  hidden: boolean;
  /** Font for the whole sheet. */
  font: { name: string; size: number };
}

export function emptySheet(name: string): SheetModel {
  return {
    name,
    rows: [],
    formulas: [],
    columnWidths: [],
    hiddenColumns: [],
    merges: [],
    styles: [],
    validations: [],
    conditionalFormats: [],
    frozenRows: 0,
    frozenColumns: 0,
    protectedRanges: [],
    hidden: false,
    font: { name: 'Times New Roman', size: 12 },
  };
}
