/**
 * A host-neutral description of a sheet to write: values, formulas, formats, validation,
 * conditional formats, print setup. shared/ builds these (template, summary); each host only
 * translates them to its API (exceljs, Office.js, SpreadsheetApp), so every host writes the same.
 * Ranges are A1 strings on this sheet ("B9:B40", or one cell "B9"); rows/cols in cells are 0-based.
 *
 * The contract every writer keeps:
 * - `rows` holds VALUES only. Every string in `rows` is written as text, even when it starts with
 *   = + - @ (a unit may name a task "- Rà soát…", or type "=1+1" as a note). Hosts whose API turns
 *   such text into a formula (Office.js `Range.values`, Apps Script `setValues`) must protect it,
 *   e.g. by setting the cell's number format to '@' first; `startsLikeFormula` tells which cells.
 * - Only `formulas` are written as formulas, with `value` as the cached result. The same value also
 *   sits in `rows` at that cell, so a reader without a calculation engine sees it.
 * - A `Date` in `rows` is a calendar day: made by `calendarDate` at UTC midnight. Writers store it
 *   as a date serial (day count from 30/12/1899, no time part) and show it 'dd/mm/yyyy' unless a
 *   style gives another number format. Never build these Dates from local time.
 * - '' and null are empty cells (nothing written, though styles and validation still apply).
 * - `styles` apply in order; a later range overrides only the properties it sets. The sheet `font`
 *   is the base of every cell, including cells users type into later.
 * - `protectedRanges` are advisory: hosts may warn on edits there; nothing is locked.
 */
import type { CellValue, IsoDate } from '../cell';

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

/**
 * Native data validation. `title` (at most 32 characters) heads the prompt and error boxes.
 * `strict: false` lets a value through after a warning (Excel's "Warning" style), e.g. a count
 * column that also accepts "x" for "không phát sinh". Date bounds are IsoDate strings.
 */
export type DataValidationRule =
  | { range: string; kind: 'list'; values: readonly string[]; strict: boolean; title?: string; prompt?: string; error?: string }
  | { range: string; kind: 'decimal' | 'whole'; min?: number; max?: number; strict?: boolean; title?: string; prompt?: string; error?: string }
  | { range: string; kind: 'date'; min?: IsoDate; max?: IsoDate; strict?: boolean; title?: string; prompt?: string; error?: string };

export interface ConditionalFormat {
  range: string;
  /** Formula relative to the range's top-left cell, without '=', e.g. 'AND(ISNUMBER($I9),$I9<0.8)'. */
  formula: string;
  style: Pick<CellStyle, 'fill' | 'color' | 'bold'>;
}

/**
 * How a sheet prints. Hosts without print settings (Google Sheets' Apps Script has no page-setup API)
 * ignore it; Excel and the .xlsx writer apply all of it.
 */
export interface PrintSetup {
  paper: 'A4';
  orientation: 'landscape' | 'portrait';
  /** Scale so the columns fit the page width; pages run down as far as needed. */
  fitToWidth: boolean;
  /** "Trang x/y" centred in the page footer (Excel header/footer codes: 'Trang &P/&N'). */
  pageNumbers?: boolean;
  /** 0-based rows that start a new printed page (manual page breaks before them). */
  rowBreaks?: number[];
  /** Page margins in inches (Excel's unit); hosts' defaults when absent. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

/** The footer text of a sheet whose print setup asks for page numbers, in Excel's header/footer codes. */
export const PAGE_NUMBER_FOOTER = '&C&"Times New Roman,Regular"&10Trang &P/&N';

export interface SheetModel {
  name: string;
  /** Values; a formula cell's slot holds its computed value too. */
  rows: CellValue[][];
  formulas: FormulaCell[];
  /** Column widths in characters, by 0-based index. */
  columnWidths: number[];
  /** Row heights in points by 0-based row, for rows whose wrapped text needs more than one line. */
  rowHeights?: Record<number, number>;
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
  print?: PrintSetup;
  /** Ranges users should not edit (a warning, not a hard lock). */
  protectedRanges: string[];
  hidden: boolean;
  /** Font for the whole sheet. */
  font: { name: string; size: number };
  /** Charts drawn from this sheet's own cells (hosts that can draw charts). */
  charts?: ChartSpec[];
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

/** A calendar day as the Date that `rows` carries: UTC midnight. Null for text that is not yyyy-mm-dd. */
export function calendarDate(iso: IsoDate): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]) ? d : null;
}

/** Spreadsheet date serial of a calendar day (1900 date system): 2025-01-01 → 45658. */
export function dateSerial(day: IsoDate | Date): number | null {
  const d = typeof day === 'string' ? calendarDate(day) : day;
  if (!d) return null;
  return Math.round(d.getTime() / 86_400_000) + 25_569;
}

/** True for text a spreadsheet would take as a formula if typed: it starts with = + - or @. */
export function startsLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/**
 * A chart drawn from cells of a written sheet (hosts that can draw charts). The source range holds a
 * header row (series names from its second cell on) and a category column (first column); each further
 * column is one series (seriesBy 'Columns').
 * - 'columnClustered': vertical columns side by side;
 * - 'barClustered': horizontal bars side by side (long category names stay readable);
 * - 'barStacked': horizontal bars stacked, e.g. how many units fall in each result band.
 * Excel: Excel.ChartType ColumnClustered / BarClustered / BarStacked; Sheets: EmbeddedChartBuilder
 * asColumnChart / asBarChart (setStacked); .xlsx: DrawingML c:barChart with barDir col|bar and
 * grouping clustered|stacked.
 */
export interface ChartSpec {
  sheet: string;
  /** Source data, header row and category column included: "A5:C40". */
  range: string;
  title: string;
  /** Top-left cell the chart is placed at. */
  anchor: string;
  seriesBy: 'Columns' | 'Rows';
  type?: 'columnClustered' | 'barClustered' | 'barStacked';
  /** Size in cells from the anchor (columns across, rows down); hosts' default when absent. */
  size?: { columns: number; rows: number };
  /** Number format of the value axis, e.g. '0%' or '0'. */
  valueFormat?: string;
  /** Colours of the series in order, '#RRGGBB'. */
  seriesColors?: string[];
}
