/**
 * Phụ lục 2 rows → TaskRow: deadline read for the plan year, status words mapped, dates checked
 * against each other and the cut-off, overdue decided at the report's cut-off.
 */
import { isBlank, type Grid, type IsoDate } from '../cell';
import type { CatalogTask, TaskRow } from '../model';
import { defaultCalendar } from '../period';
import { TASK_SHEET } from '../spec/annex';
import type { HeaderMatch } from './find-sheet';
import type { IssueSink } from './issues';
import { dataRows, reportKeys, RowReader } from './read-table';
import { checkCarriedRow } from './carried-check';
import { checkTask, readDeadlineCell, readStatusCell } from './rules';
import { areaFromName, catalogByCode, CodeRegistry, findCatalogMatch, sectionOf, type TableContext } from './sections';

/** Every report column of the spec: any of them filled makes a row a task, not a heading. */
const REPORT_KEYS = reportKeys(TASK_SHEET, true);
/** Plan cells besides the number and name: a section title leaves them all blank. */
const PLAN_KEYS = TASK_SHEET.columns.filter((c) => c.role === 'plan' && c.type !== 'stt' && c.key !== 'name').map((c) => c.key);

/** The cut-off overdue is measured at: the one typed, else the default calendar's for the period. */
export function effectiveCutoff(ctx: TableContext): IsoDate | null {
  const info = ctx.info;
  if (!info) return null;
  if (info.cutoffDate) return info.cutoffDate;
  if (info.period && info.year) return defaultCalendar(info.period, info.year).cutoff;
  return null;
}

/** The year deadlines are read in: the plan year, else the cut-off's, else the catalog's. */
export function planYearOf(ctx: TableContext): number | null {
  if (ctx.info?.year) return ctx.info.year;
  const c = ctx.info?.cutoffDate;
  if (c) return Number(c.slice(0, 4));
  return ctx.catalog?.year ?? null;
}

export function readTasks(grid: Grid, header: HeaderMatch, sink: IssueSink, ctx: TableContext): TaskRow[] {
  const spec = TASK_SHEET;
  const byCode = ctx.catalog ? catalogByCode(ctx.catalog.tasks) : new Map<string, CatalogTask>();
  const codes = new CodeRegistry();
  const cutoff = effectiveCutoff(ctx);
  const planYear = planYearOf(ctx);
  const out: TaskRow[] = [];
  let area = null as TaskRow['area'];
  // The area of the section a row stands in, for the carried catalog's check: none after a section naming none.
  let sectionArea = null as TaskRow['area'];

  const rows = dataRows(grid, header);
  // A template just inserted: no report cell typed on any row yet.
  const untouched = rows.every((row) => REPORT_KEYS.every((k) => {
    const c = header.columns[k];
    return c === undefined || isBlank(grid[row]?.[c] ?? null);
  }));

  for (const row of rows) {
    const r = new RowReader(sink, spec, header, row, grid);
    const code = r.text('code');
    const tt = r.text('tt');
    const name = r.text('name');
    r.checkCells();

    const planEmpty = () => PLAN_KEYS.every((k) => r.blank(k)) && REPORT_KEYS.every((k) => r.blank(k));
    const section = sectionOf(code, tt, name, ctx.catalog, planEmpty);
    if (section) {
      area = section.area ?? area;
      sectionArea = section.area;
      continue;
    }
    const merged = r.mergedText();
    if (merged !== null && !byCode.has(code)) {
      area = areaFromName(merged) ?? area;
      sectionArea = areaFromName(merged) ?? sectionArea;
      continue;
    }
    if (!code && !tt && !name && r.blank('deadline') && r.blank('lead') && r.blank('status')) continue;

    const rowCode = codes.check(r, code, code ? null : findCatalogMatch(ctx.catalog, 'task', name), name);
    const entry = byCode.get(rowCode);

    r.requiredCells();
    if (ctx.carried) checkCarriedRow(r, ctx.carried, { table: 'task', code, name, sectionArea });
    const deadline = readDeadlineCell(r, planYear);
    const { status, unknown: statusUnknown } = readStatusCell(r);
    const completed = r.date('completedOn', planYear, ctx.date1904);
    const documentDate = r.date('documentDate', planYear, ctx.date1904);
    const completedOn = completed === 'bad' ? null : completed;
    const overdue = checkTask(r, { status, statusUnknown, completedOn, completedBad: completed === 'bad', deadline, cutoff, untouched });

    const notes = [r.text('planNote'), r.text('reportNote')].filter((s) => s !== '');
    out.push({
      code: rowCode,
      area: entry?.area ?? area,
      tt,
      name,
      product: r.text('product'),
      lead: r.text('lead'),
      partners: r.text('partners'),
      deadlineText: r.text('deadline'),
      deadline,
      status,
      completedOn,
      documentRef: r.text('documentRef'),
      documentDate: documentDate === 'bad' ? null : documentDate,
      note: notes.join('; '),
      overdue,
      row: r.row,
    });
  }
  return out;
}
