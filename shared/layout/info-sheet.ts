/**
 * The "Thông tin" sheet (label in column A, value in column B, one row per INFO_SHEET field) and the
 * hidden metadata sheet, both laid out from the annex spec.
 */
import { a1, type CellValue } from '../cell';
import type { ParentLevel, UnitInfo } from '../model';
import { governmentDay, parentLevelsAt, unitKindsAt } from '../local-government';
import { periodLabel } from '../period';
import {
  INFO_SHEET,
  META_SHEET,
  PARENT_LEVEL_LABELS,
  TEMPLATE_ID,
  TEMPLATE_VERSION,
  type InfoFieldSpec,
} from '../spec/annex';
import { cleanText } from '../text/normalize';
import { UNIT_KIND_LABEL } from './heading';
import { calendarDate, emptySheet, type DataValidationRule, type SheetModel } from './sheet-model';

const PARENT_LEVEL_LABEL: Record<ParentLevel, (typeof PARENT_LEVEL_LABELS)[number]> = {
  huyen: PARENT_LEVEL_LABELS[0],
  tinh: PARENT_LEVEL_LABELS[1],
};

type InfoKey = keyof UnitInfo;

/** 0-based row of an info field's value. */
export function infoRow(key: InfoKey): number {
  const i = INFO_SHEET.fields.findIndex((f) => f.key === key);
  if (i < 0) throw new Error(`unknown info field ${key}`);
  return INFO_SHEET.firstRow + i;
}

/** Absolute reference to an info field's value from another sheet: "'Thông tin'!$B$12". */
export function infoValueRef(key: InfoKey): string {
  return `'${INFO_SHEET.name.replace(/'/g, "''")}'!$B$${infoRow(key) + 1}`;
}

/** What the value cell shows for one field: labels for codes, calendar-day Dates for IsoDates. */
function infoValue(field: InfoFieldSpec, info: Partial<UnitInfo>): CellValue {
  switch (field.key as InfoKey) {
    case 'templateId':
      return TEMPLATE_ID;
    case 'templateVersion':
      return TEMPLATE_VERSION;
    case 'unitKind':
      return info.unitKind ? UNIT_KIND_LABEL[info.unitKind] : '';
    case 'parentLevel':
      return info.parentLevel ? PARENT_LEVEL_LABEL[info.parentLevel] : '';
    case 'period':
      return info.period ? periodLabel(info.period) : '';
    default:
      break;
  }
  const v = info[field.key as InfoKey];
  if (v === null || v === undefined) return '';
  if (field.type === 'date') return typeof v === 'string' ? (calendarDate(v) ?? '') : '';
  if (field.type === 'year') return typeof v === 'number' ? v : '';
  return cleanText(v);
}

const VALUE_WIDTH = 44;
const LABEL_WIDTH = 28;

export function buildInfoSheet(info: Partial<UnitInfo>): SheetModel {
  const sheet = emptySheet(INFO_SHEET.name);
  const fields = INFO_SHEET.fields;
  const first = INFO_SHEET.firstRow;
  const last = first + fields.length - 1;
  sheet.rows.push([INFO_SHEET.title, '']);
  while (sheet.rows.length < first) sheet.rows.push(['', '']);
  sheet.rows[1] = ['Nhập thông tin vào cột B; ô có mũi tên: chọn trong danh sách.', ''];
  for (const field of fields) sheet.rows.push([field.label, infoValue(field, info)]);

  sheet.columnWidths = [LABEL_WIDTH, VALUE_WIDTH];
  sheet.merges.push('A1:B1');
  sheet.styles.push(
    { range: 'A1:B1', style: { bold: true, fontSize: 14, hAlign: 'center' } },
    { range: 'A2:B2', style: { italic: true, fontSize: 11 } },
    { range: `A${first + 1}:B${last + 1}`, style: { border: true, vAlign: 'middle', wrap: true } },
    { range: `A${first + 1}:A${last + 1}`, style: { bold: true, fill: '#F2F2F2' } },
  );

  // Unit kinds and levels of the template's period: no thị trấn, no huyện from 01/07/2025.
  const day = governmentDay(info);
  const listed = (field: InfoFieldSpec): InfoFieldSpec => {
    if (field.key === 'unitKind') return { ...field, values: unitKindsAt(day).map((k) => UNIT_KIND_LABEL[k]) };
    if (field.key === 'parentLevel') return { ...field, values: parentLevelsAt(day).map((l) => PARENT_LEVEL_LABEL[l]) };
    return field;
  };
  fields.forEach((field, i) => {
    const cell = a1(first + i, 1);
    const validation = infoValidation(listed(field), cell);
    if (validation) sheet.validations.push(validation);
    const numberFormat = field.type === 'date' ? 'dd/mm/yyyy' : field.type === 'year' ? '0' : field.type === 'text' ? '@' : undefined;
    if (numberFormat) sheet.styles.push({ range: cell, style: { numberFormat, hAlign: 'left' } });
    if (field.key === 'templateId' || field.key === 'templateVersion') {
      sheet.protectedRanges.push(cell);
      sheet.styles.push({ range: cell, style: { color: '#7F7F7F' } });
    }
  });
  sheet.protectedRanges.unshift(`A1:B${first}`, `A${first + 1}:A${last + 1}`);
  sheet.print = { paper: 'A4', orientation: 'portrait', fitToWidth: true };
  return sheet;
}

function title(text: string): string {
  return text.length <= 32 ? text : `${text.slice(0, 31)}…`;
}

function infoValidation(field: InfoFieldSpec, range: string): DataValidationRule | null {
  const label = field.label;
  if ((field.type === 'enum' || field.type === 'period') && field.values) {
    const list = field.values.join('; ');
    return {
      range, kind: 'list', values: field.values, strict: true, title: title(label),
      prompt: field.help ?? `Chọn một trong: ${list}.`,
      error: `Ô "${label}" chỉ nhận: ${list}. Hãy chọn trong danh sách.`,
    };
  }
  if (field.type === 'date') {
    return {
      range, kind: 'date', min: '2000-01-01', max: '2100-12-31', strict: true, title: title(label),
      prompt: field.help ?? 'Ngày/tháng/năm, ví dụ 15/03/2025.',
      error: `Ô "${label}" cần một ngày dạng ngày/tháng/năm, ví dụ 15/03/2025.`,
    };
  }
  if (field.type === 'year') {
    return {
      range, kind: 'whole', min: 2000, max: 2100, strict: true, title: title(label),
      prompt: field.help ?? 'Năm của kế hoạch, 4 chữ số, ví dụ 2025.',
      error: `Ô "${label}" cần một năm 4 chữ số, ví dụ 2025.`,
    };
  }
  return null;
}

export interface MetaInput {
  info: Partial<UnitInfo>;
  catalogId: string;
  catalogVersion: string;
  /** Content hash of the catalog the workbook carries ('' when it carries none). */
  catalogHash?: string;
}

/** The hidden machine-readable sheet: META_SHEET.keys in column A, values in column B. */
export function buildMetaSheet({ info, catalogId, catalogVersion, catalogHash = '' }: MetaInput): SheetModel {
  const values: Record<(typeof META_SHEET.keys)[number], CellValue> = {
    templateId: TEMPLATE_ID,
    templateVersion: TEMPLATE_VERSION,
    catalogId,
    catalogVersion,
    catalogHash,
    unitCode: cleanText(info.unitCode),
    year: typeof info.year === 'number' ? info.year : '',
    period: info.period ? periodLabel(info.period) : '',
  };
  const sheet = emptySheet(META_SHEET.name);
  sheet.rows = META_SHEET.keys.map((key) => [key, values[key]]);
  sheet.columnWidths = [18, 24];
  sheet.styles.push({ range: `B1:B${META_SHEET.keys.length}`, style: { numberFormat: '@' } });
  sheet.styles.push({ range: `B${META_SHEET.keys.indexOf('year') + 1}`, style: { numberFormat: '0' } });
  sheet.protectedRanges.push(`A1:B${META_SHEET.keys.length}`);
  sheet.hidden = true;
  return sheet;
}
