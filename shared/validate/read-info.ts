/**
 * The Thông tin sheet: label in column A, value in column B, found by label text (diacritic-free),
 * never by row number, so units may insert or reorder rows. The hidden meta sheet fills in the
 * template id and version when the visible sheet lost them.
 */
import { isBlank, type CellValue, type Grid } from '../cell';
import { governmentDay, parentLevelRefusal, parentLevelsAt, unitKindRefusal, unitKindsAt } from '../local-government';
import type { ParentLevel, UnitInfo, UnitKind } from '../model';
import { parseDate } from '../parse/date';
import { parsePeriod } from '../period';
import {
  INFO_SHEET,
  PARENT_LEVEL_LABELS,
  PERIOD_LABELS,
  TEMPLATE_ID,
  TEMPLATE_VERSION,
  UNIT_KIND_LABELS,
  type InfoFieldSpec,
} from '../spec/annex';
import { checkCell } from './cells';
import { clean } from './text';
import { ownCopy, TextMemo } from '../text/memo';
import { wordKey } from './find-sheet';
import { allowedList, cellLabel, lowerFirst, quote, reasonText, type IssueSink } from './issues';

const UNIT_KIND_OF: Record<(typeof UNIT_KIND_LABELS)[number], UnitKind> = {
  'Xã': 'xa', 'Phường': 'phuong', 'Đặc khu': 'dac_khu', 'Thị trấn': 'thi_tran',
};
const PARENT_LEVEL_OF: Record<(typeof PARENT_LEVEL_LABELS)[number], ParentLevel> = { 'Huyện': 'huyen', 'Tỉnh': 'tinh' };
/** District-level units that are not called huyện still consolidate as the district level. */
const DISTRICT_LIKE = ['thi xa', 'quan'];

export function emptyInfo(): UnitInfo {
  return {
    unitName: '', unitCode: '', unitKind: null, parentName: '', parentLevel: null, planNumber: '',
    planDate: null, year: null, period: null, cutoffDate: null, reportDate: null, reporter: '',
    templateId: '', templateVersion: '',
  };
}

/** Key/value pairs of the hidden meta sheet (key in A, value in B). */
export function readMeta(grid: Grid | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!grid) return out;
  for (const row of grid) {
    const k = clean(row?.[0]);
    if (k && !(k in out)) out[k] = clean(row?.[1]);
  }
  return out;
}

function fitLabel(cell: string, label: string): number {
  if (!cell || !label) return 0;
  if (cell === label) return 3000 + label.length;
  if (cell.startsWith(label + ' ')) return 2000 + label.length;
  return 0;
}

/** Each field's label and aliases as word keys, worked out once. */
let fieldLabelKeys: { key: string; labels: string[] }[] | null = null;

/** How well a label cell fits each field, by the cell's words: every workbook has the same labels. */
const LABEL_FITS = new TextMemo<{ key: string; score: number }[]>(200_000, 300);

function labelFits(cell: string): { key: string; score: number }[] {
  return LABEL_FITS.get(cell, (c) => {
    fieldLabelKeys ??= INFO_SHEET.fields.map((f) => ({ key: f.key, labels: [f.label, ...(f.aliases ?? [])].map(wordKey) }));
    const out: { key: string; score: number }[] = [];
    for (const f of fieldLabelKeys) {
      let s = 0;
      for (const label of f.labels) s = Math.max(s, fitLabel(c, label));
      if (s > 0) out.push({ key: f.key, score: s });
    }
    return out;
  });
}

/** Column A of the Thông tin grid read last (owned copies), and the rows found from it. */
let keptInfoRows: { labels: CellValue[]; rows: ReadonlyMap<string, number> } | null = null;

/**
 * Row of each field's label (one row per field, the best-fitting label wins). The units of a batch
 * send the same labels: a grid whose column A holds the same values as the one before gets the same
 * rows without looking again.
 */
export function locateInfoRows(grid: Grid): ReadonlyMap<string, number> {
  const n = Math.min(grid.length, 200);
  const kept = keptInfoRows;
  if (kept !== null && kept.labels.length === n) {
    let r = 0;
    while (r < n && (grid[r]?.[0] ?? null) === kept.labels[r]) r++;
    if (r === n) return kept.rows;
  }
  const pairs: { key: string; row: number; score: number }[] = [];
  for (let r = 0; r < n; r++) {
    const cell = wordKey(grid[r]?.[0]);
    if (!cell) continue;
    for (const f of labelFits(cell)) pairs.push({ key: f.key, row: r, score: f.score });
  }
  pairs.sort((a, b) => b.score - a.score || a.row - b.row);
  const rows = new Map<string, number>();
  const used = new Set<number>();
  for (const p of pairs) {
    if (rows.has(p.key) || used.has(p.row)) continue;
    rows.set(p.key, p.row);
    used.add(p.row);
  }
  const labels: CellValue[] = [];
  for (let r = 0; r < n; r++) {
    const v = grid[r]?.[0] ?? null;
    labels.push(typeof v === 'string' ? ownCopy(v) : v);
  }
  keptInfoRows = { labels, rows };
  return rows;
}

/**
 * The value beside a label: column B; when B repeats the label (A:B merged, as file readers give
 * merged cells) the next cell. Column C may hold help text, so a blank B stays blank.
 */
function valueCell(grid: Grid, row: number): { col: number; v: CellValue } {
  const cells = grid[row] ?? [];
  const label = wordKey(cells[0]);
  let c = 1;
  while (c < 6 && !isBlank(cells[c]) && wordKey(cells[c]) === label) c++;
  return { col: c, v: cells[c] ?? null };
}

function readYear(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1900 && v <= 2100 ? v : null;
  if (v instanceof Date) return null;
  const m = /^(?:nam )?(\d{4})$/.exec(wordKey(v));
  if (!m) return null;
  const y = Number(m[1]);
  return y >= 1900 && y <= 2100 ? y : null;
}

function readEnum<T>(v: CellValue, map: Record<string, T>): T | null {
  const k = wordKey(v).replace(/^cap /, '');
  for (const [label, code] of Object.entries(map)) {
    const lk = wordKey(label);
    if (k === lk || k.startsWith(lk + ' ')) return code;
  }
  return null;
}

export interface InfoOptions {
  date1904?: boolean;
  meta?: Record<string, string>;
}

/**
 * The fields, the year first (dates without a year take it), then the period and the cut-off (they
 * decide which unit kinds and levels exist), then the rest in sheet order.
 */
const readOrder = (f: InfoFieldSpec) => (f.type === 'year' ? 0 : f.key === 'period' || f.key === 'cutoffDate' ? 1 : 2);
const FIELDS_YEAR_FIRST = [...INFO_SHEET.fields].sort((a, b) => readOrder(a) - readOrder(b));

const LABEL_OF_KIND = Object.fromEntries(Object.entries(UNIT_KIND_OF).map(([label, kind]) => [kind, label])) as Record<UnitKind, string>;
const LABEL_OF_LEVEL = Object.fromEntries(Object.entries(PARENT_LEVEL_OF).map(([label, level]) => [level, label])) as Record<ParentLevel, string>;

/** The values a message offers: unit kinds and levels of the report's period, else the spec's list. */
function allowedValues(f: InfoFieldSpec, info: UnitInfo): readonly string[] {
  const day = governmentDay(info);
  if (f.key === 'unitKind') return unitKindsAt(day).map((k) => LABEL_OF_KIND[k]);
  if (f.key === 'parentLevel') return parentLevelsAt(day).map((l) => LABEL_OF_LEVEL[l]);
  return f.values ?? [];
}

/** Periods by the text typed: every unit of a batch types the same few. */
const PERIODS = new TextMemo<ReturnType<typeof parsePeriod>>(20_000, 100);

/**
 * Reads UnitInfo from the Thông tin grid and reports what is missing or unreadable. Dates without a
 * year take the plan year, so the year is read first.
 */
export function readInfo(grid: Grid, sink: IssueSink, opts: InfoOptions = {}): UnitInfo {
  const info = emptyInfo();
  const rows = locateInfoRows(grid);
  const meta = opts.meta ?? {};
  const record = info as unknown as Record<string, unknown>;
  const at = new Map<string, FieldCell>();

  for (const f of FIELDS_YEAR_FIRST) {
    const row = rows.get(f.key);
    if (row === undefined) {
      const fromMeta = meta[f.key];
      if (fromMeta && f.type === 'text') {
        record[f.key] = fromMeta;
        continue;
      }
      if (f.required) missingField(sink, f);
      continue;
    }
    const { col, v } = valueCell(grid, row);
    if (checkCell(sink, row, col, f.label, v)) continue;
    if (isBlank(v)) {
      const fromMeta = meta[f.key];
      if (fromMeta && f.type === 'text') {
        record[f.key] = fromMeta;
        continue;
      }
      if (f.required) emptyField(sink, f, row, col, info);
      continue;
    }
    readField(info, f, v, row, col, sink, opts);
    at.set(f.key, { row, col, label: f.label });
  }
  checkLocalGovernment(info, at, sink);
  return info;
}

/**
 * A unit kind or consolidating level that no longer exists for the report's period (thị trấn, huyện
 * from 01/07/2025): an error at the cell, saying what to choose. Earlier periods keep them.
 */
interface FieldCell {
  row: number;
  col: number;
  label: string;
}

function checkLocalGovernment(info: UnitInfo, at: Map<string, FieldCell>, sink: IssueSink): void {
  const day = governmentDay(info);
  const kind = unitKindRefusal(info.unitKind, day);
  const kindCell = at.get('unitKind');
  if (kind && kindCell) {
    sink.at(kindCell.row, kindCell.col, 'error', 'info.unit_kind_abolished', `${cellLabel(kindCell.row, kindCell.col, kindCell.label)}: ${kind}`);
  }
  const level = parentLevelRefusal(info.parentLevel, day);
  const levelCell = at.get('parentLevel');
  if (level && levelCell) {
    sink.at(levelCell.row, levelCell.col, 'error', 'info.level_abolished', `${cellLabel(levelCell.row, levelCell.col, levelCell.label)}: ${level}`);
  }
}

function isMachineField(f: InfoFieldSpec): boolean {
  return f.key === 'templateId' || f.key === 'templateVersion';
}

function missingField(sink: IssueSink, f: InfoFieldSpec): void {
  if (isMachineField(f)) {
    sink.whole(
      'warning', 'required',
      `Không có dòng “${f.label}”: tệp có thể không làm từ biểu mẫu ${TEMPLATE_ID} ${TEMPLATE_VERSION}. ` +
        'Nên chép số liệu sang biểu mẫu mới nhất để tổng hợp chính xác.',
    );
    return;
  }
  sink.whole(
    'error', 'required',
    `Thiếu dòng “${f.label}”. Thêm một dòng ghi “${f.label}” ở cột A và giá trị ở cột B` +
      (f.help ? ` (${reasonText(f.help)}).` : '.'),
  );
}

function emptyField(sink: IssueSink, f: InfoFieldSpec, row: number, col: number, info: UnitInfo): void {
  if (isMachineField(f)) {
    sink.at(
      row, col, 'warning', 'required',
      `${cellLabel(row, col, f.label)}: để trống. Giữ nguyên giá trị của biểu mẫu (${f.key === 'templateId' ? TEMPLATE_ID : TEMPLATE_VERSION}).`,
    );
    return;
  }
  const what = f.values ? `Chọn một trong: ${allowedList(allowedValues(f, info))}.` : `Nhập ${lowerFirst(f.label)}.`;
  const help = f.help ? ` ${f.help.replace(/\.?$/, '.')}` : '';
  sink.at(row, col, 'error', 'required', `${cellLabel(row, col, f.label)}: ô bắt buộc đang để trống. ${what}${help}`);
}

function readField(
  info: UnitInfo, f: InfoFieldSpec, v: CellValue, row: number, col: number, sink: IssueSink, opts: InfoOptions,
): void {
  const record = info as unknown as Record<string, unknown>;
  // Only an issue needs the cell's label.
  const label = () => cellLabel(row, col, f.label);
  switch (f.type) {
    case 'text':
      record[f.key] = clean(v);
      return;
    case 'year': {
      const y = readYear(v);
      if (y === null) {
        sink.at(row, col, 'error', 'info.year', `${label()}: ${quote(v)} không phải là năm. Nhập năm gồm 4 chữ số, ví dụ 2025.`);
      } else info.year = y;
      return;
    }
    case 'period': {
      const p = typeof v === 'string' ? PERIODS.get(v, parsePeriod) : null;
      if (p === null) {
        sink.at(
          row, col, 'error', 'info.period',
          `${label()}: không hiểu kỳ báo cáo ${quote(v)}. Chọn một trong: ${allowedList(PERIOD_LABELS)}.`,
        );
      } else info.period = p;
      return;
    }
    case 'date': {
      const d = parseDate(v, { date1904: opts.date1904, defaultYear: info.year ?? undefined });
      if (!d.ok) {
        sink.at(
          row, col, 'error', 'type.date',
          `${label()}: ${d.reason}`,
        );
      } else record[f.key] = d.value;
      return;
    }
    case 'enum': {
      const map: Record<string, unknown> | null =
        f.key === 'unitKind' ? UNIT_KIND_OF : f.key === 'parentLevel' ? PARENT_LEVEL_OF : null;
      let code = map ? readEnum(v, map) : null;
      if (code === null && f.key === 'parentLevel' && DISTRICT_LIKE.some((k) => wordKey(v).replace(/^cap /, '') === k)) {
        code = 'huyen';
      }
      if (code === null) {
        sink.at(
          row, col, 'error', 'info.enum',
          `${label()}: không hiểu ${quote(v)}. Chọn một trong: ${allowedList(allowedValues(f, info))}.`,
        );
      } else record[f.key] = code;
      return;
    }
  }
}
