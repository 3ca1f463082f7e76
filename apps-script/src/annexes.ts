/**
 * Chèn Phụ lục: writes Thông tin, Phụ lục 1, Phụ lục 2 and the hidden metadata sheet from the shared
 * template. Running it again rebuilds them in place and carries every typed value over by hidden
 * row code (shared carry-over), so a unit can refresh its sheets without losing its report. Rows
 * whose code the template no longer has are not dropped: the old sheet is first copied to a backup tab.
 */
import type { WorkbookGrids } from '../../shared/cell';
import { carryOver } from '../../shared/layout/carry-over';
import { standardTemplate } from '../../shared/layout/standard-template';
import type { SheetModel } from '../../shared/layout/sheet-model';
import type { Catalog, UnitInfo } from '../../shared/model';
import { IssueSink } from '../../shared/validate/issues';
import { readInfo } from '../../shared/validate/read-info';
import { spreadsheetCatalog } from './catalog';
import { annexTabs } from './check';
import { readGrid } from './sheets-reader';
import { writeSheet } from './sheets-writer';
import { ensureVietnameseLocale } from './host';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface InsertResult {
  /** What was changed in the spreadsheet's locale and time zone. */
  locale: string[];
  written: string[];
  kept: number;
  /** Backup tabs holding old rows the template no longer has. */
  backups: string[];
}

/** The annex tabs as they stand, and what their Thông tin says (year, period, unit). */
export function currentAnnexes(ss: Spreadsheet, tz = ss.getSpreadsheetTimeZone()): { old: WorkbookGrids; info: Partial<UnitInfo>; tabs: string[] } {
  const sheets = ss.getSheets();
  const tabs = annexTabs(sheets.map((s) => s.getName()));
  const oldTabs = [tabs.info, ...tabs.tables].filter((t): t is string => t !== null);
  const old: WorkbookGrids = {};
  for (const s of sheets) if (oldTabs.includes(s.getName())) old[s.getName()] = readGrid(s, tz);
  // What Thông tin already says heads the new annexes (year, period, unit); typed text is carried below.
  const info: Partial<UnitInfo> = tabs.info ? readInfo(old[tabs.info], new IssueSink(tabs.info)) : {};
  return { old, info, tabs: oldTabs };
}

function backupName(ss: Spreadsheet, name: string): string {
  const base = `${name} (bản cũ)`;
  let n = 1;
  let candidate = base;
  while (ss.getSheetByName(candidate)) candidate = `${base} ${++n}`;
  return candidate;
}

/**
 * The sheets to write for what Thông tin says: the standard template, or a plan imported into it —
 * from the catalog loaded into this spreadsheet (Nạp danh mục) or the one its template already carries.
 */
export type AnnexBuilder = (info: Partial<UnitInfo>, catalog?: Catalog) => SheetModel[];

const standardSheets: AnnexBuilder = (info, catalog) => standardTemplate(info, { catalog }).sheets;

export function insertAnnexSheets(ss: Spreadsheet, build: AnnexBuilder = standardSheets): InsertResult {
  const locale = ensureVietnameseLocale(ss);
  const tz = ss.getSpreadsheetTimeZone();
  const { old, info } = currentAnnexes(ss, tz);
  const models = build(info, spreadsheetCatalog(ss));
  const carried = carryOver(old, models, new Set());

  const backups: string[] = [];
  for (const tab of new Set(carried.orphans.map((o) => o.sheet))) {
    const sheet = ss.getSheetByName(tab);
    if (!sheet) continue;
    const name = backupName(ss, tab);
    sheet.copyTo(ss).setName(name);
    backups.push(name);
  }
  for (const r of carried.renames) ss.getSheetByName(r.from)?.setName(r.to);

  models.forEach((model, i) => writeSheet(ss, model, model.hidden ? undefined : i));
  ss.getSheetByName(models[0].name)?.activate();
  return { locale, written: models.map((m) => m.name), kept: carried.kept, backups };
}

export function describeInsert(r: InsertResult): string {
  const lines = [`Đã chèn ${r.written.filter((n) => !n.startsWith('_')).map((n) => `“${n}”`).join(', ')}.`];
  if (r.kept > 0) lines.push(`Đã giữ lại ${r.kept} ô số liệu đã nhập.`);
  if (r.backups.length) {
    lines.push(
      `Một số dòng đã nhập số liệu không còn trong mẫu mới; trang cũ được giữ ở ${r.backups.map((b) => `“${b}”`).join(', ')}. Hãy chép số liệu sang dòng phù hợp rồi xóa trang đó.`,
    );
  }
  lines.push(...r.locale);
  lines.push('Điền trang Thông tin trước, rồi nhập số liệu vào các cột báo cáo của Phụ lục 1 và Phụ lục 2.');
  return lines.join('\n');
}
