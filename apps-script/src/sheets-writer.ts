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
 * Formulas travel in the same setValues() call as "=" + formula: one write per sheet. Calendar days
 * (UTC-midnight Dates in the model) are written as date serials, which carry no time zone, and shown
 * 'dd/mm/yyyy' unless a style sets another format. Styles cost a fixed number of calls (sheets-styles).
 * Row heights are left to Sheets, which fits rows to wrapped text itself (Excel does not, hence the
 * model's heights); a fixed height would stop it.
 */
import { a1, type CellValue } from '../../shared/cell';
import { dateSerial, type DataValidationRule, type SheetModel } from '../../shared/layout/sheet-model';
import { sentence } from '../../shared/validate/issues';
import { applyStyles } from './sheets-styles';

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

/** Removes what an earlier write of ours left on the sheet, so a rewrite starts clean. */
function resetSheet(sheet: Sheet): void {
  const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  all.breakApart();
  all.clearDataValidations();
  all.clearNote();
  sheet.clear();
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
  sheet.getRange(1, 1, rows, cols).setValues(values);
  sheet
    .getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns())
    .setFontFamily(model.font.name)
    .setFontSize(model.font.size);
  const dateFormats = dateCells(model).map((range) => ({ range, style: { numberFormat: DATE_FORMAT } }));
  applyStyles(sheet, model.styles, dateFormats);
  model.columnWidths.forEach((w, i) => {
    if (w > 0) sheet.setColumnWidth(i + 1, Math.round(w * PX_PER_CHAR + PX_PADDING));
  });
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
  sheet.setFrozenRows(model.frozenRows);
  sheet.setFrozenColumns(model.frozenColumns);
  for (const c of model.hiddenColumns) sheet.hideColumns(c + 1);
  for (const p of model.protectedRanges) {
    sheet.getRange(p).protect().setDescription(`${PROTECTION_MARK}: ${model.name} ${p}`).setWarningOnly(true);
  }
  if (model.hidden) sheet.hideSheet();
  else if (sheet.isSheetHidden()) sheet.showSheet();
  return sheet;
}
