/**
 * Text as people type it: NBSP, zero-width characters, doubled spaces, decomposed diacritics.
 * cleanText gives the NFC text we store and show; foldKey gives a diacritic-free lower-case key
 * for matching ("Hoàn thành" ≡ "hoan thanh", đ → d).
 */

// Zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// NBSP, narrow NBSP, figure space, ideographic and other Unicode spaces, tabs and line breaks.
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/** NFC, invisible characters removed, runs of white space collapsed to one space, trimmed. */
export function cleanText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  return s.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Diacritic-free lower-case key: cleanText, then strip combining marks, đ → d. */
export function foldKey(value: unknown): string {
  return cleanText(value)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
