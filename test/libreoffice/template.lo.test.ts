/**
 * A real spreadsheet program checks what we write: LibreOffice opens a pre-filled commune template,
 * recalculates every formula, and saves its own copy; the formulas must give the values we stored
 * (so readers without a calculation engine see the truth), and every value must read back the same.
 * A control file whose cached result is deliberately wrong proves that LibreOffice did recalculate.
 * Conditional formats cannot be read back as results, so each condition is also copied into a cell
 * of an extra sheet, where LibreOffice computes it; it must agree with the checker's own rules
 * (evaluateTarget, isOverdue) on the same row.
 *
 * LibreOffice's copy is read twice: values with the product's values reader (exceljs loses a cached
 * result of 0), formula texts and sheet setup with exceljs.
 */
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { a1, type CellValue, type Grid } from '../../shared/cell';
import { emptySheet, type SheetModel } from '../../shared/layout/sheet-model';
import { buildTemplate } from '../../shared/layout/template';
import { isOverdue, parseDeadline } from '../../shared/parse/deadline';
import { evaluateTarget } from '../../shared/parse/evaluate';
import { parseTarget } from '../../shared/parse/target';
import { columnIndex, INDICATOR_SHEET, TASK_SHEET } from '../../shared/spec/annex';
import { readStatus } from '../../shared/validate';
import { readXlsxValues } from '../../io/xlsx/read-values';
import { parseRange, writeXlsx } from '../../io/xlsx/write';
import { nodeDeflate } from '../../cli/codecs';
import { recalcAllWithLibreOffice } from '../support/libreoffice';
import { filledInput, INDICATORS, INFO, TASKS } from '../support/template-fixture';

jest.setTimeout(180_000);

const CF_CHECK = 'Kiểm tra định dạng';
const CONTROL = 'Kiểm tra';

interface Opened {
  workbook: ExcelJS.Workbook;
  grids: Record<string, Grid>;
}

async function open(path: string): Promise<Opened> {
  const bytes = new Uint8Array(await readFile(path));
  const values = readXlsxValues(bytes, { fileName: path });
  if (!values.ok) throw new Error(values.reason);
  if (values.value.date1904) throw new Error(`${path}: unexpected 1904 date system`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return { workbook, grids: Object.fromEntries(values.value.sheets.map((s) => [s.name, s.grid])) };
}

/** A value as read back: empty cells and empty text both ''. */
function valueAt(grid: Grid | undefined, row: number, col: number): CellValue {
  const v = grid?.[row]?.[col];
  return v === null || v === undefined ? '' : v;
}

/** Cells under a merge other than its anchor hold nothing. */
function mergedAway(model: SheetModel): Set<string> {
  const out = new Set<string>();
  for (const m of model.merges) {
    const b = parseRange(m);
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) if (r !== b.top || c !== b.left) out.add(a1(r, c));
  }
  return out;
}

/** A conditional-format formula made to work from another sheet: cell references get the sheet's name. */
function onSheet(formula: string, sheet: string): string {
  const prefix = `'${sheet.replace(/'/g, "''")}'!`;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(^|[^A-Za-z0-9_!'.])(\$?[A-Z]{1,3}\$?\d+)/g, (_m, pre: string, ref: string) => pre + prefix + ref)))
    .join('');
}

/** One row per conditional format of the template: sheet, range, and the condition as a 1/0 formula. */
function conditionSheet(sheets: SheetModel[]): SheetModel {
  const check = emptySheet(CF_CHECK);
  for (const s of sheets) {
    for (const cf of s.conditionalFormats) {
      const row = check.rows.length;
      check.rows.push([s.name, cf.range, null]);
      check.formulas.push({ row, col: 2, formula: `IF(${onSheet(cf.formula, s.name)},1,0)`, value: null });
    }
  }
  return check;
}

describe('LibreOffice recalculates the template we write', () => {
  let dir: string;
  let sheets: SheetModel[];
  let lo: Opened;
  let control: Opened;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cchc-lo-'));
    sheets = buildTemplate(filledInput());
    const templatePath = join(dir, 'mau-bao-cao.xlsx');
    // Written as the command line writes it (Node's zlib); the control file below goes through fflate.
    await writeFile(templatePath, await writeXlsx([...sheets, conditionSheet(sheets)], { deflate: nodeDeflate }));

    const wrong = emptySheet(CONTROL);
    wrong.rows = [[2, 3, 7]];
    wrong.formulas = [{ row: 0, col: 2, formula: 'A1+B1', value: 7 }]; // the right value is 5
    const controlPath = join(dir, 'kiem-tra.xlsx');
    await writeFile(controlPath, await writeXlsx([wrong]));

    const [templateOut, controlOut] = await recalcAllWithLibreOffice([templatePath, controlPath], join(dir, 'out'));
    lo = await open(templateOut);
    control = await open(controlOut);
  });

  afterAll(async () => {
    if (dir && !process.env.KEEP_LO) await rm(dir, { recursive: true, force: true });
  });

  test('the check is real: a wrong cached result is replaced by the recalculated one', () => {
    expect(valueAt(control.grids[CONTROL], 0, 2)).toBe(5);
    expect(control.workbook.getWorksheet(CONTROL)!.getCell('C1').formula).toBe('A1+B1');
  });

  test('every formula gives the value we stored', () => {
    const formulas = sheets.flatMap((s) => s.formulas.map((f) => ({ sheet: s.name, ...f })));
    expect(formulas.length).toBeGreaterThanOrEqual(3);
    expect(formulas.some((f) => typeof f.value === 'number' && f.value > 0 && f.value < 1)).toBe(true);
    expect(formulas.some((f) => f.value === '')).toBe(true);
    for (const f of formulas) {
      const where = `${f.sheet}!${a1(f.row, f.col)}`;
      const formula = lo.workbook.getWorksheet(f.sheet)!.getCell(f.row + 1, f.col + 1).formula;
      expect({ where, formula }).toEqual({ where, formula: f.formula });
      const got = valueAt(lo.grids[f.sheet], f.row, f.col);
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
      const grid = lo.grids[model.name];
      const skip = mergedAway(model);
      const formulaCells = new Set(model.formulas.map((f) => a1(f.row, f.col)));
      model.rows.forEach((row, r) =>
        row.forEach((expected, c) => {
          const where = `${model.name}!${a1(r, c)}`;
          if (skip.has(a1(r, c)) || formulaCells.has(a1(r, c))) return;
          expect({ where, value: valueAt(grid, r, c) }).toEqual({ where, value: expected ?? '' });
          compared++;
        }),
      );
    }
    expect(compared).toBeGreaterThan(300);
    const pl1 = lo.workbook.getWorksheet(INDICATOR_SHEET.name)!;
    expect(pl1.getCell('K13').value).toBe('=1+1');
    expect(pl1.getCell('K13').type).toBe(ExcelJS.ValueType.String);
    expect(valueAt(lo.grids[TASK_SHEET.name], 10, 9)).toEqual(new Date(Date.UTC(2025, 2, 20)));
  });

  test('conditional formats colour exactly the rows the checker finds below target or overdue', () => {
    const computed = new Map<string, CellValue>();
    for (const row of lo.grids[CF_CHECK]) computed.set(`${row[0]}|${row[1]}`, row[2]);
    expect(computed.size).toBe(sheets.reduce((n, s) => n + s.conditionalFormats.length, 0));
    const colourAt = (key: string): CellValue => (computed.has(key) ? computed.get(key)! : 0);
    const rowOf = (model: SheetModel, code: string) => model.rows.findIndex((r) => r[0] === code);
    const coloured: string[] = [];

    const pl1 = sheets[1];
    const resultCol = columnIndex(INDICATOR_SHEET, 'result');
    for (const ind of INDICATORS) {
      const row = rowOf(pl1, ind.code);
      const result = pl1.rows[row][resultCol];
      const targets = parseTarget(ind.target);
      const missed = targets.ok && targets.value.targets.some((t) => evaluateTarget(t, result === '' ? null : (result as number | string)).met === false);
      const colour = colourAt(`${INDICATOR_SHEET.name}|${a1(row, resultCol)}`);
      expect({ code: ind.code, colour }).toEqual({ code: ind.code, colour: missed ? 1 : 0 });
      if (colour === 1) coloured.push(ind.code);
    }

    const pl2 = sheets[2];
    const reported = filledInput().report!.tasks!;
    const lastCol = TASK_SHEET.columns.length - 1;
    for (const task of TASKS) {
      const row = rowOf(pl2, task.code);
      const r = reported[task.code] ?? {};
      const deadline = parseDeadline(task.deadline, INFO.year!);
      const status = readStatus(r.status ?? '');
      const overdue = deadline.ok && isOverdue(deadline.value, INFO.cutoffDate!, status === 'empty' ? null : status, r.completedOn ?? null);
      const colour = colourAt(`${TASK_SHEET.name}|${a1(row, 1)}:${a1(row, lastCol)}`);
      expect({ code: task.code, colour }).toEqual({ code: task.code, colour: overdue ? 1 : 0 });
      if (colour === 1) coloured.push(task.code);
    }
    // Both colours occur and both are sometimes off: the comparison can fail either way.
    expect(coloured).toEqual(['CT.TTHC.02', 'NV.CDDH.01', 'NV.CDDH.03']);
  });

  // Frozen panes are view settings, which headless LibreOffice neither loads nor saves (checked with
  // LibreOffice 7.4, xlsx and ods alike): test/io/write.test.ts checks them in our own file instead.
  test('LibreOffice keeps the sheet setup: hidden metadata, hidden code column, print titles', () => {
    expect(lo.workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Thông tin', 'visible'], ['Phụ lục 1 - Chỉ tiêu', 'visible'], ['Phụ lục 2 - Nhiệm vụ', 'visible'], ['_cchc_meta', 'hidden'],
      [CF_CHECK, 'visible'],
    ]);
    const pl2 = lo.workbook.getWorksheet(TASK_SHEET.name)!;
    expect(pl2.getColumn(1).hidden).toBe(true);
    expect(pl2.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '8:8' });
  });
});
