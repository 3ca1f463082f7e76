/**
 * The demo: a province office of the two-level local government receiving the Quý III/2026 reports
 * of 13 xã, phường and one đặc khu, with the cases
 * real batches have — one unit late, one missing, one that sent two different reports, one with data
 * errors, one typed without diacritics and with decimal commas, and one file that is not a workbook.
 * Everything is written under one folder; the summary is then made exactly as `consolidate` makes it.
 */
import { nodeDeflate } from './codecs';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue } from '../shared/cell';
import { standardTemplate } from '../shared/layout/standard-template';
import type { SheetModel } from '../shared/layout/sheet-model';
import type { TemplateInput } from '../shared/layout/template';
import { buildPlan } from '../shared/catalog/plan';
import { CATALOG_2025 } from '../shared/catalog/catalog-2025';
import { catalogForYear } from '../shared/catalog/for-year';
import type { PeriodCode } from '../shared/model';
import { addDays } from '../shared/parse/calendar';
import { formatNumberVi } from '../shared/parse/number';
import { defaultCalendar, periodOfYear } from '../shared/period';
import { columnIndex, INDICATOR_SHEET, TASK_SHEET } from '../shared/spec/annex';
import { writeXlsx } from '../io/xlsx/write';
import { SAMPLE_COMMUNES, SAMPLE_PARENT, type SampleCommune } from '../sample/communes';
import { sampleInfo, sampleReport } from '../sample/generate';
import type { Output } from './commands';
import { runConsolidation } from './commands';

export const DEMO_YEAR = 2026;
export const DEMO_PERIOD: PeriodCode = 'Q3';

const LATE = '90005';
const MISSING = '90013';
const TWICE = '90006';
const WITH_ERRORS = '90008';
const NO_DIACRITICS = '90012';

const stripMarks = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

function slug(name: string): string {
  return stripMarks(name).toLowerCase().replace(/^ubnd\s+/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function rowOfCode(sheet: SheetModel, code: string): number {
  return sheet.rows.findIndex((r) => r[0] === code);
}

/** How a hurried official types: no diacritics anywhere, numbers as text with decimal commas, no formulas. */
function typedWithoutDiacritics(sheets: SheetModel[]): SheetModel[] {
  const numberCols = new Map<string, number[]>([
    [INDICATOR_SHEET.name, ['numerator', 'denominator', 'result'].map((k) => columnIndex(INDICATOR_SHEET, k))],
  ]);
  return sheets.map((sheet) => {
    const cols = numberCols.get(sheet.name) ?? [];
    const formulaCells = new Set(sheet.formulas.map((f) => `${f.row}:${f.col}`));
    const rows = sheet.rows.map((row, r) =>
      row.map((v, c): CellValue => {
        if (formulaCells.has(`${r}:${c}`) && typeof v === 'number') return `${formatNumberVi(v * 100, 1)}%`;
        if (typeof v === 'string' && c !== 0) return stripMarks(v);
        if (typeof v === 'number' && cols.includes(c)) return formatNumberVi(v, 1).replace(/,0$/, '');
        if (v instanceof Date) return `${v.getUTCDate()}/${v.getUTCMonth() + 1}/${v.getUTCFullYear()}`;
        return v;
      }),
    );
    const name = sheet.name.startsWith('_') ? sheet.name : stripMarks(sheet.name);
    return { ...sheet, name, rows, formulas: [], conditionalFormats: [], printTitleRows: undefined };
  });
}

/** Numerator above denominator, a task marked done without its date, words in a number cell. */
function withDataErrors(sheets: SheetModel[], report: NonNullable<TemplateInput['report']>): SheetModel[] {
  const ind = sheets.find((s) => s.name === INDICATOR_SHEET.name);
  const tasks = sheets.find((s) => s.name === TASK_SHEET.name);
  const ratioCodes = Object.keys(report.indicators ?? {}).filter((c) => report.indicators?.[c]?.denominator != null);
  if (ind && ratioCodes.length > 2) {
    const numCol = columnIndex(INDICATOR_SHEET, 'numerator');
    const denCol = columnIndex(INDICATOR_SHEET, 'denominator');
    const r1 = rowOfCode(ind, ratioCodes[0]);
    ind.rows[r1][numCol] = Number(ind.rows[r1][denCol]) + 15;
    const r2 = rowOfCode(ind, ratioCodes[2]);
    ind.rows[r2][denCol] = 'khoảng 50';
  }
  if (tasks) {
    const statusCol = columnIndex(TASK_SHEET, 'status');
    const dateCol = columnIndex(TASK_SHEET, 'completedOn');
    const r = tasks.rows.findIndex((row, i) => i > TASK_SHEET.headerRow && row[statusCol] === 'Hoàn thành');
    if (r > 0) tasks.rows[r][dateCol] = null;
  }
  return sheets;
}

export interface DemoFiles {
  folder: string;
  reportsFolder: string;
  expectedList: string;
  summaryPath: string;
}

/** Writes the sample reports and the list of expected units; returns where they are. */
export async function writeDemoInputs(folder: string): Promise<DemoFiles> {
  const reportsFolder = join(folder, 'bao-cao');
  rmSync(reportsFolder, { recursive: true, force: true });
  mkdirSync(reportsFolder, { recursive: true });
  const plan = buildPlan(catalogForYear(CATALOG_2025, DEMO_YEAR));
  const cal = defaultCalendar(DEMO_PERIOD, DEMO_YEAR);

  const write = async (unit: SampleCommune, fileName: string, seed: number, reportDate: string, adjust?: (s: SheetModel[], r: NonNullable<TemplateInput['report']>) => SheetModel[]) => {
    const report = sampleReport(unit, plan.indicators, plan.tasks, DEMO_YEAR, DEMO_PERIOD, seed);
    let { sheets } = standardTemplate(sampleInfo(unit, DEMO_YEAR, DEMO_PERIOD, reportDate), { report });
    if (adjust) sheets = adjust(sheets, report);
    writeFileSync(join(reportsFolder, fileName), await writeXlsx(sheets, { deflate: nodeDeflate }));
  };

  for (const unit of SAMPLE_COMMUNES) {
    if (unit.code === MISSING) continue;
    const file = `${unit.code}-${slug(unit.name)}.xlsx`;
    const onTime = addDays(cal.due, -((Number(unit.code) % 5) + 1));
    if (unit.code === LATE) await write(unit, file, 1, addDays(cal.due, 6));
    else if (unit.code === TWICE) {
      await write(unit, file, 1, onTime);
      await write(unit, `${unit.code}-${slug(unit.name)}-gui-lai.xlsx`, 2, addDays(onTime, 1));
    } else if (unit.code === WITH_ERRORS) await write(unit, file, 1, onTime, withDataErrors);
    else if (unit.code === NO_DIACRITICS) await write(unit, file, 1, onTime, (s) => typedWithoutDiacritics(s));
    else await write(unit, file, 1, onTime);
  }
  // Not a workbook: a meeting note saved as CSV and renamed, as happens in real mailboxes.
  writeFileSync(join(reportsFolder, 'ghi-chu-hop-giao-ban.xlsx'), 'Nội dung,Người phụ trách\nHọp giao ban CCHC,Văn phòng\n');

  const expectedList = join(folder, 'danh-sach-don-vi.csv');
  writeFileSync(expectedList, ['Mã,Tên đơn vị', ...SAMPLE_COMMUNES.map((u) => `${u.code},${u.name}`)].join('\n') + '\n');
  return { folder, reportsFolder, expectedList, summaryPath: join(folder, 'tong-hop.xlsx') };
}

export async function demoCommand(folder: string, io: Output): Promise<number> {
  io.out(`Dữ liệu mẫu: ${SAMPLE_PARENT.name} nhận báo cáo CCHC ${periodOfYear(DEMO_PERIOD, DEMO_YEAR)} của ${SAMPLE_COMMUNES.length} xã, phường, đặc khu.`);
  const files = await writeDemoInputs(folder);
  io.out(`Đã tạo các tệp báo cáo mẫu trong ${files.reportsFolder}`);
  io.out('');
  const cal = defaultCalendar(DEMO_PERIOD, DEMO_YEAR);
  await runConsolidation(
    [files.reportsFolder],
    {
      year: DEMO_YEAR,
      period: DEMO_PERIOD,
      consolidatingUnit: SAMPLE_PARENT,
      expectedUnits: SAMPLE_COMMUNES.map((u) => ({ code: u.code, name: u.name })),
      now: addDays(cal.due, 7),
      outPath: files.summaryPath,
    },
    io,
  );
  return 0;
}
