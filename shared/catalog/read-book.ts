/**
 * The authoring workbook's grids → a catalog, and every problem found in it, each with its sheet,
 * cell and what to write instead. Nothing stops at the first problem: an office fixes the whole list
 * in one pass. The catalog comes back only when there is no error (warnings allowed), already checked
 * against the schema, so nothing downstream meets a half-valid catalog.
 */
import { a1, type CellValue, type Grid, type IsoDate, type WorkbookGrids } from '../cell';
import type { CalendarDay, CalendarEntry, Catalog, CatalogArea, CatalogHeading, CatalogIndicator, CatalogTask, IndicatorKind, PeriodCode, ValidationIssue } from '../model';
import { parseDate, formatDateVi } from '../parse/date';
import { parseDeadline } from '../parse/deadline';
import { parseTarget } from '../parse/target';
import { parsePeriod, periodLabel } from '../period';
import {
  BOOK_AREAS, BOOK_CALENDAR, BOOK_HEADER_ROW, BOOK_HEADINGS, BOOK_INDICATORS, BOOK_INFO, BOOK_TASKS, BOOK_TITLE,
  KIND_LABELS, LEVEL_LABELS, YES, type BookTable,
} from '../spec/catalog-book';
import { cleanText, foldKey } from '../text/normalize';
import { calendarDayOf } from './calendar';
import { catalogHash } from './hash';
import { AREA_CODE_PATTERN, parseCatalog } from './schema';
import { compareVersions, isVersion } from './version';

export interface ReadBookOptions {
  date1904?: boolean;
  /** The published catalog this one replaces: same id needs a higher version, and codes keep their meaning. */
  previous?: Catalog | null;
  fileName?: string;
}

export interface BookReading {
  /** Null when any error was found. */
  catalog: Catalog | null;
  issues: ValidationIssue[];
  /** Hash stored when the workbook was published ('' for a draft); hash of what it holds now. */
  storedHash: string;
  hash: string | null;
}

class Issues {
  readonly list: ValidationIssue[] = [];
  error(sheet: string, address: string, rule: string, message: string): void {
    this.list.push({ sheet, address, severity: 'error', rule, message });
  }
  warning(sheet: string, address: string, rule: string, message: string): void {
    this.list.push({ sheet, address, severity: 'warning', rule, message });
  }
}

const text = (v: CellValue | undefined): string => (v instanceof Date ? '' : cleanText(v ?? ''));
const splitList = (s: string): string[] => s.split(/[;\n]+/).map((x) => cleanText(x)).filter(Boolean);
const splitLines = (s: string): string[] => s.split('\n').map((x) => cleanText(x)).filter(Boolean);

function findGrid(grids: WorkbookGrids, name: string): { name: string; grid: Grid } | null {
  const want = foldKey(name);
  for (const [tab, grid] of Object.entries(grids)) if (foldKey(tab) === want) return { name: tab, grid };
  return null;
}

interface TableRow {
  row: number;
  get(key: string): string;
  raw(key: string): CellValue | undefined;
  at(key: string): string;
}

/** Rows of a table sheet, by column header; missing sheets and headers are reported. */
function readTable(grids: WorkbookGrids, table: BookTable, issues: Issues): TableRow[] {
  const found = findGrid(grids, table.name);
  if (!found) {
    issues.error(table.name, '', 'book.sheet_missing', `Thiếu trang “${table.name}”. Hãy xuất lại tệp mẫu bằng "cchc danh-muc xuat" và chép nội dung sang.`);
    return [];
  }
  const { grid, name } = found;
  // The header row is where the template put it, or a row or two lower if someone inserted rows.
  let headerRow = -1;
  for (let r = 0; r < Math.min(grid.length, BOOK_HEADER_ROW + 5); r++) {
    if ((grid[r] ?? []).some((v) => foldKey(v) === foldKey(table.columns[0].header))) { headerRow = r; break; }
  }
  if (headerRow < 0) {
    issues.error(name, a1(BOOK_HEADER_ROW, 0), 'book.header_missing', `Không thấy dòng tiêu đề (ô “${table.columns[0].header}”). Hãy giữ nguyên dòng tiêu đề của tệp mẫu.`);
    return [];
  }
  const header = grid[headerRow] ?? [];
  const cols: Record<string, number> = {};
  for (const c of table.columns) {
    const i = header.findIndex((v) => foldKey(v) === foldKey(c.header));
    if (i >= 0) cols[c.key] = i;
    else if (c.required) issues.error(name, a1(headerRow, header.length), 'book.column_missing', `Thiếu cột “${c.header}”. Hãy thêm lại cột này như tệp mẫu.`);
  }
  const out: TableRow[] = [];
  for (let r = headerRow + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    if (table.columns.every((c) => cols[c.key] === undefined || text(cells[cols[c.key]]) === '' && !(cells[cols[c.key]] instanceof Date))) continue;
    out.push({
      row: r,
      raw: (key) => (cols[key] === undefined ? undefined : cells[cols[key]]),
      get: (key) => (cols[key] === undefined ? '' : text(cells[cols[key]])),
      at: (key) => a1(r, cols[key] ?? 0),
    });
  }
  return out;
}

interface Info {
  id: string; name: string; version: string; replaces: string; year: number | null; issuer: string; level: Catalog['level']; hash: string;
}

function readInfo(grids: WorkbookGrids, issues: Issues, previous: Catalog | null | undefined): Info {
  const info: Info = { id: '', name: '', version: '', replaces: '', year: null, issuer: '', level: undefined, hash: '' };
  const found = findGrid(grids, BOOK_INFO.name);
  const sheet = found?.name ?? BOOK_INFO.name;
  if (!found) {
    issues.error(sheet, '', 'book.sheet_missing', `Thiếu trang “${BOOK_INFO.name}”. Hãy xuất lại tệp mẫu bằng "cchc danh-muc xuat" và chép nội dung sang.`);
    return info;
  }
  const at: Record<string, string> = {};
  const raw: Record<string, CellValue> = {};
  for (const f of BOOK_INFO.fields) {
    const r = found.grid.findIndex((row) => foldKey(row?.[0]) === foldKey(f.label));
    at[f.key] = r < 0 ? a1(BOOK_INFO.firstRow, 1) : a1(r, 1);
    raw[f.key] = r < 0 ? null : (found.grid[r]?.[1] ?? null);
    if (r < 0 && f.required) issues.error(sheet, 'A:A', 'book.field_missing', `Thiếu dòng “${f.label}” ở cột A. Hãy thêm lại dòng này như tệp mẫu.`);
  }
  const get = (k: string) => text(raw[k]);
  const need = (k: string, label: string, example: string) => {
    const v = get(k);
    if (!v) issues.error(sheet, at[k], 'book.required', `“${label}” để trống. Hãy ghi ${example}.`);
    return v;
  };
  info.id = need('id', 'Mã danh mục', 'mã cố định của danh mục, ví dụ CCHC-THANHHOA');
  info.name = need('name', 'Tên danh mục', `tên danh mục, ví dụ “${BOOK_TITLE} cấp xã năm 2027”`);
  info.issuer = need('issuer', 'Cơ quan ban hành', 'tên cơ quan, ví dụ Sở Nội vụ tỉnh Thanh Hóa');
  info.hash = get('hash');
  info.version = typeof raw.version === 'number' ? String(raw.version) : get('version');
  if (!info.version) issues.error(sheet, at.version, 'book.required', '“Phiên bản” để trống. Hãy ghi phiên bản, ví dụ 2027.1.');
  else if (!isVersion(info.version)) issues.error(sheet, at.version, 'book.version_format', `Phiên bản “${info.version}” không đọc được. Hãy ghi các số cách nhau bởi dấu chấm, ví dụ 2027.1.`);
  info.replaces = typeof raw.replaces === 'number' ? String(raw.replaces) : get('replaces');
  if (info.replaces && !isVersion(info.replaces)) {
    issues.error(sheet, at.replaces, 'book.version_format', `“Thay thế phiên bản” ghi “${info.replaces}”, không đọc được. Hãy ghi các số cách nhau bởi dấu chấm, ví dụ 2026.1, hoặc để trống.`);
  } else if (info.replaces && isVersion(info.version) && compareVersions(info.version, info.replaces) <= 0) {
    issues.error(sheet, at.version, 'book.version_not_above', `Phiên bản ${info.version} không lớn hơn phiên bản ${info.replaces} mà nó thay thế. Hãy tăng số phiên bản, ví dụ ${nextVersion(info.replaces)}.`);
  }
  if (previous && info.id && isVersion(info.version)) {
    if (previous.id !== info.id) {
      issues.warning(sheet, at.id, 'book.other_catalog', `Mã danh mục “${info.id}” khác mã của danh mục cũ “${previous.id}”: đơn vị tổng hợp sẽ không gộp báo cáo của hai danh mục. Nếu đây là phiên bản mới, hãy giữ mã “${previous.id}”.`);
    } else if (compareVersions(info.version, previous.version) <= 0) {
      issues.error(sheet, at.version, 'book.version_not_above', `Phiên bản ${info.version} không lớn hơn phiên bản đã ban hành ${previous.version} của danh mục ${previous.id}. Hãy tăng số phiên bản, ví dụ ${nextVersion(previous.version)}.`);
    }
  }
  const yearRaw = raw.year;
  const year = typeof yearRaw === 'number' ? yearRaw : Number(get('year'));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) issues.error(sheet, at.year, 'book.year', `Năm áp dụng “${get('year') || String(yearRaw ?? '')}” không hợp lệ. Hãy ghi năm 4 chữ số, ví dụ 2027.`);
  else info.year = year;
  const level = get('level');
  const code = (Object.keys(LEVEL_LABELS) as (keyof typeof LEVEL_LABELS)[]).find((k) => foldKey(LEVEL_LABELS[k]) === foldKey(level));
  if (!code) issues.error(sheet, at.level, 'book.level', `Cấp áp dụng “${level}” không hợp lệ. Hãy chọn ${Object.values(LEVEL_LABELS).join(' hoặc ')}.`);
  info.level = code;
  return info;
}

function nextVersion(v: string): string {
  const parts = v.split('.');
  parts[parts.length - 1] = String(Number(parts[parts.length - 1]) + 1);
  return parts.join('.');
}

function readAreas(grids: WorkbookGrids, issues: Issues): CatalogArea[] {
  const s = BOOK_AREAS.name;
  const seen = new Map<string, string>();
  const out: CatalogArea[] = [];
  for (const r of readTable(grids, BOOK_AREAS, issues)) {
    const code = r.get('code');
    const name = r.get('name');
    if (!AREA_CODE_PATTERN.test(code)) {
      issues.error(s, r.at('code'), 'book.area_code', code
        ? `Mã lĩnh vực “${code}” không hợp lệ. Hãy ghi chữ in hoa không dấu và chữ số, bắt đầu bằng chữ, tối đa 12 ký tự, ví dụ TTHC.`
        : 'Mã lĩnh vực để trống. Hãy ghi mã, ví dụ TTHC.');
      continue;
    }
    if (seen.has(code)) {
      issues.error(s, r.at('code'), 'book.duplicate_code', `Mã lĩnh vực “${code}” trùng với ô ${seen.get(code)}. Mỗi lĩnh vực một mã riêng.`);
      continue;
    }
    seen.set(code, r.at('code'));
    if (!name) issues.error(s, r.at('name'), 'book.required', `Lĩnh vực ${code} chưa có tên. Hãy ghi tên lĩnh vực như in trong phụ lục.`);
    out.push({ code, name: name || code });
  }
  if (out.length === 0 && findGrid(grids, s)) issues.error(s, a1(BOOK_HEADER_ROW + 1, 0), 'book.empty', 'Chưa có lĩnh vực nào. Hãy ghi ít nhất một lĩnh vực.');
  return out;
}

/** Codes used on the Chỉ tiêu and Nhiệm vụ sheets, for duplicates across both. */
type CodeBook = Map<string, { sheet: string; at: string }>;

function checkCode(
  code: string, r: TableRow, sheet: string, what: 'chỉ tiêu' | 'nhiệm vụ', codes: CodeBook, issues: Issues,
  previous: Catalog | null | undefined, sameRow: (p: Catalog) => string | null,
): boolean {
  if (!code) {
    issues.error(sheet, r.at('code'), 'book.required', `Mã ${what} để trống. Hãy đặt một mã riêng, ví dụ ${what === 'chỉ tiêu' ? 'CT.TTHC.15' : 'NV.TTHC.15'}.`);
    return false;
  }
  const first = codes.get(code);
  if (first) {
    issues.error(sheet, r.at('code'), 'book.duplicate_code', `Mã “${code}” đã dùng ở ${first.sheet}!${first.at}. Mỗi chỉ tiêu, nhiệm vụ một mã riêng; hãy đặt mã khác.`);
    return false;
  }
  codes.set(code, { sheet, at: r.at('code') });
  const reused = previous ? sameRow(previous) : null;
  if (reused) issues.error(sheet, r.at('code'), 'book.reused_code', `Mã “${code}” ${reused} trong phiên bản ${previous?.version}. Không dùng lại mã cho nội dung khác: hãy đặt mã mới.`);
  return true;
}

function checkArea(area: string, r: TableRow, sheet: string, areas: readonly CatalogArea[], issues: Issues): boolean {
  if (areas.some((a) => a.code === area)) return true;
  issues.error(sheet, r.at('area'), 'book.unknown_area', area
    ? `Mã lĩnh vực “${area}” không có ở trang ${BOOK_AREAS.name}. Hãy chọn một trong: ${areas.map((a) => a.code).join(', ')}, hoặc thêm lĩnh vực mới ở trang ${BOOK_AREAS.name}.`
    : `Mã lĩnh vực để trống. Hãy chọn một trong: ${areas.map((a) => a.code).join(', ')}.`);
  return false;
}

function readIndicators(grids: WorkbookGrids, areas: readonly CatalogArea[], codes: CodeBook, issues: Issues, previous?: Catalog | null): CatalogIndicator[] {
  const s = findGrid(grids, BOOK_INDICATORS.name)?.name ?? BOOK_INDICATORS.name;
  const out: CatalogIndicator[] = [];
  for (const r of readTable(grids, BOOK_INDICATORS, issues)) {
    const code = r.get('code');
    const area = r.get('area').toUpperCase();
    const name = r.get('name');
    const kindText = r.get('kind');
    const kind = (Object.keys(KIND_LABELS) as IndicatorKind[]).find((k) => foldKey(KIND_LABELS[k]) === foldKey(kindText));
    const okCode = checkCode(code, r, s, 'chỉ tiêu', codes, issues, previous, (p) => {
      if (p.tasks.some((t) => t.code === code)) return 'là mã một nhiệm vụ';
      const was = p.indicators.find((i) => i.code === code);
      return was && (was.area !== area || (kind && was.kind !== kind)) ? `là chỉ tiêu “${was.name}” (lĩnh vực ${was.area}, loại ${KIND_LABELS[was.kind]})` : null;
    });
    const okArea = checkArea(area, r, s, areas, issues);
    if (!name) issues.error(s, r.at('name'), 'book.required', `Chỉ tiêu ${code || ''} chưa có tên. Hãy ghi tên chỉ tiêu.`.replace('  ', ' '));
    if (!kind) issues.error(s, r.at('kind'), 'book.kind', `Loại “${kindText}” không hợp lệ. Hãy chọn: ${Object.values(KIND_LABELS).join(', ')}.`);
    const numerator = r.get('numerator');
    const denominator = r.get('denominator');
    if (kind === 'ratio') {
      if (!numerator) issues.error(s, r.at('numerator'), 'book.ratio_wording', `Chỉ tiêu tỷ lệ ${code} chưa ghi tử số. Hãy ghi đại lượng đếm ở tử số, ví dụ “Số hồ sơ giải quyết đúng hạn”.`);
      if (!denominator) issues.error(s, r.at('denominator'), 'book.ratio_wording', `Chỉ tiêu tỷ lệ ${code} chưa ghi mẫu số. Hãy ghi đại lượng đếm ở mẫu số, ví dụ “Tổng số hồ sơ đã giải quyết”.`);
    }
    const target = r.get('target');
    if (!target) issues.error(s, r.at('target'), 'book.required', `Chỉ tiêu ${code} chưa có chỉ tiêu phấn đấu. Hãy ghi, ví dụ 100%, Tối thiểu 90% hoặc Hoàn thành.`);
    else {
      const t = parseTarget(target);
      if (!t.ok) issues.error(s, r.at('target'), 'book.target', `Chỉ tiêu phấn đấu “${target}” không đọc được: ${t.reason}`);
    }
    const keyText = r.get('key');
    if (keyText && foldKey(keyText) !== foldKey(YES)) issues.warning(s, r.at('key'), 'book.key', `Cột “Chỉ tiêu chủ yếu” chỉ nhận “${YES}” hoặc để trống; “${keyText}” được coi là không.`);
    if (!okCode || !okArea || !name || !kind) continue;
    const row: CatalogIndicator = {
      code, area, stt: r.get('stt'), name, kind,
      ...(numerator ? { numerator } : {}), ...(denominator ? { denominator } : {}),
      target, monitor: r.get('monitor'), executor: r.get('executor'), sources: splitList(r.get('sources')),
    };
    if (foldKey(keyText) === foldKey(YES)) row.key = true;
    const aliases = splitLines(typeof r.raw('aliases') === 'string' ? (r.raw('aliases') as string) : '');
    if (aliases.length) row.aliases = aliases;
    out.push(row);
  }
  return out;
}

function readTasks(grids: WorkbookGrids, areas: readonly CatalogArea[], codes: CodeBook, year: number | null, issues: Issues, previous?: Catalog | null): CatalogTask[] {
  const s = findGrid(grids, BOOK_TASKS.name)?.name ?? BOOK_TASKS.name;
  const out: CatalogTask[] = [];
  for (const r of readTable(grids, BOOK_TASKS, issues)) {
    const code = r.get('code');
    const area = r.get('area').toUpperCase();
    const name = r.get('name');
    const okCode = checkCode(code, r, s, 'nhiệm vụ', codes, issues, previous, (p) => {
      if (p.indicators.some((i) => i.code === code)) return 'là mã một chỉ tiêu';
      const was = p.tasks.find((t) => t.code === code);
      return was && was.area !== area ? `là nhiệm vụ “${was.name}” (lĩnh vực ${was.area})` : null;
    });
    const okArea = checkArea(area, r, s, areas, issues);
    if (!name) issues.error(s, r.at('name'), 'book.required', `Nhiệm vụ ${code} chưa có tên. Hãy ghi tên nhiệm vụ.`);
    const deadline = r.get('deadline');
    if (!deadline) issues.error(s, r.at('deadline'), 'book.required', `Nhiệm vụ ${code} chưa có thời gian hoàn thành. Hãy ghi, ví dụ Quý I, Trước 15/3/${year ?? 2027}, Cả năm hoặc Thường xuyên.`);
    else if (year !== null) {
      const d = parseDeadline(deadline, year);
      if (!d.ok) issues.error(s, r.at('deadline'), 'book.deadline', `Thời gian hoàn thành “${deadline}” không đọc được: ${d.reason}`);
    }
    if (!okCode || !okArea || !name) continue;
    const tt = r.get('tt');
    const row: CatalogTask = {
      code, area, ...(tt ? { tt } : {}), name, product: r.get('product'), lead: r.get('lead'), partners: r.get('partners'),
      deadline, note: r.get('note'), sources: splitList(r.get('sources')),
    };
    const aliases = splitLines(typeof r.raw('aliases') === 'string' ? (r.raw('aliases') as string) : '');
    if (aliases.length) row.aliases = aliases;
    out.push(row);
  }
  return out;
}

function readHeadings(grids: WorkbookGrids, areas: readonly CatalogArea[], indicators: readonly CatalogIndicator[], issues: Issues): CatalogHeading[] {
  const s = findGrid(grids, BOOK_HEADINGS.name)?.name ?? BOOK_HEADINGS.name;
  if (!findGrid(grids, BOOK_HEADINGS.name)) return [];
  const out: CatalogHeading[] = [];
  for (const r of readTable(grids, BOOK_HEADINGS, issues)) {
    const area = r.get('area').toUpperCase();
    const name = r.get('name');
    const codes = splitList(r.get('codes'));
    const okArea = checkArea(area, r, s, areas, issues);
    if (!name) issues.error(s, r.at('name'), 'book.required', 'Nhóm chỉ tiêu chưa có tên. Hãy ghi tên dòng nhóm.');
    const unknown = codes.filter((c) => !indicators.some((i) => i.code === c));
    if (unknown.length) issues.error(s, r.at('codes'), 'book.unknown_code', `Mã ${unknown.join(', ')} không có ở trang ${BOOK_INDICATORS.name}. Hãy sửa hoặc xóa mã đó khỏi nhóm.`);
    if (codes.length === 0) issues.error(s, r.at('codes'), 'book.required', 'Nhóm chưa có chỉ tiêu nào. Hãy ghi mã các chỉ tiêu thuộc nhóm, cách nhau bởi dấu chấm phẩy.');
    if (okArea && name && codes.length && !unknown.length) out.push({ area, stt: r.get('stt'), name, codes });
  }
  return out;
}

/** "Ngày 14 tháng cuối kỳ", "14", a date cell or dd/mm/yyyy text. */
function readDay(v: CellValue | undefined, date1904: boolean | undefined): { ok: true; day: CalendarDay } | { ok: false; reason: string } {
  if (typeof v === 'string') {
    const m = /^(?:ngay\s*)?(\d{1,2})(?:\s*(?:cua\s*)?thang cuoi ky)?$/.exec(foldKey(v).replace(/\s+/g, ' ').trim());
    if (m) {
      const n = Number(m[1]);
      return n >= 1 && n <= 31 ? { ok: true, day: { dayOfLastMonth: n } } : { ok: false, reason: `ngày ${n} không có trong tháng.` };
    }
  }
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 31) return { ok: true, day: { dayOfLastMonth: v } };
  const d = parseDate(v ?? null, { date1904 });
  if (d.ok && d.value) return { ok: true, day: { date: d.value } };
  return { ok: false, reason: d.ok ? 'ô để trống.' : d.reason };
}

function readCalendar(grids: WorkbookGrids, year: number | null, issues: Issues, date1904?: boolean): CalendarEntry[] {
  const s = findGrid(grids, BOOK_CALENDAR.name)?.name ?? BOOK_CALENDAR.name;
  const seen = new Map<PeriodCode, string>();
  const out: CalendarEntry[] = [];
  for (const r of readTable(grids, BOOK_CALENDAR, issues)) {
    const periodText = r.get('period');
    const period = parsePeriod(periodText);
    if (!period) {
      issues.error(s, r.at('period'), 'book.period', `Kỳ báo cáo “${periodText}” không hợp lệ. Hãy chọn: Quý I, Quý II, Quý III, Quý IV, 6 tháng, 9 tháng, Năm.`);
      continue;
    }
    if (seen.has(period)) {
      issues.error(s, r.at('period'), 'book.duplicate_period', `Kỳ ${periodLabel(period)} đã có ở ô ${seen.get(period)}. Mỗi kỳ một dòng; hãy xóa một dòng.`);
      continue;
    }
    seen.set(period, r.at('period'));
    const cutoff = readDay(r.raw('cutoff'), date1904);
    const due = readDay(r.raw('due'), date1904);
    const how = 'Hãy ghi một ngày (ví dụ 10/03/2027) hoặc “Ngày 14 tháng cuối kỳ”.';
    if (!cutoff.ok) issues.error(s, r.at('cutoff'), 'book.calendar_day', `Ngày chốt số liệu kỳ ${periodLabel(period)} không đọc được: ${cutoff.reason} ${how}`);
    if (!due.ok) issues.error(s, r.at('due'), 'book.calendar_day', `Hạn gửi báo cáo kỳ ${periodLabel(period)} không đọc được: ${due.reason} ${how}`);
    if (!cutoff.ok || !due.ok) continue;
    if (year !== null) {
      const c: IsoDate = calendarDayOf(cutoff.day, period, year);
      const d: IsoDate = calendarDayOf(due.day, period, year);
      if (d < c) {
        issues.error(s, r.at('due'), 'book.due_before_cutoff', `Hạn gửi báo cáo kỳ ${periodLabel(period)} (${formatDateVi(d)}) trước ngày chốt số liệu (${formatDateVi(c)}). Hãy ghi hạn gửi từ ngày chốt số liệu trở đi.`);
        continue;
      }
    }
    out.push({ period, cutoff: cutoff.day, due: due.day });
  }
  return out;
}

/** Reads an authoring workbook. */
export function readCatalogBook(grids: WorkbookGrids, opts: ReadBookOptions = {}): BookReading {
  const issues = new Issues();
  const info = readInfo(grids, issues, opts.previous);
  const areas = readAreas(grids, issues);
  const codes: CodeBook = new Map();
  const indicators = readIndicators(grids, areas, codes, issues, opts.previous);
  const tasks = readTasks(grids, areas, codes, info.year, issues, opts.previous);
  const headings = readHeadings(grids, areas, indicators, issues);
  const calendar = readCalendar(grids, info.year, issues, opts.date1904);
  const errors = issues.list.some((i) => i.severity === 'error');
  if (errors || info.year === null) return { catalog: null, issues: issues.list, storedHash: info.hash, hash: null };
  const draft: Catalog = {
    id: info.id, version: info.version, ...(info.replaces ? { replaces: info.replaces } : {}), year: info.year,
    name: info.name, issuer: info.issuer, ...(info.level ? { level: info.level } : {}),
    areas, indicators, tasks, headings, calendar,
  };
  const parsed = parseCatalog(draft);
  if (!parsed.ok) {
    issues.error('', '', 'book.schema', `Danh mục chưa đúng cấu trúc (${parsed.paths.join(', ')}). Hãy xuất lại tệp mẫu bằng "cchc danh-muc xuat" và chép nội dung sang.`);
    return { catalog: null, issues: issues.list, storedHash: info.hash, hash: null };
  }
  const hash = catalogHash(parsed.value);
  if (info.hash && info.hash !== hash) {
    const row = BOOK_INFO.firstRow + BOOK_INFO.fields.findIndex((f) => f.key === 'hash');
    issues.warning(findGrid(grids, BOOK_INFO.name)?.name ?? BOOK_INFO.name, a1(row, 1), 'book.edited_after_publish',
      `Nội dung danh mục đã bị sửa sau khi ban hành (mã kiểm tra không khớp). Nếu thay đổi là của cơ quan ban hành, hãy ban hành lại: cchc danh-muc xuat --tu <tệp này> --ra <tệp mới>; nếu không, hãy dùng bản gốc.`);
  }
  return { catalog: parsed.value, issues: issues.list, storedHash: info.hash, hash };
}
