/**
 * A plan's own annex tables read from a 2-D array of cell texts — what a Word table, a hand-made
 * Excel range or a Google Sheet all reduce to. Finds each table by its header words, tells an
 * indicator table from a task table, reads section rows as reform areas and group rows as headings,
 * skips repeated headers and page furniture, joins rows a page break or a careless copy split, and
 * stops at what follows the annex (signatures, "Nơi nhận", notes). Every row keeps the grid rows it
 * came from, so each value imported can be traced back.
 */
import { headerAt, repeatsHeader, type HeaderFound, type ImportRole, type TableKind } from './header';
import { areasOfTitle, endsTable, isPageFurniture, isRoman, romanLead } from './rows';

export interface ImportedRow {
  kind: TableKind;
  /** Numbering as the plan prints it ("3.1"; '' for an unnumbered sub-row). */
  stt: string;
  /** Reform areas of the section it stands in (two under a merged section; none when unknown). */
  areas: string[];
  /** Title of that section row as printed, '' when none. */
  section: string;
  /** The group row it stands under ("6.2 Nâng cao chất lượng phục vụ…"), if any. */
  heading: { stt: string; name: string } | null;
  /** Cell texts by role; continuation rows already joined in. */
  cells: Partial<Record<ImportRole, string>>;
  /** Grid rows (0-based) it was read from: its own first, then rows joined to it. */
  rows: number[];
}

export type SkipReason = 'header' | 'furniture' | 'end' | 'heading' | 'no_name';

export interface SkippedRow {
  row: number;
  reason: SkipReason;
  text: string;
}

export interface RecognisedTable {
  kind: TableKind;
  /** Grid rows of the header (the first occurrence). */
  headerRows: number[];
  columns: Partial<Record<ImportRole, number>>;
  sections: { row: number; title: string; areas: string[] }[];
  rows: ImportedRow[];
  skipped: SkippedRow[];
}

const PLAN_ROLES: readonly ImportRole[] = ['target', 'monitor', 'executor', 'product', 'lead', 'partners', 'deadline', 'note'];

/** A cell as text: NFC, spaces tidied inside each line, empty lines dropped; dates dd/mm/yyyy. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const p = (n: number) => String(n).padStart(2, '0');
    return `${p(value.getUTCDate())}/${p(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  const s = typeof value === 'string' ? value : String(value);
  return s
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .split(/\r\n|\r|\n|\u2028|\u2029|\u000b/)
    .map((line) => line.replace(/[\s\u00A0\u202F\u2000-\u200A\u3000]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** "1." → "1", "3.1." → "3.1"; other numbering as typed. */
function sttOf(text: string): string {
  return text.replace(/\s+/g, '').replace(/\.$/, '');
}

/** A joined-in line: on a new line when it starts a list item or a sentence, else the same sentence. */
function joinCell(before: string, more: string): string {
  if (!more) return before;
  if (!before) return more;
  if (before === more || before.endsWith('\n' + more)) return before; // a vertically merged cell repeated
  return before + (/^([-+•*–]|\d+[.)]\s)/.test(more) || isUpper(more.charAt(0)) ? '\n' : ' ') + more;
}

const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isLower = (ch: string) => ch !== ch.toUpperCase() && ch === ch.toLowerCase();

interface State {
  table: RecognisedTable;
  header: HeaderFound;
  ended: boolean;
  section: { title: string; areas: string[]; number: string } | null;
  heading: { stt: string; name: string } | null;
  /** The row continuation lines are joined to; null after a section or heading row. */
  last: ImportedRow | null;
}

/** Every annex table in the grid, in order. */
export function recogniseTables(grid: readonly (readonly unknown[])[]): RecognisedTable[] {
  const text = grid.map((row) => (row ?? []).map(cellText));
  const tables: RecognisedTable[] = [];
  let st: State | null = null;
  for (let r = 0; r < text.length; r++) {
    const cells = text[r];
    if (cells.every((c) => c === '')) continue;
    const found = headerAt(text, r);
    if (found) {
      const last = found.rows[found.rows.length - 1];
      if (st && !st.ended && repeatsHeader(found, st.header)) {
        for (const h of found.rows) st.table.skipped.push({ row: h, reason: 'header', text: rowText(text[h]) });
      } else {
        const table: RecognisedTable = { kind: found.kind, headerRows: found.rows, columns: found.columns, sections: [], rows: [], skipped: [] };
        tables.push(table);
        st = { table, header: found, ended: false, section: null, heading: null, last: null };
      }
      r = last;
      continue;
    }
    // Text before the first header (titles, the national header) or after the annex's end is not a row.
    if (!st || st.ended) continue;
    const all = rowText(cells);
    if (endsTable(all)) {
      st.ended = true;
      st.table.skipped.push({ row: r, reason: 'end', text: all });
      continue;
    }
    if (isPageFurniture(cells)) {
      st.table.skipped.push({ row: r, reason: 'furniture', text: all });
      continue;
    }
    readRow(st, text, r);
  }
  return tables;
}

function rowText(cells: readonly string[]): string {
  return cells.filter(Boolean).join(' ').replace(/\n/g, ' ');
}

function readRow(st: State, text: readonly (readonly string[])[], r: number): void {
  const cells = text[r];
  const { columns, kind } = st.table;
  const at = (role: ImportRole) => (columns[role] === undefined ? '' : (cells[columns[role] as number] ?? ''));
  const rawStt = at('stt');
  const stt = sttOf(rawStt);
  const name = at('name');
  const filled = cells.filter(Boolean);
  const planEmpty = PLAN_ROLES.every((role) => at(role) === '');

  const section = sectionOf(rawStt, name, filled, planEmpty);
  if (section) {
    st.section = { ...section, number: /^\d+$/.test(stt) ? stt : '' };
    st.heading = null;
    st.last = null;
    st.table.sections.push({ row: r, title: section.title, areas: section.areas });
    return;
  }

  // A line a page break or a copy split off the row above: no number, and no name of its own or
  // a name that goes on mid-sentence.
  if (st.last && stt === '' && (name === '' || isLower(name.charAt(0)))) {
    const row = st.last;
    for (const role of Object.keys(columns) as ImportRole[]) {
      if (role === 'stt' || role === 'code') continue;
      row.cells[role] = joinCell(row.cells[role] ?? '', at(role));
    }
    row.rows.push(r);
    return;
  }

  if (!name) {
    st.table.skipped.push({ row: r, reason: 'no_name', text: rowText(cells) });
    return;
  }

  // Leaving a numbered section ("3 Cải cách thủ tục hành chính" holds 3.1, 3.2, not 4).
  if (st.section?.number && stt !== '' && stt.split('.')[0] !== st.section.number) st.section = null;
  if (st.heading && stt !== '' && !stt.startsWith(st.heading.stt + '.')) st.heading = null;

  if (kind === 'indicator' && at('target') === '' && planEmpty && isGroupRow(st, text, r, stt, name)) {
    st.heading = { stt, name };
    st.last = null;
    st.table.skipped.push({ row: r, reason: 'heading', text: rowText(cells) });
    return;
  }

  const row: ImportedRow = {
    kind,
    stt,
    areas: st.section ? st.section.areas : [],
    section: st.section ? st.section.title : '',
    heading: st.heading,
    cells: {},
    rows: [r],
  };
  for (const role of Object.keys(columns) as ImportRole[]) {
    const v = at(role);
    if (v) row.cells[role] = role === 'stt' ? stt : v;
  }
  st.table.rows.push(row);
  st.last = row;
}

/**
 * A section row: Roman-numbered ("II", "V." with its title beside it or in the same cell), or an
 * area title standing alone — in the name column with every other plan cell empty ("3 Cải cách thủ
 * tục hành chính"), or merged across the table.
 */
function sectionOf(rawStt: string, name: string, filled: readonly string[], planEmpty: boolean): { title: string; areas: string[] } | null {
  if (isRoman(rawStt)) {
    const title = name || filled.filter((c) => c !== rawStt).join(' ');
    return { title, areas: areasOfTitle(title) };
  }
  const lead = romanLead(filled[0] ?? '');
  if (lead && lead.title && filled.length <= 2 && planEmpty) {
    const title = filled.length === 2 ? `${lead.title} ${filled[1]}` : lead.title;
    const areas = areasOfTitle(title);
    if (areas.length > 0 || filled.length === 1) return { title: filled.join(' '), areas };
  }
  if (filled.length === 1 && !name) {
    const areas = areasOfTitle(filled[0]);
    if (areas.length > 0) return { title: filled[0], areas };
  }
  if (name && planEmpty) {
    const areas = areasOfTitle(name);
    if (areas.length > 0) return { title: name, areas };
  }
  return null;
}

/**
 * A group row of an indicator table (no target of its own): "3" above "3.1", or a row above
 * unnumbered sub-rows, or a row ending with ":".
 */
function isGroupRow(st: State, text: readonly (readonly string[])[], r: number, stt: string, name: string): boolean {
  if (/:$/.test(name)) return true;
  const col = st.table.columns.stt;
  for (let k = r + 1; k < text.length; k++) {
    const next = text[k];
    if (next.every((c) => c === '')) continue;
    const headerAgain = headerAt(text, k);
    if (headerAgain) {
      k = headerAgain.rows[headerAgain.rows.length - 1];
      continue;
    }
    const nextStt = col === undefined ? '' : sttOf(next[col] ?? '');
    if (stt && nextStt.startsWith(stt + '.')) return true;
    return nextStt === '';
  }
  return false;
}
