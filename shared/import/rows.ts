/**
 * What a row of a plan's table is, besides an annex row: a reform-area section row, the page
 * furniture a Word table picks up (page numbers, "Trang 2"), or the end of the annex (signatures,
 * "Nơi nhận", totals, notes below the table) — none of which is ever imported.
 */
import { matchAreas } from '../catalog/areas';
import { foldKey } from '../text/normalize';
import { isRomanNumeral } from '../validate/words';

/** Section-row numbering: I, II, … XX, with or without a full stop. */
export function isRoman(text: string): boolean {
  return isRomanNumeral(text);
}

/** "I. CẢI CÁCH THỂ CHẾ" → { numeral: "I", title: "CẢI CÁCH THỂ CHẾ" }; null when the text does not start with a Roman numeral. */
export function romanLead(text: string): { numeral: string; title: string } | null {
  const m = /^([IVX]{1,5})(?:[.):]\s*|\s+)([\s\S]*)$/.exec(text.trim());
  if (!m || !isRomanNumeral(m[1])) return null;
  return { numeral: m[1], title: m[2].trim() };
}

/** Area codes a section title names (two for a merged section), as strings. */
export function areasOfTitle(title: string): string[] {
  return matchAreas(title).map((a) => String(a));
}

/** Folded words of a row's text, for the patterns below. */
function words(text: string): string {
  return foldKey(text).replace(/[^a-z0-9:*]+/g, ' ').trim();
}

/**
 * Text that closes the annex: signature blocks, the distribution list, totals and notes under the
 * table, the national motto of the next page. Nothing after it is imported until another header.
 */
const END_OF_TABLE = new RegExp(
  [
    '^noi nhan\\b',
    '^tm ?(uy ban|ubnd|ban|dang uy)\\b',
    '^kt ?chu tich\\b',
    '^(pho )?chu tich$',
    '^nguoi lap( bieu)?\\b',
    '^thu truong\\b',
    '^\\*? ?ghi chu ?:',
    '^\\* ?ghi chu\\b',
    '^luu ?:? ?vt\\b',
    '^tong cong\\b',
    '^cong hoa xa hoi chu nghia\\b',
    '^doc lap tu do hanh phuc\\b',
    '^ky ten\\b',
    '^ky,? ghi ro ho ten\\b',
    '^\\(?ky,? ghi ro\\b',
  ].join('|'),
);

/** The row ends the annex table (its text, all cells joined). */
export function endsTable(rowText: string): boolean {
  const w = words(rowText).replace(/\s*:\s*/g, ': ').replace(/: $/, ':');
  return END_OF_TABLE.test(w) || END_OF_TABLE.test(w.replace(/:/g, ' ').replace(/\s+/g, ' ').trim());
}

/** Page furniture inside a table: a lone page number, "Trang 2", "- 3 -", "2/5". */
export function isPageFurniture(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  if (filled.length !== 1) return false;
  const w = foldKey(filled[0]).trim();
  return /^(trang\s*)?[-–]?\s*\d{1,3}\s*[-–]?$/.test(w) || /^(trang\s*)?\d{1,3}\s*\/\s*\d{1,3}$/.test(w);
}
