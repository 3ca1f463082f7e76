/**
 * Reads a summary workbook back into the identical Summary, so that a district's summary file can be
 * consolidated again at the province. Only the hidden data sheet is read (see summary-data.ts); every
 * aggregate is derived again, so an edited total on a visible sheet cannot creep in. Summaries made
 * before the data sheet existed (structure version 1) are read from their visible tables.
 */
import type { WorkbookGrids } from '../cell';
import { fail, ok, type Parsed } from '../result';
import { foldKey } from '../text/normalize';
import { deriveAggregates } from './derive';
import { readSummarySheetsV1 } from './read-summary-v1';
import { readSummaryData, SummaryDataError } from './read-summary-data';
import { DATA_SHEET } from './summary-data';
import { SUMMARY_SHEETS } from './summary-spec';
import type { Summary } from './types';

/** True for a summary workbook (its data sheet, or a version-1 summary's first two sheets). */
export function isSummaryWorkbook(grids: WorkbookGrids): boolean {
  return dataTab(grids) !== undefined || (grids[SUMMARY_SHEETS.indicators] !== undefined && grids[SUMMARY_SHEETS.matrix] !== undefined);
}

function dataTab(grids: WorkbookGrids): string | undefined {
  if (DATA_SHEET in grids) return DATA_SHEET;
  const key = foldKey(DATA_SHEET);
  return Object.keys(grids).find((t) => foldKey(t) === key);
}

/** A summary workbook's sheets → the Summary they were written from. Never throws. */
export function readSummarySheets(grids: WorkbookGrids): Parsed<Summary> {
  const tab = dataTab(grids);
  if (tab === undefined) return readSummarySheetsV1(grids);
  try {
    const data = readSummaryData(grids[tab]);
    return ok({ ...data, aggregates: deriveAggregates(data) });
  } catch (e) {
    if (e instanceof SummaryDataError) return fail(e.code, e.reason);
    return fail('summary.unreadable', `Không đọc được trang “${DATA_SHEET}” của bảng tổng hợp. Hãy lập lại bảng tổng hợp bằng công cụ này.`);
  }
}
