/**
 * A Google spreadsheet has no file bytes to hash, so its provenance digest is the SHA-256 of a
 * canonical JSON of what was read: sheets by name, cells as read, dates as calendar days. The same
 * content gives the same digest whatever the tab order, so a unit sending the same data twice is
 * recognised as a duplicate.
 */
import type { CellValue, WorkbookGrids } from '../../shared/cell';
import { stableJson } from '../../shared/consolidate/order';

function canonicalCell(v: CellValue): unknown {
  if (v instanceof Date) return { date: v.toISOString().slice(0, 10) };
  return v ?? '';
}

/** The text that is hashed: { sheetName: rows } with keys sorted and dates as { date: 'yyyy-mm-dd' }. */
export function canonicalGridsJson(grids: WorkbookGrids): string {
  const plain: Record<string, unknown[][]> = {};
  for (const [name, grid] of Object.entries(grids)) plain[name] = grid.map((row) => row.map(canonicalCell));
  return stableJson(plain);
}

/** Lower-case hex SHA-256 of UTF-8 text, with Apps Script's Utilities. */
export function sha256Hex(text: string): string {
  const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8);
  return bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
}
