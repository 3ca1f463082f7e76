/**
 * The catalog a commune workbook was made from, carried inside it: a hidden sheet holding the
 * catalog's canonical JSON (in cells of at most 30,000 characters, under Excel's 32,767) and its
 * hash. A summary can then be made from the files alone, and a template checked against the catalog
 * it came from. Reading parses the JSON once per distinct hash: a thousand workbooks of one catalog
 * cost one parse.
 */
import type { CellValue, Grid } from '../cell';
import type { Catalog } from '../model';
import { catalogForYear } from './for-year';
import { canonicalCatalog, catalogHash } from './hash';
import { parseCatalog } from './schema';

export const CATALOG_SHEET = '_cchc_danh_muc';
const CHUNK = 30_000;

/** Rows of the hidden catalog sheet: ["hash", h], then ["json", part] for each part. */
export function embeddedCatalogRows(catalog: Catalog): CellValue[][] {
  const json = canonicalCatalog(catalog);
  const rows: CellValue[][] = [['hash', catalogHash(catalog)]];
  for (let i = 0; i < json.length; i += CHUNK) rows.push(['json', json.slice(i, i + CHUNK)]);
  return rows;
}

export type EmbeddedCatalog =
  | { ok: true; catalog: Catalog; hash: string }
  /** The sheet is there but its catalog is damaged or does not match its hash (edited by hand). */
  | { ok: false; hash: string; why: 'damaged' | 'hash_mismatch' };

/** Parsed catalogs by hash; a few distinct catalogs per batch at most, kept small all the same. */
const byHash = new Map<string, EmbeddedCatalog>();
const MAX_KEPT = 32;

/** The hash the sheet declares, without reading the catalog ('' when none). */
export function embeddedCatalogHash(grid: Grid | undefined): string {
  const row = grid?.find((r) => r?.[0] === 'hash');
  return typeof row?.[1] === 'string' ? row[1] : '';
}

/** The catalog of the hidden sheet; null when the workbook has none (made before catalogs travelled). */
export function readEmbeddedCatalog(grid: Grid | undefined): EmbeddedCatalog | null {
  if (!grid) return null;
  const hash = embeddedCatalogHash(grid);
  const known = hash ? byHash.get(hash) : undefined;
  if (known) return known;
  let json = '';
  for (const r of grid) if (r?.[0] === 'json' && typeof r[1] === 'string') json += r[1];
  let result: EmbeddedCatalog;
  try {
    const parsed = parseCatalog(JSON.parse(json));
    if (!parsed.ok) result = { ok: false, hash, why: 'damaged' };
    else if (catalogHash(parsed.value) !== hash) result = { ok: false, hash, why: 'hash_mismatch' };
    else result = { ok: true, catalog: parsed.value, hash };
  } catch (_e) {
    result = { ok: false, hash, why: 'damaged' };
  }
  // Only a catalog that matches its hash is kept under it: an edited copy cannot stand in for the real one.
  if (result.ok) {
    if (byHash.size >= MAX_KEPT) byHash.clear();
    byHash.set(hash, result);
  }
  return result;
}

/** Catalogs moved to a plan year, by hash and year: every workbook of a batch shares one. */
const byYear = new Map<string, Catalog>();

export function embeddedForYear(catalog: Catalog, hash: string, year: number): Catalog {
  const key = `${hash}@${year}`;
  let moved = byYear.get(key);
  if (!moved) {
    if (byYear.size >= MAX_KEPT) byYear.clear();
    moved = catalogForYear(catalog, year);
    byYear.set(key, moved);
  }
  return moved;
}
