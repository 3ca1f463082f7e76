/**
 * The import fixtures (made by make-fixtures.mjs from the seeds' annex tables) read as the command
 * line reads them, and a compact description of each imported row for the tests to compare.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_XLSX_CODECS } from '../../cli/codecs';
import { readDocxTables } from '../../io/docx/read-tables';
import { readXlsxValues } from '../../io/xlsx/read-values';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import type { DeadlineReading, Target } from '../../shared/model';
import { parseDeadline } from '../../shared/parse/deadline';
import { parseTarget } from '../../shared/parse/target';
import { importPlan, type ImportSource, type PlanImport, type RowOutcome } from '../../shared/import/plan-import';

export const FIXTURES = join(__dirname, 'files');

export function fixtureSources(file: string): ImportSource[] {
  const bytes = readFileSync(join(FIXTURES, file));
  if (file.endsWith('.docx')) {
    const r = readDocxTables(bytes, { fileName: file });
    if (!r.ok) throw new Error(r.reason);
    return r.value.map((t) => ({ kind: 'table' as const, name: String(t.index), grid: t.rows }));
  }
  const r = readXlsxValues(bytes, { fileName: file, ...NODE_XLSX_CODECS });
  if (!r.ok) throw new Error(r.reason);
  return r.value.sheets.map((s) => ({ kind: 'sheet' as const, name: s.name, grid: s.grid }));
}

export function importFixture(file: string, year = 2025): PlanImport {
  return importPlan(fixtureSources(file), { catalog: CATALOG_2025, year, unitCode: '90002' });
}

const UNIT: Record<string, string> = { percent: '%', minutes: ' phút', days: ' ngày', count: '', none: '' };
const OP: Record<string, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=', between: '' };

function targetText(t: Target): string {
  if (t.kind === 'qualitative') return 'định tính';
  if (t.kind === 'unmeasurable') return 'không đo được';
  const v = (x: number) => String(t.unit === 'percent' ? Math.round(x * 1000) / 10 : x);
  if (t.comparator === 'between') return `${v(t.value)}–${v(t.high ?? t.value)}${UNIT[t.unit]}`;
  return `${t.relative ? `${t.relative.direction === 'decrease' ? 'giảm' : 'tăng'} ` : ''}${OP[t.comparator]}${v(t.value)}${UNIT[t.unit]}`;
}

function deadlineText(d: DeadlineReading): string {
  const dates = d.milestones.map((m) => m.due.split('-').reverse().join('/')).join(',');
  return `${d.kind}${dates ? ` ${dates}` : ''}`;
}

/** "≥100%" / "dated 31/03/2025,31/12/2025" / "?" (unreadable) / "" (empty). */
export function readingOf(o: RowOutcome, year = 2025): string {
  if (o.row.kind === 'indicator') {
    const text = o.row.cells.target ?? '';
    if (!text) return '';
    const r = parseTarget(text);
    return r.ok ? r.value.targets.map(targetText).join('; ') : '?';
  }
  const text = o.row.cells.deadline ?? '';
  if (!text) return '';
  const r = parseDeadline(text, year);
  return r.ok ? deadlineText(r.value) : '?';
}

/** [STT, area, code or "own", reading] per imported row. */
export function describe(p: PlanImport): [string, string, string, string][] {
  return p.outcomes.map((o) => [o.row.stt, o.area, o.match.how === 'own' ? 'own' : o.code, readingOf(o)]);
}
