/**
 * Chèn Phụ lục: writes Thông tin, Phụ lục 1, Phụ lục 2 and the hidden metadata sheet for the unit,
 * year and period given in the pane. Running it again updates the sheets in place: it reads the
 * current sheets first and carries every typed report value over by row code (carry-over.ts).
 * The workbook is read once: sheet names, then the annex sheets (readSheets, each response under
 * budget); the writes follow in as many syncs as keep each request under budget.
 */
import type { CellValue, Grid, IsoDate } from '../../shared/cell';
import type { ParentLevel, PeriodCode, UnitInfo, UnitKind } from '../../shared/model';
import { emptySheet, type SheetModel } from '../../shared/layout/sheet-model';
import { parsePeriod } from '../../shared/period';
import { catalogCalendar } from '../../shared/catalog/calendar';
import type { Catalog } from '../../shared/model';
import { CATALOG_SHEET } from '../../shared/catalog/embed';
import { catalogOfSheet } from './load-catalog';
import { INFO_SHEET, TABLE_SHEETS } from '../../shared/spec/annex';
import { findSheet } from '../../shared/validate/find-sheet';
import type { TemplateBuilder } from '../annex-template';
import { carryOver, oldInfoValue, type OrphanRow } from '../carry-over';
import { detectCapabilities, type HostCapabilities } from '../excel/capabilities';
import { queueDateSystem, queueSheetNames, readSheets } from '../excel/read-grids';
import { PaneError } from '../excel/host-errors';
import { BatchedWriter, SheetNameSet, writeSheets } from '../excel/write-sheet';

/** What the pane's form asks for. */
export interface AnnexForm {
  unitName: string;
  unitCode: string;
  unitKind: UnitKind | null;
  parentName: string;
  parentLevel: ParentLevel | null;
  year: number;
  period: PeriodCode;
  planNumber: string;
  planDate: IsoDate | null;
}

export const FORM_KEYS: ReadonlySet<string> = new Set<keyof AnnexForm>([
  'unitName', 'unitCode', 'unitKind', 'parentName', 'parentLevel', 'year', 'period', 'planNumber', 'planDate',
]);

/** Tab that receives old rows whose code the template no longer has. */
export const ORPHAN_SHEET = 'Dòng cũ không khớp mẫu';
/** Rows of the orphan sheet above its list (the note and the column titles). */
const ORPHAN_HEAD = 2;

export interface InsertAnnexesResult {
  created: string[];
  updated: string[];
  /** Typed cells carried over from the previous sheets. */
  kept: number;
  orphans: OrphanRow[];
  /** False when page setup was skipped (ExcelApi 1.9 missing). */
  pageLayout: boolean;
}

/** The form as the unit's info; the cut-off by the catalog's reporting calendar (national rule by default). */
export function formInfo(form: AnnexForm, catalog?: Catalog): Partial<UnitInfo> {
  return { ...form, cutoffDate: catalogCalendar(catalog, form.period, form.year).cutoff };
}

/**
 * The orphan sheet: the rows it already lists (from earlier runs, kept as they are) followed by this
 * run's orphans that it does not list yet. Nothing there is ever overwritten.
 */
export function orphanSheet(orphans: OrphanRow[], previous: Grid = []): SheetModel {
  const sheet = emptySheet(ORPHAN_SHEET);
  sheet.rows.push([
    'Các dòng dưới đây có số liệu đã nhập nhưng mã dòng không còn trong mẫu mới. Hãy chép số liệu sang dòng phù hợp rồi xóa trang này.',
  ]);
  sheet.rows.push(['Trang cũ', 'Dòng cũ', 'Nội dung dòng']);
  const key = (row: readonly CellValue[]) => {
    const r = row.map((v) => (v === null || v === undefined ? '' : String(v)));
    while (r.length && r[r.length - 1] === '') r.pop();
    return JSON.stringify(r);
  };
  const listed = new Set<string>();
  for (const row of previous.slice(ORPHAN_HEAD)) {
    if (!row.some((v) => v !== '' && v !== null && v !== undefined)) continue;
    sheet.rows.push([...row]);
    listed.add(key(row));
  }
  for (const o of orphans) {
    const row: CellValue[] = [o.sheet, o.row, ...o.values];
    if (!listed.has(key(row))) sheet.rows.push(row);
  }
  sheet.styles.push({ range: 'A2:C2', style: { bold: true } });
  sheet.columnWidths = [22, 9, 14, 8, 40];
  return sheet;
}

export async function insertAnnexes(
  context: Excel.RequestContext,
  form: AnnexForm,
  template: TemplateBuilder,
  caps: HostCapabilities = detectCapabilities(),
): Promise<InsertAnnexesResult> {
  const sheets = queueSheetNames(context);
  const is1904 = queueDateSystem(context);
  await context.sync();
  const names = sheets.items.map((s) => s.name);
  caps = { ...caps, date1904: is1904() };

  const byName = Object.fromEntries(names.map((n) => [n, []]));
  const annexNames = new Set<string>();
  for (const spec of [INFO_SHEET, ...TABLE_SHEETS]) {
    const found = findSheet(byName, spec, annexNames);
    if (found) annexNames.add(found);
  }
  const hasOrphans = names.includes(ORPHAN_SHEET);
  // The catalog loaded into this workbook (Nạp danh mục), or the one its template already carries,
  // read in the same requests as the annexes.
  const hasCatalog = names.includes(CATALOG_SHEET);
  const old = await readSheets(context, [...annexNames, ...(hasOrphans ? [ORPHAN_SHEET] : []), ...(hasCatalog ? [CATALOG_SHEET] : [])]);
  const catalog = catalogOfSheet(old[CATALOG_SHEET]);
  delete old[CATALOG_SHEET];
  const models = template(formInfo(form, catalog), catalog);
  // The cut-off follows the period: a typed one is kept only while year and period stay the same.
  const samePeriod = parsePeriod(oldInfoValue(old, 'period')) === form.period && Number(oldInfoValue(old, 'year')) === form.year;
  const owned = samePeriod ? FORM_KEYS : new Set([...FORM_KEYS, 'cutoffDate']);
  const carried = carryOver(old, models, owned);
  if (carried.orphans.length > 0) models.push(orphanSheet(carried.orphans, old[ORPHAN_SHEET]));

  const existing = new SheetNameSet(names);
  const renamed = new Map(carried.renames.map((r) => [r.from, r.to]));
  for (const r of carried.renames) {
    context.workbook.worksheets.getItem(r.from).name = r.to;
    existing.add(r.to);
  }
  const created: string[] = [];
  const updated: string[] = [];
  for (const model of models) (existing.has(model.name) ? updated : created).push(model.name);

  // Every sheet that holds what people typed is copied before anything is cleared, and the copies
  // are removed only once every write went through: a batch that fails half-way (Excel applies a
  // batch's actions in order, with no rollback) leaves the copies, shown, with every typed value.
  const typed = [...annexNames].map((n) => renamed.get(n) ?? n).filter((n) => updated.includes(n));
  if (hasOrphans && models.some((m) => m.name === ORPHAN_SHEET)) typed.push(ORPHAN_SHEET);
  const backups = backupNames(typed, new SheetNameSet([...names, ...created]));
  const copies = typed.map((name, i) => {
    const copy = context.workbook.worksheets.getItem(name).copy('End');
    copy.name = backups[i];
    copy.visibility = 'Hidden';
    return backups[i];
  });
  if (copies.length > 0) await context.sync();

  try {
    const writer = new BatchedWriter(context);
    await writeSheets(writer, context, models, existing, caps);
    const first = models.find((m) => !m.hidden);
    if (first) context.workbook.worksheets.getItem(first.name).activate();
    await context.sync();
  } catch (e) {
    try {
      for (const name of copies) context.workbook.worksheets.getItem(name).visibility = 'Visible';
      await context.sync();
    } catch {
      // The copies stay hidden but present (Trang đầu → Định dạng → Ẩn & Hiện → Hiện trang tính).
    }
    throw new PaneError(
      copies.length > 0
        ? `Chèn Phụ lục bị dừng giữa chừng nên các trang có thể chưa đầy đủ. Số liệu đã nhập trước đó vẫn còn nguyên ở các trang: ${copies.map((c) => `“${c}”`).join(', ')}. Hãy lưu sổ tính, đóng các hộp thoại đang mở rồi bấm Chèn Phụ lục lần nữa; khi đã đủ số liệu có thể xóa các trang sao lưu.`
        : 'Chèn Phụ lục bị dừng giữa chừng nên các trang mới có thể chưa đầy đủ. Hãy lưu sổ tính rồi bấm Chèn Phụ lục lần nữa.',
      e,
    );
  }
  if (copies.length > 0) {
    for (const name of copies) context.workbook.worksheets.getItem(name).delete();
    await context.sync();
  }
  return { created, updated, kept: carried.kept, orphans: carried.orphans, pageLayout: caps.pageLayout };
}

/** "Sao lưu - <name>", at most 31 characters, unique in the workbook. */
function backupNames(names: readonly string[], taken: SheetNameSet): string[] {
  return names.map((name) => {
    for (let i = 1; ; i++) {
      const tag = i === 1 ? 'Sao lưu - ' : `Sao lưu ${i} - `;
      const candidate = (tag + name).slice(0, 31).trimEnd();
      if (!taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
  });
}
