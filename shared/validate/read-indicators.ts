/**
 * Phụ lục 1 rows → IndicatorRow. Section rows (Roman numeral, an "LV." code, or an area name alone)
 * set the area; group headings ("3" over "3.1", "3.2") are skipped; every other row is an indicator,
 * coded by the hidden code column first, the catalog's name match second.
 */
import type { Grid } from '../cell';
import type { CatalogIndicator, IndicatorRow } from '../model';
import { INDICATOR_SHEET } from '../spec/annex';
import { wordKey, type HeaderMatch } from './find-sheet';
import type { IssueSink } from './issues';
import { dataRows, reportKeys, RowReader } from './read-table';
import { planYearOf } from './read-tasks';
import { checkCarriedRow } from './carried-check';
import { checkEvaluation, inferKind, ratioResult, readTargetCell, typedResult } from './rules';
import { areaFromName, catalogByCode, CodeRegistry, findCatalogMatch, sectionOf, type TableContext } from './sections';

/** Report cells that make a row more than a heading: the spec's report columns, notes aside. */
const REPORT_KEYS = reportKeys(INDICATOR_SHEET, false);

function sttKey(stt: string): string {
  return stt.replace(/\.$/, '');
}

export function readIndicators(grid: Grid, header: HeaderMatch, sink: IssueSink, ctx: TableContext): IndicatorRow[] {
  const spec = INDICATOR_SHEET;
  const byCode = ctx.catalog ? catalogByCode(ctx.catalog.indicators) : new Map<string, CatalogIndicator>();
  const readers = dataRows(grid, header).map((row) => new RowReader(sink, spec, header, row, grid));
  const headings = new Set((ctx.catalog?.headings ?? []).map((h) => wordKey(h.name)));
  const codes = new CodeRegistry();
  const out: IndicatorRow[] = [];
  let area = null as IndicatorRow['area'];
  // The area of the section a row stands in, for the carried catalog's check: none after a section naming none.
  let sectionArea = null as IndicatorRow['area'];

  for (let i = 0; i < readers.length; i++) {
    const r = readers[i];
    const code = r.text('code');
    const stt = r.text('stt');
    const name = r.text('name');
    r.checkCells();

    const section = sectionOf(code, stt, name, ctx.catalog, () => r.blank('target') && REPORT_KEYS.every((k) => r.blank(k)));
    if (section) {
      area = section.area ?? area;
      sectionArea = section.area;
      continue;
    }
    const known = code ? byCode.get(code) : undefined;
    const merged = known ? null : r.mergedText();
    if (merged !== null) {
      // A title merged across the table: a section when it names an area, else a group heading.
      area = areaFromName(merged) ?? area;
      sectionArea = areaFromName(merged) ?? sectionArea;
      continue;
    }
    const reportEmpty = REPORT_KEYS.every((k) => r.blank(k));
    if (!known && r.blank('target') && reportEmpty && isGroupHeading(stt, name, readers[i + 1], headings)) continue;
    // A row with no identity and nothing measurable: a stray note or a signature line.
    if (!code && !stt && !name && r.blank('target') && reportEmpty) continue;

    const rowCode = codes.check(r, code, code ? null : findCatalogMatch(ctx.catalog, 'indicator', name), name);
    const entry = known ?? (rowCode ? byCode.get(rowCode) : undefined);

    r.requiredCells();
    const target = readTargetCell(r);
    const kind = entry?.kind ?? inferKind(r, target);
    const n = r.count('numerator');
    const d = r.count('denominator');
    let result: number | string | null;
    if (kind === 'ratio') result = ratioResult(r, n, d);
    else result = typedResult(r, kind);
    if (ctx.carried) {
      const partsTyped = typeof n === 'object' ? 'numerator' : typeof d === 'object' ? 'denominator' : null;
      checkCarriedRow(r, ctx.carried, { table: 'indicator', code, name, sectionArea, partsTyped });
    }
    const evaluation = checkEvaluation(r, target, result, kind, name, planYearOf(ctx));

    out.push({
      code: rowCode,
      area: entry?.area ?? area,
      stt,
      name,
      kind,
      targetText: r.text('target'),
      target,
      numerator: typeof n === 'object' ? n.value : null,
      denominator: typeof d === 'object' ? d.value : null,
      result,
      evaluation,
      note: r.text('note'),
      row: r.row,
    });
  }
  return out;
}

/**
 * A group heading, not an indicator: "3" directly above "3.1"; a row above unnumbered "- …" sub-rows
 * or ending with ":"; a heading the catalog lists.
 */
function isGroupHeading(stt: string, name: string, next: RowReader | undefined, headings: ReadonlySet<string>): boolean {
  if (headings.has(wordKey(name))) return true;
  if (!next) return false;
  const nextStt = sttKey(next.text('stt'));
  if (stt && nextStt.startsWith(sttKey(stt) + '.')) return true;
  if (nextStt !== '') return false;
  return /:$/.test(name) || /^[-+•–]/.test(next.text('name'));
}
