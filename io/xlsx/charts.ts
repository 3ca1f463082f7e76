/**
 * DrawingML charts for the .xlsx writer (fast-write.ts): a sheet's ChartSpecs become one drawing part
 * (xl/drawings/drawingN.xml, a two-cell anchor per chart) and one chart part each
 * (xl/charts/chartN.xml, a c:barChart). Every series refers to the sheet's cells (c:tx, c:cat, c:val
 * with absolute, quoted references) and carries a cache of their values (c:strCache, c:numCache), so
 * a viewer that does not recalculate, or a phone's preview, still draws the data.
 *
 * Shape of a source range (seriesBy 'Columns', see ChartSpec): the first row holds the series names
 * from its second cell on, the first column the categories, each further column one series;
 * seriesBy 'Rows' is the same turned a quarter: the first column names the series.
 * Horizontal bars list the categories top to bottom in the order of the table (the category axis runs
 * max→min and the value axis crosses at its far end), as people read the table beside them.
 * Cells in hidden rows or columns are drawn too (plotVisOnly 0): a layout may keep a chart's data out
 * of sight, and with plotVisOnly 1 LibreOffice (as Excel) leaves such a series out.
 */
import { columnLetter, parseA1, type CellValue } from '../../shared/cell';
import { dateSerial, type ChartSpec, type SheetModel } from '../../shared/layout/sheet-model';
import { escapeAttr, escapeText } from './xml-write';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const DRAWING_REL_TYPE = `${NS_R}/drawing`;
export const CHART_REL_TYPE = `${NS_R}/chart`;

/** A chart's size when its spec gives none: 8 columns across, 16 rows down. */
export const DEFAULT_CHART_SIZE = { columns: 8, rows: 16 } as const;
/** Office's default series colours, used past the end of a spec's own. */
const DEFAULT_COLORS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];
/** Axis ids tie the bar chart to its two axes; any two distinct numbers, the same in every chart. */
const CAT_AX = 500000001;
const VAL_AX = 500000002;

/** A sheet name in a formula: always quoted, apostrophes doubled ('Xã ''A''' → `'Xã ''A'''!`). */
export function sheetPrefix(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!`;
}

/** 0-based bounds → `'Sheet'!$A$2:$A$9` (one cell: `'Sheet'!$B$1`). */
export function absoluteRef(sheetName: string, top: number, left: number, bottom = top, right = left): string {
  const first = `$${columnLetter(left)}$${top + 1}`;
  const last = `$${columnLetter(right)}$${bottom + 1}`;
  return sheetPrefix(sheetName) + (top === bottom && left === right ? first : `${first}:${last}`);
}

/** One cell list of a chart: its reference and the values cached beside it (null where empty). */
export interface CellList<T> {
  ref: string;
  values: (T | null)[];
}

export interface ChartSeries {
  name: CellList<string>;
  values: CellList<number>;
}

export interface ChartData {
  categories: CellList<string>;
  series: ChartSeries[];
}

/** A cell as a category label or series name: text as is, numbers in full, days as dd/mm/yyyy. */
function labelOf(v: CellValue | undefined): string | null {
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date && !Number.isNaN(v.getTime())) {
    const p = (n: number) => String(n).padStart(2, '0');
    return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
  }
  return null;
}

/** A cell as a plotted value: numbers, and days as their serial; anything else is a gap. */
function numberOf(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return dateSerial(v);
  return null;
}

/** "A5:C40" → inclusive 0-based bounds; throws on anything else (a bug in the model). */
function boundsOf(range: string): { top: number; left: number; bottom: number; right: number } {
  const [from, to = from] = range.split(':');
  const a = parseA1(from ?? '');
  const b = parseA1(to);
  if (!a || !b || range.split(':').length > 2) throw new Error(`chart range is not an A1 range: ${range}`);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/**
 * The categories and series a spec draws, read from the model of the sheet that holds its range.
 * Throws when the range has no room for a header and one value (fewer than 2 rows or 2 columns).
 */
export function chartData(spec: ChartSpec, data: SheetModel): ChartData {
  const b = boundsOf(spec.range);
  if (b.bottom === b.top || b.right === b.left) {
    throw new Error(`chart range ${spec.range} (sheet ${data.name}) needs a header, a category and at least one value`);
  }
  const at = (r: number, c: number): CellValue | undefined => data.rows[r]?.[c];
  const name = data.name;
  if (spec.seriesBy === 'Rows') {
    const cats: (string | null)[] = [];
    for (let c = b.left + 1; c <= b.right; c++) cats.push(labelOf(at(b.top, c)));
    const series: ChartSeries[] = [];
    for (let r = b.top + 1; r <= b.bottom; r++) {
      const values: (number | null)[] = [];
      for (let c = b.left + 1; c <= b.right; c++) values.push(numberOf(at(r, c)));
      series.push({
        name: { ref: absoluteRef(name, r, b.left), values: [labelOf(at(r, b.left))] },
        values: { ref: absoluteRef(name, r, b.left + 1, r, b.right), values },
      });
    }
    return { categories: { ref: absoluteRef(name, b.top, b.left + 1, b.top, b.right), values: cats }, series };
  }
  const cats: (string | null)[] = [];
  for (let r = b.top + 1; r <= b.bottom; r++) cats.push(labelOf(at(r, b.left)));
  const series: ChartSeries[] = [];
  for (let c = b.left + 1; c <= b.right; c++) {
    const values: (number | null)[] = [];
    for (let r = b.top + 1; r <= b.bottom; r++) values.push(numberOf(at(r, c)));
    series.push({
      name: { ref: absoluteRef(name, b.top, c), values: [labelOf(at(b.top, c))] },
      values: { ref: absoluteRef(name, b.top + 1, c, b.bottom, c), values },
    });
  }
  return { categories: { ref: absoluteRef(name, b.top + 1, b.left, b.bottom, b.left), values: cats }, series };
}

/** '#4472c4' → '4472C4'; throws on anything else (a bug in the model). */
function rgb(color: string): string {
  const m = /^#?([0-9A-Fa-f]{6})$/.exec(color);
  if (!m) throw new Error(`not a #RRGGBB colour: ${color}`);
  return m[1].toUpperCase();
}

function strCache(list: CellList<string>): string {
  let pts = '';
  list.values.forEach((v, i) => {
    if (v !== null) pts += `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`;
  });
  return `<c:strRef><c:f>${escapeText(list.ref)}</c:f><c:strCache><c:ptCount val="${list.values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numCache(list: CellList<number>, format: string): string {
  let pts = '';
  list.values.forEach((v, i) => {
    if (v !== null) pts += `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`;
  });
  return `<c:numRef><c:f>${escapeText(list.ref)}</c:f><c:numCache><c:formatCode>${escapeText(format)}</c:formatCode>`
    + `<c:ptCount val="${list.values.length}"/>${pts}</c:numCache></c:numRef>`;
}

/** Text properties: the sheet's font, at `size` hundredths of a point. */
function textProps(font: string, size: number, bold: boolean): string {
  const face = escapeAttr(font);
  return `<a:defRPr sz="${size}" b="${bold ? 1 : 0}"><a:latin typeface="${face}"/><a:ea typeface="${face}"/><a:cs typeface="${face}"/></a:defRPr>`;
}

/**
 * xl/charts/chartN.xml for one spec. Element order follows the chart schema (CT_ChartSpace,
 * CT_Chart, CT_BarChart, CT_BarSer, CT_CatAx, CT_ValAx), which Excel enforces.
 */
export function chartXml(spec: ChartSpec, data: ChartData, font: string): string {
  const type = spec.type ?? 'columnClustered';
  const horizontal = type !== 'columnClustered';
  const stacked = type === 'barStacked';
  const format = spec.valueFormat ?? 'General';
  const colors = spec.seriesColors ?? [];
  // Every series repeats the categories (the schema gives each c:ser its own c:cat): built once.
  const cat = `<c:cat>${strCache(data.categories)}</c:cat>`;
  const series = data.series.map((s, i) => {
    const color = i < colors.length ? rgb(colors[i]) : DEFAULT_COLORS[i % DEFAULT_COLORS.length];
    return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>`
      + `<c:tx>${strCache(s.name)}</c:tx>`
      + `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>`
      + '<c:invertIfNegative val="0"/>'
      + cat
      + `<c:val>${numCache(s.values, format)}</c:val>`
      + '</c:ser>';
  }).join('');
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${textProps(font, 1200, true)}</a:pPr>`
    + `<a:r><a:rPr lang="vi-VN" sz="1200" b="1"/><a:t>${escapeText(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>`
    + '<c:overlay val="0"/></c:title>';
  const catAx = '<c:catAx>'
    + `<c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>`
    + `<c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/>`
    + '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
    + `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/>`
    + '</c:catAx>';
  const valAx = '<c:valAx>'
    + `<c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>`
    + `<c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/>`
    + `<c:numFmt formatCode="${escapeAttr(format)}" sourceLinked="${spec.valueFormat ? 0 : 1}"/>`
    + '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
    // A reversed category axis would carry the value axis to the top: crossing at its far end keeps it below.
    + `<c:crossAx val="${CAT_AX}"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/>`
    + '</c:valAx>';
  return `${XML_HEAD}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">`
    + '<c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/>'
    + '<c:chart>'
    + title
    + '<c:autoTitleDeleted val="0"/>'
    + '<c:plotArea><c:layout/>'
    + `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>`
    + series
    + `<c:gapWidth val="${stacked ? 50 : 80}"/>${stacked ? '<c:overlap val="100"/>' : ''}`
    + `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>`
    + catAx + valAx
    + '</c:plotArea>'
    + '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>'
    + '<c:plotVisOnly val="0"/><c:dispBlanksAs val="gap"/>'
    + '</c:chart>'
    + `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${textProps(font, 1000, false)}</a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`
    + '</c:chartSpace>';
}

/** Where a chart sits: from its anchor cell across `size` cells (0-based, as xdr:from/xdr:to count). */
export function chartPlacement(spec: ChartSpec): { col: number; row: number; toCol: number; toRow: number } {
  const at = parseA1(spec.anchor);
  if (!at) throw new Error(`chart anchor is not a cell: ${spec.anchor}`);
  const size = spec.size ?? DEFAULT_CHART_SIZE;
  if (!(Number.isInteger(size.columns) && size.columns > 0 && Number.isInteger(size.rows) && size.rows > 0)) {
    throw new Error(`chart size must be whole cells: ${size.columns} × ${size.rows}`);
  }
  return { col: at.col, row: at.row, toCol: at.col + size.columns, toRow: at.row + size.rows };
}

/** xl/drawings/drawingN.xml: one two-cell anchor per chart, chart i related as rId(i + 1). */
export function drawingXml(specs: ChartSpec[]): string {
  const anchors = specs.map((spec, i) => {
    const p = chartPlacement(spec);
    return '<xdr:twoCellAnchor editAs="oneCell">'
      + `<xdr:from><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`
      + `<xdr:to><xdr:col>${p.toCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>`
      + '<xdr:graphicFrame macro="">'
      + `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Biểu đồ ${i + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`
      + '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
      + `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>`
      + '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';
  });
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join('')}</xdr:wsDr>`;
}

/** xl/drawings/_rels/drawingN.xml.rels: rId(i + 1) → ../charts/chart(chartNumbers[i]).xml. */
export function drawingRels(chartNumbers: number[]): string {
  const rels = chartNumbers.map((n, i) => `<Relationship Id="rId${i + 1}" Type="${CHART_REL_TYPE}" Target="../charts/chart${n}.xml"/>`);
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels.join('')}</Relationships>`;
}

/** xl/worksheets/_rels/sheetN.xml.rels: the sheet's drawing as rId1. */
export function sheetDrawingRels(drawingNumber: number): string {
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">`
    + `<Relationship Id="rId1" Type="${DRAWING_REL_TYPE}" Target="../drawings/drawing${drawingNumber}.xml"/></Relationships>`;
}
