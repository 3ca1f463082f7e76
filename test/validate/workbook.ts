/**
 * Grids built by hand the way hosts hand them over: a title block, the header row from the spec,
 * data rows by column key. Columns can be reordered, renamed or dropped to imitate units' own tables.
 */
import type { CellValue, Grid, WorkbookGrids } from '../../shared/cell';
import {
  INDICATOR_SHEET,
  INFO_SHEET,
  TASK_SHEET,
  TEMPLATE_ID,
  TEMPLATE_VERSION,
  type TableSheetSpec,
} from '../../shared/spec/annex';

export type Row = Partial<Record<string, CellValue>>;

export interface TableOptions {
  /** 0-based header row; the spec's by default. */
  headerRow?: number;
  /** Column keys in sheet order (others dropped); spec order by default. */
  order?: string[];
  /** Header text to write instead of the spec's, by key. */
  headers?: Partial<Record<string, string>>;
  /** Rows inserted between the header and the data (a column-number row, a sub-header). */
  between?: CellValue[][];
}

export function tableSheet(spec: TableSheetSpec, rows: Row[], opts: TableOptions = {}): Grid {
  const headerRow = opts.headerRow ?? spec.headerRow;
  const keys = opts.order ?? spec.columns.map((c) => c.key);
  const grid: Grid = [];
  for (let r = 0; r < headerRow; r++) grid.push(keys.map(() => ''));
  if (headerRow > 0) grid[0][1] = spec.annex;
  if (headerRow > 1) grid[1][1] = spec.title;
  grid.push(keys.map((k) => opts.headers?.[k] ?? spec.columns.find((c) => c.key === k)!.header));
  for (const b of opts.between ?? []) grid.push(b);
  for (const row of rows) grid.push(keys.map((k) => row[k] ?? ''));
  return grid;
}

export const GOOD_INFO: Record<string, CellValue> = {
  unitName: 'UBND xã Anh Sơn',
  unitCode: '16279',
  unitKind: 'Xã',
  parentName: 'Sở Nội vụ tỉnh Thanh Hóa',
  parentLevel: 'Tỉnh',
  planNumber: '05/KH-UBND',
  planDate: '10/01/2025',
  year: 2025,
  period: 'Quý II',
  cutoffDate: '14/06/2025',
  reportDate: '18/06/2025',
  reporter: 'Nguyễn Văn An',
  templateId: TEMPLATE_ID,
  templateVersion: TEMPLATE_VERSION,
};

/** Thông tin: title, a blank row, then label in A and value in B from the spec's first row. */
export function infoSheet(values: Partial<Record<string, CellValue>> = GOOD_INFO, omit: string[] = []): Grid {
  const grid: Grid = [[INFO_SHEET.title, ''], ['', '']];
  for (const f of INFO_SHEET.fields) {
    if (omit.includes(f.key)) continue;
    grid.push([f.label, values[f.key] ?? '']);
  }
  return grid;
}

export interface WorkbookParts {
  info?: Grid | null;
  indicators?: Row[] | Grid | null;
  tasks?: Row[] | Grid | null;
}

const isGrid = (x: Row[] | Grid): x is Grid => x.length > 0 && Array.isArray(x[0]);

/** The three sheets under the template's tab names; null leaves a sheet out. */
export function workbook(parts: WorkbookParts = {}): WorkbookGrids {
  const out: WorkbookGrids = {};
  if (parts.info !== null) out[INFO_SHEET.name] = parts.info ?? infoSheet();
  if (parts.indicators !== null) {
    const x = parts.indicators ?? [];
    out[INDICATOR_SHEET.name] = isGrid(x) ? x : tableSheet(INDICATOR_SHEET, x);
  }
  if (parts.tasks !== null) {
    const x = parts.tasks ?? [];
    out[TASK_SHEET.name] = isGrid(x) ? x : tableSheet(TASK_SHEET, x);
  }
  return out;
}

/** A fully valid indicator row (ratio 95 / 100 against "tối thiểu 90%"). */
export const RATIO_ROW: Row = {
  code: 'PL1.TTHC.01', stt: '1', name: 'Tỷ lệ hồ sơ giải quyết đúng hạn', target: 'tối thiểu 90%',
  monitor: 'Văn phòng HĐND và UBND', executor: 'Bộ phận Một cửa', numerator: 95, denominator: 100, result: 0.95, evaluation: 'Đạt',
};

/** A fully valid task row, done before the cut-off. */
export const DONE_TASK: Row = {
  code: 'PL2.CDDH.01', tt: '1', name: 'Ban hành Kế hoạch cải cách hành chính năm 2025', product: 'Kế hoạch của UBND xã',
  lead: 'Văn phòng - Thống kê', partners: 'Các bộ phận', deadline: 'Quý I', status: 'Hoàn thành',
  completedOn: '10/01/2025', documentRef: '05/KH-UBND', documentDate: '10/01/2025',
};
