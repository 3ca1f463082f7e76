/**
 * One file in, one consolidation input out — the same steps for the command line, the Excel pane and
 * the benchmark: sniff the bytes, read the values (size-capped), then either read a unit's report
 * (Thông tin, Phụ lục 1, Phụ lục 2) or, for a summary made elsewhere, read the summary back so it can
 * be consolidated again. Never throws and never modifies `bytes`: a bad file becomes a refused input
 * with a Vietnamese reason naming it, and the batch goes on.
 */
import type { IsoDate, WorkbookGrids } from '../shared/cell';
import { isSummaryWorkbook, readSummarySheets } from '../shared/consolidate/read-summary';
import type { ConsolidationInput, SummaryInput } from '../shared/consolidate/types';
import type { Catalog } from '../shared/model';
import { CATALOG_SHEET } from '../shared/catalog/embed';
import { DATA_SHEET } from '../shared/consolidate/summary-data';
import { SUMMARY_SHEETS } from '../shared/consolidate/summary-spec';
import type { Parsed } from '../shared/result';
import { INDICATOR_SHEET, INFO_SHEET, META_SHEET, TASK_SHEET } from '../shared/spec/annex';
import { foldKey } from '../shared/text/normalize';
import { locateSheets, mayBeSheet, readReport } from '../shared/validate';
import { readXlsxValues, type ReadXlsxOptions, type XlsxSheetValues, type XlsxWorkbookValues } from './xlsx/read-values';
import type { BinaryText } from './xlsx/binary-text';
import type { Crc32, IsUtf8 } from './xlsx/checks';
import type { InflateRaw } from './xlsx/zip';

export type IngestedFile = ConsolidationInput | SummaryInput;

export interface IngestOptions {
  /** When the file arrived (e-mail or upload date), used when the report has no date of its own. */
  receivedAt?: IsoDate | null;
  catalog?: Catalog;
  /** The host's raw inflater for the values reader (Node: zlib); default fflate. */
  inflate?: InflateRaw;
  /** The host's binary-text decoder for the values reader (Node: Latin-1 copy); default UTF-8. */
  binaryText?: BinaryText;
  /** The host's CRC-32 and UTF-8 check for the values reader; default checks.ts's. */
  crc32?: Crc32;
  isUtf8?: IsUtf8;
  /** The host's hook for the values reader, after each large part it let go of (Node: a full collection). */
  afterLargePart?: () => void;
}

export function isSummaryInput(x: IngestedFile): x is SummaryInput {
  return (x as SummaryInput).summary !== undefined;
}

/** Bytes of one workbook → a unit's report (or a refusal), or a lower level's summary. */
export function ingestWorkbook(bytes: Uint8Array, fileName: string, sha256: string, opts: IngestOptions = {}): IngestedFile {
  const source = { fileName, sha256, receivedAt: opts.receivedAt ?? null };
  const refuse = (code: string, message: string): ConsolidationInput => ({ source, report: null, issues: [], refused: { code, message } });
  try {
    // readXlsxValues sniffs the bytes first (the same checks and messages as sniffSpreadsheet).
    const read = readReportValues(bytes, { fileName, inflate: opts.inflate, binaryText: opts.binaryText, crc32: opts.crc32, isUtf8: opts.isUtf8, afterLargePart: opts.afterLargePart });
    if (!read.ok) return refuse(read.code, read.reason);

    const grids = gridsOf(read.value.sheets);

    if (isSummaryWorkbook(grids)) {
      const summary = readSummarySheets(grids);
      if (!summary.ok) return refuse(summary.code, `Tệp "${fileName}": ${summary.reason}`);
      return { source, summary: summary.value };
    }

    const { report, issues } = readReport(grids, { date1904: read.value.date1904, catalog: opts.catalog, fileName, formulasWithoutValue: formulasWithoutValue(read.value.sheets) });
    if (report === null) {
      const why = issues[0];
      return refuse(why?.rule ?? 'file.not_report', why?.message ?? `Tệp "${fileName}" không phải báo cáo theo biểu mẫu.`);
    }
    return { source, report, issues };
  } catch (e) {
    // The readers are written not to throw; this keeps one unexpected file from stopping a batch.
    return refuse('file.unexpected', `Tệp "${fileName}" không đọc được (${e instanceof Error ? e.message : String(e)}). Hãy mở tệp trong Excel, lưu lại dạng .xlsx rồi gửi lại.`);
  }
}

/**
 * The cells of visible sheets holding a formula saved without its result, by sheet, for readReport
 * (which raises the same issues for them whichever command reads the file).
 */
export function formulasWithoutValue(sheets: readonly XlsxSheetValues[]): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const s of sheets) if (!s.hidden && s.formulasWithoutValue.length > 0) out[s.name] = s.formulasWithoutValue;
  return out;
}

export function gridsOf(sheets: readonly XlsxSheetValues[]): WorkbookGrids {
  const grids: WorkbookGrids = {};
  for (const s of sheets) grids[s.name] = s.grid;
  return grids;
}

const SUMMARY_TAB_KEYS = new Set([DATA_SHEET, ...Object.values(SUMMARY_SHEETS)].map(foldKey));

/**
 * Whether a report or a summary may be read from the tab of this name: the three sheets of a report
 * by their names and aliases (as findSheet takes them), its hidden data and catalog sheets, a
 * summary's sheets.
 */
export function isReportTab(name: string): boolean {
  return (
    name === META_SHEET.name ||
    name === CATALOG_SHEET ||
    mayBeSheet(name, INFO_SHEET) ||
    mayBeSheet(name, INDICATOR_SHEET) ||
    mayBeSheet(name, TASK_SHEET) ||
    SUMMARY_TAB_KEYS.has(foldKey(name))
  );
}

/**
 * A workbook's values as a report or a summary is read from them, for every command and host that
 * reads one from a file (validate, consolidate, the pane, Sheets): first only the sheets named as a
 * report's or a summary's, so that a sheet of other data beside the report (a million numbers, a
 * pasted table) is neither inflated nor read; then, when the first read is neither a summary nor a
 * report with both annexes found by name, every sheet (an annex renamed past recognition is looked
 * for by its header). What readReport finds is the same either way: a tab never taken by name is
 * looked at only for the header, and only then.
 */
export function readReportValues(bytes: Uint8Array, opts: Omit<ReadXlsxOptions, 'sheetFilter'>): Parsed<XlsxWorkbookValues> {
  const named = readXlsxValues(bytes, { ...opts, sheetFilter: isReportTab });
  if (!named.ok) return named;
  const grids = gridsOf(named.value.sheets);
  if (isSummaryWorkbook(grids)) return named;
  const tabs = locateSheets(grids);
  if (tabs.indicators !== null && tabs.tasks !== null) return named;
  return readXlsxValues(bytes, opts);
}
