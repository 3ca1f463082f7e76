/**
 * SheetModel → Google Sheets. Translation only: what the sheet contains is decided in shared/layout.
 *
 * Apps Script's setValues() reads strings the way Sheets reads what a user types: "=…", "+…", "-…"
 * become formulas, "3.10" becomes the number 3.1, "10/1/2025" a date, "TRUE" a boolean. Text that
 * Sheets would reinterpret is written with a leading apostrophe (Sheets' own "keep as text" mark,
 * which getValues() does not return), so a cell keeps exactly the text the model holds. The
 * apostrophe is chosen over the '@' number format because it costs no extra call and leaves the
 * cell's number format to the model.
 *
 * Formulas travel in the same setValues() calls as "=" + formula. Values are written only where the
 * model has content: one setValues() per band of consecutive non-empty rows, over the columns that
 * band uses, so the cells written follow the content, not the sheet's rectangle. Calendar days
 * (UTC-midnight Dates in the model) are written as date serials, which carry no time zone, and shown
 * 'dd/mm/yyyy' unless a style sets another format. Styles cost one call per style value
 * (sheets-styles); column widths one per run of equal widths.
 *
 * Frozen panes never cut a merged range (Sheets refuses it): a sheet is unfrozen before it is
 * rewritten, and a model asking to freeze through a merge is frozen at the nearest boundary before it.
 * Row heights are left to Sheets, which fits rows to wrapped text itself (Excel does not, hence the
 * model's heights); a fixed height would stop it.
 */
import { a1, parseA1, type CellValue } from '../../shared/cell';
import { dateSerial, type ChartSpec, type DataValidationRule, type SheetModel } from '../../shared/layout/sheet-model';
import { sentence } from '../../shared/validate/issues';
import { applyStyles, boxOf, type Box } from './sheets-styles';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Description given to the protections we create, so a rewrite removes ours and only ours. */
export const PROTECTION_MARK = 'CCHC';

/** Pixels per character of column width (Excel's width unit is about 7 px of the default font). */
const PX_PER_CHAR = 7;
const PX_PADDING = 5;

// Text Sheets would turn into something else: formula starters, its own text mark, and anything made
// only of digits and number/date/time punctuation ("3.10", "1,5", "10/1/2025", "8:30", "80%").
const FORMULA_START = /^[=+\-@']/;
const NUMBER_LIKE = /^[\s\d.,:/%()$€₫+\-]*\d[\s\d.,:/%()$€₫+\-eE]*$/;
const BOOLEAN_LIKE = /^\s*(true|false)\s*$/i;

/** True when Sheets would not keep this string as the same text if it were typed in. */
export function needsTextMark(text: string): boolean {
  return FORMULA_START.test(text) || NUMBER_LIKE.test(text) || BOOLEAN_LIKE.test(text);
}

/** The value to hand setValues() so the cell ends up holding `value` itself. */
export function sheetsInput(value: CellValue | undefined): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return needsTextMark(value) ? `'${value}` : value;
  if (value instanceof Date) return dateSerial(value) ?? '';
  return value;
}

/** Default number format of date cells (the model's styles may override it). */
export const DATE_FORMAT = 'dd/mm/yyyy';

function columnCount(model: SheetModel): number {
  let n = Math.max(1, model.columnWidths.length);
  for (const row of model.rows) n = Math.max(n, row.length);
  for (const f of model.formulas) n = Math.max(n, f.col + 1);
  return n;
}

function rowCount(model: SheetModel): number {
  let n = Math.max(1, model.rows.length);
  for (const f of model.formulas) n = Math.max(n, f.row + 1);
  return n;
}

/** The full value matrix: text made safe, formulas as "=…", ragged rows padded. */
export function valueMatrix(model: SheetModel): (string | number | boolean)[][] {
  const rows = rowCount(model);
  const cols = columnCount(model);
  const out: (string | number | boolean)[][] = [];
  for (let r = 0; r < rows; r++) {
    const src = model.rows[r] ?? [];
    const row: (string | number | boolean)[] = [];
    for (let c = 0; c < cols; c++) row.push(sheetsInput(src[c]));
    out.push(row);
  }
  for (const f of model.formulas) out[f.row][f.col] = `=${f.formula}`;
  return out;
}

/** A1 addresses of the model's date cells (not formula cells). */
export function dateCells(model: SheetModel): string[] {
  const formula = new Set(model.formulas.map((f) => `${f.row}:${f.col}`));
  const out: string[] = [];
  model.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v instanceof Date && !formula.has(`${r}:${c}`)) out.push(a1(r, c));
    }),
  );
  return out;
}

/**
 * Bands of consecutive rows holding content, each with the columns it uses: where values are written.
 * `[['A', ''], ['', ''], ['', 'b', 'c']]` → `[{ row: 0, rows: 1, col: 0, cols: 1 }, { row: 2, rows: 1, col: 1, cols: 2 }]`.
 */
export function contentBands(values: readonly (readonly (string | number | boolean)[])[]): { row: number; rows: number; col: number; cols: number }[] {
  const bands: { row: number; rows: number; col: number; cols: number }[] = [];
  let open: { row: number; rows: number; col: number; end: number } | null = null;
  const close = () => {
    if (open) bands.push({ row: open.row, rows: open.rows, col: open.col, cols: open.end - open.col });
    open = null;
  };
  values.forEach((row, r) => {
    let first = -1;
    let last = -1;
    row.forEach((v, c) => {
      if (v !== '') {
        if (first < 0) first = c;
        last = c;
      }
    });
    if (first < 0) return close();
    if (open && open.row + open.rows === r) {
      open.rows++;
      open.col = Math.min(open.col, first);
      open.end = Math.max(open.end, last + 1);
    } else {
      close();
      open = { row: r, rows: 1, col: first, end: last + 1 };
    }
  });
  close();
  return bands;
}

/** The most rows (or columns) up to `wanted` that can be frozen without cutting a merged range. */
export function safeFreeze(wanted: number, merges: readonly { start: number; size: number }[]): number {
  let n = wanted;
  while (n > 0 && merges.some((m) => m.start < n && m.start + m.size > n)) n--;
  return n;
}

/** Removes what an earlier write of ours left on the sheet, so a rewrite starts clean. */
function resetSheet(sheet: Sheet): void {
  // Unfrozen first: the new merges may not straddle the old frozen boundary.
  if (sheet.getFrozenRows() > 0) sheet.setFrozenRows(0);
  if (sheet.getFrozenColumns() > 0) sheet.setFrozenColumns(0);
  const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  all.breakApart();
  all.clearDataValidations();
  all.clearNote();
  sheet.clear();
  // Sheet.clear() leaves embedded charts; the summary's are drawn again from the new cells.
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  sheet.showColumns(1, sheet.getMaxColumns());
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (p.getDescription().startsWith(PROTECTION_MARK)) p.remove();
  }
}

function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

/** 'yyyy-mm-dd' → a local Date at midnight; anything else → null. */
function isoToDate(iso: string | undefined): Date | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** Top-left cell of an A1 range ("G9:G40" → "G9"), for relative custom formulas. */
function topLeft(range: string): string {
  return range.split(':')[0].replace(/\$/g, '');
}

/**
 * DataValidationRule → Sheets' rule. `strict: false` (lists say it always, other kinds default to
 * strict) becomes Sheets' "show a warning" instead of "reject". Sheets has one help text and no
 * title, so title, prompt and error message are joined into it.
 */
export function buildValidation(rule: DataValidationRule): GoogleAppsScript.Spreadsheet.DataValidation {
  const b = SpreadsheetApp.newDataValidation();
  const text = [rule.prompt, rule.error].filter((t): t is string => Boolean(t)).map(sentence).join(' ');
  const help = rule.title && text ? `${rule.title}: ${text}` : (rule.title ?? text);
  if (help) b.setHelpText(help);
  b.setAllowInvalid(rule.strict === false);
  if (rule.kind === 'list') return b.requireValueInList([...rule.values], true).build();
  if (rule.kind === 'date') {
    const min = isoToDate(rule.min);
    const max = isoToDate(rule.max);
    if (min && max) b.requireDateBetween(min, max);
    else if (min) b.requireDateOnOrAfter(min);
    else if (max) b.requireDateOnOrBefore(max);
    else b.requireDate();
    return b.build();
  }
  if (rule.kind === 'whole') {
    // Sheets has no whole-number criterion: a custom formula on the range's top-left cell.
    const c = topLeft(rule.range);
    const bounds = [
      rule.min !== undefined ? `,${c}>=${rule.min}` : '',
      rule.max !== undefined ? `,${c}<=${rule.max}` : '',
    ].join('');
    return b.requireFormulaSatisfied(`=AND(ISNUMBER(${c}),${c}=INT(${c})${bounds})`).build();
  }
  if (rule.min !== undefined && rule.max !== undefined) b.requireNumberBetween(rule.min, rule.max);
  else if (rule.min !== undefined) b.requireNumberGreaterThanOrEqualTo(rule.min);
  else if (rule.max !== undefined) b.requireNumberLessThanOrEqualTo(rule.max);
  else b.requireFormulaSatisfied(`=ISNUMBER(${topLeft(rule.range)})`);
  return b.build();
}

/**
 * Writes the model into the sheet of that name (created at `index` if absent, else cleared of our
 * earlier write first). One setValues() for all values and formulas; formats, validation and the
 * rest cost a number of calls that depends on the model, never on the number of cells.
 */
export function writeSheet(ss: Spreadsheet, model: SheetModel, index?: number): Sheet {
  let sheet = ss.getSheetByName(model.name);
  if (sheet) resetSheet(sheet);
  else if (index === undefined) sheet = ss.insertSheet(model.name);
  else sheet = ss.insertSheet(model.name, Math.min(index, ss.getSheets().length));

  const values = valueMatrix(model);
  const rows = values.length;
  const cols = values[0].length;
  ensureSize(sheet, rows, cols);
  for (const b of contentBands(values)) {
    sheet.getRange(b.row + 1, b.col + 1, b.rows, b.cols).setValues(values.slice(b.row, b.row + b.rows).map((r) => r.slice(b.col, b.col + b.cols)));
  }
  sheet
    .getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns())
    .setFontFamily(model.font.name)
    .setFontSize(model.font.size);
  const dateFormats = dateCells(model).map((range) => ({ range, style: { numberFormat: DATE_FORMAT } }));
  applyStyles(sheet, model.styles, dateFormats);
  const px = model.columnWidths.map((w) => (w > 0 ? Math.round(w * PX_PER_CHAR + PX_PADDING) : 0));
  for (let i = 0; i < px.length; ) {
    let j = i + 1;
    while (j < px.length && px[j] === px[i]) j++;
    if (px[i] > 0) sheet.setColumnWidths(i + 1, j - i, px[i]);
    i = j;
  }
  const merged = model.merges.map((m) => boxOf(m, rows, cols)).filter((b): b is Box => b !== null);
  for (const m of model.merges) sheet.getRange(m).merge();
  for (const v of model.validations) sheet.getRange(v.range).setDataValidation(buildValidation(v));
  sheet.setConditionalFormatRules(
    model.conditionalFormats.map((cf) => {
      const b = SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(`=${cf.formula}`)
        .setRanges([sheet.getRange(cf.range)]);
      if (cf.style.fill) b.setBackground(cf.style.fill);
      if (cf.style.color) b.setFontColor(cf.style.color);
      if (cf.style.bold) b.setBold(true);
      return b.build();
    }),
  );
  const frozenRows = safeFreeze(model.frozenRows, merged.map((b) => ({ start: b.row, size: b.rows })));
  const frozenColumns = safeFreeze(model.frozenColumns, merged.map((b) => ({ start: b.col, size: b.cols })));
  if (frozenRows !== model.frozenRows || frozenColumns !== model.frozenColumns) {
    console.warn(`${model.name}: cố định ${frozenRows} dòng, ${frozenColumns} cột thay vì ${model.frozenRows}, ${model.frozenColumns} để không cắt ô đã hợp nhất.`);
  }
  if (frozenRows > 0) sheet.setFrozenRows(frozenRows);
  if (frozenColumns > 0) sheet.setFrozenColumns(frozenColumns);
  const hidden = [...model.hiddenColumns].sort((a, b) => a - b);
  for (let i = 0; i < hidden.length; ) {
    let j = i + 1;
    while (j < hidden.length && hidden[j] === hidden[j - 1] + 1) j++;
    sheet.hideColumns(hidden[i] + 1, j - i);
    i = j;
  }
  for (const p of model.protectedRanges) {
    sheet.getRange(p).protect().setDescription(`${PROTECTION_MARK}: ${model.name} ${p}`).setWarningOnly(true);
  }
  for (const spec of model.charts ?? []) insertChart(sheet, spec);
  if (model.hidden) sheet.hideSheet();
  else if (sheet.isSheetHidden()) sheet.showSheet();
  return sheet;
}

/**
 * A shared ChartSpec as an embedded chart (EmbeddedChartBuilder): bars or columns, stacked when
 * asked, the first row as series names, options in the Google Charts vocabulary.
 */
function insertChart(sheet: Sheet, spec: ChartSpec): void {
  const at = parseA1(spec.anchor);
  if (!at) return;
  const bars = spec.type !== 'columnClustered';
  const base = sheet.newChart().addRange(sheet.getRange(spec.range)).setNumHeaders(1);
  const builder = bars ? base.asBarChart() : base.asColumnChart();
  builder
    .setOption('title', spec.title)
    .setOption('legend', { position: 'bottom' })
    .setOption('isStacked', spec.type === 'barStacked')
    .setOption('width', (spec.size?.columns ?? 8) * 100)
    .setOption('height', (spec.size?.rows ?? 16) * 21)
    .setPosition(at.row + 1, at.col + 1, 0, 0);
  if (spec.seriesColors) builder.setOption('colors', spec.seriesColors);
  if (spec.valueFormat) builder.setOption(bars ? 'hAxis' : 'vAxis', { format: spec.valueFormat });
  if (spec.seriesBy === 'Rows') builder.setTransposeRowsAndColumns(true);
  sheet.insertChart(builder.build());
}
