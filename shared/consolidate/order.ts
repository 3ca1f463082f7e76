/**
 * Orders that do not depend on the host's locale, so that every host and every run lists units,
 * rows and files in the same order: "2" before "10", "3.2" before "3.10".
 */

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Value of the digit run a[from, to): exact arithmetic where Number() would be exact too. */
function runValue(s: string, from: number, to: number): number {
  if (to - from > 15) return Number(s.slice(from, to));
  let v = 0;
  for (let k = from; k < to; k++) v = v * 10 + (s.charCodeAt(k) - 48);
  return v;
}

/** a[i, ie) against b[j, je) by code unit, as `<` compares strings. */
function compareRuns(a: string, i: number, ie: number, b: string, j: number, je: number): number {
  const n = Math.min(ie - i, je - j);
  for (let k = 0; k < n; k++) {
    const d = a.charCodeAt(i + k) - b.charCodeAt(j + k);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  const la = ie - i;
  const lb = je - j;
  return la === lb ? 0 : la < lb ? -1 : 1;
}

/**
 * Digit runs compare as numbers, other runs by code unit; ties broken by plain comparison.
 * (Runs are the maximal digit / non-digit stretches; with all runs equal, fewer runs come first.)
 * Walks both strings in place: it sorts thousands of leaf records, and cutting runs out cost more.
 */
export function naturalCompare(a: string, b: string): number {
  const na = a.length;
  const nb = b.length;
  let i = 0;
  let j = 0;
  while (i < na && j < nb) {
    const da = isDigit(a.charCodeAt(i));
    const db = isDigit(b.charCodeAt(j));
    let ie = i + 1;
    while (ie < na && isDigit(a.charCodeAt(ie)) === da) ie++;
    let je = j + 1;
    while (je < nb && isDigit(b.charCodeAt(je)) === db) je++;
    if (da && db) {
      const d = runValue(a, i, ie) - runValue(b, j, je);
      if (d !== 0) return d < 0 ? -1 : 1;
    } else {
      const c = compareRuns(a, i, ie, b, j, je);
      if (c !== 0) return c;
    }
    i = ie;
    j = je;
  }
  if (i < na || j < nb) return i < na ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Plain code-unit comparison (for texts that are not codes). */
export function plainCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares by several keys in turn. */
export function byKeys<T>(...keys: ((x: T) => string)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const k of keys) {
      const d = naturalCompare(k(a), k(b));
      if (d !== 0) return d;
    }
    return 0;
  };
}

/** JSON with object keys sorted: equal data gives equal text whatever order fields were built in. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort(plainCompare);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`).join(',')}}`;
}

const isPrimitive = (v: unknown): boolean => v === null || typeof v !== 'object';
/** stableJson's text of a value that is not an object: JSON's, undefined (and functions) as null. */
const primitiveJson = (v: unknown): string => JSON.stringify(v) ?? 'null';
const definedKeys = (o: Record<string, unknown>): string[] => Object.keys(o).filter((k) => o[k] !== undefined).sort(plainCompare);

/**
 * Whether stableJson(a) === stableJson(b), without making either text: a unit's content is some
 * 50 KB of text, and a workbook of long cells makes its text megabytes (measured, five copies of
 * one such workbook held 20 MB of texts only to be compared, 40 MB at the peak).
 */
export function sameStableJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isPrimitive(a) || isPrimitive(b)) {
    if (!isPrimitive(a) || !isPrimitive(b)) return false;
    return typeof a === 'string' || typeof b === 'string' ? a === b : primitiveJson(a) === primitiveJson(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    if (a.length !== bs.length) return false;
    for (let i = 0; i < a.length; i++) {
      // map() skips holes, and stableJson writes nothing for them.
      if (i in a !== i in bs) return false;
      if (i in a && !sameStableJson(a[i], bs[i])) return false;
    }
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ka = definedKeys(ao);
  const kb = definedKeys(bo);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i] || !sameStableJson(ao[ka[i]], bo[ka[i]])) return false;
  return true;
}

/** A 32-bit hash equal for values sameStableJson finds equal (values differing may share one too). */
export function stableHash(value: unknown, h = 0x811c9dc5): number {
  const text = (s: string, tag: number): void => {
    h = Math.imul(h ^ tag, 0x01000193);
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  };
  if (isPrimitive(value)) {
    if (typeof value === 'string') text(value, 1);
    else text(primitiveJson(value), 2);
  } else if (Array.isArray(value)) {
    text('', 3);
    for (let i = 0; i < value.length; i++) h = i in value ? stableHash(value[i], h) : Math.imul(h ^ 4, 0x01000193);
    text('', 5);
  } else {
    const o = value as Record<string, unknown>;
    text('', 6);
    for (const k of definedKeys(o)) {
      text(k, 7);
      h = stableHash(o[k], h);
    }
    text('', 8);
  }
  return h >>> 0;
}
