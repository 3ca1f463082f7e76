/**
 * Section rows, row codes and the context both table readers share. A section row is a reform
 * area heading: Roman-numbered, coded "LV.<area>", or an area name standing alone.
 */
import type { AreaCode, Catalog, UnitInfo } from '../model';
import { isAreaCode, matchArea } from '../catalog/areas';
import { matchIndicatorByName, matchTaskByName } from '../catalog/match';
import { wordKey } from './find-sheet';
import { TextMemo } from '../text/memo';
import type { CarriedCatalog } from './carried-check';
import type { RowReader } from './read-table';
import { isRomanNumeral } from './words';

export interface TableContext {
  info: UnitInfo | null;
  catalog?: Catalog;
  date1904?: boolean;
  /** The catalog the workbook carries (intact), its rows checked against (carried-check.ts). */
  carried?: CarriedCatalog;
}

/** Section titles repeat in every workbook: their areas are kept by text. */
const AREA_OF_NAME = new TextMemo<AreaCode | null>(200_000, 500);

/** Area a section heading's text names ("III. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "Cai cach the che"). */
export function areaFromName(name: string): AreaCode | null {
  return name ? AREA_OF_NAME.get(name, matchArea) : null;
}

/** "LV.TTHC" → TTHC; with a catalog, only its areas count. */
function areaFromCode(code: string, catalog: Catalog | undefined): AreaCode | null {
  const m = /^LV[._\-\s]?(.+)$/i.exec(code);
  if (!m) return null;
  const suffix = m[1].trim().toUpperCase();
  if (catalog && catalog.areas.length > 0) return catalog.areas.find((a) => a.code === suffix)?.code ?? null;
  return isAreaCode(suffix) ? suffix : null;
}

/**
 * The row is a section heading: returns its area (null when the heading names none we know);
 * null when it is not a section row. `planEmpty` tells whether the row's other plan and report
 * cells are blank, needed before an area name alone counts as a heading.
 */
export function sectionOf(
  code: string, stt: string, name: string, catalog: Catalog | undefined, planEmpty: () => boolean,
): { area: AreaCode | null } | null {
  // Most rows are numbered "1", "2.3" and coded "CT…": the patterns below are tried only when the
  // first character could start them (L/l for a code, I/V/X or a space for a Roman number).
  const c0 = code.charCodeAt(0);
  if ((c0 === 76 || c0 === 108) && /^LV[._\-\s]/i.test(code)) return { area: areaFromCode(code, catalog) ?? areaFromName(name || stt) };
  const s0 = stt.charCodeAt(0);
  if (s0 === 73 || s0 === 86 || s0 === 88 || s0 <= 32 || s0 >= 127) {
    if (isRomanNumeral(stt)) return { area: areaFromName(name) };
    // "II. CẢI CÁCH THỂ CHẾ" written whole in the STT cell.
    const lead = /^([IVX]+)[.)]?\s+(.+)$/.exec(stt);
    if (lead && isRomanNumeral(lead[1]) && (!name || wordKey(name) === wordKey(stt))) return { area: areaFromName(stt) };
  }
  if (!code && name && planEmpty()) {
    const area = areaFromName(name);
    if (area) return { area };
  }
  return null;
}

const byCodeCache = new WeakMap<readonly { code: string }[], Map<string, { code: string }>>();

/** A catalog list (its indicators or its tasks) by code, made once a list. */
export function catalogByCode<T extends { code: string }>(list: readonly T[]): Map<string, T> {
  let m = byCodeCache.get(list);
  if (!m) {
    m = new Map(list.map((x) => [x.code, x]));
    byCodeCache.set(list, m);
  }
  return m as Map<string, T>;
}

/** Catalog code of a row known only by its name (the catalog's matcher: folded words, abbreviations, best clear fit). */
export function findCatalogMatch(catalog: Catalog | undefined, what: 'indicator' | 'task', name: string): string | null {
  if (!catalog || !name) return null;
  return what === 'indicator' ? matchIndicatorByName(catalog, name) : matchTaskByName(catalog, name);
}

/** Codes seen on one sheet: reports missing and repeated codes. */
export class CodeRegistry {
  private readonly seen = new Map<string, number>();

  /**
   * Checks a row's code and returns the code the row keeps: a typed code always (a repeat is an
   * error), a code found by name only when no earlier row holds it, else ''.
   */
  check(r: RowReader, typed: string, matched: string | null, name: string): string {
    const code = typed || (matched && !this.seen.has(matched) ? matched : '');
    if (!code) {
      if (r.col('code') === undefined) return ''; // the missing column is reported once, on the header
      r.issue(
        'code', 'warning', 'code.missing',
        `${r.label('code')}: dòng ${name ? `“${name.length > 50 ? name.slice(0, 47) + '…' : name}” ` : ''}không có mã nên không ghép được ` +
          'với báo cáo của các đơn vị khác khi tổng hợp. Nếu là dòng của biểu mẫu, chép lại cả dòng từ biểu mẫu gốc ' +
          '(giữ cột Mã ẩn); nếu là dòng đơn vị tự thêm, có thể bỏ qua cảnh báo này.',
      );
      return '';
    }
    const first = this.seen.get(code);
    if (first === undefined) {
      this.seen.set(code, r.row);
      return code;
    }
    r.issue(
      'code', 'error', 'code.duplicate',
      `${r.label('code')}: mã “${code}” trùng với dòng ${first + 1}. ` +
        'Mỗi dòng của biểu mẫu chỉ ghi một lần; nếu đã sao chép dòng, xóa dòng thừa.',
    );
    return code;
  }
}
