/**
 * The template the pane inserts: the 2025 catalog's plan laid out by the shared template builder,
 * with what Excel in particular needs:
 * - the annexes' text columns formatted as Text ('@') down to well past the last row, so what a
 *   person types there ("- Đã rà soát", "12/2025", "1/2") stays as typed instead of becoming a
 *   formula or a date (Excel converts typing in General cells by the regional setting);
 * - date prompts that also offer year-month-day, which Excel reads the same under any regional
 *   setting (an en-US Windows takes "15/03/2025" as text).
 * Kept apart from the command so that tests can run the Excel machinery on small fixtures.
 */
import { a1 } from '../shared/cell';
import type { Catalog, UnitInfo } from '../shared/model';
import type { SheetModel } from '../shared/layout/sheet-model';
import { standardTemplate } from '../shared/layout/standard-template';
import { TABLE_SHEETS } from '../shared/spec/annex';
import { locateHeader } from '../shared/validate/find-sheet';

/** The unit's sheets, from the workbook's own catalog when one was loaded (else the built-in one). */
export type TemplateBuilder = (info: Partial<UnitInfo>, catalog?: Catalog) => SheetModel[];

/** Rows below the last written one that still get the Text format, for rows people add. */
export const TEXT_ROWS_AHEAD = 500;

export const DATE_PROMPT_ANY_LOCALE = 'Ngày/tháng/năm, ví dụ 15/03/2025. Nếu Excel không nhận, gõ năm-tháng-ngày: 2025-03-15.';

/** The model with its annex text columns as Text and its date prompts good under any locale. */
export function forExcel(model: SheetModel): SheetModel {
  const spec = TABLE_SHEETS.find((t) => t.name === model.name);
  const out: SheetModel = { ...model, styles: [...model.styles], validations: model.validations.map((v) => ({ ...v })) };
  for (const v of out.validations) if (v.kind === 'date' && (!v.prompt || v.prompt.startsWith('Ngày/tháng/năm'))) v.prompt = DATE_PROMPT_ANY_LOCALE;
  if (!spec) return out;
  const header = locateHeader(model.rows, spec);
  if (!header) return out;
  const last = Math.max(header.dataStart, model.rows.length) + TEXT_ROWS_AHEAD - 1;
  for (const column of spec.columns) {
    const col = header.columns[column.key];
    if (column.type !== 'text' || col === undefined) continue;
    // Before the sheet's own styles, so a style of its own on a cell still wins.
    out.styles.unshift({ range: `${a1(header.dataStart, col)}:${a1(last, col)}`, style: { numberFormat: '@' } });
  }
  return out;
}

export const catalogTemplate: TemplateBuilder = (info, catalog) => standardTemplate(info, { catalog }).sheets.map(forExcel);
