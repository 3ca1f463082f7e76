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

/** Java's signed digest bytes → lower-case hex. */
function hex(bytes: number[]): string {
  return bytes.map((b) => (b & 255).toString(16).padStart(2, '0')).join('');
}

/** Lower-case hex SHA-256 of UTF-8 text, with Apps Script's Utilities. */
export function sha256Hex(text: string): string {
  return hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8));
}

/** Lower-case hex SHA-256 of a file's bytes as Blob.getBytes() gives them: the command line's digest of the same file. */
export function sha256HexOfBytes(bytes: number[]): string {
  return hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, bytes as unknown as string));
}
