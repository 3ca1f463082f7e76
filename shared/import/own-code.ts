/**
 * Codes of a unit's own rows: a plan row that fits no catalog row is kept under a code of its own,
 * "CT.TC.90002.01" (an indicator) or "NV.TTHC.90002.03" (a task) — prefix, reform area, unit code,
 * number within the area. The four parts keep it apart from every catalog code ("CT.TC.01"), so that
 * a workbook checked against the catalog it carries can tell the unit's own rows from foreign ones.
 */
import type { TableKind } from './header';

const PREFIX: Record<TableKind, string> = { indicator: 'CT', task: 'NV' };

/** "NV.TC.90002.01": the unit's next own row of the kind in the area; `counts` numbers them. */
export function ownCode(kind: TableKind, area: string, unit: string, counts: Map<string, number>): string {
  const key = `${PREFIX[kind]}.${area}.${unit}`;
  const n = (counts.get(key) ?? 0) + 1;
  counts.set(key, n);
  return `${key}.${String(n).padStart(2, '0')}`;
}

/** Area as in catalog/schema.ts, unit as ownCode is given it (letters and digits), a number of two digits or more. */
const OWN_CODE = /^(CT|NV)\.[A-Z][A-Z0-9]{0,11}\.[0-9A-Za-z]+\.\d{2,}$/;

/** The code is one ownCode makes for a row of this kind of table. */
export function isOwnRowCode(code: string, kind: TableKind): boolean {
  return OWN_CODE.test(code) && code.slice(0, 2) === PREFIX[kind];
}
