/**
 * The add-in's requests measured with Office.js's own runtime (mirror.ts): every `context.sync()` of
 * Chèn Phụ lục, Kiểm tra and Tổng hợp, on a province of `n` generated communes. Shared by the
 * payload test (each request ≤ 4 MB) and `npm run bench` (which prints them beside the goal).
 */
import { catalogTemplate } from '../../addin/annex-template';
import { checkWorkbook } from '../../addin/commands/check-workbook';
import { writeSummary } from '../../addin/commands/consolidate-files';
import { insertAnnexes, type AnnexForm } from '../../addin/commands/insert-annexes';
import { sharedPipeline, sharedValidator } from '../../addin/pipeline';
import { buildPlan } from '../../shared/catalog/plan';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import type { ConsolidationInput } from '../../shared/consolidate/types';
import { standardTemplate } from '../../shared/layout/standard-template';
import { readReport } from '../../shared/validate/read-report';
import { SAMPLE_COMMUNES, type SampleCommune } from '../../sample/communes';
import { sampleInfo, sampleReport } from '../../sample/generate';
import { FakeWorkbook } from '../../test/addin/fake-excel';
import { mirrorContext, type MirroredSync } from './mirror';

/** Excel on the web refuses requests and responses over 5 MB; the add-in keeps each under 4 MB. */
export const PAYLOAD_GOAL = 4 * 1024 * 1024;
export const YEAR = 2025;

export const FORM: AnnexForm = {
  unitName: 'UBND xã Anh Sơn', unitCode: '90002', unitKind: 'xa', parentName: 'Sở Nội vụ tỉnh Mẫu',
  parentLevel: 'tinh', year: YEAR, period: 'Q2', planNumber: '12/KH-UBND', planDate: '2025-01-15',
};

/** `n` distinct communes made from the sample ones (codes 91xxxx). */
export function provinceCommunes(n: number): SampleCommune[] {
  return Array.from({ length: n }, (_, i) => {
    const base = SAMPLE_COMMUNES[i % SAMPLE_COMMUNES.length];
    return { ...base, code: String(910000 + i + 1), name: `${base.name} ${Math.floor(i / SAMPLE_COMMUNES.length) + 1}` };
  });
}

/** Each commune's report as the readers see it (the template with sample values, read back). */
export function provinceInputs(n: number): ConsolidationInput[] {
  const plan = buildPlan(CATALOG_2025);
  return provinceCommunes(n).map((unit) => {
    const { sheets } = standardTemplate(sampleInfo(unit, YEAR, 'Q2'), { report: sampleReport(unit, plan.indicators, plan.tasks, YEAR, 'Q2') });
    const grids = Object.fromEntries(sheets.map((s) => [s.name, s.rows]));
    const read = readReport(grids, { fileName: `${unit.code}.xlsx` });
    return { source: { fileName: `${unit.code}.xlsx`, sha256: unit.code.padStart(64, '0'), receivedAt: null }, report: read.report, issues: read.issues };
  });
}

export interface CommandPayload {
  command: string;
  syncs: MirroredSync[];
  mismatches: string[];
}

async function measure(command: string, book: FakeWorkbook, run: (context: Excel.RequestContext) => Promise<unknown>): Promise<CommandPayload> {
  const m = mirrorContext(book.context());
  await run(m.context);
  return { command, syncs: m.syncs, mismatches: m.mismatches };
}

/** Every command's syncs on a workbook that ends up holding one commune's annexes and an `n`-commune summary. */
export async function measureAddinPayloads(n: number): Promise<CommandPayload[]> {
  const caps = { pageLayout: true };
  const book = new FakeWorkbook(['Sheet1']);
  const out: CommandPayload[] = [];
  out.push(await measure('Chèn Phụ lục (lần đầu)', book, (c) => insertAnnexes(c, FORM, catalogTemplate, caps)));
  out.push(await measure('Chèn Phụ lục (chèn lại)', book, (c) => insertAnnexes(c, FORM, catalogTemplate, caps)));
  const summary = sharedPipeline.consolidate(provinceInputs(n), {
    year: YEAR, period: 'Q2', consolidatingUnit: { name: 'Sở Nội vụ tỉnh Mẫu', level: 'tinh' }, now: '2025-06-25',
  });
  const sheets = sharedPipeline.sheets(summary);
  const drawn = sharedPipeline.charts(summary);
  if (drawn.sheet) sheets.push(drawn.sheet);
  out.push(await measure(`Tổng hợp (${n} đơn vị)`, book, (c) => writeSummary(c, sheets, drawn.charts, caps)));
  out.push(await measure(`Tổng hợp lại (${n} đơn vị)`, book, (c) => writeSummary(c, sheets, drawn.charts, caps)));
  out.push(await measure(`Kiểm tra (sổ có bảng tổng hợp ${n} đơn vị)`, book, (c) => checkWorkbook(c, sharedValidator)));
  return out;
}
