/**
 * The authoring workbook "Danh mục chỉ tiêu, nhiệm vụ CCHC" as host-neutral SheetModels: the office's
 * catalog laid out one sheet per part, with native lists and a help box on every column, so it can be
 * edited in Excel or Google Sheets and read back by readCatalogBook.
 */
import { a1, type CellValue } from '../cell';
import { catalogHash } from '../catalog/hash';
import type { CalendarDay, Catalog } from '../model';
import { PERIODS, periodLabel } from '../period';
import {
  BOOK_AREAS, BOOK_CALENDAR, BOOK_TITLE, HELP_SHEET, BOOK_HEADER_ROW, BOOK_HEADINGS, BOOK_INDICATORS, BOOK_INFO, BOOK_TASKS,
  dayOfLastMonthText, KIND_LABELS, LEVEL_LABELS, YES, type BookColumn, type BookTable,
} from '../spec/catalog-book';
import { calendarDate, emptySheet, type DataValidationRule, type SheetModel } from './sheet-model';

const HEADER_FILL = '#DDEBF7';
/** Rows below the last item that still get the lists and help, for rows the office adds. */
const SPARE_ROWS = 200;

const title32 = (text: string) => (text.length <= 32 ? text : `${text.slice(0, 31)}…`);

function infoSheet(catalog: Catalog): SheetModel {
  const sheet = emptySheet(BOOK_INFO.name);
  const value: Record<(typeof BOOK_INFO.fields)[number]['key'], CellValue> = {
    id: catalog.id,
    name: catalog.name ?? '',
    version: catalog.version,
    replaces: catalog.replaces ?? '',
    year: catalog.year,
    issuer: catalog.issuer ?? '',
    level: catalog.level ? LEVEL_LABELS[catalog.level] : '',
    hash: catalogHash(catalog),
  };
  sheet.rows.push([BOOK_INFO.title, '', ''], [BOOK_INFO.help, '', ''], ['Mục', 'Giá trị', 'Hướng dẫn']);
  for (const f of BOOK_INFO.fields) sheet.rows.push([f.label, value[f.key], f.help]);
  const first = BOOK_INFO.firstRow + 1;
  const last = BOOK_INFO.firstRow + BOOK_INFO.fields.length;
  sheet.columnWidths = [24, 52, 70];
  sheet.merges.push('A1:C1', 'A2:C2');
  sheet.styles.push(
    { range: 'A1:C1', style: { bold: true, fontSize: 14, hAlign: 'center' } },
    { range: 'A2:C2', style: { italic: true, fontSize: 11, wrap: true } },
    { range: 'A3:C3', style: { bold: true, fill: HEADER_FILL, border: true, hAlign: 'center' } },
    { range: `A${first}:C${last}`, style: { border: true, wrap: true, vAlign: 'middle' } },
    { range: `A${first}:A${last}`, style: { bold: true } },
    { range: `C${first}:C${last}`, style: { italic: true, color: '#595959', fontSize: 11 } },
    { range: `B${first}:B${last}`, style: { numberFormat: '@', hAlign: 'left' } },
  );
  const row = (key: string) => BOOK_INFO.firstRow + BOOK_INFO.fields.findIndex((f) => f.key === key);
  sheet.styles.push({ range: a1(row('year'), 1), style: { numberFormat: '0' } });
  sheet.validations.push(
    {
      range: a1(row('level'), 1), kind: 'list', values: Object.values(LEVEL_LABELS), strict: true, title: 'Cấp áp dụng',
      prompt: 'Chọn Cấp xã (xã, phường, đặc khu) hoặc Cấp huyện (kỳ trước 01/07/2025).', error: 'Chỉ chọn Cấp xã hoặc Cấp huyện.',
    },
    {
      range: a1(row('year'), 1), kind: 'whole', min: 2000, max: 2100, strict: true, title: 'Năm áp dụng',
      prompt: 'Năm kế hoạch, 4 chữ số, ví dụ 2027.', error: 'Ghi năm bằng 4 chữ số, ví dụ 2027.',
    },
  );
  sheet.protectedRanges.push(`A1:A${last}`, `C1:C${last}`, a1(row('hash'), 1));
  sheet.styles.push({ range: a1(row('hash'), 1), style: { color: '#7F7F7F', fontSize: 9 } });
  sheet.frozenRows = 3;
  sheet.print = { paper: 'A4', orientation: 'landscape', fitToWidth: true };
  return sheet;
}

function columnValidation(col: BookColumn, range: string, areaCodes: readonly string[]): DataValidationRule | null {
  const values = col.list ?? (col.key === 'area' ? areaCodes : col.key === 'period' ? PERIODS.map(periodLabel) : null);
  if (values && values.join(',').length <= 255) {
    const strict = col.strict ?? true;
    return {
      range, kind: 'list', values, strict, title: title32(col.header), prompt: col.help,
      error: strict ? `Cột "${col.header}" chỉ nhận: ${values.join(', ')}.` : `"${col.header}" chưa có trong danh sách; nếu là lĩnh vực mới, hãy thêm ở trang Lĩnh vực.`,
    };
  }
  // Free text: its help is on the Hướng dẫn sheet (a validation rule here would warn on ordinary text).
  return null;
}

/** One row per column of every sheet: what to write there. */
function helpSheet(): SheetModel {
  const sheet = emptySheet(HELP_SHEET);
  sheet.rows.push([`HƯỚNG DẪN LẬP ${BOOK_TITLE.toLocaleUpperCase('vi')}`, '', ''], [
    'Sửa danh mục ở các trang sau, rồi chạy "cchc danh-muc kiem-tra <tệp>" để kiểm tra và "cchc danh-muc xuat --tu <tệp> --ra <tệp>" để ban hành.', '', '',
  ], ['Trang', 'Cột', 'Cách ghi']);
  for (const f of BOOK_INFO.fields) sheet.rows.push([BOOK_INFO.name, f.label, f.help]);
  for (const t of [BOOK_AREAS, BOOK_INDICATORS, BOOK_HEADINGS, BOOK_TASKS, BOOK_CALENDAR]) {
    for (const c of t.columns) sheet.rows.push([t.name, c.header, `${c.required ? 'Bắt buộc. ' : ''}${c.help}`]);
  }
  const last = sheet.rows.length;
  sheet.columnWidths = [18, 26, 90];
  sheet.merges.push('A1:C1', 'A2:C2');
  sheet.styles.push(
    { range: 'A1:C1', style: { bold: true, fontSize: 14, hAlign: 'center' } },
    { range: 'A2:C2', style: { italic: true, fontSize: 11, wrap: true } },
    { range: 'A3:C3', style: { bold: true, fill: HEADER_FILL, border: true, hAlign: 'center' } },
    { range: `A4:C${last}`, style: { border: true, wrap: true, vAlign: 'top' } },
  );
  sheet.protectedRanges.push(`A1:C${last}`);
  sheet.frozenRows = 3;
  sheet.print = { paper: 'A4', orientation: 'landscape', fitToWidth: true };
  return sheet;
}

function tableSheet(table: BookTable, items: CellValue[][], areaCodes: readonly string[]): SheetModel {
  const sheet = emptySheet(table.name);
  const width = table.columns.length;
  const last = a1(0, width - 1).replace(/\d+$/, '');
  sheet.rows.push([table.title, ...Array(width - 1).fill('')], [table.help, ...Array(width - 1).fill('')]);
  sheet.rows.push(table.columns.map((c) => c.header));
  for (const item of items) sheet.rows.push(item);
  sheet.columnWidths = table.columns.map((c) => c.width);
  sheet.merges.push(`A1:${last}1`, `A2:${last}2`);
  const top = BOOK_HEADER_ROW + 2;
  const end = BOOK_HEADER_ROW + 1 + items.length + SPARE_ROWS;
  sheet.styles.push(
    { range: `A1:${last}1`, style: { bold: true, fontSize: 14, hAlign: 'center' } },
    { range: `A2:${last}2`, style: { italic: true, fontSize: 11, wrap: true } },
    { range: `A3:${last}3`, style: { bold: true, fill: HEADER_FILL, border: true, hAlign: 'center', vAlign: 'middle', wrap: true } },
    { range: `A${top}:${last}${end}`, style: { wrap: true, vAlign: 'top', numberFormat: '@' } },
  );
  if (items.length > 0) sheet.styles.push({ range: `A${top}:${last}${top + items.length - 1}`, style: { border: true } });
  table.columns.forEach((col, c) => {
    const letter = a1(0, c).replace(/\d+$/, '');
    if (col.key === 'cutoff' || col.key === 'due') sheet.styles.push({ range: `${letter}${top}:${letter}${end}`, style: { numberFormat: 'dd/mm/yyyy', hAlign: 'left' } });
    const v = columnValidation(col, `${letter}${top}:${letter}${end}`, areaCodes);
    if (v) sheet.validations.push(v);
  });
  sheet.protectedRanges.push(`A1:${last}3`);
  sheet.frozenRows = 3;
  sheet.print = { paper: 'A4', orientation: 'landscape', fitToWidth: true, pageNumbers: true };
  sheet.printTitleRows = '3:3';
  return sheet;
}

const lines = (list: readonly string[] | undefined) => (list ?? []).join('\n');
const listed = (list: readonly string[] | undefined) => (list ?? []).join('; ');

/** Fixed dates are real date cells (shown dd/mm/yyyy); a rule stays text. */
function dayCell(day: CalendarDay): CellValue {
  return 'date' in day ? (calendarDate(day.date) ?? day.date) : dayOfLastMonthText(day.dayOfLastMonth);
}

/** The catalog's authoring workbook: Thông tin danh mục, Lĩnh vực, Chỉ tiêu, Nhóm chỉ tiêu, Nhiệm vụ, Lịch báo cáo, Hướng dẫn. */
export function buildCatalogBook(catalog: Catalog): SheetModel[] {
  const codes = catalog.areas.map((a) => a.code);
  const indicators = catalog.indicators.map((i) => [
    i.code, i.area, i.stt, i.name, KIND_LABELS[i.kind], i.numerator ?? '', i.denominator ?? '', i.target, i.monitor, i.executor,
    i.key ? YES : '', listed(i.sources), lines(i.aliases),
  ]);
  const tasks = catalog.tasks.map((t) => [
    t.code, t.area, t.tt ?? '', t.name, t.product, t.lead, t.partners, t.deadline, t.note, listed(t.sources), lines(t.aliases),
  ]);
  const calendar = (catalog.calendar ?? []).map((e) => [periodLabel(e.period), dayCell(e.cutoff), dayCell(e.due)]);
  const sheets = [
    infoSheet(catalog),
    tableSheet(BOOK_AREAS, catalog.areas.map((a) => [a.code, a.name]), codes),
    tableSheet(BOOK_INDICATORS, indicators, codes),
    tableSheet(BOOK_HEADINGS, (catalog.headings ?? []).map((h) => [h.area, h.stt, h.name, listed(h.codes)]), codes),
    tableSheet(BOOK_TASKS, tasks, codes),
    tableSheet(BOOK_CALENDAR, calendar, codes),
  ];
  return [...sheets, helpSheet()];
}
