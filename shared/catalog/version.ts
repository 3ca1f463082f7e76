/** Catalog versions: numbers separated by dots ("2027.1"), compared number by number ("2027.10" > "2027.9"). */
export function isVersion(v: string): boolean {
  return /^\d{1,6}(\.\d{1,6}){0,3}$/.test(v);
}

/** Negative, zero or positive as a is below, equal to or above b; missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
