/**
 * Keeping what people typed when the annexes are inserted again. The new sheets come from the
 * template; every report-column cell typed in the old sheets is copied, exactly as it was (even
 * text the readers cannot parse), onto the new row with the same hidden row code. Info fields the
 * host's form does not ask for (reporter, dates…) keep their old values. Host-neutral: the Excel
 * add-in and the Apps Script project both insert annexes again with it.
 * Sheets and columns are found with the shared finders (tab aliases, header words), so an older
 * template or a renamed tab still matches. Rows whose code is no longer in the template and that
 * hold typed data are returned, never dropped silently.
 */
import { isBlank, type CellValue, type Grid, type WorkbookGrids } from '../cell';
import type { SheetModel } from './sheet-model';
import { INFO_SHEET, TABLE_SHEETS, type TableSheetSpec } from '../spec/annex';
import { findSheet, locateHeader } from '../validate/find-sheet';
import { locateInfoRows } from '../validate/read-info';
import { dataRows } from '../validate/read-table';

export interface OrphanRow {
  sheet: string;
  /** 1-based row in the old sheet. */
  row: number;
  values: CellValue[];
}

export interface CarryOverResult {
  /** Cells copied from the old sheets. */
  kept: number;
  /** Old tab → template tab, for tabs found under another name (renamed before writing). */
  renames: { from: string; to: string }[];
  /** Old rows with typed report data whose code the template no longer has. */
  orphans: OrphanRow[];
}

const TEMPLATE_KEYS = new Set(['templateId', 'templateVersion']);

function setCell(rows: CellValue[][], r: number, c: number, v: CellValue): void {
  while (rows.length <= r) rows.push([]);
  const row = rows[r];
  while (row.length < c) row.push('');
  row[c] = v;
}

function carryTable(spec: TableSheetSpec, oldGrid: Grid, oldName: string, model: SheetModel, out: CarryOverResult): void {
  const oldHeader = locateHeader(oldGrid, spec);
  const newHeader = locateHeader(model.rows, spec);
  if (!oldHeader || !newHeader) return;
  const oc = oldHeader.columns.code;
  const nc = newHeader.columns.code;
  if (oc === undefined || nc === undefined) return;
  const reportKeys = spec.columns.filter((c) => c.role === 'report').map((c) => c.key);
  const formulaCells = new Set(model.formulas.map((f) => `${f.row}:${f.col}`));

  const newRows = new Map<string, number>();
  for (const r of dataRows(model.rows, newHeader)) {
    const code = model.rows[r]?.[nc];
    if (typeof code === 'string' && code.trim()) newRows.set(code.trim(), r);
  }
  for (const r of dataRows(oldGrid, oldHeader)) {
    const row = oldGrid[r] ?? [];
    const typed = reportKeys.filter((k) => oldHeader.columns[k] !== undefined && !isBlank(row[oldHeader.columns[k]]));
    if (typed.length === 0) continue;
    const code = row[oc];
    const target = typeof code === 'string' ? newRows.get(code.trim()) : undefined;
    if (target === undefined) {
      out.orphans.push({ sheet: oldName, row: r + 1, values: [...row] });
      continue;
    }
    for (const key of typed) {
      const to = newHeader.columns[key];
      if (to === undefined || formulaCells.has(`${target}:${to}`)) continue;
      setCell(model.rows, target, to, row[oldHeader.columns[key]]);
      out.kept++;
    }
  }
}

function carryInfo(oldGrid: Grid, model: SheetModel, formKeys: ReadonlySet<string>, out: CarryOverResult): void {
  const oldRows = locateInfoRows(oldGrid);
  const newRows = locateInfoRows(model.rows);
  for (const [key, nr] of newRows) {
    if (TEMPLATE_KEYS.has(key)) continue;
    const or = oldRows.get(key);
    if (or === undefined) continue;
    const old = oldGrid[or]?.[1];
    const fresh = model.rows[nr]?.[1];
    if (isBlank(old)) continue;
    if (formKeys.has(key) && !isBlank(fresh)) continue;
    setCell(model.rows, nr, 1, old as CellValue);
    out.kept++;
  }
}

/** The raw value typed beside an info label in the workbook's current Thông tin, or null. */
export function oldInfoValue(old: WorkbookGrids, key: string): CellValue {
  const tab = findSheet(old, INFO_SHEET);
  if (!tab) return null;
  const row = locateInfoRows(old[tab]).get(key);
  return row === undefined ? null : (old[tab][row]?.[1] ?? null);
}

/**
 * Copies typed values from `old` (the workbook's current sheets) into `models` (the template just
 * built), in place. `formKeys`: info fields the user just gave in the form, which win when filled.
 */
export function carryOver(old: WorkbookGrids, models: SheetModel[], formKeys: ReadonlySet<string>): CarryOverResult {
  const out: CarryOverResult = { kept: 0, renames: [], orphans: [] };
  const taken = new Set<string>();
  const specs = [INFO_SHEET, ...TABLE_SHEETS] as const;
  for (const spec of specs) {
    const model = models.find((m) => m.name === spec.name);
    if (!model) continue;
    const oldName = findSheet(old, spec, taken);
    if (!oldName) continue;
    taken.add(oldName);
    if (oldName !== spec.name && !(spec.name in old)) out.renames.push({ from: oldName, to: spec.name });
    const grid = old[oldName];
    if (spec.id === 'info') carryInfo(grid, model, formKeys, out);
    else carryTable(spec, grid, oldName, model, out);
  }
  return out;
}
