/**
 * What the .xlsx writer makes of a SheetModel's print setup, hidden state and charts, read from the
 * package's own XML: element order as the OOXML schemas require it (Excel refuses a part whose
 * children are out of order), references between parts, and the chart series with their cached
 * values. LibreOffice opens, re-saves and prints the same in test/libreoffice/charts-print.lo.test.ts.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { emptySheet, PAGE_NUMBER_FOOTER, type ChartSpec, type SheetModel } from '../../shared/layout/sheet-model';
import { MAX_ROW_BREAKS, printXml, writeXlsxFast } from '../../io/xlsx/fast-write';
import { absoluteRef, chartData, sheetPrefix } from '../../io/xlsx/charts';
import { readXlsxValues } from '../../io/xlsx/read-values';
import { sniffSpreadsheet } from '../../io/xlsx/sniff';

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
}

const decode = (s: string): string =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+);/g, (_m, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCharCode(Number(e.slice(1))));

/** A small strict reader for the XML we write (no comments, CDATA or DTDs): throws on any mismatched tag. */
function parseXml(xml: string): Element {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: Element = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < body.length) {
    tag.lastIndex = at;
    m = tag.exec(body);
    if (!m) throw new Error(`not well-formed at ${at}: ${body.slice(at, at + 40)}`);
    at = tag.lastIndex;
    const top = stack[stack.length - 1];
    if (m[5] !== undefined) {
      top.text += decode(m[5]);
      continue;
    }
    if (m[1]) {
      if (top.name !== m[2]) throw new Error(`</${m[2]}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3].matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs[a[1]] = decode(a[2]);
    const el: Element = { name: m[2], attrs, children: [], text: '' };
    top.children.push(el);
    if (!m[4]) stack.push(el);
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('unclosed elements');
  return root.children[0];
}

const child = (el: Element, name: string): Element => {
  const found = el.children.find((c) => c.name === name);
  if (!found) throw new Error(`no <${name}> in <${el.name}>`);
  return found;
};
const all = (el: Element, name: string): Element[] => {
  const out: Element[] = [];
  const walk = (e: Element) => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
};

/** True when the element's children appear in the schema's sequence (each name at or after the previous). */
function inSchemaOrder(el: Element, sequence: string[]): { order: string[]; unknown: string[]; ok: boolean } {
  const order = el.children.map((c) => c.name);
  const unknown = order.filter((n) => !sequence.includes(n));
  let ok = unknown.length === 0;
  for (let i = 1; i < order.length; i++) if (sequence.indexOf(order[i]) < sequence.indexOf(order[i - 1])) ok = false;
  return { order, unknown, ok };
}

// Child sequences from the ECMA-376 schemas (sml.xsd CT_Worksheet; dml-chart.xsd CT_ChartSpace, CT_Chart,
// CT_PlotArea, CT_BarChart, CT_BarSer, CT_CatAx, CT_ValAx; dml-spreadsheetDrawing.xsd CT_TwoCellAnchor).
const CT_WORKSHEET = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr',
  'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks',
  'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF',
  'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
const CT_CHART_SPACE = ['c:date1904', 'c:lang', 'c:roundedCorners', 'c:style', 'c:clrMapOvr', 'c:pivotSource', 'c:protection', 'c:chart',
  'c:spPr', 'c:txPr', 'c:externalData', 'c:printSettings', 'c:userShapes', 'c:extLst'];
const CT_CHART = ['c:title', 'c:autoTitleDeleted', 'c:pivotFmts', 'c:view3D', 'c:floor', 'c:sideWall', 'c:backWall', 'c:plotArea', 'c:legend',
  'c:plotVisOnly', 'c:dispBlanksAs', 'c:showDLblsOverMax', 'c:extLst'];
const CT_PLOT_AREA = ['c:layout', 'c:barChart', 'c:catAx', 'c:valAx', 'c:spPr', 'c:extLst'];
const CT_BAR_CHART = ['c:barDir', 'c:grouping', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:gapWidth', 'c:overlap', 'c:serLines', 'c:axId', 'c:extLst'];
const CT_BAR_SER = ['c:idx', 'c:order', 'c:tx', 'c:spPr', 'c:invertIfNegative', 'c:pictureOptions', 'c:dPt', 'c:dLbls', 'c:trendline',
  'c:errBars', 'c:cat', 'c:val', 'c:shape', 'c:extLst'];
const CT_AX_HEAD = ['c:axId', 'c:scaling', 'c:delete', 'c:axPos', 'c:majorGridlines', 'c:minorGridlines', 'c:title', 'c:numFmt',
  'c:majorTickMark', 'c:minorTickMark', 'c:tickLblPos', 'c:spPr', 'c:txPr', 'c:crossAx', 'c:crosses', 'c:crossesAt'];
const CT_CAT_AX = [...CT_AX_HEAD, 'c:auto', 'c:lblAlgn', 'c:lblOffset', 'c:tickLblSkip', 'c:tickMarkSkip', 'c:noMultiLvlLbl', 'c:extLst'];
const CT_VAL_AX = [...CT_AX_HEAD, 'c:crossBetween', 'c:majorUnit', 'c:minorUnit', 'c:dispUnits', 'c:extLst'];
const CT_TWO_CELL_ANCHOR = ['xdr:from', 'xdr:to', 'xdr:sp', 'xdr:grpSp', 'xdr:graphicFrame', 'xdr:cxnSp', 'xdr:pic', 'xdr:contentPart', 'xdr:clientData'];

/** Excel refuses an apostrophe as a sheet name's first or last character, not inside it. */
const CHART_SHEET = "Biểu đồ 'chỉ tiêu' 2025";

/** A results table (units × result, target), a band table (indicators × three counts), and one chart of each type. */
function chartWorkbook(): SheetModel[] {
  const cover = emptySheet('Ẩn dữ liệu');
  cover.hidden = true;
  cover.rows = [['_meta', 1]];
  const s = emptySheet(CHART_SHEET);
  s.rows = [
    ['Kết quả từng đơn vị'],
    ['Đơn vị', 'Kết quả', 'Chỉ tiêu'],
    ['Xã Xuân Lâm', 0.45, 0.8],
    ['Phường Bắc Sơn', 'chưa có số liệu hợp lệ', 0.8],
    ['Xã Tân Hòa & Mỹ', 0.9, 0.8],
    [],
    ['Chỉ tiêu', 'Đạt', 'Chưa đạt', 'Chưa có số liệu hợp lệ'],
    ['1. Tỷ lệ hồ sơ trực tuyến', 5, 4, 2],
    ['2. Tỷ lệ số hóa', 6, 3, 2],
  ];
  s.print = {
    paper: 'A4', orientation: 'landscape', fitToWidth: true, pageNumbers: true, rowBreaks: [6],
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.7, header: 0.2, footer: 0.35 },
  };
  s.merges = ['A1:C1'];
  s.conditionalFormats = [{ range: 'B3:B5', formula: 'B3<C3', style: { fill: '#FFC7CE' } }];
  s.validations = [{ range: 'B3:B5', kind: 'decimal', min: 0, max: 1 }];
  s.charts = [
    { sheet: CHART_SHEET, range: 'A2:C5', title: 'Kết quả <so với> chỉ tiêu', anchor: 'F2', seriesBy: 'Columns', type: 'columnClustered', valueFormat: '0%', seriesColors: ['#2e75b6', '#C00000'] },
    { sheet: CHART_SHEET, range: 'A2:C5', title: 'Kết quả từng đơn vị', anchor: 'F20', seriesBy: 'Columns', type: 'barClustered', size: { columns: 10, rows: 20 } },
    { sheet: CHART_SHEET, range: 'A7:D9', title: 'Số đơn vị theo mức', anchor: 'A12', seriesBy: 'Columns', type: 'barStacked', valueFormat: '0' },
  ];
  const other = emptySheet('Tổng hợp');
  other.rows = [['x']];
  // A chart on one sheet drawn from another sheet's cells.
  other.charts = [{ sheet: CHART_SHEET, range: 'A7:B9', title: 'Đạt', anchor: 'B2', seriesBy: 'Columns' }];
  return [cover, s, other];
}

describe('print setup', () => {
  const sheets = chartWorkbook();
  const xml = parts(writeXlsxFast(sheets));
  const sheet = parseXml(xml['xl/worksheets/sheet2.xml']);

  test('the worksheet keeps the order CT_Worksheet requires, print elements and drawing included', () => {
    const order = inSchemaOrder(sheet, CT_WORKSHEET);
    expect(order.order).toEqual(['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'mergeCells',
      'conditionalFormatting', 'dataValidations', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'drawing']);
    expect(order.ok).toBe(true);
  });

  test('margins, A4 landscape fitted to the width, the page-number footer', () => {
    expect(child(sheet, 'pageMargins').attrs).toEqual({ left: '0.4', right: '0.4', top: '0.5', bottom: '0.7', header: '0.2', footer: '0.35' });
    expect(child(sheet, 'pageSetup').attrs).toEqual({ paperSize: '9', orientation: 'landscape', fitToWidth: '1', fitToHeight: '0' });
    expect(child(child(sheet, 'sheetPr'), 'pageSetUpPr').attrs).toEqual({ fitToPage: '1' });
    const footer = child(child(sheet, 'headerFooter'), 'oddFooter');
    expect(footer.text).toBe('&C&"Times New Roman,Regular"&10Trang &P/&N');
    expect(footer.text).toBe(PAGE_NUMBER_FOOTER);
    expect(xml['xl/worksheets/sheet2.xml']).toContain('<oddFooter>&amp;C&amp;&quot;Times New Roman,Regular&quot;&amp;10Trang &amp;P/&amp;N</oddFooter>');
  });

  test('exceljs reads the same margins and footer', async () => {
    const wb = new ExcelJS.Workbook();
    const bytes = writeXlsxFast(sheets);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet(CHART_SHEET)!;
    expect(ws.pageSetup.margins).toEqual({ left: 0.4, right: 0.4, top: 0.5, bottom: 0.7, header: 0.2, footer: 0.35 });
    expect(ws.headerFooter.oddFooter).toBe(PAGE_NUMBER_FOOTER);
  });

  test('a break before 0-based row r is <brk id="r">: sorted, once each, none before the first row', () => {
    const out = printXml({ paper: 'A4', orientation: 'portrait', fitToWidth: false, rowBreaks: [40, 20, 20, 0] }, 'S');
    expect(out).toContain('<rowBreaks count="2" manualBreakCount="2"><brk id="20" max="16383" man="1"/><brk id="40" max="16383" man="1"/></rowBreaks>');
    expect(out).not.toContain('headerFooter');
    expect(out).not.toContain('fitToWidth');
    const rowBreaks = child(sheet, 'rowBreaks');
    expect(rowBreaks.children.map((b) => b.attrs)).toEqual([{ id: '6', max: '16383', man: '1' }]);
  });

  test('no print setup: Excel\'s default margins and nothing else; a print setup without margins: ours', () => {
    expect(printXml(undefined, 'S')).toBe('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
    expect(printXml({ paper: 'A4', orientation: 'portrait', fitToWidth: false }, 'S'))
      .toBe('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="portrait"/>');
  });

  test('breaks that are not rows, more breaks than Excel keeps, and impossible margins are refused', () => {
    const base = { paper: 'A4' as const, orientation: 'portrait' as const, fitToWidth: false };
    expect(() => printXml({ ...base, rowBreaks: [2.5] }, 'Tổng hợp')).toThrow(/row 2.5 of sheet Tổng hợp/);
    expect(() => printXml({ ...base, rowBreaks: [-1] }, 'S')).toThrow(/row -1/);
    expect(() => printXml({ ...base, rowBreaks: [1_048_576] }, 'S')).toThrow(/row 1048576/);
    expect(() => printXml({ ...base, rowBreaks: Array.from({ length: MAX_ROW_BREAKS }, (_, i) => i + 1) }, 'S')).not.toThrow();
    expect(() => printXml({ ...base, rowBreaks: Array.from({ length: MAX_ROW_BREAKS + 1 }, (_, i) => i + 1) }, 'S')).toThrow(/1027 page breaks/);
    expect(() => printXml({ ...base, margins: { left: -1, right: 0, top: 0, bottom: 0, header: 0, footer: 0 } }, 'S')).toThrow(/margin left/);
  });
});

describe('hidden sheets', () => {
  const sheets = chartWorkbook();
  const bytes = writeXlsxFast(sheets);
  const xml = parts(bytes);

  test('are written state="hidden" and never open: the first visible sheet is the active, selected tab', () => {
    const workbook = parseXml(xml['xl/workbook.xml']);
    expect(all(workbook, 'sheet').map((s) => [s.attrs.name, s.attrs.state ?? 'visible'])).toEqual([
      ['Ẩn dữ liệu', 'hidden'], [CHART_SHEET, 'visible'], ['Tổng hợp', 'visible'],
    ]);
    expect(child(child(workbook, 'bookViews'), 'workbookView').attrs).toMatchObject({ firstSheet: '1', activeTab: '1' });
    const selected = [1, 2, 3].map((i) => child(child(parseXml(xml[`xl/worksheets/sheet${i}.xml`]), 'sheetViews'), 'sheetView').attrs.tabSelected ?? '0');
    expect(selected).toEqual(['0', '1', '0']);
    const read = readXlsxValues(bytes, { fileName: 'bieu-do.xlsx' });
    expect(read.ok && read.value.sheets.map((s) => [s.name, s.hidden])).toEqual([['Ẩn dữ liệu', true], [CHART_SHEET, false], ['Tổng hợp', false]]);
  });

  test('a workbook whose every sheet is hidden is refused', () => {
    const s = emptySheet('Ẩn');
    s.hidden = true;
    expect(() => writeXlsxFast([s])).toThrow(/every sheet is hidden/);
  });
});

describe('charts', () => {
  const sheets = chartWorkbook();
  const bytes = writeXlsxFast(sheets);
  const xml = parts(bytes);
  const chart = (n: number) => parseXml(xml[`xl/charts/chart${n}.xml`]);
  const q = `'Biểu đồ ''chỉ tiêu'' 2025'!`;

  test('sheet names are quoted in references, apostrophes doubled', () => {
    expect(sheetPrefix(CHART_SHEET)).toBe(q);
    expect(sheetPrefix('Biểu đồ chỉ tiêu')).toBe("'Biểu đồ chỉ tiêu'!");
    expect(absoluteRef('Biểu đồ chỉ tiêu', 1, 0, 8, 0)).toBe("'Biểu đồ chỉ tiêu'!$A$2:$A$9");
    expect(absoluteRef('S', 0, 27)).toBe("'S'!$AB$1");
  });

  test('each chart and drawing is a part with its content type, related from its sheet and its drawing', () => {
    expect(Object.keys(xml).filter((k) => /drawing|chart/.test(k)).sort()).toEqual([
      'xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml', 'xl/charts/chart4.xml',
      'xl/drawings/_rels/drawing1.xml.rels', 'xl/drawings/_rels/drawing2.xml.rels',
      'xl/drawings/drawing1.xml', 'xl/drawings/drawing2.xml',
    ]);
    const types = parseXml(xml['[Content_Types].xml']);
    const overrides = Object.fromEntries(all(types, 'Override').map((o) => [o.attrs.PartName, o.attrs.ContentType]));
    for (const n of [1, 2]) expect(overrides[`/xl/drawings/drawing${n}.xml`]).toBe('application/vnd.openxmlformats-officedocument.drawing+xml');
    for (const n of [1, 2, 3, 4]) expect(overrides[`/xl/charts/chart${n}.xml`]).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');

    // The hidden first sheet has no charts, hence no rels; sheet 2 → drawing1 → charts 1–3; sheet 3 → drawing2 → chart 4.
    expect(xml['xl/worksheets/_rels/sheet1.xml.rels']).toBeUndefined();
    const rel = (name: string) => all(parseXml(xml[name]), 'Relationship').map((r) => [r.attrs.Id, r.attrs.Type.replace(/.*\//, ''), r.attrs.Target]);
    expect(rel('xl/worksheets/_rels/sheet2.xml.rels')).toEqual([['rId1', 'drawing', '../drawings/drawing1.xml']]);
    expect(rel('xl/worksheets/_rels/sheet3.xml.rels')).toEqual([['rId1', 'drawing', '../drawings/drawing2.xml']]);
    expect(rel('xl/drawings/_rels/drawing1.xml.rels')).toEqual([
      ['rId1', 'chart', '../charts/chart1.xml'], ['rId2', 'chart', '../charts/chart2.xml'], ['rId3', 'chart', '../charts/chart3.xml'],
    ]);
    expect(rel('xl/drawings/_rels/drawing2.xml.rels')).toEqual([['rId1', 'chart', '../charts/chart4.xml']]);
    expect(child(parseXml(xml['xl/worksheets/sheet2.xml']), 'drawing').attrs).toEqual({ 'r:id': 'rId1' });
    expect(xml['xl/worksheets/sheet1.xml']).not.toContain('<drawing');
  });

  test('each chart is anchored at its cell and spans its size (8 × 16 cells unless given)', () => {
    const drawing = parseXml(xml['xl/drawings/drawing1.xml']);
    const anchors = all(drawing, 'xdr:twoCellAnchor');
    const corner = (a: Element, which: string) => {
      const c = child(a, which);
      return [Number(child(c, 'xdr:col').text), Number(child(c, 'xdr:row').text)];
    };
    expect(anchors.map((a) => [corner(a, 'xdr:from'), corner(a, 'xdr:to')])).toEqual([
      [[5, 1], [13, 17]], // F2, default size
      [[5, 19], [15, 39]], // F20, 10 × 20
      [[0, 11], [8, 27]], // A12
    ]);
    for (const a of anchors) expect(inSchemaOrder(a, CT_TWO_CELL_ANCHOR).ok).toBe(true);
    expect(all(drawing, 'c:chart').map((c) => c.attrs['r:id'])).toEqual(['rId1', 'rId2', 'rId3']);
    expect(all(drawing, 'xdr:cNvPr').map((c) => c.attrs.id)).toEqual(['2', '3', '4']);
  });

  test('every chart part keeps the order the chart schema requires', () => {
    for (const n of [1, 2, 3, 4]) {
      const space = chart(n);
      expect([n, space.name]).toEqual([n, 'c:chartSpace']);
      const c = child(space, 'c:chart');
      const plot = child(c, 'c:plotArea');
      const bar = child(plot, 'c:barChart');
      const checks = [
        inSchemaOrder(space, CT_CHART_SPACE), inSchemaOrder(c, CT_CHART), inSchemaOrder(plot, CT_PLOT_AREA), inSchemaOrder(bar, CT_BAR_CHART),
        ...all(bar, 'c:ser').map((s) => inSchemaOrder(s, CT_BAR_SER)),
        inSchemaOrder(child(plot, 'c:catAx'), CT_CAT_AX), inSchemaOrder(child(plot, 'c:valAx'), CT_VAL_AX),
      ];
      for (const check of checks) expect([n, check.order, check.ok]).toEqual([n, check.order, true]);
    }
  });

  test('type: columns, horizontal bars, stacked bars (overlap 100), each with both axes crossing each other', () => {
    const shape = (n: number) => {
      const plot = child(child(chart(n), 'c:chart'), 'c:plotArea');
      const bar = child(plot, 'c:barChart');
      const cat = child(plot, 'c:catAx');
      const val = child(plot, 'c:valAx');
      const v = (el: Element, name: string) => child(el, name).attrs.val;
      return {
        dir: v(bar, 'c:barDir'), grouping: v(bar, 'c:grouping'), overlap: bar.children.find((x) => x.name === 'c:overlap')?.attrs.val,
        axIds: all(bar, 'c:axId').map((a) => a.attrs.val),
        cat: [v(cat, 'c:axId'), v(cat, 'c:crossAx'), v(cat, 'c:axPos'), child(child(cat, 'c:scaling'), 'c:orientation').attrs.val],
        val: [v(val, 'c:axId'), v(val, 'c:crossAx'), v(val, 'c:axPos'), v(val, 'c:crosses')],
      };
    };
    const [C, V] = ['500000001', '500000002'];
    expect(shape(1)).toEqual({ dir: 'col', grouping: 'clustered', overlap: undefined, axIds: [C, V], cat: [C, V, 'b', 'minMax'], val: [V, C, 'l', 'autoZero'] });
    // Horizontal bars read top to bottom in table order: the category axis runs max→min, the value axis crosses at its end.
    expect(shape(2)).toEqual({ dir: 'bar', grouping: 'clustered', overlap: undefined, axIds: [C, V], cat: [C, V, 'l', 'maxMin'], val: [V, C, 'b', 'max'] });
    expect(shape(3)).toEqual({ dir: 'bar', grouping: 'stacked', overlap: '100', axIds: [C, V], cat: [C, V, 'l', 'maxMin'], val: [V, C, 'b', 'max'] });
    expect(shape(4).dir).toBe('col');
  });

  test('series: name, categories and values by reference, each with the cells\' values cached', () => {
    const series = (n: number) => all(chart(n), 'c:ser').map((s) => {
      const ref = (el: Element) => child(el.children[0], 'c:f').text;
      const cache = (el: Element) => {
        const c = el.children[0].children[1];
        return { count: Number(child(c, 'c:ptCount').attrs.val), pts: all(c, 'c:pt').map((p) => [Number(p.attrs.idx), child(p, 'c:v').text]) };
      };
      const tx = child(s, 'c:tx');
      const cat = child(s, 'c:cat');
      const val = child(s, 'c:val');
      return {
        name: [ref(tx), cache(tx).pts], cat: [ref(cat), cache(cat)], val: [ref(val), cache(val)],
        kinds: [tx, cat, val].map((x) => x.children[0].name),
      };
    });
    const units = { count: 3, pts: [[0, 'Xã Xuân Lâm'], [1, 'Phường Bắc Sơn'], [2, 'Xã Tân Hòa & Mỹ']] };
    expect(series(1)).toEqual([
      {
        name: [`${q}$B$2`, [[0, 'Kết quả']]], cat: [`${q}$A$3:$A$5`, units],
        // The unit without valid data is a gap, not 0.
        val: [`${q}$B$3:$B$5`, { count: 3, pts: [[0, '0.45'], [2, '0.9']] }], kinds: ['c:strRef', 'c:strRef', 'c:numRef'],
      },
      {
        name: [`${q}$C$2`, [[0, 'Chỉ tiêu']]], cat: [`${q}$A$3:$A$5`, units],
        val: [`${q}$C$3:$C$5`, { count: 3, pts: [[0, '0.8'], [1, '0.8'], [2, '0.8']] }], kinds: ['c:strRef', 'c:strRef', 'c:numRef'],
      },
    ]);
    const bands = series(3);
    expect(bands.map((s) => s.name)).toEqual([
      [`${q}$B$7`, [[0, 'Đạt']]], [`${q}$C$7`, [[0, 'Chưa đạt']]], [`${q}$D$7`, [[0, 'Chưa có số liệu hợp lệ']]],
    ]);
    expect(bands[2].val).toEqual([`${q}$D$8:$D$9`, { count: 2, pts: [[0, '2'], [1, '2']] }]);
    // A chart on "Tổng hợp" reads the chart sheet.
    expect(series(4).map((s) => [s.cat[0], s.val[0]])).toEqual([[`${q}$A$8:$A$9`, `${q}$B$8:$B$9`]]);
    expect(xml['xl/charts/chart1.xml']).toContain('<c:v>Xã Tân Hòa &amp; Mỹ</c:v>');
  });

  test('title, colours, value format, legend at the bottom, the sheet font', () => {
    const look = (n: number) => {
      const space = chart(n);
      const c = child(space, 'c:chart');
      const val = child(child(c, 'c:plotArea'), 'c:valAx');
      return {
        title: all(child(c, 'c:title'), 'a:t').map((t) => t.text).join(''),
        colors: all(child(c, 'c:plotArea'), 'c:ser').map((s) => all(child(s, 'c:spPr'), 'a:srgbClr')[0].attrs.val),
        format: child(val, 'c:numFmt').attrs,
        cache: all(space, 'c:formatCode').map((f) => f.text)[0],
        legend: child(child(c, 'c:legend'), 'c:legendPos').attrs.val,
        hiddenCellsDrawn: child(c, 'c:plotVisOnly').attrs.val === '0',
        font: all(child(space, 'c:txPr'), 'a:latin')[0].attrs.typeface,
      };
    };
    expect(look(1)).toEqual({
      title: 'Kết quả <so với> chỉ tiêu', colors: ['2E75B6', 'C00000'], format: { formatCode: '0%', sourceLinked: '0' },
      cache: '0%', legend: 'b', hiddenCellsDrawn: true, font: 'Times New Roman',
    });
    // No colours given: Office's palette; no format: the cells' own.
    expect(look(2)).toMatchObject({ colors: ['4472C4', 'ED7D31'], format: { formatCode: 'General', sourceLinked: '1' }, cache: 'General' });
    expect(look(3)).toMatchObject({ colors: ['4472C4', 'ED7D31', 'A5A5A5'], format: { formatCode: '0', sourceLinked: '0' } });
  });

  test('series by rows: the first column names the series, the first row holds the categories', () => {
    const s = emptySheet('Theo hàng');
    s.rows = [['', 'Quý 1', 'Quý 2'], ['Đạt', 3, 4], ['Chưa đạt', 2, 1]];
    const spec: ChartSpec = { sheet: 'Theo hàng', range: 'A1:C3', title: 't', anchor: 'E1', seriesBy: 'Rows' };
    expect(chartData(spec, s)).toEqual({
      categories: { ref: "'Theo hàng'!$B$1:$C$1", values: ['Quý 1', 'Quý 2'] },
      series: [
        { name: { ref: "'Theo hàng'!$A$2", values: ['Đạt'] }, values: { ref: "'Theo hàng'!$B$2:$C$2", values: [3, 4] } },
        { name: { ref: "'Theo hàng'!$A$3", values: ['Chưa đạt'] }, values: { ref: "'Theo hàng'!$B$3:$C$3", values: [2, 1] } },
      ],
    });
  });

  test('specs that cannot be drawn are refused with what is wrong', () => {
    const one = (spec: Partial<ChartSpec>, sheetName = 'S'): (() => Uint8Array) => () => {
      const s = emptySheet(sheetName);
      s.rows = [['a', 'b'], ['x', 1]];
      s.charts = [{ sheet: 'S', range: 'A1:B2', title: 't', anchor: 'D1', seriesBy: 'Columns', ...spec }];
      return writeXlsxFast([s]);
    };
    expect(one({})).not.toThrow();
    expect(one({ range: 'A1:A9' })).toThrow(/needs a header, a category and at least one value/);
    expect(one({ range: 'tất cả' })).toThrow(/not an A1 range/);
    expect(one({ anchor: 'nowhere' })).toThrow(/anchor is not a cell/);
    expect(one({ size: { columns: 0, rows: 4 } })).toThrow(/whole cells/);
    expect(one({ seriesColors: ['red'] })).toThrow(/#RRGGBB/);
    expect(one({ sheet: 'Khác' })).toThrow(/reads sheet Khác, which is not in the workbook/);
    // An empty sheet name means the chart's own sheet.
    expect(one({ sheet: '' }, 'Riêng')).not.toThrow();
  });

  test('exceljs and the product\'s reader still open the workbook with its values (a summary is read again to re-consolidate)', async () => {
    expect(sniffSpreadsheet(bytes, 'bieu-do.xlsx')).toEqual({ ok: true, value: 'xlsx' });
    const read = readXlsxValues(bytes, { fileName: 'bieu-do.xlsx' });
    if (!read.ok) throw new Error(read.reason);
    expect(read.value.sheets[1].grid[4]).toEqual(['Xã Tân Hòa & Mỹ', 0.9, 0.8, null]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.getWorksheet(CHART_SHEET)!.getCell('A8').value).toBe('1. Tỷ lệ hồ sơ trực tuyến');
  });
});
