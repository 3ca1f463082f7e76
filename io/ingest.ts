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
import { readReport } from '../shared/validate';
import { readXlsxValues, type XlsxSheetValues } from './xlsx/read-values';
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
    const read = readXlsxValues(bytes, { fileName, inflate: opts.inflate, binaryText: opts.binaryText, crc32: opts.crc32, isUtf8: opts.isUtf8, afterLargePart: opts.afterLargePart });
    if (!read.ok) return refuse(read.code, read.reason);

    const grids: WorkbookGrids = {};
    for (const s of read.value.sheets) grids[s.name] = s.grid;

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
