/**
 * The commune workbook every host writes: the 2025 catalog, customised by the unit's plan, laid out
 * by buildTemplate. The command line, the Excel pane and Google Sheets all call this one function,
 * so the three give the same sheets for the same unit.
 */
import { CATALOG_2025 } from '../catalog/catalog-2025';
import { catalogForYear } from '../catalog/for-year';
import { buildPlan, type PlanCustomisation, type PlanProblem } from '../catalog/plan';
import type { Catalog, UnitInfo } from '../model';
import type { SheetModel } from './sheet-model';
import { buildTemplate, type TemplateInput } from './template';

export interface StandardTemplateOptions {
  catalog?: Catalog;
  customisation?: PlanCustomisation;
  report?: TemplateInput['report'];
}

export function standardTemplate(
  info: Partial<UnitInfo>,
  opts: StandardTemplateOptions = {},
): { sheets: SheetModel[]; problems: PlanProblem[] } {
  // The catalog's years follow the plan's: a 2026 template says "Trong năm 2026".
  const base = opts.catalog ?? CATALOG_2025;
  const catalog = typeof info.year === 'number' ? catalogForYear(base, info.year) : base;
  const plan = buildPlan(catalog, opts.customisation);
  const sheets = buildTemplate({
    info,
    indicators: plan.indicators,
    tasks: plan.tasks,
    headings: plan.headings,
    areas: catalog.areas.map((a) => ({ code: a.code, name: a.name })),
    catalogId: catalog.id,
    catalogVersion: catalog.version,
    catalog: base,
    report: opts.report,
  });
  return { sheets, problems: plan.problems };
}
