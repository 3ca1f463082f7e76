/**
 * LibreOffice opens the summary workbook we write, recalculates it and saves its own copy: the
 * Σ/Σ and completion-rate formulas must give the values we stored, and LibreOffice's copy must
 * still read back into the same Summary (a district may well open and re-save its summary before
 * sending it up).
 */
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { a1, type CellValue } from '../../shared/cell';
import { consolidate } from '../../shared/consolidate/consolidate';
import { readSummarySheets } from '../../shared/consolidate/read-summary';
import type { Summary } from '../../shared/consolidate/types';
import type { SheetModel } from '../../shared/layout/sheet-model';
import { buildSummarySheets } from '../../shared/layout/summary';
import { readXlsxValues } from '../../io/xlsx/read-values';
import { writeXlsx } from '../../io/xlsx/write';
import { recalcAllWithLibreOffice } from '../support/libreoffice';
import { ALL_EXPECTED, Q2_2025, district1Inputs, district2Inputs } from './fixtures';

jest.setTimeout(180_000);

function plain(cell: ExcelJS.Cell): CellValue {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && !(v instanceof Date) && 'formula' in v) return (v.result ?? '') as CellValue;
  return v as CellValue;
}

describe('LibreOffice recalculates the summary workbook', () => {
  let dir: string;
  let summary: Summary;
  let sheets: SheetModel[];
  let bytes: Uint8Array;
  let recalculated: ExcelJS.Workbook;

  beforeAll(async () => {
    summary = consolidate([...district1Inputs(), ...district2Inputs()], {
      ...Q2_2025,
      consolidatingUnit: { name: 'Sở Nội vụ tỉnh Bình Định', level: 'tinh' },
      expectedUnits: ALL_EXPECTED,
    });
    sheets = buildSummarySheets(summary);
    dir = await mkdtemp(join(tmpdir(), 'cchc-summary-lo-'));
    const path = join(dir, 'tong-hop.xlsx');
    await writeFile(path, await writeXlsx(sheets));
    const [out] = await recalcAllWithLibreOffice([path], join(dir, 'out'));
    bytes = new Uint8Array(await readFile(out));
    recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('every formula gives the value we stored', () => {
    const formulas = sheets.flatMap((s) => s.formulas.map((f) => ({ sheet: s.name, ...f })));
    // Two rates on Tổng hợp chỉ tiêu, three completion rates on Tổng hợp nhiệm vụ.
    expect(formulas).toHaveLength(5);
    for (const f of formulas) {
      const cell = recalculated.getWorksheet(f.sheet)!.getCell(f.row + 1, f.col + 1);
      const where = `${f.sheet}!${a1(f.row, f.col)}`;
      expect({ where, formula: cell.formula }).toEqual({ where, formula: f.formula });
      expect({ where, type: typeof plain(cell) }).toEqual({ where, type: 'number' });
      expect(plain(cell) as number).toBeCloseTo(f.value as number, 12);
    }
    const r = sheets[0].rows.findIndex((row) => row.includes('TTHC.01')) + 1;
    expect(plain(recalculated.getWorksheet('Tổng hợp chỉ tiêu')!.getCell(`F${r}`))).toBeCloseTo(0.696875, 12);
  });

  test('LibreOffice’s copy reads back into the same summary', () => {
    const values = readXlsxValues(bytes, { fileName: 'tong-hop.xlsx' });
    if (!values.ok) throw new Error(values.reason);
    const back = readSummarySheets(Object.fromEntries(values.value.sheets.map((s) => [s.name, s.grid])));
    expect(back).toEqual({ ok: true, value: summary });
  });
});
