/**
 * A workbook checked against the catalog it carries (its hidden catalog sheet, intact): every coded
 * row of the annexes must be a row of that catalog or one of the unit's own rows, keep the catalog's
 * name and reform area, and be measured the catalog's way. What is checked is the copy the unit
 * received, so the check holds whatever catalog the consolidating office reads the batch with.
 *
 * Only figures that would be lost are errors (parts of a ratio typed on a row the catalog counts
 * otherwise: they are never read). A foreign code, a renamed row or a row under another area is
 * still consolidated by its code: the official is told, the row is taken.
 *
 * Rows of the catalog a workbook lacks are not raised: a unit's plan keeps only its own rows.
 *
 * A batch carries one catalog or a few: the rows by code are made once per catalog hash, plan year
 * and unit kind, and each row then costs a map look-up and a memoised word key.
 */
import { areaName } from '../catalog/areas';
import { namesUnitKind } from '../catalog/unit-words';
import { isOwnRowCode } from '../import/own-code';
import type { AreaCode, Catalog, IndicatorKind, UnitKind } from '../model';
import { KIND_LABELS } from '../spec/catalog-book';
import { INDICATOR_SHEET, TASK_SHEET } from '../spec/annex';
import type { RowReader } from './read-table';
import { wordKey } from './text';

type Table = 'indicator' | 'task';

interface CarriedRow {
  code: string;
  area: AreaCode;
  /** STT or TT as the catalog prints it ('' when numbered by place). */
  number: string;
  /** The name as the unit's template prints it: moved to the plan year, in the unit's words. */
  name: string;
  key: string;
  kind?: IndicatorKind;
}

export interface CarriedCatalog {
  /** "danh mục CCHC-THANHHOA phiên bản 2027.1", for messages. */
  label: string;
  rows: Record<Table, Map<string, CarriedRow>>;
  areaNames: Map<string, string>;
}

const kept = new Map<string, CarriedCatalog>();
const MAX_KEPT = 32;

/**
 * The catalog's rows by code, for a catalog already moved to the plan year (catalog/embed.ts gives
 * one per hash and year) and the unit kind its template was written for.
 */
export function carriedCatalogRows(catalog: Catalog, hash: string, unitKind: UnitKind | null | undefined): CarriedCatalog {
  const k = `${hash}@${catalog.year}@${unitKind ?? ''}`;
  let c = kept.get(k);
  if (!c) {
    if (kept.size >= MAX_KEPT) kept.clear();
    const row = (code: string, area: AreaCode, number: string, catalogName: string, kind?: IndicatorKind): [string, CarriedRow] => {
      const name = namesUnitKind(catalogName, unitKind);
      return [code, { code, area, number, name, key: wordKey(name), kind }];
    };
    c = {
      label: `danh mục ${catalog.id} phiên bản ${catalog.version}`,
      rows: {
        indicator: new Map(catalog.indicators.map((i) => row(i.code, i.area, i.stt, i.name, i.kind))),
        task: new Map(catalog.tasks.map((t) => row(t.code, t.area, t.tt ?? '', t.name))),
      },
      areaNames: new Map(catalog.areas.map((a) => [a.code, a.name])),
    };
    kept.set(k, c);
  }
  return c;
}

const WHAT: Record<Table, string> = { indicator: 'chỉ tiêu', task: 'nhiệm vụ' };
const SHEET: Record<Table, string> = { indicator: INDICATOR_SHEET.name, task: TASK_SHEET.name };

/** Years are what moving a catalog to a plan year changes: a name differing only there is not renamed. */
const withoutYears = (key: string) => key.replace(/\d{4}/g, '#');

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export interface RowSeen {
  table: Table;
  /** The code typed in the row's hidden code column ('' when none: the row was matched by name, if at all). */
  code: string;
  name: string;
  /** The area of the section the row stands in; null when no section named a known area. */
  sectionArea: AreaCode | null;
  /** A number is typed in Tử số or Mẫu số (indicators). */
  partsTyped?: 'numerator' | 'denominator' | null;
}

/** Raises on the row what differs from the carried catalog. */
export function checkCarriedRow(r: RowReader, carried: CarriedCatalog, seen: RowSeen): void {
  const { table, code, name } = seen;
  if (!code) return;
  const entry = carried.rows[table].get(code);
  if (!entry) {
    if (isOwnRowCode(code, table)) return;
    foreignCode(r, carried, seen);
    return;
  }
  const what = WHAT[table];
  const which = () => `${what}${entry.number ? ` ${entry.number}` : ''} “${short(entry.name)}” (mã ${code})`;
  // Most rows print the catalog's very text: compared as it is before any folding.
  if (name && name !== entry.name && wordKey(name) !== entry.key && withoutYears(wordKey(name)) !== withoutYears(entry.key)) {
    r.issue(
      'name', 'warning', 'catalog.renamed',
      `${r.label('name')}: tên dòng đã bị sửa so với ${carried.label} mà biểu mẫu được lập theo; dòng này là ${which()}. ` +
        `Số liệu của dòng vẫn được tổng hợp vào ${what} đó. Nếu dòng đã được dùng cho nội dung khác, hãy chép lại dòng từ biểu mẫu gốc ` +
        'và thêm một dòng mới cho nội dung riêng của đơn vị.',
    );
  }
  if (seen.sectionArea !== null && seen.sectionArea !== entry.area) {
    const area = `“${carried.areaNames.get(entry.area) ?? areaName(entry.area)}”`;
    r.issue(
      'name', 'warning', 'catalog.area_moved',
      `${r.label('name')}: ${which()} thuộc lĩnh vực ${area} trong ${carried.label}, nhưng đang nằm trong phần ` +
        `“${carried.areaNames.get(seen.sectionArea) ?? areaName(seen.sectionArea)}”. Khi tổng hợp, dòng vẫn được tính vào lĩnh vực của danh mục; ` +
        `hãy chuyển dòng về phần ${area}.`,
    );
  }
  if (entry.kind && entry.kind !== 'ratio' && seen.partsTyped) {
    r.issue(
      seen.partsTyped, 'error', 'catalog.kind_mismatch',
      `${r.label(seen.partsTyped)}: ${which()} là chỉ tiêu ${KIND_LABELS[entry.kind].toLowerCase()} theo ${carried.label}, không tính bằng tử số và mẫu số, ` +
        `nên số ở cột “${r.headerOf('numerator')}”, “${r.headerOf('denominator')}” không được tổng hợp. ` +
        `Nhập kết quả vào cột “${r.headerOf('result')}” rồi xóa tử số và mẫu số.`,
    );
  }
}

function foreignCode(r: RowReader, carried: CarriedCatalog, seen: RowSeen): void {
  const other: Table = seen.table === 'indicator' ? 'task' : 'indicator';
  const row = seen.name ? `dòng “${short(seen.name)}”` : 'dòng này';
  const elsewhere = carried.rows[other].get(seen.code);
  const why = elsewhere
    ? `mã “${seen.code}” của ${row} là mã ${WHAT[other]} “${short(elsewhere.name)}” của ${carried.label}, thuộc trang “${SHEET[other]}”, không phải trang này`
    : `mã “${seen.code}” của ${row} không có trong ${carried.label} mà biểu mẫu được lập theo, cũng không phải mã dòng riêng của đơn vị`;
  r.issue(
    'code', 'warning', 'catalog.foreign_code',
    `${r.label('code')}: ${why}, nên khi tổng hợp dòng có thể không ghép đúng với số liệu của các đơn vị khác. ` +
      'Nếu là dòng của biểu mẫu, chép lại cả dòng từ biểu mẫu gốc (giữ cột Mã ẩn); nếu là dòng đơn vị tự thêm, xóa mã ở cột Mã.',
  );
}
