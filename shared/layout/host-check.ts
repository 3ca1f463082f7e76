/**
 * What Excel and Google Sheets refuse, checked once over the host-neutral SheetModel, so that every
 * layout (annexes, summary, charts, feedback) is known to be writable in every host before a host
 * ever sees it. Each rule names where the host documents it.
 */
import { parseRangeBox } from '../cell';
import type { SheetModel } from './sheet-model';

export interface HostProblem {
  sheet: string;
  rule: string;
  detail: string;
}

/** Excel: "Excel specifications and limits" — 32,767 characters in a cell (Sheets allows 50,000). */
export const MAX_CELL_TEXT = 32_767;
/** Excel: a worksheet name has at most 31 characters and none of : \ / ? * [ ] (Rename a worksheet). */
export const MAX_SHEET_NAME = 31;
const FORBIDDEN_IN_NAME = /[:\\/?*[\]]/;
/** Excel data validation: a list typed as its source holds at most 255 characters; title 32, prompt 255, error 225. */
export const MAX_LIST_SOURCE = 255;
export const MAX_VALIDATION_TITLE = 32;
export const MAX_VALIDATION_PROMPT = 255;
export const MAX_VALIDATION_ERROR = 225;
/** Excel on the web refuses a request over 5 MB ("Resource limits … for Office Add-ins"); 4 MB leaves room. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
export const MAX_ROW_BREAKS = 1_026;
/** Google Sheets: at most 10 million cells in a spreadsheet. */
export const MAX_SPREADSHEET_CELLS = 10_000_000;

/** A row's share of a values write as Office.js sends it: JSON of the values (the largest part). */
function rowBytes(row: readonly unknown[]): number {
  let n = 2;
  for (const v of row) n += (typeof v === 'string' ? v.length * 1.2 + 3 : 12) + 1;
  return n;
}

export function checkSheet(model: SheetModel): HostProblem[] {
  const out: HostProblem[] = [];
  const add = (rule: string, detail: string) => out.push({ sheet: model.name, rule, detail });
  const name = model.name;
  if (name.length === 0 || name.length > MAX_SHEET_NAME) add('sheet-name-length', `${name.length} characters`);
  if (FORBIDDEN_IN_NAME.test(name)) add('sheet-name-character', name);
  if (name.startsWith("'") || name.endsWith("'")) add('sheet-name-apostrophe', name);

  // Sheets: "You can't freeze columns which contain only part of a merged cell" (rows likewise);
  // Excel unfreezes or refuses the same (freezePanes over a merged area).
  for (const m of model.merges) {
    const box = parseRangeBox(m);
    if (!box) {
      add('merge-range', m);
      continue;
    }
    const r1 = box.row + box.rows - 1;
    const c1 = box.col + box.cols - 1;
    if (model.frozenRows > 0 && box.row < model.frozenRows && r1 >= model.frozenRows) add('merge-crosses-frozen-rows', m);
    if (model.frozenColumns > 0 && box.col < model.frozenColumns && c1 >= model.frozenColumns) add('merge-crosses-frozen-columns', m);
  }

  model.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null || v === '') return;
      if (typeof v === 'string' && v.length > MAX_CELL_TEXT) add('cell-text-length', `row ${r + 1}, column ${c + 1}: ${v.length} characters`);
    });
    if (rowBytes(row) > MAX_REQUEST_BYTES) add('row-request-size', `row ${r + 1}`);
  });

  for (const v of model.validations) {
    if (v.kind === 'list' && v.values.join(',').length > MAX_LIST_SOURCE) add('list-source-length', v.range);
    if (v.title && v.title.length > MAX_VALIDATION_TITLE) add('validation-title-length', v.range);
    if (v.prompt && v.prompt.length > MAX_VALIDATION_PROMPT) add('validation-prompt-length', v.range);
    if (v.error && v.error.length > MAX_VALIDATION_ERROR) add('validation-error-length', v.range);
  }
  // Excel keeps at most 1,026 manual page breaks on a sheet (HPageBreaks, Excel's VBA reference).
  if ((model.print?.rowBreaks?.length ?? 0) > MAX_ROW_BREAKS) add('row-breaks', String(model.print?.rowBreaks?.length));
  if (model.hidden && model.frozenRows + model.frozenColumns > 0) add('hidden-sheet-frozen', name);
  return out;
}

/** Stored (non-empty) cells of a sheet: what a host keeps and a writer sends. */
export function storedCells(model: SheetModel): number {
  let n = 0;
  for (const row of model.rows) for (const v of row) if (v !== null && v !== '') n++;
  return n;
}

/** Every sheet's problems, and the workbook's: names unique (case-insensitively), one visible sheet, cell budget. */
export function checkWorkbook(sheets: readonly SheetModel[]): HostProblem[] {
  const out = sheets.flatMap(checkSheet);
  const seen = new Set<string>();
  for (const s of sheets) {
    const key = s.name.toLocaleLowerCase('vi');
    if (seen.has(key)) out.push({ sheet: s.name, rule: 'sheet-name-duplicate', detail: s.name });
    seen.add(key);
  }
  // Excel: "A workbook must contain at least one visible worksheet."
  if (sheets.length > 0 && sheets.every((s) => s.hidden)) out.push({ sheet: '', rule: 'no-visible-sheet', detail: '' });
  const cells = sheets.reduce((n, s) => n + storedCells(s), 0);
  if (cells > MAX_SPREADSHEET_CELLS) out.push({ sheet: '', rule: 'spreadsheet-cells', detail: String(cells) });
  return out;
}
