/**
 * The unit's standard workbook pre-filled with its imported plan: the standard template built from
 * the catalog customised by the import, each imported row's note column saying where it came from
 * and how sure its match is. Every host writes these sheets as it writes a fresh template.
 */
import type { PlanProblem } from '../catalog/plan';
import type { Catalog, UnitInfo } from '../model';
import { standardTemplate } from '../layout/standard-template';
import type { SheetModel } from '../layout/sheet-model';
import type { PlanImport } from './plan-import';

export function importedWorkbook(info: Partial<UnitInfo>, p: PlanImport, catalog?: Catalog): { sheets: SheetModel[]; problems: PlanProblem[] } {
  const indicators: Record<string, { note: string }> = {};
  for (const o of p.outcomes) if (o.row.kind === 'indicator') indicators[o.code] = { note: p.notes[o.code] };
  return standardTemplate(info, { catalog, customisation: p.customisation, report: { indicators } });
}
