/**
 * A commune's workbook, built from the annex spec and a catalog: "Thông tin", Phụ lục 1 (indicators),
 * Phụ lục 2 (tasks) and the hidden metadata sheet, as host-neutral SheetModels that every host
 * writes the same way. Report values already known (a previous period, a filled report being
 * re-issued) are written in; ratio results are formulas with their computed value stored.
 */
import type { CellValue, IsoDate } from '../cell';
import { a1 } from '../cell';
import { namesUnitKind } from '../catalog/unit-words';
import { CATALOG_SHEET, embeddedCatalogRows } from '../catalog/embed';
import { catalogHash } from '../catalog/hash';
import type { AreaCode, Catalog, CatalogHeading, CatalogIndicator, CatalogTask, IndicatorKind, Target, UnitInfo, UnitKind } from '../model';
import { parseDeadline } from '../parse/deadline';
import { applicableTargets } from '../parse/evaluate';
import { formatTarget, parseTarget } from '../parse/target';
import { INDICATOR_SHEET, TASK_SHEET } from '../spec/annex';
import { cleanText } from '../text/normalize';
import { buildAnnexSheet, type AnnexItem, type AnnexSection } from './annex-sheet';
import { annexHeading, planYear } from './heading';
import { BELOW_TARGET_STYLE, belowTargetCondition, OVERDUE_STYLE, overdueAfter, overdueCondition } from './highlights';
import { buildInfoSheet, buildMetaSheet } from './info-sheet';
import { calendarDate, emptySheet, type SheetModel } from './sheet-model';

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
  /**
   * Group rows of the indicator table ("6.2 Nâng cao chất lượng phục vụ…"), printed above the first
   * of their indicators. A group that holds every indicator of its area repeats the section row and
   * is left out.
   */
  headings?: CatalogHeading[];
  catalogId: string;
  catalogVersion: string;
  /**
   * The catalog as published (before its years were moved to the plan's), carried in a hidden sheet
   * with its hash so that the workbook can be consolidated and checked from the file alone.
   */
  catalog?: Catalog;
  /** Report values by catalog code. */
  report?: {
    indicators?: Record<string, ReportedIndicator>;
    tasks?: Record<string, ReportedTask>;
  };
}

/** Percent format of ratio results. */
export const RATIO_FORMAT = '0.0%';

export function buildTemplate(input: TemplateInput): SheetModel[] {
  const sheets = [
    buildInfoSheet(input.info),
    buildIndicatorSheet(input),
    buildTaskSheet(input),
    buildMetaSheet({ ...input, catalogHash: input.catalog ? catalogHash(input.catalog) : '' }),
  ];
  if (input.catalog) sheets.push(buildCatalogSheet(input.catalog));
  return sheets;
}

/** The hidden sheet carrying the catalog (catalog/embed.ts). */
export function buildCatalogSheet(catalog: Catalog): SheetModel {
  const sheet = emptySheet(CATALOG_SHEET);
  sheet.rows = embeddedCatalogRows(catalog);
  sheet.columnWidths = [8, 60];
  sheet.styles.push({ range: `B1:B${sheet.rows.length}`, style: { numberFormat: '@' } });
  sheet.protectedRanges.push(`A1:B${sheet.rows.length}`);
  sheet.hidden = true;
  return sheet;
}

/** Rows grouped under their area, areas in the given order; areas missing from the list go last. */
function sectionsOf<T extends { area: AreaCode }>(
  areas: TemplateInput['areas'],
  rows: T[],
  items: (row: T, indexInSection: number) => AnnexItem[],
): AnnexSection[] {
  const order = [...areas];
  for (const r of rows) {
    if (!order.some((a) => a.code === r.area)) order.push({ code: r.area, name: `Lĩnh vực ${r.area}` });
  }
  return order.map((area) => ({
    area: area.code,
    name: area.name,
    items: rows.filter((r) => r.area === area.code).flatMap((r, i) => items(r, i)),
  }));
}

const num = (v: number | null | undefined): number | '' => (typeof v === 'number' && Number.isFinite(v) ? v : '');
const day = (v: IsoDate | null | undefined): Date | '' => (v ? (calendarDate(v) ?? '') : '');

/** Ratio result as the formula computes it: numerator / denominator when both are numbers and the denominator is positive. */
export function ratioValue(numerator: CellValue, denominator: CellValue): number | '' {
  return typeof numerator === 'number' && typeof denominator === 'number' && denominator > 0 ? numerator / denominator : '';
}

/** Headings worth printing, by the code of the indicator they go above. */
function headingsAbove(input: TemplateInput): Map<string, CatalogHeading[]> {
  const out = new Map<string, CatalogHeading[]>();
  for (const h of input.headings ?? []) {
    const inArea = input.indicators.filter((i) => i.area === h.area);
    const under = inArea.filter((i) => h.codes.includes(i.code));
    if (under.length === 0 || under.length === inArea.length) continue;
    const first = under[0].code;
    out.set(first, [...(out.get(first) ?? []), h]);
  }
  return out;
}

function headingItem(h: CatalogHeading): AnnexItem {
  return {
    values: { stt: h.stt, name: h.name },
    decorate(at, sheet) {
      const range = `${a1(at.row, 0)}:${a1(at.row, INDICATOR_SHEET.columns.length - 1)}`;
      sheet.styles.push({ range, style: { bold: true } });
      sheet.protectedRanges.push(range);
    },
  };
}

/** The change target a row's result is judged on ("giảm 10% so với năm 2024"), in words; null if none. */
function changeTarget(targets: readonly Target[], name: string, kind: IndicatorKind, year: number | null): string | null {
  const applies = applicableTargets(targets, name, kind, year);
  const t = targets.find((x, i) => applies[i] && x.kind === 'numeric' && x.relative);
  if (!t || t.kind !== 'numeric') return null;
  const text = formatTarget({ ...t, measure: undefined, subject: '' });
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A catalog row's texts as the unit's own annex prints them ("UBND phường" in a phường's). */
function inUnitWords<T extends object>(row: T, keys: readonly (keyof T)[], kind: UnitKind | null | undefined): T {
  if (!kind || kind === 'xa') return row;
  const out = { ...row };
  for (const k of keys) if (typeof out[k] === 'string') (out[k] as unknown as string) = namesUnitKind(out[k] as unknown as string, kind);
  return out;
}

const INDICATOR_TEXTS = ['name', 'target', 'monitor', 'executor'] as const;
const TASK_TEXTS = ['name', 'product', 'lead', 'partners', 'deadline', 'note'] as const;

function indicatorItem(catalogRow: CatalogIndicator, r: ReportedIndicator, kind: UnitKind | null | undefined, year: number | null): AnnexItem {
  const ind = inUnitWords(catalogRow, INDICATOR_TEXTS, kind);
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
      const target = parseTarget(ind.target);
      const below = target.ok ? belowTargetCondition(ind.kind, target.value, at.fixedCol('result'), ind.name, year) : null;
      if (below) sheet.conditionalFormats.push({ range: at.ref('result'), formula: below, style: { ...BELOW_TARGET_STYLE } });
      // A change against a baseline is judged on the change the unit reports: say so where it is typed.
      const change = !ratio && target.ok ? changeTarget(target.value.targets, ind.name, ind.kind, year) : null;
      if (change) {
        sheet.validations.push({
          range: at.ref('result'), kind: 'decimal', strict: false, title: 'Mức thay đổi đã đạt',
          prompt: `Chỉ tiêu là ${change}: ghi mức đã ${change.startsWith('giảm') ? 'giảm' : 'tăng'} được, ví dụ 12% hoặc 2 (ngày).`,
          error: 'Ghi mức thay đổi đã đạt bằng số, ví dụ 12% hoặc 2.',
        });
      }
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
}

export function buildIndicatorSheet(input: TemplateInput): SheetModel {
  const spec = INDICATOR_SHEET;
  const reported = input.report?.indicators ?? {};
  const above = headingsAbove(input);
  const sections = sectionsOf(input.areas, input.indicators, (ind) => [
    ...(above.get(ind.code) ?? []).map(headingItem),
    indicatorItem(ind, reported[ind.code] ?? {}, input.info.unitKind, planYear(input.info)),
  ]);
  return buildAnnexSheet(spec, annexHeading(spec, input.info), sections);
}

export function buildTaskSheet(input: TemplateInput): SheetModel {
  const spec = TASK_SHEET;
  const reported = input.report?.tasks ?? {};
  const year = planYear(input.info);
  const last = spec.columns.length - 1;
  const sections = sectionsOf(input.areas, input.tasks, (catalogTask, i): AnnexItem[] => {
    const task = inUnitWords(catalogTask, TASK_TEXTS, input.info.unitKind);
    const r = reported[task.code] ?? {};
    const deadline = year === null ? null : parseDeadline(task.deadline, year);
    const due = deadline?.ok ? overdueAfter(deadline.value) : null;
    return [{
      values: {
        code: task.code,
        tt: task.tt || i + 1,
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
      decorate(at, sheet) {
        const overdue = due ? overdueCondition(due, at.fixedCol('status'), at.fixedCol('completedOn')) : null;
        if (!overdue) return;
        const first = spec.columns.findIndex((c) => !c.hidden);
        sheet.conditionalFormats.push({ range: `${a1(at.row, first)}:${a1(at.row, last)}`, formula: overdue, style: { ...OVERDUE_STYLE } });
      },
    }];
  });
  return buildAnnexSheet(spec, annexHeading(spec, input.info), sections);
}
