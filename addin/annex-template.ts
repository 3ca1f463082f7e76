/**
 * The template the pane inserts: the 2025 catalog's plan laid out by the shared template builder.
 * Kept apart from the command so that tests can run the Excel machinery on small fixtures.
 */
import type { UnitInfo } from '../shared/model';
import { AREAS } from '../shared/catalog/areas';
import { CATALOG_2025 } from '../shared/catalog/catalog-2025';
import { buildPlan } from '../shared/catalog/plan';
import type { SheetModel } from '../shared/layout/sheet-model';
import { buildTemplate } from '../shared/layout/template';

export type TemplateBuilder = (info: Partial<UnitInfo>) => SheetModel[];

export const catalogTemplate: TemplateBuilder = (info) => {
  const plan = buildPlan(CATALOG_2025);
  return buildTemplate({
    info,
    indicators: plan.indicators,
    tasks: plan.tasks,
    areas: [...AREAS],
    catalogId: CATALOG_2025.id,
    catalogVersion: CATALOG_2025.version,
  });
};
