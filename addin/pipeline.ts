/**
 * The shared functions the pane runs, wired once: the same validation, ingestion, consolidation
 * and summary layout as the command line, so both give the same sheets for the same files.
 */
import { ingestWorkbook } from '../io/ingest';
import { consolidate } from '../shared/consolidate/consolidate';
import { buildSummarySheets } from '../shared/layout/summary';
import { validateWorkbook } from '../shared/validate';
import type { ConsolidationPipeline } from './commands/consolidate-files';
import type { WorkbookValidator } from './commands/check-workbook';
import { chartSheet } from '../shared/layout/summary-charts';

export const sharedPipeline: ConsolidationPipeline = {
  ingest: (bytes, fileName, sha256) => ingestWorkbook(bytes, fileName, sha256),
  consolidate: (inputs, opts) => consolidate(inputs, opts),
  sheets: buildSummarySheets,
  charts: chartSheet,
};

export const sharedValidator: WorkbookValidator = (grids, opts) => validateWorkbook(grids, opts);
