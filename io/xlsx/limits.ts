/** Excel's own sheet size: rows 1..1,048,576, columns A..XFD. */
export const EXCEL_MAX_ROWS = 1048576;
export const EXCEL_MAX_COLUMNS = 16384;

/**
 * Largest rectangle (rows × columns, from A1 to the last value) turned into a Grid. Excel on the web
 * reads at most 5 million cells per request, so no annex workbook comes near; a lone value at XFD1048576
 * would otherwise ask for 17 billion cells.
 */
export const MAX_GRID_CELLS = 5_000_000;

/** Inflated bytes allowed for one package, all entries together (50 MB). */
export const DEFAULT_MAX_INFLATED_BYTES = 50 * 1024 * 1024;

/**
 * Cells of all a workbook's sheets together (each sheet's rectangle from A1 to its last value): one
 * value at XFD305 in each of four sheets would otherwise make twenty million cells from a 27 KB file.
 * A summary of 3,321 communes read back holds well under a million.
 */
export const MAX_WORKBOOK_CELLS = 5_000_000;
