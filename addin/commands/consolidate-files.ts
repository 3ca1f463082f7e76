/**
 * Tổng hợp: the consolidating office picks many commune .xlsx files; each is read in the pane
 * (bytes → SHA-256 → the same ingestion as the command line), consolidated, and the summary sheets
 * are written into the open workbook with one chart per key indicator. Refused files come back with
 * their reasons. Excel is touched only at the end: sheet names; the charts already on the summary
 * sheets (to replace ours); then the writes, in as many syncs as keep each request under budget.
 */
import { a1, parseA1 } from '../../shared/cell';
import type { ConsolidateOptions, ConsolidationInput, Summary, SummaryInput } from '../../shared/consolidate/types';
import type { ChartSpec, SheetModel } from '../../shared/layout/sheet-model';
import { detectCapabilities, type HostCapabilities } from '../excel/capabilities';
import { expectedUnitsFromBytes, expectedUnitsFromRows, type ExpectedUnit } from '../../io/expected-units';
import { CHART_SHEET } from '../../shared/layout/summary-charts';
import { PaneError } from '../excel/host-errors';
import { queueDateSystem, queueSheetNames, readSheets } from '../excel/read-grids';
import { BatchedWriter, SheetNameSet, writeSheets } from '../excel/write-sheet';
import { sha256Hex } from '../platform/sha256';

export { sha256Hex };

/** A picked file as the browser gives it (File) or a test builds it. */
export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A chart drawn on a summary sheet from one of its ranges. */
export type { ChartSpec };

/** A unit's report (or its refusal), or a lower level's summary to consolidate again. */
export type IngestedFile = ConsolidationInput | SummaryInput;

/** The shared pipeline the command runs (the command line runs the same functions). */
export interface ConsolidationPipeline {
  ingest(bytes: Uint8Array, fileName: string, sha256: string): IngestedFile | Promise<IngestedFile>;
  consolidate(inputs: IngestedFile[], opts: ConsolidateOptions): Summary;
  sheets(summary: Summary): SheetModel[];
  /** An extra sheet holding the chart data, and the charts drawn from it. */
  charts(summary: Summary): { sheet: SheetModel | null; charts: ChartSpec[] };
}

export interface RefusedFile {
  fileName: string;
  message: string;
}

export interface ConsolidateResult {
  summary: Summary;
  written: string[];
  charts: number;
  refused: RefusedFile[];
}

/** Excel.ChartType names of the shared chart kinds (ExcelApi 1.1). */
const EXCEL_CHART_TYPES = { columnClustered: 'ColumnClustered', barClustered: 'BarClustered', barStacked: 'BarStacked' } as const;

/** The bottom-right cell of a chart `size` cells from its anchor. */
function chartEnd(anchor: string, size: { columns: number; rows: number }): string {
  const at = parseA1(anchor);
  return at ? a1(at.row + size.rows - 1, at.col + size.columns - 1) : anchor;
}

/** Charts this pane made carry this prefix, so a refresh replaces them and leaves others' alone. */
export const CHART_PREFIX = 'CCHC_';

/** Reads and ingests every file, reporting progress (done, total, file name) after each. */
export async function readInputs(
  files: readonly PickedFile[],
  pipeline: Pick<ConsolidationPipeline, 'ingest'>,
  onProgress: (done: number, total: number, fileName: string) => void = () => {},
): Promise<IngestedFile[]> {
  const inputs: IngestedFile[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    const bytes = new Uint8Array(await f.arrayBuffer());
    inputs.push(await pipeline.ingest(bytes, f.name, await sha256Hex(bytes)));
    onProgress(i + 1, files.length, f.name);
  }
  return inputs;
}

/** Files refused, with the reason the pipeline gave (the summary's provenance says the same). */
export function refusedFiles(inputs: readonly IngestedFile[]): RefusedFile[] {
  const out: RefusedFile[] = [];
  for (const i of inputs) if ('refused' in i && i.refused) out.push({ fileName: i.source.fileName, message: i.refused.message });
  return out;
}

export async function writeSummary(
  context: Excel.RequestContext,
  sheets: SheetModel[],
  charts: ChartSpec[],
  caps: HostCapabilities = detectCapabilities(),
): Promise<{ written: string[]; charts: number }> {
  const names = queueSheetNames(context);
  const is1904 = queueDateSystem(context);
  await context.sync();
  caps = { ...caps, date1904: is1904() };
  const existing = new SheetNameSet(names.items.map((s) => s.name));

  const oldCharts = sheets
    .filter((m) => existing.has(m.name))
    .map((m) => context.workbook.worksheets.getItem(m.name).charts.load('items/name'));
  await context.sync();
  for (const collection of oldCharts) {
    for (const c of collection.items) if (c.name.startsWith(CHART_PREFIX)) c.delete();
  }
  // A chart sheet from an earlier run that this run does not make again (no key indicator has
  // data now) is ours and out of date: removed, not left to mislead.
  if (existing.has(CHART_SHEET) && !sheets.some((m) => m.name === CHART_SHEET)) {
    context.workbook.worksheets.getItem(CHART_SHEET).delete();
  }

  const writer = new BatchedWriter(context);
  await writeSheets(writer, context, sheets, existing, caps);
  charts.forEach((spec, i) => {
    const ws = context.workbook.worksheets.getItem(spec.sheet);
    const chart = ws.charts.add(EXCEL_CHART_TYPES[spec.type ?? 'columnClustered'], ws.getRange(spec.range), spec.seriesBy);
    chart.name = `${CHART_PREFIX}${i + 1}`;
    chart.title.text = spec.title;
    chart.setPosition(spec.anchor, spec.size ? chartEnd(spec.anchor, spec.size) : undefined);
  });
  const first = sheets.find((m) => !m.hidden);
  if (first) context.workbook.worksheets.getItem(first.name).activate();
  await context.sync();
  return { written: sheets.map((s) => s.name), charts: charts.length };
}

/** Where the list of units that must report comes from: a sheet of the open workbook, or a picked file. */
export interface ExpectedSource {
  sheet?: string;
  file?: PickedFile;
}

/**
 * The expected units from a sheet (code in column A, name in column B) or from a picked .xlsx/.csv;
 * undefined when neither is given. A list that cannot be read stops the command with a message
 * saying which and what to do, before anything is written.
 */
export async function readExpectedUnits(context: Excel.RequestContext, source: ExpectedSource = {}): Promise<ExpectedUnit[] | undefined> {
  if (source.file) {
    const bytes = new Uint8Array(await source.file.arrayBuffer());
    const read = expectedUnitsFromBytes(bytes, source.file.name);
    if (!read.ok) throw new PaneError(`Danh sách đơn vị phải báo cáo: ${read.reason}`);
    return read.units;
  }
  const name = source.sheet?.trim();
  if (!name) return undefined;
  const sheets = queueSheetNames(context);
  await context.sync();
  const found = sheets.items.map((s) => s.name).find((n) => n.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (!found) {
    throw new PaneError(`Không có trang “${name}” trong sổ tính này. Hãy nhập đúng tên trang chứa danh sách đơn vị (cột A: mã, cột B: tên), hoặc để trống ô này.`);
  }
  const units = expectedUnitsFromRows((await readSheets(context, [found]))[found] ?? []);
  if (units.length === 0) {
    throw new PaneError(`Trang “${found}” không có đơn vị nào. Ghi mỗi dòng một đơn vị: cột A mã (ví dụ 90002), cột B tên (ví dụ UBND xã Anh Sơn).`);
  }
  return units;
}

export async function consolidateFiles(
  context: Excel.RequestContext,
  files: readonly PickedFile[],
  opts: ConsolidateOptions,
  pipeline: ConsolidationPipeline,
  onProgress?: (done: number, total: number, fileName: string) => void,
  caps?: HostCapabilities,
  expected?: ExpectedSource,
): Promise<ConsolidateResult> {
  const expectedUnits = await readExpectedUnits(context, expected);
  if (expectedUnits) opts = { ...opts, expectedUnits };
  const inputs = await readInputs(files, pipeline, onProgress);
  const summary = pipeline.consolidate(inputs, opts);
  const sheets = pipeline.sheets(summary);
  const drawn = pipeline.charts(summary);
  if (drawn.sheet) sheets.push(drawn.sheet);
  const out = await writeSummary(context, sheets, drawn.charts, caps);
  return { summary, ...out, refused: refusedFiles(inputs) };
}
