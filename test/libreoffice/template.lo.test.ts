/**
 * A real spreadsheet program checks what we write: LibreOffice opens a pre-filled commune template,
 * recalculates every formula, and saves its own copy; the formulas must give the values we stored
 * (so readers without a calculation engine see the truth), and every value must read back the same.
 * A control file whose cached result is deliberately wrong proves that LibreOffice did recalculate.
 */
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { a1, type CellValue } from '../../shared/cell';
import type { SheetModel } from '../../shared/layout/sheet-model';
import { buildTemplate } from '../../shared/layout/template';
import { writeXlsx } from '../../io/xlsx/write';
import { recalcAllWithLibreOffice } from '../support/libreoffice';
import { filledInput } from '../support/template-fixture';
import { parseRange } from '../../io/xlsx/write';

jest.setTimeout(180_000);

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = await readFile(path);
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** Cells hidden under a merge read as their anchor's value: compare anchors only. */
function mergedAway(model: SheetModel): Set<string> {
  const out = new Set<string>();
  for (const m of model.merges) {
    const b = parseRange(m);
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) if (r !== b.top || c !== b.left) out.add(a1(r, c));
  }
  return out;
}

/** A cell's value as LibreOffice saved it: formula cells give their result, empty text gives ''. */
function plain(cell: ExcelJS.Cell): CellValue {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && !(v instanceof Date) && 'formula' in v) return (v.result ?? '') as CellValue;
  return v as CellValue;
}

describe('LibreOffice recalculates the template we write', () => {
  let dir: string;
  let sheets: SheetModel[];
  let recalculated: ExcelJS.Workbook;
  let control: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cchc-lo-'));
    sheets = buildTemplate(filledInput());
    const templatePath = join(dir, 'mau-bao-cao.xlsx');
    await writeFile(templatePath, await writeXlsx(sheets));

    const wrong: SheetModel = { ...sheets[3], name: 'Kiểm tra', hidden: false, rows: [[2, 3, 7]] };
    wrong.formulas = [{ row: 0, col: 2, formula: 'A1+B1', value: 7 }]; // the right value is 5
    const controlPath = join(dir, 'kiem-tra.xlsx');
    await writeFile(controlPath, await writeXlsx([wrong]));

    const [templateOut, controlOut] = await recalcAllWithLibreOffice([templatePath, controlPath], join(dir, 'out'));
    recalculated = await load(templateOut);
    control = await load(controlOut);
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the check is real: a wrong cached result is replaced by the recalculated one', () => {
    expect(control.getWorksheet('Kiểm tra')!.getCell('C1').value).toEqual({ formula: 'A1+B1', result: 5 });
  });

  test('every formula gives the value we stored', () => {
    const formulas = sheets.flatMap((s) => s.formulas.map((f) => ({ sheet: s.name, ...f })));
    expect(formulas.length).toBeGreaterThanOrEqual(3);
    expect(formulas.some((f) => typeof f.value === 'number' && f.value > 0 && f.value < 1)).toBe(true);
    for (const f of formulas) {
      const cell = recalculated.getWorksheet(f.sheet)!.getCell(f.row + 1, f.col + 1);
      const where = `${f.sheet}!${a1(f.row, f.col)}`;
      expect({ where, formula: cell.formula }).toEqual({ where, formula: f.formula });
      const got = plain(cell);
      if (typeof f.value === 'number') {
        expect({ where, type: typeof got }).toEqual({ where, type: 'number' });
        expect(got as number).toBeCloseTo(f.value, 12);
      } else {
        expect({ where, value: got }).toEqual({ where, value: f.value ?? '' });
      }
    }
  });

  test('every other cell reads back as written: texts like "=1+1" stay text, dates stay dates', () => {
    let compared = 0;
    for (const model of sheets) {
      const ws = recalculated.getWorksheet(model.name)!;
      const skip = mergedAway(model);
      const formulaCells = new Set(model.formulas.map((f) => a1(f.row, f.col)));
      model.rows.forEach((row, r) =>
        row.forEach((expected, c) => {
          const where = a1(r, c);
          if (skip.has(where) || formulaCells.has(where)) return;
          const got = ws.getCell(where);
          expect({ where: `${model.name}!${where}`, value: plain(got) }).toEqual({ where: `${model.name}!${where}`, value: expected ?? '' });
          if (typeof expected === 'string' && expected !== '') expect(got.type).toBe(ExcelJS.ValueType.String);
          compared++;
        }),
      );
    }
    expect(compared).toBeGreaterThan(300);
    const pl1 = recalculated.getWorksheet('Phụ lục 1 - Chỉ tiêu')!;
    expect(pl1.getCell('K13').value).toBe('=1+1');
    expect(recalculated.getWorksheet('Phụ lục 2 - Nhiệm vụ')!.getCell('J11').value).toEqual(new Date(Date.UTC(2025, 2, 20)));
  });

  // Frozen panes are view settings, which headless LibreOffice neither loads nor saves (checked with
  // LibreOffice 7.4, xlsx and ods alike): test/io/write.test.ts checks them in our own file instead.
  test('LibreOffice keeps the sheet setup: hidden metadata, hidden code column, print titles', () => {
    expect(recalculated.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Thông tin', 'visible'], ['Phụ lục 1 - Chỉ tiêu', 'visible'], ['Phụ lục 2 - Nhiệm vụ', 'visible'], ['_cchc_meta', 'hidden'],
    ]);
    const pl2 = recalculated.getWorksheet('Phụ lục 2 - Nhiệm vụ')!;
    expect(pl2.getColumn(1).hidden).toBe(true);
    expect(pl2.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '8:8' });
  });
});
