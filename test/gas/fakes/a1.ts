/** A1 ranges as the fakes need them: "B9", "B9:D40", "A:C" (whole columns), "8:8" (whole rows). */
export interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function letters(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function part(p: string): { row?: number; col?: number } {
  const m = /^\$?([A-Za-z]*)\$?(\d*)$/.exec(p.trim());
  if (!m || (!m[1] && !m[2])) throw new Error(`Exception: Range not found: ${p}`);
  return { col: m[1] ? letters(m[1]) : undefined, row: m[2] ? Number(m[2]) - 1 : undefined };
}

export function parseBox(a1: string, maxRows: number, maxCols: number): Box {
  const [a, b = a] = a1.split(':');
  const p = part(a);
  const q = part(b);
  const row = p.row ?? 0;
  const col = p.col ?? 0;
  const lastRow = q.row ?? maxRows - 1;
  const lastCol = q.col ?? maxCols - 1;
  return { row, col, rows: lastRow - row + 1, cols: lastCol - col + 1 };
}

export function boxA1(b: Box): string {
  const tl = `${columnName(b.col)}${b.row + 1}`;
  if (b.rows === 1 && b.cols === 1) return tl;
  return `${tl}:${columnName(b.col + b.cols - 1)}${b.row + b.rows}`;
}

export function inside(inner: Box, outer: Box): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}
