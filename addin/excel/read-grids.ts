/**
 * Reads sheets as the 2-D arrays the shared rules take: one used-range `values` load per sheet,
 * all queued, one `context.sync()`. Grids are anchored at A1 (row 0 = sheet row 1) whatever the
 * used range's top-left, because rules address cells by their sheet position.
 */
import type { CellValue, Grid, WorkbookGrids } from '../../shared/cell';

/** Pads a used range's values so that its first cell sits at (rowIndex, columnIndex). */
export function anchorAtA1(values: readonly (readonly unknown[])[], rowIndex: number, columnIndex: number): Grid {
  const pad = (): CellValue[] => new Array<CellValue>(columnIndex).fill('');
  const grid: Grid = [];
  for (let r = 0; r < rowIndex; r++) grid.push([]);
  for (const row of values) grid.push([...pad(), ...(row as CellValue[])]);
  return grid;
}

/** The sheet names of the workbook, in tab order (queue only; read `.items` after the caller's sync). */
export function queueSheetNames(context: Excel.RequestContext): Excel.WorksheetCollection {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  return sheets;
}

/**
 * Queues a probe of the workbook's date system (read after the caller's sync): DATE(1904,1,1) is
 * serial 0 in a 1904 workbook and 1462 in a 1900 one. Workbook.functions is ExcelApi 1.2, so this
 * works on every Excel the manifest accepts (Excel's own property for it is newer).
 */
export function queueDateSystem(context: Excel.RequestContext): () => boolean {
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load('value');
  return () => probe.value === 0;
}

/** Queues the used-range loads of `names`; call the returned function after the caller's sync. */
export function queueGrids(context: Excel.RequestContext, names: readonly string[]): () => WorkbookGrids {
  const loads = names.map((name) => {
    const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    used.load('values,rowIndex,columnIndex');
    return { name, used };
  });
  return () => {
    const grids: WorkbookGrids = {};
    for (const { name, used } of loads) {
      grids[name] = used.isNullObject ? [] : anchorAtA1(used.values, used.rowIndex, used.columnIndex);
    }
    return grids;
  };
}

/** Reads the named sheets (which must exist) in one sync. */
export async function readGrids(context: Excel.RequestContext, names: readonly string[]): Promise<WorkbookGrids> {
  const collect = queueGrids(context, names);
  await context.sync();
  return collect();
}

/** What a response may hold by our estimate: well under Excel on the web's 5 MB per response. */
export const RESPONSE_BUDGET = 2 * 1024 * 1024;
/** Bytes a cell's value takes in a response until measured (Vietnamese text takes 2–3 bytes a letter). */
export const CELL_BYTES = 64;

interface Extent {
  name: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function utf8Bytes(x: unknown): number {
  const text = JSON.stringify(x) ?? '';
  let n = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) n += text.charCodeAt(i) >= 0x800 ? 2 : 1;
  return n;
}

/**
 * Reads the named sheets (which must exist) with every response under `budget`: one sync for the
 * used ranges' extents, then values in as few syncs as fit, a large sheet in blocks of rows. The
 * bytes per cell are re-estimated from each answer, so long texts shrink the next blocks.
 */
export async function readSheets(
  context: Excel.RequestContext,
  names: readonly string[],
  budget = RESPONSE_BUDGET,
): Promise<WorkbookGrids> {
  if (names.length === 0) return {};
  const used = names.map((name) => {
    const u = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    u.load('rowIndex,columnIndex,rowCount,columnCount');
    return { name, u };
  });
  await context.sync();
  const grids: WorkbookGrids = {};
  const pending: Extent[] = [];
  for (const { name, u } of used) {
    grids[name] = [];
    if (u.isNullObject) continue;
    for (let r = 0; r < u.rowIndex; r++) grids[name].push([]);
    pending.push({ name, row: u.rowIndex, col: u.columnIndex, rows: u.rowCount, cols: u.columnCount });
  }
  let cellBytes = CELL_BYTES;
  while (pending.length > 0) {
    const batch: { e: Extent; rows: number; range: Excel.Range }[] = [];
    let planned = 0;
    while (pending.length > 0) {
      const e = pending[0];
      const room = Math.floor((budget - planned) / (e.cols * cellBytes));
      if (room < 1 && batch.length > 0) break;
      const rows = Math.max(1, Math.min(e.rows, room));
      const range = context.workbook.worksheets.getItem(e.name).getRangeByIndexes(e.row, e.col, rows, e.cols);
      range.load('values');
      batch.push({ e: { ...e }, rows, range });
      planned += rows * e.cols * cellBytes;
      if (rows === e.rows) pending.shift();
      else {
        e.row += rows;
        e.rows -= rows;
        break;
      }
    }
    await context.sync();
    let bytes = 0;
    let cells = 0;
    for (const { e, range } of batch) {
      const pad = new Array<CellValue>(e.col).fill('');
      for (const row of range.values) grids[e.name].push([...pad, ...(row as CellValue[])]);
      bytes += utf8Bytes(range.values);
      cells += range.values.length * e.cols;
    }
    if (cells > 0) cellBytes = Math.max(cellBytes, Math.ceil((bytes / cells) * 1.25));
  }
  return grids;
}
