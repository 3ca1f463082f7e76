/**
 * Text into the XML parts of an .xlsx package we write: entities escaped, characters XML 1.0
 * cannot carry dropped (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF;
 * lone surrogates), and in cell text a literal `_xHHHH_` protected as Excel does (`_x005F_xHHHH_`),
 * so it is not read back as an escaped character. The reading side is xml.ts.
 */

/** Anything that needs more than copying: entities, line ends, illegal or surrogate code units. */
const NEEDS_WORK = /[&<>"\x00-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const EXCEL_ESCAPE_LIKE = /_([xX][0-9A-Fa-f]{4}_)/g;
/**
 * By mode (LEGAL, TEXT, ATTRIBUTE), what only the loop below handles: surrogates, U+FFFE, U+FFFF and
 * the control characters that are dropped or written as references there.
 */
const NEEDS_LOOP = [
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/,
  /[\x00-\x08\x0B-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/,
  /[\x00-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/,
];
const AMP = /&/g;
const LT = /</g;
const GT = />/g;
const QUOT = /"/g;

const LEGAL = 0;
const TEXT = 1;
const ATTRIBUTE = 2;
type Mode = typeof LEGAL | typeof TEXT | typeof ATTRIBUTE;

/**
 * Drops characters XML 1.0 forbids and, unless `mode` is LEGAL, escapes for element text or a
 * double-quoted attribute value. Carriage returns are written as `&#13;` so no parser turns them
 * into line feeds; in attributes line feeds and tabs are written as references too, since attribute
 * normalisation would turn them into spaces.
 */
function escape(s: string, mode: Mode): string {
  if (!NEEDS_WORK.test(s)) return s;
  // Only entities to write: the engine's own replace, one pass per entity, gives the same string as
  // the loop below, faster on text full of quotes (the summary's data sheet is JSON).
  if (!NEEDS_LOOP[mode].test(s)) {
    if (mode === LEGAL) return s;
    return s.replace(AMP, '&amp;').replace(LT, '&lt;').replace(GT, '&gt;').replace(QUOT, '&quot;');
  }
  let out = '';
  let from = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const ch = s.charCodeAt(i);
    let rep: string;
    if (ch >= 0xd800 && ch <= 0xdbff) {
      const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) { i++; continue; }
      rep = '';
    } else if ((ch >= 0xdc00 && ch <= 0xdfff) || ch === 0xfffe || ch === 0xffff) {
      rep = '';
    } else if (ch < 32) {
      if (ch === 9 || ch === 10 || ch === 13) {
        if (mode === LEGAL || (mode === TEXT && ch !== 13)) continue;
        rep = `&#${ch};`;
      } else {
        rep = '';
      }
    } else if (mode === LEGAL) {
      continue;
    } else if (ch === 38) rep = '&amp;';
    else if (ch === 60) rep = '&lt;';
    else if (ch === 62) rep = '&gt;';
    else if (ch === 34) rep = '&quot;';
    else continue;
    out += s.slice(from, i) + rep;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Element text: `a < b & "c"` → `a &lt; b &amp; &quot;c&quot;`. */
export function escapeText(s: string): string {
  return escape(s, TEXT);
}

/** A double-quoted attribute value. */
export function escapeAttr(s: string): string {
  return escape(s, ATTRIBUTE);
}

/** Only the characters XML 1.0 allows, nothing escaped. */
export function xmlLegal(s: string): string {
  return escape(s, LEGAL);
}

/**
 * Cell text (shared strings, a formula's text result): illegal characters dropped first, then a
 * literal `_x0041_` (or `_X0041_`) gets its underscore written as `_x005F_` (Excel's own escape), so
 * readers that decode `_xHHHH_` give the text back (`_x005F_x0041_` → `_x0041_`); then entities.
 */
export function escapeCellText(s: string): string {
  let t = xmlLegal(s);
  if (t.indexOf('_') >= 0) t = t.replace(EXCEL_ESCAPE_LIKE, '_x005F_$1');
  return escapeText(t);
}
