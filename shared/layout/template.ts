/**
 * A commune's workbook, built from the annex spec and a catalog: "Thông tin", Phụ lục 1 (indicators),
 * Phụ lục 2 (tasks) and the hidden metadata sheet, as host-neutral SheetModels that every host
 * writes the same way. Report values already known (a previous period, a filled report being
 * re-issued) are written in; ratio results are formulas with their computed value stored.
 */
import type { CellValue, IsoDate } from '../cell';
import type { AreaCode, CatalogIndicator, CatalogTask, UnitInfo } from '../model';
import { INDICATOR_SHEET, TASK_SHEET } from '../spec/annex';
import { cleanText } from '../text/normalize';
import { buildAnnexSheet, type AnnexItem, type AnnexSection } from './annex-sheet';
import { annexHeading } from './heading';
import { buildInfoSheet, buildMetaSheet } from './info-sheet';
import { calendarDate, type SheetModel } from './sheet-model';

export interface ReportedIndicator {
  numerator?: number | null;
  denominator?: number | null;
  result?: number | string | null;
  evaluation?: string;
  note?: string;
}

export interface ReportedTask {
  status?: string;
  completedOn?: IsoDate | null;
  documentRef?: string;
  documentDate?: IsoDate | null;
  note?: string;
}

export interface TemplateInput {
  info: Partial<UnitInfo>;
  indicators: CatalogIndicator[];
  tasks: CatalogTask[];
  /** Reform areas in the order their sections are printed. */
  areas: { code: AreaCode; name: string }[];
  catalogId: string;
  catalogVersion: string;
  /** Report values by catalog code. */
  report?: {
    indicators?: Record<string, ReportedIndicator>;
    tasks?: Record<string, ReportedTask>;
  };
}

/** Percent format of ratio results. */
export const RATIO_FORMAT = '0.0%';

export function buildTemplate(input: TemplateInput): SheetModel[] {
  return [
    buildInfoSheet(input.info),
    buildIndicatorSheet(input),
    buildTaskSheet(input),
    buildMetaSheet(input),
  ];
}

/** Rows grouped under their area, areas in the given order; areas missing from the list go last. */
function sectionsOf<T extends { area: AreaCode }>(
  areas: TemplateInput['areas'],
  rows: T[],
  item: (row: T, indexInSection: number) => AnnexItem,
): AnnexSection[] {
  const order = [...areas];
  for (const r of rows) {
    if (!order.some((a) => a.code === r.area)) order.push({ code: r.area, name: `Lĩnh vực ${r.area}` });
  }
  return order.map((area) => ({
    area: area.code,
    name: area.name,
    items: rows.filter((r) => r.area === area.code).map((r, i) => item(r, i)),
  }));
}

const num = (v: number | null | undefined): number | '' => (typeof v === 'number' && Number.isFinite(v) ? v : '');
const day = (v: IsoDate | null | undefined): Date | '' => (v ? (calendarDate(v) ?? '') : '');

/** Ratio result as the formula computes it: numerator / denominator when both are numbers and the denominator is positive. */
export function ratioValue(numerator: CellValue, denominator: CellValue): number | '' {
  return typeof numerator === 'number' && typeof denominator === 'number' && denominator > 0 ? numerator / denominator : '';
}

export function buildIndicatorSheet(input: TemplateInput): SheetModel {
  const spec = INDICATOR_SHEET;
  const reported = input.report?.indicators ?? {};
  const sections = sectionsOf(input.areas, input.indicators, (ind): AnnexItem => {
    const r = reported[ind.code] ?? {};
    const numerator = num(r.numerator);
    const denominator = num(r.denominator);
    const ratio = ind.kind === 'ratio';
    const result: CellValue = ratio ? ratioValue(numerator, denominator) : (r.result ?? '');
    return {
      values: {
        code: ind.code,
        stt: ind.stt,
        name: ind.name,
        target: ind.target,
        monitor: ind.monitor,
        executor: ind.executor,
        numerator,
        denominator,
        result,
        evaluation: cleanText(r.evaluation),
        note: cleanText(r.note),
      },
      decorate(at, sheet) {
        if (!ratio) return;
        const n = at.ref('numerator');
        const d = at.ref('denominator');
        sheet.formulas.push({
          row: at.row,
          col: at.col('result'),
          formula: `IF(AND(ISNUMBER(${n}),ISNUMBER(${d}),${d}>0),${n}/${d},"")`,
          value: result,
        });
        sheet.styles.push({ range: at.ref('result'), style: { numberFormat: RATIO_FORMAT } });
      },
    };
  });
  return buildAnnexSheet(spec, annexHeading(spec, input.info), sections);
}

export function buildTaskSheet(input: TemplateInput): SheetModel {
  const spec = TASK_SHEET;
  const reported = input.report?.tasks ?? {};
  const sections = sectionsOf(input.areas, input.tasks, (task, i): AnnexItem => {
    const r = reported[task.code] ?? {};
    return {
      values: {
        code: task.code,
        tt: i + 1,
        name: task.name,
        product: task.product,
        lead: task.lead,
        partners: task.partners,
        deadline: task.deadline,
        planNote: task.note,
        status: cleanText(r.status),
        completedOn: day(r.completedOn),
        documentRef: cleanText(r.documentRef),
        documentDate: day(r.documentDate),
        reportNote: cleanText(r.note),
      },
    };
  });
  return buildAnnexSheet(spec, annexHeading(spec, input.info), sections);
}
