/**
 * The template the pane inserts: the 2025 catalog's plan laid out by the shared template builder.
 * Kept apart from the command so that tests can run the Excel machinery on small fixtures.
 */
import type { UnitInfo } from '../shared/model';
import type { SheetModel } from '../shared/layout/sheet-model';
import { standardTemplate } from '../shared/layout/standard-template';

export type TemplateBuilder = (info: Partial<UnitInfo>) => SheetModel[];

export const catalogTemplate: TemplateBuilder = (info) => standardTemplate(info).sheets;
