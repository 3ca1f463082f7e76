/**
 * The pane's form: reading it into the command inputs (with Vietnamese messages for what is
 * missing), filling it from the workbook's Thông tin, and remembering it between sessions.
 */
import type { ConsolidateOptions } from '../../shared/consolidate/types';
import type { ParentLevel, PeriodCode, UnitInfo, UnitKind } from '../../shared/model';
import { governmentDay, parentLevelRefusal, unitKindRefusal } from '../../shared/local-government';
import { formatDateVi, parseDate } from '../../shared/parse/date';
import { PERIODS } from '../../shared/period';
import type { AnnexForm } from '../commands/insert-annexes';

const FIELDS = ['year', 'period', 'parentName', 'parentLevel', 'unitName', 'unitCode', 'unitKind', 'planNumber', 'planDate', 'dueDate', 'expectedSheet'] as const;
type FieldId = (typeof FIELDS)[number];
const STORAGE_KEY = 'cchc.form.v1';

function field(doc: Document, id: FieldId): HTMLInputElement | HTMLSelectElement {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`missing form field ${id}`);
  return el as HTMLInputElement | HTMLSelectElement;
}

export type FormReading<T> = { ok: true; value: T } | { ok: false; message: string; field: FieldId };

function readCommon(doc: Document): FormReading<{ year: number; period: PeriodCode; parentName: string; parentLevel: ParentLevel }> {
  const yearText = field(doc, 'year').value.trim();
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100) {
    return { ok: false, field: 'year', message: 'Năm kế hoạch phải là số có 4 chữ số, ví dụ 2025.' };
  }
  const period = field(doc, 'period').value as PeriodCode;
  if (!PERIODS.includes(period)) return { ok: false, field: 'period', message: 'Hãy chọn kỳ báo cáo (Quý I … Năm).' };
  const parentLevel = (field(doc, 'parentLevel').value || 'tinh') as ParentLevel;
  // No district level from 01/07/2025 (shared/local-government.ts).
  const refusal = parentLevelRefusal(parentLevel, governmentDay({ period, year }));
  if (refusal) return { ok: false, field: 'parentLevel', message: refusal };
  return { ok: true, value: { year, period, parentName: field(doc, 'parentName').value.trim(), parentLevel } };
}

export function readAnnexForm(doc: Document): FormReading<AnnexForm> {
  const common = readCommon(doc);
  if (!common.ok) return common;
  // Typed as dd/mm/yyyy whatever the browser's locale; read by the same parser as the sheets.
  const planDateText = field(doc, 'planDate').value.trim();
  const planDate = parseDate(planDateText);
  if (!planDate.ok) return { ok: false, field: 'planDate', message: `Ngày kế hoạch: ${planDate.reason}` };
  const unitKind = (field(doc, 'unitKind').value || null) as UnitKind | null;
  const kindRefusal = unitKindRefusal(unitKind, governmentDay({ period: common.value.period, year: common.value.year }));
  if (kindRefusal) return { ok: false, field: 'unitKind', message: kindRefusal };
  return {
    ok: true,
    value: {
      ...common.value,
      unitName: field(doc, 'unitName').value.trim(),
      unitCode: field(doc, 'unitCode').value.trim(),
      unitKind,
      planNumber: field(doc, 'planNumber').value.trim(),
      planDate: planDate.value,
    },
  };
}

/** Consolidation options from the form; `today` is the day the summary is made (yyyy-mm-dd). */
export function readConsolidateForm(doc: Document, today: string): FormReading<ConsolidateOptions> {
  const common = readCommon(doc);
  if (!common.ok) return common;
  const { year, period, parentName, parentLevel } = common.value;
  if (!parentName) {
    return { ok: false, field: 'parentName', message: 'Hãy nhập tên đơn vị tổng hợp, ví dụ: Sở Nội vụ tỉnh Thanh Hóa.' };
  }
  const value: ConsolidateOptions = { year, period, consolidatingUnit: { name: parentName, level: parentLevel }, now: today };
  // Hạn nộp: typed dd/mm/yyyy, read by the same parser as the sheets; empty = the default calendar's.
  const dueText = field(doc, 'dueDate').value.trim();
  if (dueText) {
    const due = parseDate(dueText, { defaultYear: year });
    if (!due.ok || !due.value) {
      return { ok: false, field: 'dueDate', message: `Hạn nộp báo cáo: ${due.ok ? 'hãy nhập ngày dạng ngày/tháng/năm, ví dụ 20/06/2025.' : due.reason}` };
    }
    value.dueDate = due.value;
  }
  return { ok: true, value };
}

/** The sheet named as the list of units that must report ('' when none). */
export function readExpectedSheet(doc: Document): string {
  return field(doc, 'expectedSheet').value.trim();
}

/** Fills the fields the workbook's Thông tin already knows. */
export function fillFromInfo(doc: Document, info: Partial<UnitInfo>): void {
  const set = (id: FieldId, v: unknown) => {
    if (v === null || v === undefined || v === '') return;
    field(doc, id).value = String(v);
  };
  set('year', info.year);
  set('period', info.period);
  set('parentName', info.parentName);
  set('parentLevel', info.parentLevel);
  set('unitName', info.unitName);
  set('unitCode', info.unitCode);
  set('unitKind', info.unitKind);
  set('planNumber', info.planNumber);
  set('planDate', info.planDate ? formatDateVi(info.planDate) : null);
}

export function saveForm(doc: Document, storage: Storage | null): void {
  if (!storage) return;
  const values = Object.fromEntries(FIELDS.map((id) => [id, field(doc, id).value]));
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(values));
  } catch {
    // Storage full or blocked (private mode): the form simply is not remembered.
  }
}

export function restoreForm(doc: Document, storage: Storage | null, now: Date): void {
  field(doc, 'year').value = String(now.getFullYear());
  if (!storage) return;
  try {
    const saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}') as Record<string, string>;
    for (const id of FIELDS) if (typeof saved[id] === 'string' && saved[id] !== '') field(doc, id).value = saved[id];
  } catch {
    // A damaged entry is ignored.
  }
}

export function focusField(doc: Document, id: FieldId): void {
  const el = field(doc, id);
  el.focus();
  el.scrollIntoView?.({ block: 'center' });
}
