/**
 * A plan's recognised tables turned into the unit's plan: each row matched to the catalog or kept as
 * the unit's own, its target or deadline read by the shared parsers, and the customisation the
 * standard template is built from. Catalog rows of a table the plan has but not in it are left out
 * (the workbook is the unit's plan); a table the plan lacks keeps the standard rows. Every value keeps
 * where it came from.
 */
import { a1 } from '../cell';
import { AREAS } from '../catalog/areas';
import { CATALOG_2025 } from '../catalog/catalog-2025';
import { catalogForYear } from '../catalog/for-year';
import type { PlanCustomisation, PlanTextField } from '../catalog/plan';
import type { AreaCode, Catalog, IndicatorKind } from '../model';
import { parseDeadline } from '../parse/deadline';
import { parseTarget } from '../parse/target';
import { cleanText } from '../text/normalize';
import type { ImportRole, TableKind } from './header';
import { CatalogMatcher, type RowMatch } from './match';
import { ownCode } from './own-code';
import { recogniseTables, type ImportedRow, type RecognisedTable } from './recognise';

/** A grid the plan was read from: a sheet of a workbook, or a table of a Word document. */
export interface ImportSource {
  kind: 'sheet' | 'table';
  /** Sheet name, or the table's number in the document (1-based) as text. */
  name: string;
  grid: readonly (readonly unknown[])[];
  /** Where the grid starts in its sheet (a selected range), 0-based; A1 when absent. */
  origin?: { row: number; col: number };
}

export interface SourcedTable extends RecognisedTable {
  source: ImportSource;
}

export interface RowOutcome {
  table: SourcedTable;
  row: ImportedRow;
  match: RowMatch;
  /** The code the row has in the workbook: the catalog's, or one made for the unit's own row. */
  code: string;
  area: string;
  /** Where the row is in its source: "bảng 2, dòng 7" / "trang "KH", dòng 12". */
  where: string;
}

/** A target or deadline the parsers cannot read, with its cell. */
export interface UnreadableCell {
  outcome: RowOutcome;
  role: 'target' | 'deadline';
  text: string;
  cell: string;
  reason: string;
}

export interface PlanImport {
  tables: SourcedTable[];
  outcomes: RowOutcome[];
  unreadable: UnreadableCell[];
  /** Catalog rows left out because the plan's table of that kind does not have them. */
  omitted: string[];
  customisation: PlanCustomisation;
  /**
   * Code → where the row came from and how it was matched: in the customisation already for tasks
   * (their plan Ghi chú), for the indicators' Ghi chú column otherwise.
   */
  notes: Record<string, string>;
}

export interface ImportOptions {
  /** The catalog rows are matched to (the built-in one when absent), moved to the plan year. */
  catalog?: Catalog;
  year: number;
  /** Unit code, part of the codes given to the unit's own rows so that units' own rows never merge. */
  unitCode?: string;
}

const ROLE_LABEL: Record<ImportRole, string> = {
  code: 'Mã', stt: 'STT', name: 'Tên', target: 'Chỉ tiêu phấn đấu', monitor: 'Đơn vị theo dõi', executor: 'Đơn vị thực hiện',
  product: 'Sản phẩm', lead: 'Chủ trì', partners: 'Phối hợp', deadline: 'Thời gian hoàn thành', note: 'Ghi chú',
};

/** "trang "KH 2025", ô C12" or "bảng 2, dòng 12, cột Thời gian hoàn thành". */
export function cellLabel(source: ImportSource, row: number, col: number, role: ImportRole): string {
  const at = source.origin ?? { row: 0, col: 0 };
  return source.kind === 'sheet'
    ? `trang "${source.name}", ô ${a1(row + at.row, col + at.col)}`
    : `bảng ${source.name}, dòng ${row + 1}, cột ${ROLE_LABEL[role]}`;
}

function rowLabel(source: ImportSource, row: number): string {
  return source.kind === 'sheet' ? `trang "${source.name}", dòng ${row + 1 + (source.origin?.row ?? 0)}` : `bảng ${source.name}, dòng ${row + 1}`;
}

/** Percent with a decimal comma: 0.823 → "82%". */
export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** A name match at least this similar is reported as sure; below, the note asks for a look. */
export const SURE_SCORE = 0.8;

const isKnownArea = (a: string) => AREAS.some((x) => String(x.code) === a);

/** Reads every source's annex tables and builds the unit's plan from them. */
export function importPlan(sources: readonly ImportSource[], opts: ImportOptions): PlanImport {
  const tables: SourcedTable[] = [];
  for (const source of sources) for (const t of recogniseTables(source.grid)) tables.push({ ...t, source });
  const catalog = catalogForYear(opts.catalog ?? CATALOG_2025, opts.year);
  const matcher = new CatalogMatcher(catalog);
  const outcomes: RowOutcome[] = [];
  const taken = new Map<string, RowOutcome>();
  const ownCount = new Map<string, number>();
  const unit = cleanText(opts.unitCode).replace(/[^0-9A-Za-z]+/g, '') || 'DV';

  for (const table of tables) {
    for (const row of table.rows) {
      let match = matcher.match(row.kind, row.cells.code ?? '', row.cells.name ?? '', row.areas.filter(isKnownArea));
      // One catalog row, one plan row: a second row meaning the same stays the unit's own.
      if (match.how !== 'own' && taken.has(match.code)) {
        const row0 = matcher.byCode(row.kind, match.code);
        match = { how: 'own', tie: false, candidates: [{ code: match.code, name: row0?.name ?? '', score: match.how === 'name' ? match.score : 1 }] };
      }
      const area = match.how === 'own' ? ownArea(row) : String(matcher.byCode(row.kind, match.code)?.area ?? ownArea(row));
      const code = match.how === 'own' ? ownCode(row.kind, area, unit, ownCount) : match.code;
      const outcome: RowOutcome = { table, row, match, code, area, where: rowLabel(table.source, row.rows[0]) };
      if (match.how !== 'own') taken.set(match.code, outcome);
      outcomes.push(outcome);
    }
  }

  const unreadable: UnreadableCell[] = [];
  const customisation: Required<Pick<PlanCustomisation, 'targets' | 'deadlines' | 'omit' | 'extraIndicators' | 'extraTasks' | 'texts'>> = {
    targets: {}, deadlines: {}, omit: [], extraIndicators: [], extraTasks: [], texts: {},
  };
  const notes: Record<string, string> = {};
  for (const o of outcomes) {
    const cells = o.row.cells;
    const own = o.match.how === 'own';
    notes[o.code] = noteOf(o);
    // A task's source goes in the plan's own Ghi chú column, after the plan's note: a report column
    // typed in would make the fresh workbook look half reported.
    const taskNote = [cleanCell(cells.note), notes[o.code]].filter(Boolean).join('\n');
    if (o.row.kind === 'indicator') {
      const target = cleanCell(cells.target);
      const reading = target ? parseTarget(target) : null;
      if (reading && !reading.ok) unreadable.push(unreadableOf(o, 'target', target, reading.reason));
      if (!target) unreadable.push(unreadableOf(o, 'target', '', own ? 'ô trống: hãy ghi chỉ tiêu phấn đấu.' : 'ô trống: giữ chỉ tiêu phấn đấu của biểu mẫu chuẩn.'));
      if (own) {
        customisation.extraIndicators.push({
          code: o.code, area: o.area as AreaCode, stt: o.row.stt, name: cleanCell(cells.name), kind: kindOf(reading?.ok ? reading.value.targets : []),
          target, monitor: cleanCell(cells.monitor), executor: cleanCell(cells.executor),
        });
      } else if (target) customisation.targets[o.code] = target;
    } else {
      const deadline = cleanCell(cells.deadline);
      const reading = deadline ? parseDeadline(deadline, opts.year) : null;
      if (reading && !reading.ok) unreadable.push(unreadableOf(o, 'deadline', deadline, reading.reason));
      if (!deadline) unreadable.push(unreadableOf(o, 'deadline', '', own ? 'ô trống: hãy ghi thời gian hoàn thành.' : 'ô trống: giữ thời gian hoàn thành của biểu mẫu chuẩn.'));
      if (own) {
        customisation.extraTasks.push({
          code: o.code, area: o.area as AreaCode, name: cleanCell(cells.name), product: cleanCell(cells.product), lead: cleanCell(cells.lead),
          partners: cleanCell(cells.partners), deadline, note: taskNote,
        });
      } else if (deadline) customisation.deadlines[o.code] = deadline;
    }
    if (!own) {
      const fields: Partial<Record<PlanTextField, string>> = {};
      for (const f of ['monitor', 'executor', 'product', 'lead', 'partners'] as const) if (cleanCell(cells[f])) fields[f] = cleanCell(cells[f]);
      if (o.row.kind === 'task') fields.note = taskNote;
      customisation.texts[o.code] = fields;
    }
  }

  const omitted: string[] = [];
  for (const kind of ['indicator', 'task'] as const) {
    if (!tables.some((t) => t.kind === kind)) continue;
    const kept = new Set(outcomes.filter((o) => o.row.kind === kind && o.match.how !== 'own').map((o) => o.code));
    for (const r of matcher.rows(kind)) if (!kept.has(r.code)) omitted.push(r.code);
  }
  customisation.omit = omitted;
  return { tables, outcomes, unreadable, omitted, customisation, notes };
}

/** Cell text as the workbook keeps it: lines kept, each tidied. */
function cleanCell(text: string | undefined): string {
  return (text ?? '').split('\n').map(cleanText).filter(Boolean).join('\n');
}

function unreadableOf(o: RowOutcome, role: 'target' | 'deadline', text: string, reason: string): UnreadableCell {
  const col = o.table.columns[role] ?? 0;
  // The first source row whose cell holds text: the row's own, or a line joined to it.
  const grid = o.table.source.grid;
  const row = o.row.rows.find((r) => cleanText(grid[r]?.[col])) ?? o.row.rows[0];
  return { outcome: o, role, text, reason, cell: cellLabel(o.table.source, row, col, role) };
}

function ownArea(row: ImportedRow): string {
  return row.areas.find(isKnownArea) ?? 'KHAC';
}

/** The kind a unit's own indicator is measured as, from its target: a rate, a count, a duration or done/not done. */
function kindOf(targets: readonly { kind: string; unit?: string }[]): IndicatorKind {
  const t = targets.find((x) => x.kind !== 'unmeasurable');
  if (!t) return 'qualitative';
  if (t.kind === 'qualitative') return 'qualitative';
  if (t.unit === 'percent') return 'ratio';
  if (t.unit === 'minutes' || t.unit === 'days') return 'duration';
  return 'count';
}

/** The note column: where the row came from and how sure its match is. */
function noteOf(o: RowOutcome): string {
  const from = `Nhập từ ${o.where}${o.row.stt ? ` (STT ${o.row.stt})` : ''}`;
  const m = o.match;
  if (m.how === 'code') return `${from}; khớp theo mã.`;
  if (m.how === 'name') {
    const elsewhere = m.elsewhere ? `, kế hoạch xếp ở lĩnh vực khác (${o.row.section || 'không rõ'})` : '';
    return `${from}; khớp theo tên, độ giống ${percent(m.score)}${elsewhere}${m.score < SURE_SCORE ? ' — nên kiểm tra lại' : ''}.`;
  }
  if (m.candidates.length === 0) return `${from}; dòng riêng của đơn vị.`;
  const which = m.candidates.map((c) => `dòng “${c.name}” của biểu mẫu chuẩn (giống ${percent(c.score)})`).join(' hoặc ');
  return `${from}; dòng riêng của đơn vị, có thể là ${which} — hãy kiểm tra.`;
}
