/**
 * Chèn Phụ lục: writes Thông tin, Phụ lục 1, Phụ lục 2 and the hidden metadata sheet for the unit,
 * year and period given in the pane. Running it again updates the sheets in place: it reads the
 * current sheets first and carries every typed report value over by row code (carry-over.ts).
 * The workbook is read once: sheet names, then the annex sheets (readSheets, each response under
 * budget); the writes follow in as many syncs as keep each request under budget.
 */
import type { IsoDate } from '../../shared/cell';
import type { ParentLevel, PeriodCode, UnitInfo, UnitKind } from '../../shared/model';
import { emptySheet, type SheetModel } from '../../shared/layout/sheet-model';
import { defaultCalendar, parsePeriod } from '../../shared/period';
import { INFO_SHEET, TABLE_SHEETS } from '../../shared/spec/annex';
import { findSheet } from '../../shared/validate/find-sheet';
import type { TemplateBuilder } from '../annex-template';
import { carryOver, oldInfoValue, type OrphanRow } from '../carry-over';
import { detectCapabilities, type HostCapabilities } from '../excel/capabilities';
import { queueSheetNames, readSheets } from '../excel/read-grids';
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

export interface InsertAnnexesResult {
  created: string[];
  updated: string[];
  /** Typed cells carried over from the previous sheets. */
  kept: number;
  orphans: OrphanRow[];
  /** False when page setup was skipped (ExcelApi 1.9 missing). */
  pageLayout: boolean;
}

export function formInfo(form: AnnexForm): Partial<UnitInfo> {
  return { ...form, cutoffDate: defaultCalendar(form.period, form.year).cutoff };
}

function orphanSheet(orphans: OrphanRow[]): SheetModel {
  const sheet = emptySheet(ORPHAN_SHEET);
  sheet.rows.push([
    'Các dòng dưới đây có số liệu đã nhập nhưng mã dòng không còn trong mẫu mới. Hãy chép số liệu sang dòng phù hợp rồi xóa trang này.',
  ]);
  sheet.rows.push(['Trang cũ', 'Dòng cũ', 'Nội dung dòng']);
  for (const o of orphans) sheet.rows.push([o.sheet, o.row, ...o.values]);
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
  await context.sync();
  const names = sheets.items.map((s) => s.name);

  const byName = Object.fromEntries(names.map((n) => [n, []]));
  const annexNames = new Set<string>();
  for (const spec of [INFO_SHEET, ...TABLE_SHEETS]) {
    const found = findSheet(byName, spec, annexNames);
    if (found) annexNames.add(found);
  }
  const old = await readSheets(context, [...annexNames]);

  const models = template(formInfo(form));
  // The cut-off follows the period: a typed one is kept only while year and period stay the same.
  const samePeriod = parsePeriod(oldInfoValue(old, 'period')) === form.period && Number(oldInfoValue(old, 'year')) === form.year;
  const owned = samePeriod ? FORM_KEYS : new Set([...FORM_KEYS, 'cutoffDate']);
  const carried = carryOver(old, models, owned);
  if (carried.orphans.length > 0) models.push(orphanSheet(carried.orphans));

  const existing = new SheetNameSet(names);
  for (const r of carried.renames) {
    context.workbook.worksheets.getItem(r.from).name = r.to;
    existing.add(r.to);
  }
  const created: string[] = [];
  const updated: string[] = [];
  for (const model of models) (existing.has(model.name) ? updated : created).push(model.name);
  const writer = new BatchedWriter(context);
  await writeSheets(writer, context, models, existing, caps);
  const first = models.find((m) => !m.hidden);
  if (first) context.workbook.worksheets.getItem(first.name).activate();
  await context.sync();
  return { created, updated, kept: carried.kept, orphans: carried.orphans, pageLayout: caps.pageLayout };
}
