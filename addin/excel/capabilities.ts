/**
 * Which Excel API sets the host has beyond the manifest's minimum (ExcelApi 1.8).
 * The manifest refuses hosts below 1.8; newer sets are looked up once here and features that
 * need them are skipped (with a note in the pane) rather than failing.
 */

export interface HostCapabilities {
  /** ExcelApi 1.9: Worksheet.pageLayout (paper, orientation, fit to width, print titles). */
  pageLayout: boolean;
  /** The open workbook counts days from 1904 (read per command: queueDateSystem in read-grids.ts). */
  date1904?: boolean;
}

export const MINIMUM_EXCEL_API = '1.8';

interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}

function requirements(): RequirementsLike | null {
  const office = (globalThis as { Office?: { context?: { requirements?: RequirementsLike } } }).Office;
  return office?.context?.requirements ?? null;
}

/** True when the running host supports ExcelApi `version`; false outside Office. */
export function supportsExcelApi(version: string): boolean {
  const r = requirements();
  if (!r) return false;
  try {
    return r.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

export function detectCapabilities(): HostCapabilities {
  return { pageLayout: supportsExcelApi('1.9') };
}
