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
