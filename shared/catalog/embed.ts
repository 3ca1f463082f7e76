/**
 * The catalog a commune workbook was made from, carried inside it: a hidden sheet holding the
 * catalog's canonical JSON, deflated and in base64 (a quarter of its size: every workbook of a batch
 * is read whole, so its bytes cost in every file), in cells of at most 4,000 characters, and its hash. A summary can then be made from the files alone, and a template checked against the catalog
 * it came from. Reading parses the JSON once per distinct hash: a thousand workbooks of one catalog
 * cost one parse. A hash already read stands for the genuine catalog it was read as, so a later copy
 * under the same hash is not decoded again (whatever was done to its cells, it is not what is used).
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { CellValue, Grid } from '../cell';
import { fromBase64, toBase64 } from '../text/base64';
import type { Catalog } from '../model';
import { catalogForYear } from './for-year';
import { canonicalCatalog, catalogHash } from './hash';
import { parseCatalog } from './schema';

export const CATALOG_SHEET = '_cchc_danh_muc';
/**
 * Characters a cell: far under Excel's 32,767, and small enough that a values reader pooling repeated
 * texts (io/xlsx/text-items.ts keeps items up to 4,000 characters) decodes each part once per batch.
 */
const CHUNK = 4000;

/** How the catalog is stored, so that a later form can be told apart. */
const FORMAT = 'json-deflate-base64';

/** Rows of the hidden catalog sheet: ["hash", h], ["format", …], then ["data", part] for each part. */
export function embeddedCatalogRows(catalog: Catalog): CellValue[][] {
  const data = toBase64(deflateSync(strToU8(canonicalCatalog(catalog)), { level: 9 }));
  const rows: CellValue[][] = [['hash', catalogHash(catalog)], ['format', FORMAT]];
  for (let i = 0; i < data.length; i += CHUNK) rows.push(['data', data.slice(i, i + CHUNK)]);
  return rows;
}

/** The stored catalog's JSON text; null when the sheet's data cannot be decoded. */
function storedJson(grid: Grid): string | null {
  const format = grid.find((r) => r?.[0] === 'format')?.[1];
  if (format !== FORMAT) return null;
  let data = '';
  for (const r of grid) if (r?.[0] === 'data' && typeof r[1] === 'string') data += r[1];
  const bytes = fromBase64(data);
  return bytes ? strFromU8(inflateSync(bytes)) : null;
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
  let result: EmbeddedCatalog;
  try {
    const json = storedJson(grid);
    const parsed = json === null ? null : parseCatalog(JSON.parse(json));
    if (!parsed || !parsed.ok) result = { ok: false, hash, why: 'damaged' };
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
