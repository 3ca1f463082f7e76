/**
 * The consolidating office's own two sheets in its spreadsheet:
 * - "Cài đặt": where reports come from, who consolidates, year and period, due date, reminders;
 * - "Danh sách đơn vị": the units expected to report (code, name, spreadsheet, e-mail).
 * Both are created on first use with help in Vietnamese, and read by label / column, so users may
 * add notes around them. Values are read with the shared parsers (period, dates).
 */
import { isBlank, type CellValue, type Grid, type IsoDate } from '../../shared/cell';
import type { ParentLevel, PeriodCode } from '../../shared/model';
import { parseDate } from '../../shared/parse/date';
import { parsePeriod } from '../../shared/period';
import { emptySheet, type SheetModel } from '../../shared/layout/sheet-model';
import { governmentDay, parentLevelRefusal } from '../../shared/local-government';
import { PARENT_LEVEL_LABELS, PERIOD_LABELS } from '../../shared/spec/annex';
import { cleanText, foldKey } from '../../shared/text/normalize';
import { parseEmailList } from '../../shared/text/email';
import { readGrid } from './sheets-reader';
import { sheetsInput, writeSheet } from './sheets-writer';
import { ensureVietnameseLocale } from './host';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const SETTINGS_SHEET = 'Cài đặt';
export const REGISTRY_SHEET = 'Danh sách đơn vị';

export const DEFAULT_REMINDER_DAYS = 3;

interface SettingField {
  key: keyof RawSettings;
  label: string;
  help: string;
}

interface RawSettings {
  folder: CellValue;
  unitName: CellValue;
  level: CellValue;
  year: CellValue;
  period: CellValue;
  dueDate: CellValue;
  cutoff: CellValue;
  reminderDays: CellValue;
  copyTo: CellValue;
  feedback: CellValue;
}

const FEEDBACK_CHOICES = ['Có', 'Không'];

const FIELDS: readonly SettingField[] = [
  { key: 'folder', label: 'Thư mục Google Drive chứa báo cáo', help: 'ID hoặc đường dẫn thư mục. Để trống nếu chỉ dùng trang “Danh sách đơn vị”.' },
  { key: 'unitName', label: 'Đơn vị tổng hợp', help: 'Ví dụ: Sở Nội vụ tỉnh Thanh Hóa' },
  { key: 'level', label: 'Cấp tổng hợp', help: 'Huyện hoặc Tỉnh' },
  { key: 'year', label: 'Năm', help: 'Ví dụ: 2025' },
  { key: 'period', label: 'Kỳ báo cáo', help: 'Quý I, Quý II, Quý III, Quý IV, 6 tháng, 9 tháng hoặc Năm' },
  { key: 'dueDate', label: 'Hạn gửi báo cáo', help: 'Ngày/tháng/năm. Để trống: ngày 20 tháng cuối kỳ.' },
  { key: 'cutoff', label: 'Ngày chốt số liệu', help: 'Ngày/tháng/năm. Để trống: ngày 14 tháng cuối kỳ.' },
  { key: 'reminderDays', label: 'Nhắc trước hạn (số ngày)', help: `Số ngày trước hạn gửi thư nhắc các đơn vị chưa gửi báo cáo. Để trống: ${DEFAULT_REMINDER_DAYS}.` },
  { key: 'copyTo', label: 'Gửi bản sao thư nhắc tới', help: 'Địa chỉ thư, cách nhau bởi dấu phẩy (không bắt buộc).' },
  {
    key: 'feedback',
    label: 'Gửi góp ý cho đơn vị sau khi tổng hợp',
    help: 'Có: mỗi đơn vị có lỗi cần sửa, chỉ tiêu chưa đạt hoặc nhiệm vụ quá hạn nhận thư “Góp ý báo cáo” (một lần cho mỗi nội dung). Để trống hoặc Không: không gửi.',
  },
];

/** First row of the settings fields (0-based): title, blank, header row come first. */
const FIRST_FIELD_ROW = 3;

/** The row where each run leaves its outcome (written by the script, not read as a setting). */
export const STATUS_LABEL = 'Tình trạng tổng hợp';
/** 1-based row of the status, a blank row below the fields. */
const STATUS_ROW = FIRST_FIELD_ROW + FIELDS.length + 2;

/** Writes the last run's outcome beside "Tình trạng tổng hợp" on Cài đặt (two cells, one call). */
export function writeRunStatus(ss: Spreadsheet, text: string): void {
  const sheet = ss.getSheetByName(SETTINGS_SHEET);
  if (!sheet) return;
  const grid = sheet.getDataRange().getValues();
  const found = grid.findIndex((row) => foldKey(row[0]) === foldKey(STATUS_LABEL));
  const row = found >= 0 ? found + 1 : Math.max(STATUS_ROW, grid.length + 2);
  sheet.getRange(row, 1, 1, 2).setValues([[STATUS_LABEL, sheetsInput(text)]]);
}

export interface Settings {
  folderId: string | null;
  consolidatingUnit: { name: string; level: ParentLevel };
  year: number;
  period: PeriodCode;
  dueDate: IsoDate | null;
  cutoff: IsoDate | null;
  reminderDays: number;
  copyTo: string[];
  /** Send each unit its feedback by e-mail after a consolidation. */
  sendFeedback: boolean;
}

export interface RegistryUnit {
  code: string;
  name: string;
  /** Spreadsheet id taken from the id or URL typed; null when the cell is empty. */
  spreadsheetId: string | null;
  /** What was typed in the spreadsheet column, for messages. */
  spreadsheetText: string;
  email: string;
  /** 1-based sheet row, for messages. */
  row: number;
}

// ---------------------------------------------------------------- ids in URLs

/** Spreadsheet or folder id from an id or a Google URL; null when there is none. */
export function driveId(text: string): string | null {
  const t = cleanText(text);
  if (!t) return null;
  const m = /\/(?:d|folders)\/([A-Za-z0-9_-]{10,})/.exec(t) ?? /[?&]id=([A-Za-z0-9_-]{10,})/.exec(t);
  if (m) return m[1];
  return /^[A-Za-z0-9_-]{10,}$/.test(t) ? t : null;
}

// ---------------------------------------------------------------- sheet models

export function settingsSheetModel(): SheetModel {
  const m = emptySheet(SETTINGS_SHEET);
  m.rows = [
    ['CÀI ĐẶT TỔNG HỢP VÀ NHẮC HẠN BÁO CÁO CẢI CÁCH HÀNH CHÍNH'],
    [],
    ['Mục', 'Giá trị', 'Hướng dẫn'],
    ...FIELDS.map((f) => [f.label, f.key === 'reminderDays' ? DEFAULT_REMINDER_DAYS : '', f.help]),
    [],
    [STATUS_LABEL, '', 'Công cụ tự ghi: kết quả lần tổng hợp gần nhất, hoặc lý do phải dừng.'],
  ];
  const first = FIRST_FIELD_ROW + 1;
  const row = (key: string) => first + FIELDS.findIndex((f) => f.key === key);
  m.columnWidths = [34, 36, 70];
  m.styles = [
    { range: 'A1', style: { bold: true, fontSize: 13 } },
    { range: 'A3:C3', style: { bold: true, fill: '#D9E1F2', border: true } },
    { range: `A${first}:C${first + FIELDS.length - 1}`, style: { border: true, wrap: true, vAlign: 'middle' } },
    { range: `B${first}:B${first + FIELDS.length - 1}`, style: { fill: '#FFF9E6' } },
    { range: `B${row('folder')}`, style: { numberFormat: '@' } },
  ];
  m.validations = [
    { range: `B${row('level')}`, kind: 'list', values: PARENT_LEVEL_LABELS, strict: true },
    { range: `B${row('period')}`, kind: 'list', values: PERIOD_LABELS, strict: true },
    { range: `B${row('year')}`, kind: 'whole', min: 2000, max: 2100 },
    { range: `B${row('dueDate')}`, kind: 'date' },
    { range: `B${row('cutoff')}`, kind: 'date' },
    { range: `B${row('reminderDays')}`, kind: 'whole', min: 0, max: 60 },
    { range: `B${row('feedback')}`, kind: 'list', values: FEEDBACK_CHOICES, strict: true },
  ];
  m.protectedRanges = [`A1:A${first + FIELDS.length - 1}`, 'C3'];
  m.frozenRows = 3;
  return m;
}

const REGISTRY_HEADERS = ['Mã đơn vị', 'Tên đơn vị', 'Bảng tính báo cáo (ID hoặc đường dẫn)', 'Email nhận thư nhắc'] as const;

export function registrySheetModel(): SheetModel {
  const m = emptySheet(REGISTRY_SHEET);
  m.rows = [[...REGISTRY_HEADERS]];
  m.columnWidths = [12, 32, 50, 30];
  m.styles = [
    { range: 'A1:D1', style: { bold: true, fill: '#D9E1F2', border: true, wrap: true } },
    // Unit codes keep their leading zeros: typed into a text column.
    { range: 'A2:A1000', style: { numberFormat: '@' } },
    { range: 'C2:C1000', style: { numberFormat: '@' } },
  ];
  m.protectedRanges = ['A1:D1'];
  m.frozenRows = 1;
  return m;
}

/**
 * Creates whichever of the two sheets is missing; returns the names created. The first time, the
 * spreadsheet is also set to Vietnamese and Hà Nội's time zone, so dates typed in Cài đặt read
 * day/month/year (the alert that lists what to fill in says so).
 */
export function ensureSettingsSheets(ss: Spreadsheet): { created: string[]; locale: string[] } {
  const created: string[] = [];
  const locale = ss.getSheetByName(SETTINGS_SHEET) ? [] : ensureVietnameseLocale(ss);
  for (const model of [settingsSheetModel(), registrySheetModel()]) {
    if (ss.getSheetByName(model.name)) continue;
    writeSheet(ss, model);
    created.push(model.name);
  }
  return { created, locale };
}

// ---------------------------------------------------------------- reading

function fieldValues(grid: Grid): { raw: RawSettings; rows: Record<keyof RawSettings, number> } {
  const raw = {} as RawSettings;
  const rows = {} as Record<keyof RawSettings, number>;
  for (const f of FIELDS) {
    const key = foldKey(f.label);
    const r = grid.findIndex((row) => foldKey(row?.[0]) === key);
    raw[f.key] = r >= 0 ? (grid[r][1] ?? '') : '';
    rows[f.key] = r >= 0 ? r + 1 : FIRST_FIELD_ROW + 1 + FIELDS.indexOf(f);
  }
  return { raw, rows };
}

function optionalDate(v: CellValue, label: string, row: number, problems: string[]): IsoDate | null {
  if (isBlank(v)) return null;
  const d = parseDate(v);
  if (d.ok) return d.value;
  problems.push(`${SETTINGS_SHEET}!B${row} (${label}): ${d.reason}`);
  return null;
}

export type SettingsReading = { ok: true; settings: Settings } | { ok: false; problems: string[] };

/** Reads "Cài đặt"; every missing or unreadable value is named with its cell and what to type. */
export function readSettings(ss: Spreadsheet): SettingsReading {
  const sheet = ss.getSheetByName(SETTINGS_SHEET);
  if (!sheet) return { ok: false, problems: [`Chưa có trang “${SETTINGS_SHEET}”.`] };
  const { raw, rows } = fieldValues(readGrid(sheet, ss.getSpreadsheetTimeZone()));
  const problems: string[] = [];
  const at = (key: keyof RawSettings) => `${SETTINGS_SHEET}!B${rows[key]}`;

  const folderText = cleanText(raw.folder);
  const folderId = folderText ? driveId(folderText) : null;
  if (folderText && !folderId) problems.push(`${at('folder')}: không đọc được ID thư mục từ “${folderText}”. Dán đường dẫn thư mục Google Drive (https://drive.google.com/drive/folders/…).`);

  const unitName = cleanText(raw.unitName);
  if (!unitName) problems.push(`${at('unitName')}: nhập tên đơn vị tổng hợp, ví dụ “Sở Nội vụ tỉnh Thanh Hóa”.`);

  const levelKey = foldKey(raw.level);
  const level: ParentLevel | null = levelKey === 'huyen' ? 'huyen' : levelKey === 'tinh' ? 'tinh' : null;
  if (!level) problems.push(`${at('level')}: chọn “Huyện” hoặc “Tỉnh”.`);

  const year = typeof raw.year === 'number' ? raw.year : Number(cleanText(raw.year));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) problems.push(`${at('year')}: nhập năm báo cáo, ví dụ 2025.`);

  const period = parsePeriod(typeof raw.period === 'string' ? raw.period : '');
  if (!period) problems.push(`${at('period')}: chọn kỳ báo cáo (${PERIOD_LABELS.join(', ')}).`);

  const dueDate = optionalDate(raw.dueDate, 'Hạn gửi báo cáo', rows.dueDate, problems);
  const cutoff = optionalDate(raw.cutoff, 'Ngày chốt số liệu', rows.cutoff, problems);
  // No district level from 01/07/2025 (shared/local-government.ts); earlier periods keep it.
  const levelRefusal = period ? parentLevelRefusal(level, governmentDay({ cutoffDate: cutoff, period, year })) : null;
  if (levelRefusal) problems.push(`${at('level')}: ${levelRefusal}`);

  let reminderDays = DEFAULT_REMINDER_DAYS;
  if (!isBlank(raw.reminderDays)) {
    const n = typeof raw.reminderDays === 'number' ? raw.reminderDays : Number(cleanText(raw.reminderDays));
    if (Number.isInteger(n) && n >= 0) reminderDays = n;
    else problems.push(`${at('reminderDays')}: nhập số ngày (số nguyên không âm), ví dụ 3.`);
  }
  const copies = parseEmailList(cleanText(raw.copyTo));
  if (!copies.ok) problems.push(`${at('copyTo')}: ${copies.reason}`);
  const copyTo = copies.ok ? copies.value : [];
  const feedbackWord = foldKey(cleanText(raw.feedback));
  if (feedbackWord !== '' && !FEEDBACK_CHOICES.some((c) => foldKey(c) === feedbackWord)) problems.push(`${at('feedback')}: chọn “Có” hoặc “Không” (hoặc để trống).`);
  const sendFeedback = feedbackWord === foldKey(FEEDBACK_CHOICES[0]);

  if (problems.length > 0 || !level || !period) return { ok: false, problems };
  return {
    ok: true,
    settings: { folderId, consolidatingUnit: { name: unitName, level }, year, period, dueDate, cutoff, reminderDays, copyTo, sendFeedback },
  };
}

/** Units listed on "Danh sách đơn vị" (rows with a code or a spreadsheet). */
export function readRegistry(ss: Spreadsheet): RegistryUnit[] {
  const sheet = ss.getSheetByName(REGISTRY_SHEET);
  if (!sheet) return [];
  const grid = readGrid(sheet, ss.getSpreadsheetTimeZone());
  const units: RegistryUnit[] = [];
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const code = cleanText(row[0]);
    const spreadsheetText = cleanText(row[2]);
    if (!code && !spreadsheetText) continue;
    units.push({
      code,
      name: cleanText(row[1]),
      spreadsheetId: driveId(spreadsheetText),
      spreadsheetText,
      email: cleanText(row[3]),
      row: r + 1,
    });
  }
  return units;
}
