/**
 * The summary's numbers against a hand computation. Four units report two rate indicators with
 * numbers chosen so that Σ tử số / Σ mẫu số and the average of the units' rates are far apart;
 * the fourth unit's file is for the wrong period, so its numbers must appear nowhere. The written
 * tong-hop.xlsx is opened with exceljs, not with the product's own reader.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { runConsolidation } from '../../cli/commands';
import { SAMPLE_PARENT } from '../../sample/communes';
import { sampleReport } from '../../sample/generate';
import { buildReport, PLAN, removeDir, tempDir, unit, writeFile } from './fixtures';

/** "Tối thiểu 98%" and "100%". */
const RATE_A = 'CT.TTHC.03';
const RATE_B = 'CT.CQS.06';

/** Tử số / mẫu số typed by each unit; 90004's file is for Quý I and is refused. */
const TYPED: Record<string, Record<string, [number, number]>> = {
  '90001': { [RATE_A]: [9, 10], [RATE_B]: [30, 40] },
  '90002': { [RATE_A]: [195, 200], [RATE_B]: [12, 12] },
  '90003': { [RATE_A]: [1, 2], [RATE_B]: [100, 150] },
  '90004': { [RATE_A]: [50, 50], [RATE_B]: [7, 7] },
};

// By hand, over 90001–90003 only.
const SUM_A = { numerator: 205, denominator: 212, rate: 205 / 212 }; // 96,7 %
const AVERAGE_A = (0.9 + 0.975 + 0.5) / 3; // 79,2 %
const SUM_B = { numerator: 142, denominator: 202, rate: 142 / 202 }; // 70,3 %
const AVERAGE_B = (0.75 + 1 + 100 / 150) / 3; // 80,6 %

const NO_VALID_DATA = 'chưa có số liệu hợp lệ';

let root: string;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  root = tempDir('summary-numbers');
  const inbox = join(root, 'bao-cao');
  mkdirSync(inbox);
  for (const [code, rates] of Object.entries(TYPED)) {
    const period = code === '90004' ? 'Q1' : 'Q2';
    const report = sampleReport(unit(code), PLAN.indicators, PLAN.tasks, 2025, period);
    for (const [ind, [numerator, denominator]] of Object.entries(rates)) report.indicators![ind] = { numerator, denominator };
    writeFile(inbox, `${code}.xlsx`, (await buildReport(code, { period, report })).bytes);
  }
  const outPath = join(root, 'tong-hop.xlsx');
  await runConsolidation([inbox], { year: 2025, period: 'Q2', consolidatingUnit: SAMPLE_PARENT, now: '2025-06-25', outPath });
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(outPath);
}, 30_000);

afterAll(() => removeDir(root));

/** The value a reader sees: a formula's stored result, else the value. */
function shown(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const v = cell.value;
  return v !== null && typeof v === 'object' && 'formula' in v ? (v.result as ExcelJS.CellValue) : v;
}

/** The table header row: the first row whose first cell is "STT". */
function headerRow(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === 'STT') return r;
  throw new Error(`no table header on ${ws.name}`);
}

/** Column number (1-based) of a header on the table header row. */
function column(ws: ExcelJS.Worksheet, header: (text: string) => boolean): number {
  let found = 0;
  ws.getRow(headerRow(ws)).eachCell((cell, col) => {
    if (!found && typeof cell.value === 'string' && header(cell.value)) found = col;
  });
  if (!found) throw new Error(`no such column on ${ws.name}`);
  return found;
}

function rowWhere(ws: ExcelJS.Worksheet, col: number, value: string): ExcelJS.Row {
  for (let r = headerRow(ws) + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(col).value === value) return ws.getRow(r);
  throw new Error(`no row with ${value} on ${ws.name}`);
}

describe('Tổng hợp chỉ tiêu: Σ tử số / Σ mẫu số', () => {
  const cases = [
    { code: RATE_A, sum: SUM_A, average: AVERAGE_A, verdict: 'Chưa đạt', met: 0, missed: 3 },
    { code: RATE_B, sum: SUM_B, average: AVERAGE_B, verdict: 'Chưa đạt', met: 1, missed: 2 },
  ];

  it.each(cases)('$code', ({ code, sum, average, verdict, met, missed }) => {
    const ws = wb.getWorksheet('Tổng hợp chỉ tiêu')!;
    const row = rowWhere(ws, column(ws, (h) => h === 'Mã'), code);
    const num = row.getCell(column(ws, (h) => h === 'Tổng tử số'));
    const den = row.getCell(column(ws, (h) => h === 'Tổng mẫu số'));
    const rate = row.getCell(column(ws, (h) => h === 'Kết quả chung'));
    expect(num.value).toBe(sum.numerator);
    expect(den.value).toBe(sum.denominator);
    expect(shown(rate)).toBeCloseTo(sum.rate, 12);
    // Not the average of the units' rates: the two differ by more than 8 points here.
    expect(Math.abs((shown(rate) as number) - average)).toBeGreaterThan(0.08);
    // The cell is a formula over the two sums, so the sheet stays right when a sum is corrected.
    const formula = (rate.value as ExcelJS.CellFormulaValue).formula;
    expect(formula).toContain(`${num.address}/${den.address}`);
    expect(row.getCell(column(ws, (h) => h === 'Đánh giá chung')).value).toBe(verdict);
    expect(row.getCell(column(ws, (h) => h === 'Số đơn vị có số liệu hợp lệ')).value).toBe(3);
    expect(row.getCell(column(ws, (h) => h === 'Số đơn vị đạt')).value).toBe(met);
    expect(row.getCell(column(ws, (h) => h === 'Số đơn vị chưa đạt')).value).toBe(missed);
  });
});

describe('Chi tiết theo đơn vị', () => {
  const nameOf = (code: string) => CATALOG_2025.indicators.find((i) => i.code === code)!.name;
  const unitColumn = (ws: ExcelJS.Worksheet, code: string) => column(ws, (h) => h.startsWith(unit(code).name));

  it("each unit's own rate, indicators as rows and units as columns", () => {
    const ws = wb.getWorksheet('Chi tiết theo đơn vị')!;
    const rowA = rowWhere(ws, 2, nameOf(RATE_A));
    const rowB = rowWhere(ws, 2, nameOf(RATE_B));
    expect(shown(rowA.getCell(unitColumn(ws, '90001')))).toBeCloseTo(0.9, 12);
    expect(shown(rowB.getCell(unitColumn(ws, '90002')))).toBe(1);
    expect(shown(rowB.getCell(unitColumn(ws, '90003')))).toBeCloseTo(100 / 150, 12);
  });

  it('the unit whose file was refused shows "chưa có số liệu hợp lệ", never 0', () => {
    const ws = wb.getWorksheet('Chi tiết theo đơn vị')!;
    const col = unitColumn(ws, '90004');
    expect(ws.getRow(headerRow(ws)).getCell(col).value).toBe(`${unit('90004').name} (báo cáo không tổng hợp được)`);
    // Every indicator row of that column, not only the two chosen.
    const cells: ExcelJS.CellValue[] = [];
    // Indicator rows: from the table header to the block's closing line, area headings (I, II…) aside.
    for (let r = headerRow(ws) + 1; r <= ws.rowCount; r++) {
      const stt = String(ws.getRow(r).getCell(1).value ?? '');
      const name = String(ws.getRow(r).getCell(2).value ?? '');
      if (name.startsWith('Kết quả chung của tất cả đơn vị')) break;
      if (!/^[IVX]+$/.test(stt)) cells.push(ws.getRow(r).getCell(col).value);
    }
    expect(cells.length).toBe(PLAN.indicators.length);
    expect(new Set(cells)).toEqual(new Set([NO_VALID_DATA]));
  });
});
