/**
 * A catalog's content hash: SHA-256 of its canonical JSON (keys sorted, absent fields left out), so
 * the same catalog gives the same hash in every host whatever order its fields were built in. A
 * commune workbook carries it beside its copy of the catalog; the authoring workbook stores it when
 * the catalog is published, so a later edit shows.
 */
import type { Catalog } from '../model';
import { sha256Hex } from '../text/sha256';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as Record<string, unknown>).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The catalog as canonical JSON: what is hashed, and what a commune workbook stores. */
export function canonicalCatalog(catalog: Catalog): string {
  return canonical(catalog);
}

export function catalogHash(catalog: Catalog): string {
  return sha256Hex(canonical(catalog));
}
