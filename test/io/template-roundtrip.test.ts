/**
 * What we write is what the checker reads: a pre-filled template goes through writeXlsx, the
 * values-only reader and readReport, and comes back as the same unit report, with no errors.
 */
import type { WorkbookGrids } from '../../shared/cell';
import type { Catalog } from '../../shared/model';
import { buildTemplate } from '../../shared/layout/template';
import { TEMPLATE_ID, TEMPLATE_VERSION } from '../../shared/spec/annex';
import { readReport } from '../../shared/validate';
import { readXlsxValues } from '../../io/xlsx/read-values';
import { writeXlsx } from '../../io/xlsx/write';
import { AREAS, filledInput, INDICATORS, INFO, TASKS } from '../support/template-fixture';

const catalog: Catalog = { id: 'CCHC-XA', version: '2025.1', year: 2025, areas: AREAS, indicators: INDICATORS, tasks: TASKS };

/**
 * Each is a fact of the fixture report, none of the layout: the note "=1+1", two tasks overdue at
 * 14/06 — one with its status typed, one left blank (overdue and not updated).
 */
const WARNINGS: [string, string, string][] = [
  ['Phụ lục 1 - Chỉ tiêu', 'K13', 'cell.formula_text'],
  ['Phụ lục 2 - Nhiệm vụ', 'I10', 'task.overdue'],
  ['Phụ lục 2 - Nhiệm vụ', 'I12', 'task.overdue_not_updated'],
];

async function readBack(): Promise<ReturnType<typeof readReport>> {
  const bytes = await writeXlsx(buildTemplate(filledInput()));
  const values = readXlsxValues(bytes, { fileName: 'mau.xlsx' });
  if (!values.ok) throw new Error(values.reason);
  const grids: WorkbookGrids = Object.fromEntries(values.value.sheets.map((s) => [s.name, s.grid]));
  return readReport(grids, { catalog, date1904: values.value.date1904 });
}

describe('template → xlsx → readReport', () => {
  let result: ReturnType<typeof readReport>;
  beforeAll(async () => {
    result = await readBack();
  });

  test('no errors', () => {
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('the only warnings are about the report itself: a note typed like a formula, overdue tasks', () => {
    expect(result.issues.map((i) => [i.sheet, i.address, i.rule])).toEqual(WARNINGS);
  });

  test('Thông tin reads back as the unit info, with the template and catalog ids and versions we wrote', () => {
    expect(result.report!.info).toEqual({ ...INFO, templateId: TEMPLATE_ID, templateVersion: TEMPLATE_VERSION, catalogId: 'CCHC-XA', catalogVersion: '2025.1' });
  });

  test('indicator rows: codes, areas, STT, report values and ratio results', () => {
    expect(result.report!.indicators.map((r) => [r.code, r.area, r.stt, r.numerator, r.denominator, r.result, r.evaluation, r.note])).toEqual([
      ['CT.CDDH.01', 'CDDH', '1', 5, 5, 1, 'met', ''],
      ['CT.TTHC.01', 'TTHC', '3.1', null, null, 'Hoàn thành', 'met', ''],
      ['CT.TTHC.02', 'TTHC', '3.2', 171, 200, 0.855, 'missed', '=1+1'],
      ['CT.TTHC.03', 'TTHC', '3.3', null, null, 12, 'met', ''], // evaluated by the checker: 12 ≤ 15 phút
      ['CT.CQS.01', 'CQS', '7.1', 0, 0, null, null, '+ chưa phát sinh hồ sơ'],
    ]);
    expect(result.report!.indicators.map((r) => r.targetText)).toEqual(INDICATORS.map((i) => i.target));
  });

  test('task rows: codes, areas, numbering, status and dates', () => {
    expect(result.report!.tasks.map((t) => [t.code, t.area, t.tt, t.status, t.completedOn, t.documentRef, t.documentDate, t.note])).toEqual([
      ['NV.CDDH.01', 'CDDH', '1', 'in_progress', null, '05/KH-UBND', '2025-01-10', ''],
      ['NV.CDDH.02', 'CDDH', '2', 'done', '2025-03-20', '12/KH-UBND', '2025-03-20', ''],
      ['NV.CDDH.03', 'CDDH', '3', null, null, '', null, ''],
      ['NV.TTHC.01', 'TTHC', '1', 'not_started', null, '', null, '@ chờ hướng dẫn của tỉnh'],
      ['NV.CQS.01', 'CQS', '1', null, null, '', null, ''],
    ]);
    expect(result.report!.tasks.map((t) => t.name)).toEqual(TASKS.map((t) => t.name));
  });
});
