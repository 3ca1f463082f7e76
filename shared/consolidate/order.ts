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
