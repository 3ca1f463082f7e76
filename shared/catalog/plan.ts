/**
 * A unit's plan is the catalog customised: its own targets, rows it leaves out, rows of its own.
 * Nothing here throws: what cannot be applied comes back as a problem in Vietnamese, saying what to
 * type instead, and the rest of the plan is still built.
 */
import type { AreaCode, Catalog, CatalogHeading, CatalogIndicator, CatalogTask } from '../model';
import { cleanText } from '../text/normalize';
import { areaOrder } from './areas';

export interface PlanCustomisation {
  /** Indicator code → the unit's own target text ("Tối thiểu 90%"). */
  targets?: Record<string, string>;
  /** Task code → the unit's own deadline text ("Trước 15/3/2025"). */
  deadlines?: Record<string, string>;
  /** Catalog (or extra) codes the unit leaves out. */
  omit?: string[];
  extraIndicators?: Omit<CatalogIndicator, 'sources'>[];
  extraTasks?: Omit<CatalogTask, 'sources'>[];
  /** Code → the unit's own wording of who monitors, carries out, leads…, for rows it keeps (a plan imported). */
  texts?: Record<string, Partial<Record<PlanTextField, string>>>;
}

/** Plan cells besides the name, target and deadline that a unit words its own way. */
export type PlanTextField = 'monitor' | 'executor' | 'product' | 'lead' | 'partners' | 'note';
const TEXT_FIELDS: Record<RowKind, readonly PlanTextField[]> = {
  indicator: ['monitor', 'executor'],
  task: ['product', 'lead', 'partners', 'note'],
};

export interface PlanProblem {
  /** The row code the problem is about. */
  code: string;
  message: string;
}

export interface Plan {
  indicators: CatalogIndicator[];
  tasks: CatalogTask[];
  /** Catalog group headings that still have rows under them. */
  headings: CatalogHeading[];
  problems: PlanProblem[];
}

type RowKind = 'indicator' | 'task';
const PREFIX: Record<RowKind, string> = { indicator: 'CT', task: 'NV' };
const LABEL: Record<RowKind, string> = { indicator: 'chỉ tiêu', task: 'nhiệm vụ' };

/** A code of the catalog's form for the area that no row uses yet: "CT.TTHC.15". */
function freeCode(kind: RowKind, area: AreaCode, taken: ReadonlySet<string>): string {
  const prefix = `${PREFIX[kind]}.${area}.`;
  let n = 1;
  for (const code of taken) {
    if (!code.startsWith(prefix)) continue;
    const k = Number(code.slice(prefix.length));
    if (Number.isInteger(k) && k >= n) n = k + 1;
  }
  while (taken.has(prefix + String(n).padStart(2, '0'))) n++;
  return prefix + String(n).padStart(2, '0');
}

/**
 * Rows in the catalog's area order (areas it does not list in the usual order after them), each
 * area's rows in the order given (Array.prototype.sort is stable).
 */
function byArea<T extends { area: AreaCode }>(rows: T[], areas: readonly { code: AreaCode }[]): T[] {
  const order = (code: AreaCode) => {
    const i = areas.findIndex((a) => a.code === code);
    return i < 0 ? areas.length + areaOrder(code) : i;
  };
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => order(a.row.area) - order(b.row.area) || a.i - b.i)
    .map((x) => x.row);
}

/**
 * The unit's plan: catalog rows minus the omitted ones, with the unit's targets and deadlines, plus its
 * own rows, grouped in the usual area order (catalog rows before the unit's own within an area).
 * An extra row whose code is empty, already in the catalog or used by an earlier extra row is left out
 * and reported; so are overrides and omissions naming a code the plan does not have.
 */
export function buildPlan(catalog: Catalog, c: PlanCustomisation = {}): Plan {
  const problems: PlanProblem[] = [];
  const taken = new Set<string>([...catalog.indicators.map((i) => i.code), ...catalog.tasks.map((t) => t.code)]);
  const catalogCodes = new Set(taken);

  const accept = <T extends { code: string; area: AreaCode; name: string }>(kind: RowKind, row: T): boolean => {
    const code = cleanText(row.code);
    const name = cleanText(row.name);
    const what = `${LABEL[kind]} bổ sung "${name || '(chưa có tên)'}"`;
    if (!catalog.areas.some((a) => a.code === row.area)) {
      problems.push({
        code,
        message: `Lĩnh vực "${String(row.area)}" của ${what} không có trong danh mục; hãy chọn một trong: ${catalog.areas.map((a) => a.code).join(', ')}.`,
      });
      return false;
    }
    const suggestion = freeCode(kind, row.area, taken);
    if (!code) {
      problems.push({ code: '', message: `${capitalise(what)} chưa có mã; hãy đặt một mã riêng, ví dụ "${suggestion}".` });
      return false;
    }
    if (!name) {
      problems.push({ code, message: `${capitalise(LABEL[kind])} bổ sung mã "${code}" chưa có tên; hãy nhập tên ${LABEL[kind]}.` });
      return false;
    }
    if (taken.has(code)) {
      const where = catalogCodes.has(code) ? `đã có trong danh mục ${catalog.id}` : 'đã dùng cho một dòng bổ sung khác';
      problems.push({ code, message: `Mã "${code}" của ${what} ${where}; hãy đặt mã khác, ví dụ "${suggestion}".` });
      return false;
    }
    taken.add(code);
    return true;
  };

  const extraIndicators: CatalogIndicator[] = [];
  for (const row of c.extraIndicators ?? []) {
    if (accept('indicator', row)) extraIndicators.push({ ...row, code: cleanText(row.code), sources: [] });
  }
  const extraTasks: CatalogTask[] = [];
  for (const row of c.extraTasks ?? []) {
    if (accept('task', row)) extraTasks.push({ ...row, code: cleanText(row.code), sources: [] });
  }

  const omit = new Set((c.omit ?? []).map((code) => cleanText(code)));
  for (const code of omit) {
    if (!taken.has(code)) {
      problems.push({ code, message: `Không có dòng nào mã "${code}" để bỏ khỏi kế hoạch; hãy kiểm tra lại mã (ví dụ "CT.TTHC.03").` });
    }
  }

  const indicators = byArea(
    [...catalog.indicators.map((i) => ({ ...i, sources: [...i.sources] })), ...extraIndicators].filter((i) => !omit.has(i.code)),
    catalog.areas,
  );
  const tasks = byArea(
    [...catalog.tasks.map((t) => ({ ...t, sources: [...t.sources] })), ...extraTasks].filter((t) => !omit.has(t.code)),
    catalog.areas,
  );

  applyOverrides(indicators, c.targets, 'target', 'chỉ tiêu', 'chỉ tiêu phấn đấu', problems, omit);
  applyOverrides(tasks, c.deadlines, 'deadline', 'nhiệm vụ', 'thời gian hoàn thành', problems, omit);

  applyTexts(indicators, tasks, c.texts, problems);

  const kept = new Set(indicators.map((i) => i.code));
  const headings = (catalog.headings ?? [])
    .map((h) => ({ ...h, codes: h.codes.filter((code) => kept.has(code)) }))
    .filter((h) => h.codes.length > 0);

  return { indicators, tasks, headings, problems };
}

function applyOverrides<T extends { code: string }>(
  rows: T[],
  overrides: Record<string, string> | undefined,
  field: 'target' | 'deadline',
  rowLabel: string,
  fieldLabel: string,
  problems: PlanProblem[],
  omitted: ReadonlySet<string>,
): void {
  if (!overrides) return;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (const [rawCode, rawText] of Object.entries(overrides)) {
    const code = cleanText(rawCode);
    const text = cleanText(rawText);
    const row = byCode.get(code);
    if (!row) {
      const why = omitted.has(code) ? `đã bị bỏ khỏi kế hoạch` : `không có trong kế hoạch`;
      problems.push({
        code,
        message: `Không đặt được ${fieldLabel} cho mã "${code}": ${rowLabel} này ${why}; hãy kiểm tra lại mã.`,
      });
      continue;
    }
    if (!text) {
      problems.push({
        code,
        message: `${capitalise(fieldLabel)} mới của ${rowLabel} "${code}" để trống; giữ nguyên mặc định. Hãy nhập ${fieldLabel}, ví dụ "${field === 'target' ? 'Tối thiểu 90%' : 'Quý II'}".`,
      });
      continue;
    }
    (row as unknown as Record<string, string>)[field] = text;
  }
}

function applyTexts(
  indicators: CatalogIndicator[],
  tasks: CatalogTask[],
  texts: PlanCustomisation['texts'],
  problems: PlanProblem[],
): void {
  if (!texts) return;
  const rows = new Map<string, { kind: RowKind; row: Record<string, unknown> }>();
  for (const i of indicators) rows.set(i.code, { kind: 'indicator', row: i as unknown as Record<string, unknown> });
  for (const t of tasks) rows.set(t.code, { kind: 'task', row: t as unknown as Record<string, unknown> });
  for (const [rawCode, fields] of Object.entries(texts)) {
    const code = cleanText(rawCode);
    const found = rows.get(code);
    if (!found) {
      problems.push({ code, message: `Không ghi được nội dung riêng cho mã "${code}": dòng này không có trong kế hoạch; hãy kiểm tra lại mã.` });
      continue;
    }
    for (const field of TEXT_FIELDS[found.kind]) {
      const text = fields[field];
      if (typeof text === 'string' && cleanText(text)) found.row[field] = text.normalize('NFC').trim();
    }
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
