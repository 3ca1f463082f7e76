/**
 * Which sheet a unit may import its plan from: never one the template writes (Thông tin, the annex
 * tables, the hidden metadata and catalog sheets), since inserting the annexes would overwrite the
 * table being read. Names are compared folded, with the names plans give those sheets too.
 */
import { CATALOG_SHEET } from '../catalog/embed';
import { INFO_SHEET, META_SHEET, TABLE_SHEETS } from '../spec/annex';
import { foldKey } from '../text/normalize';

const TEMPLATE_NAMES = [INFO_SHEET, ...TABLE_SHEETS].flatMap((s) => [s.name, ...s.aliases]).concat(META_SHEET.name, CATALOG_SHEET).map(foldKey);

/** True for a sheet the template writes; `annexTabs` are the annex sheets found in this workbook under any name. */
export function isTemplateSheet(name: string, annexTabs: readonly string[] = []): boolean {
  return annexTabs.includes(name) || TEMPLATE_NAMES.includes(foldKey(name));
}

/** Said when the plan would be read from a template sheet; `again` says how to run the import again. */
export function templateSheetMessage(name: string, again: string): string {
  return `Trang “${name}” là trang của biểu mẫu nên không nhập từ đó được. Hãy mở trang chứa bảng kế hoạch của đơn vị (hoặc chọn vùng bảng đó) rồi ${again}.`;
}
