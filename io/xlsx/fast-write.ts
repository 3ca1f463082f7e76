/**
 * Writes host-neutral SheetModels to an .xlsx package directly: each XML part is generated as text,
 * gathered in chunks that are joined about once per megabyte, and deflated into the ZIP with fflate's
 * synchronous streaming classes (Zip + ZipDeflate). Synchronous, no Node built-ins, no DOM, so it
 * runs in Node, in the browser and in the Excel pane alike.
 *
 * It writes what the exceljs-based writer wrote, feature for feature (write.ts now delegates here):
 * every string in `rows` is text (even "=1+1"), only `formulas` are formulas, with their stored result
 * (text results as t="str", an empty text result included); Dates are calendar days at UTC midnight,
 * written as date serials and shown dd/mm/yyyy unless a style gives another number format; styles
 * apply in order and a later range overrides only the properties it sets; the sheet font is the base
 * of every cell and the style of every column, so what users type later has it too; cells under a
 * merge take the style of the merge's first cell and lose their values; `protectedRanges` are
 * advisory and not written. Text is escaped, characters XML 1.0 cannot carry are dropped, and a literal
 * `_x0041_` stays that text (xml-write.ts). Styles are one table for the workbook (style-table.ts).
 * Print setup: margins, A4, orientation, fit to width, the page-number footer and manual row breaks
 * (printXml). Hidden sheets are state="hidden" and never the tab that opens. A sheet's charts become a
 * drawing and DrawingML chart parts whose series refer to its cells and cache their values (charts.ts).
 *
 * Why not exceljs: it builds a cell object per cell; a 1,000-commune summary (about 4 million cells,
 * most of them empty padding) took 50 s and 2.9 GB there. Here a cell costs an entry in a typed style
 * grid and a few string concatenations, and no part is ever held whole: deflating dominates the time.
 * Deflate level 5: on that summary fflate's level 6 took twice as long for a file 3% smaller. A host
 * may deflate instead (HostDeflate: the command line uses Node's zlib, several times faster).
 */
import { strToU8, Zip, ZipDeflate, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import { columnLetter, parseRangeBox, type CellValue } from '../../shared/cell';
import {
  dateSerial, PAGE_NUMBER_FOOTER, type DataValidationRule, type FormulaCell, type PrintSetup, type SheetModel,
} from '../../shared/layout/sheet-model';
import {
  CHART_CONTENT_TYPE, chartData, chartXml, DRAWING_CONTENT_TYPE, drawingRels, drawingXml, sheetDrawingRels, sheetPrefix,
} from './charts';
import { StyleTable } from './style-table';
import { escapeAttr, escapeCellText, escapeText } from './xml-write';

export interface WriteOptions {
  /** Document author shown in the file's properties. */
  creator?: string;
  /** The host's deflater (Node: zlib, several times faster than fflate); default fflate. */
  deflate?: HostDeflate;
}

/**
 * A host's raw deflate, used one chunk at a time: `deflate(chunk, false)` must end with a sync flush
 * (a non-final, byte-aligned block, as zlib's Z_SYNC_FLUSH writes) so that the pieces of one part
 * concatenate into one deflate stream; `deflate(chunk, true)` ends the stream. `crc32` continues a
 * CRC-32 from `previous` (0 to start), as zlib's crc32 does.
 */
export interface HostDeflate {
  deflate(chunk: Uint8Array, final: boolean): Uint8Array<ArrayBuffer>;
  crc32(chunk: Uint8Array, previous: number): number;
}

const DATE_FORMAT = 'dd/mm/yyyy';
/** A4 in the OOXML paperSize enumeration. */
const PAPER_A4 = 9;
/** A style grid larger than this is a bug in the model (Excel's whole sheet is 17 billion cells). */
const MAX_GRID_CELLS = 50_000_000;
const MS_PER_DAY = 86_400_000;
/** Excel keeps at most 1,026 horizontal page breaks per sheet (HPageBreaks, Excel VBA reference). */
export const MAX_ROW_BREAKS = 1026;
/** Excel's last row, 0-based: a break id past it means nothing. */
const LAST_ROW = 1_048_575;
/** Margins in inches: Excel's defaults for a new sheet, and ours for a sheet that prints. */
const EXCEL_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
const PRINT_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
const SERIAL_OF_1970 = 25_569;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** "B9:K40" or "B9" → inclusive 0-based bounds; throws on anything else (a bug in the model). */
export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const box = /^[^:]*\d(:[^:]*\d)?$/.test(range.trim()) ? parseRangeBox(range) : null;
  if (!box) throw new Error(`not an A1 range: ${range}`);
  return { top: box.row, left: box.col, bottom: box.row + box.rows - 1, right: box.col + box.cols - 1 };
}

/** A native data validation as written: the exceljs model shape, so write.ts can still hand it out. */
export interface ValidationModel {
  type: 'list' | 'decimal' | 'whole' | 'date';
  operator?: 'between' | 'greaterThanOrEqual' | 'lessThanOrEqual';
  /** List: the quoted list; numbers; dates as Dates at UTC midnight. */
  formulae: (string | number | Date)[];
  allowBlank: boolean;
  showInputMessage: boolean;
  promptTitle?: string;
  prompt?: string;
  showErrorMessage: boolean;
  errorStyle: 'stop' | 'warning';
  errorTitle?: string;
  error?: string;
}

/** Excel caps the prompt/error title at 32 characters and the texts at 255. */
const clip = (text: string | undefined, max: number): string | undefined =>
  text === undefined ? undefined : text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/**
 * A validation rule → what the file holds. Throws when a list cannot be a native list (a value with
 * a comma, or more than 255 characters in all): the model must then use another rule.
 */
export function validationModel(v: DataValidationRule): ValidationModel {
  const strict = v.strict !== false;
  const messages = {
    allowBlank: true,
    showInputMessage: v.prompt !== undefined,
    promptTitle: clip(v.title, 32),
    prompt: clip(v.prompt, 255),
    showErrorMessage: true,
    errorStyle: strict ? 'stop' as const : 'warning' as const,
    errorTitle: clip(v.title, 32),
    error: clip(v.error, 255),
  };
  switch (v.kind) {
    case 'list': {
      const list = v.values.map((x) => x.replace(/"/g, '""')).join(',');
      if (v.values.some((x) => x.includes(','))) throw new Error(`list values cannot contain commas: ${v.values.join(' | ')}`);
      if (list.length > 255) throw new Error(`list too long for a native validation (${list.length} > 255 characters)`);
      return { type: 'list', formulae: [`"${list}"`], ...messages };
    }
    case 'decimal':
    case 'whole':
    case 'date': {
      const bound = (x: number | string | undefined): number | Date | undefined => {
        if (x === undefined) return undefined;
        if (v.kind !== 'date') return x as number;
        const d = new Date(`${x}T00:00:00Z`);
        if (Number.isNaN(d.getTime())) throw new Error(`not a yyyy-mm-dd date: ${x}`);
        return d;
      };
      const min = bound(v.min);
      const max = bound(v.max);
      if (min !== undefined && max !== undefined) return { type: v.kind, operator: 'between', formulae: [min, max], ...messages };
      if (max !== undefined) return { type: v.kind, operator: 'lessThanOrEqual', formulae: [max], ...messages };
      return { type: v.kind, operator: 'greaterThanOrEqual', formulae: [min ?? (v.kind === 'date' ? new Date('1900-01-01T00:00:00Z') : 0)], ...messages };
    }
  }
}

const SPACE = /\s/;

/** Shared strings: each distinct text once, cells refer to it by index. */
class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];
  private uses = 0;

  id(text: string): number {
    this.uses++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  /** xl/sharedStrings.xml, in pieces. */
  write(out: (text: string) => void): void {
    out(`${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.uses}" uniqueCount="${this.list.length}">`);
    for (const s of this.list) {
      const t = escapeCellText(s);
      // The first and last characters only: /^\s|\s$/ would look at every one (5 million in a data sheet).
      const spaced = t !== '' && (SPACE.test(t[0]) || SPACE.test(t[t.length - 1]));
      out(spaced ? `<si><t xml:space="preserve">${t}</t></si>` : `<si><t>${t}</t></si>`);
    }
    out('</sst>');
  }
}

/** Text handed to a part is gathered up to about this many characters, then encoded and deflated. */
const FLUSH_CHARS = 1 << 16;
/** See the note at the top: level 6 costs twice the time for 3% less. */
const DEFLATE_LEVEL = 5;

/**
 * One part of the package, deflated as it is written: text is gathered in chunks and joined once
 * per megabyte, so a 40 MB worksheet never exists as one string or one byte array.
 */
class PartWriter {
  private readonly file: { push(chunk: Uint8Array, final: boolean): void };
  private chunks: string[] = [];
  private size = 0;

  constructor(zip: Zip, name: string, host: HostDeflate | undefined) {
    const file = host ? new HostDeflatedPart(name, host) : new ZipDeflate(name, { level: DEFLATE_LEVEL });
    zip.add(file);
    this.file = file;
  }

  write(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_CHARS) this.flush(false);
  }

  end(): void {
    this.flush(true);
  }

  private flush(final: boolean): void {
    const text = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    this.file.push(strToU8(text), final);
  }
}

/** A part deflated by the host, chunk by chunk, as fflate's Zip takes any deflated stream (method 8). */
class HostDeflatedPart implements ZipInputFile {
  readonly compression = 8;
  size = 0;
  crc = 0;
  ondata?: AsyncFlateStreamHandler;

  constructor(readonly filename: string, private readonly host: HostDeflate) {}

  push(chunk: Uint8Array, final: boolean): void {
    this.size += chunk.length;
    this.crc = this.host.crc32(chunk, this.crc);
    this.ondata!(null, this.host.deflate(chunk, final), final);
  }
}

/** Writes the workbook: one call, bytes of an .xlsx package. */
export function writeXlsxFast(sheets: SheetModel[], opts: WriteOptions = {}): Uint8Array {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  // fflate's synchronous classes call back before push/end return.
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else out.push(chunk);
  });
  const part = (name: string, text: string) => {
    const w = new PartWriter(zip, name, opts.deflate);
    w.write(text);
    w.end();
  };

  const styles = new StyleTable();
  const strings = new SharedStrings();
  const firstVisible = sheets.findIndex((s) => !s.hidden);
  // Excel cannot hide a workbook's last visible sheet, and a file with none is not one it would write.
  if (sheets.length > 0 && firstVisible < 0) throw new Error('every sheet is hidden: a workbook needs one visible sheet');
  const drawings = drawingPlan(sheets);
  part('[Content_Types].xml', contentTypes(sheets.length, drawings));
  part('_rels/.rels', rootRels());
  part('docProps/app.xml', appXml(sheets));
  part('docProps/core.xml', coreXml(opts.creator ?? ''));
  part('xl/workbook.xml', workbookXml(sheets, firstVisible));
  part('xl/_rels/workbook.xml.rels', workbookRels(sheets.length));
  sheets.forEach((model, i) => {
    const w = new PartWriter(zip, `xl/worksheets/sheet${i + 1}.xml`, opts.deflate);
    const drawing = drawings[i];
    writeSheet(model, styles, strings, i === firstVisible, drawing !== null, (text) => w.write(text));
    w.end();
    if (drawing) {
      part(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, sheetDrawingRels(drawing.number));
      part(`xl/drawings/drawing${drawing.number}.xml`, drawingXml(model.charts!));
      part(`xl/drawings/_rels/drawing${drawing.number}.xml.rels`, drawingRels(drawing.charts.map((c) => c.number)));
      for (const c of drawing.charts) part(`xl/charts/chart${c.number}.xml`, c.xml);
    }
  });
  // Styles and shared strings last: the sheets fill them.
  part('xl/styles.xml', styles.toXml());
  const sst = new PartWriter(zip, 'xl/sharedStrings.xml', opts.deflate);
  strings.write((text) => sst.write(text));
  sst.end();
  zip.end();
  if (failure) throw failure as Error;

  let length = 0;
  for (const c of out) length += c.length;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const c of out) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

// ---------------------------------------------------------------- charts

/** A sheet's drawing part and its charts, numbered across the workbook (drawing1, chart1…). */
interface DrawingPlan {
  number: number;
  charts: { number: number; xml: string }[];
}

/**
 * Per sheet (null without charts), the drawing and chart parts it gets. Each chart's data is read
 * from the model of the sheet its spec names (its own sheet when the name is empty).
 */
function drawingPlan(sheets: SheetModel[]): (DrawingPlan | null)[] {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  let drawing = 0;
  let chart = 0;
  return sheets.map((model) => {
    if (!model.charts?.length) return null;
    return {
      number: ++drawing,
      charts: model.charts.map((spec) => {
        const data = spec.sheet ? byName.get(spec.sheet) : model;
        if (!data) throw new Error(`chart "${spec.title}" on sheet ${model.name} reads sheet ${spec.sheet}, which is not in the workbook`);
        return { number: ++chart, xml: chartXml(spec, chartData(spec, data), model.font.name) };
      }),
    };
  });
}

// ---------------------------------------------------------------- package and workbook parts

function contentTypes(sheetCount: number, drawings: (DrawingPlan | null)[]): string {
  const sheets: string[] = [];
  for (let i = 1; i <= sheetCount; i++) {
    sheets.push(`<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${CT}.worksheet+xml"/>`);
  }
  for (const d of drawings) {
    if (!d) continue;
    sheets.push(`<Override PartName="/xl/drawings/drawing${d.number}.xml" ContentType="${DRAWING_CONTENT_TYPE}"/>`);
    for (const c of d.charts) sheets.push(`<Override PartName="/xl/charts/chart${c.number}.xml" ContentType="${CHART_CONTENT_TYPE}"/>`);
  }
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>`
    + sheets.join('')
    + `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>`
    + `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`
    + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    + '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    + '</Types>';
}

function rootRels(): string {
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">`
    + `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>`
    + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    + `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/>`
    + '</Relationships>';
}

function appXml(sheets: SheetModel[]): string {
  return `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`
    + '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>'
    + `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>`
    + `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${escapeText(s.name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>`
    + '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion>'
    + '</Properties>';
}

function coreXml(creator: string): string {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const who = escapeText(creator);
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
    + `<dc:creator>${who}</dc:creator><cp:lastModifiedBy>${who}</cp:lastModifiedBy>`
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified>`
    + '</cp:coreProperties>';
}

/** '8:8' → `'Phụ lục 1'!$8:$8`. */
function printTitles(sheetName: string, rows: string): string {
  const [first, last = first] = rows.split(':').map((x) => x.trim().replace(/^\$/, ''));
  if (!/^\d+$/.test(first) || !/^\d+$/.test(last)) throw new Error(`not a row range: ${rows}`);
  return `${sheetPrefix(sheetName)}$${first}:$${last}`;
}

function workbookXml(sheets: SheetModel[], firstVisible: number): string {
  const tab = Math.max(firstVisible, 0);
  const list = sheets.map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`);
  const names = sheets.flatMap((s, i) => (s.printTitleRows
    ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(printTitles(s.name, s.printTitleRows))}</definedName>`]
    : []));
  return `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`
    + '<workbookPr/>'
    + `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="24000" firstSheet="${tab}" activeTab="${tab}"/></bookViews>`
    + `<sheets>${list.join('')}</sheets>`
    + (names.length ? `<definedNames>${names.join('')}</definedNames>` : '')
    + '<calcPr calcId="171027"/>'
    + '</workbook>';
}

function workbookRels(sheetCount: number): string {
  const rels: string[] = [];
  for (let i = 1; i <= sheetCount; i++) rels.push(`<Relationship Id="rId${i}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`);
  rels.push(`<Relationship Id="rId${sheetCount + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`);
  rels.push(`<Relationship Id="rId${sheetCount + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels.join('')}</Relationships>`;
}

// ---------------------------------------------------------------- worksheets

/** A number as the file stores it; null for NaN and ±Infinity, which are not written. */
function numberText(v: number): string | null {
  return Number.isFinite(v) ? String(v) : null;
}

/** A Date cell's serial: days since 30/12/1899 plus the time fraction (none for calendar days). */
function dateValueText(d: Date): string | null {
  const t = d.getTime();
  return Number.isNaN(t) ? null : String(t / MS_PER_DAY + SERIAL_OF_1970);
}

/** `<c>` attributes and content after the reference and style, for a value from `rows`; null when empty. */
function valueCell(v: CellValue, strings: SharedStrings): string | null {
  switch (typeof v) {
    case 'string':
      return v === '' ? null : ` t="s"><v>${strings.id(v)}</v></c>`;
    case 'number': {
      const n = numberText(v);
      return n === null ? null : `><v>${n}</v></c>`;
    }
    case 'boolean':
      return ` t="b"><v>${v ? 1 : 0}</v></c>`;
    default:
      if (v instanceof Date) {
        const n = dateValueText(v);
        return n === null ? null : `><v>${n}</v></c>`;
      }
      return null;
  }
}

/** A formula cell's type, formula and stored result. */
function formulaCell(f: FormulaCell): string {
  const formula = `<f>${escapeText(f.formula.replace(/^=/, ''))}</f>`;
  const v = f.value;
  if (v === null) return `>${formula}</c>`;
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? `>${formula}</c>` : `>${formula}<v>${Math.round(t / MS_PER_DAY) + SERIAL_OF_1970}</v></c>`;
  }
  switch (typeof v) {
    case 'number': {
      const n = numberText(v);
      return n === null ? `>${formula}</c>` : `>${formula}<v>${n}</v></c>`;
    }
    case 'boolean':
      return ` t="b">${formula}<v>${v ? 1 : 0}</v></c>`;
    default:
      return ` t="str">${formula}<v>${escapeCellText(v)}</v></c>`;
  }
}

function validationXml(v: DataValidationRule): string {
  const m = validationModel(v);
  let attrs = ` type="${m.type}"`;
  if (m.operator && m.operator !== 'between') attrs += ` operator="${m.operator}"`;
  if (m.allowBlank) attrs += ' allowBlank="1"';
  if (m.showInputMessage) attrs += ' showInputMessage="1"';
  if (m.promptTitle) attrs += ` promptTitle="${escapeAttr(m.promptTitle)}"`;
  if (m.prompt) attrs += ` prompt="${escapeAttr(m.prompt)}"`;
  if (m.showErrorMessage) attrs += ' showErrorMessage="1"';
  attrs += ` errorStyle="${m.errorStyle}"`;
  if (m.errorTitle) attrs += ` errorTitle="${escapeAttr(m.errorTitle)}"`;
  if (m.error) attrs += ` error="${escapeAttr(m.error)}"`;
  attrs += ` sqref="${escapeAttr(v.range)}"`;
  const formulae = m.formulae.map((x, i) => {
    const text = x instanceof Date ? String(dateSerial(x)) : String(x);
    return `<formula${i + 1}>${escapeText(text)}</formula${i + 1}>`;
  });
  return `<dataValidation${attrs}>${formulae.join('')}</dataValidation>`;
}

/** `<col>` elements: widths, hidden columns, and the sheet font as each column's style. */
function colsXml(model: SheetModel, width: number, fontXf: number): string {
  const hidden = new Set(model.hiddenColumns);
  const count = Math.max(width, ...model.hiddenColumns.map((c) => c + 1));
  const attrs: string[] = [];
  for (let c = 0; c < count; c++) {
    const w = model.columnWidths[c];
    attrs.push(
      (w !== undefined ? ` width="${w}"` : ' width="9.140625"')
      + (c < width ? ` style="${fontXf}"` : '')
      + (hidden.has(c) ? ' hidden="1"' : '')
      + (w !== undefined ? ' customWidth="1"' : ''),
    );
  }
  const out: string[] = [];
  for (let c = 0; c < count;) {
    let end = c;
    while (end + 1 < count && attrs[end + 1] === attrs[c]) end++;
    out.push(`<col min="${c + 1}" max="${end + 1}"${attrs[c]}/>`);
    c = end + 1;
  }
  return out.length ? `<cols>${out.join('')}</cols>` : '';
}

/** True when `valueCell` writes something for this value. */
function hasValue(v: CellValue | undefined): boolean {
  switch (typeof v) {
    case 'string': return v !== '';
    case 'number': return Number.isFinite(v);
    case 'boolean': return true;
    default: return v instanceof Date && !Number.isNaN(v.getTime());
  }
}

/**
 * The print elements after the cells, in the order CT_Worksheet requires: pageMargins, pageSetup,
 * headerFooter, rowBreaks. A break before 0-based row r is `<brk id="r">`, as Excel and LibreOffice
 * write it (id = the 0-based row the new page starts with = the 1-based row the old page ends with);
 * a break before the first row means nothing and is left out.
 */
export function printXml(print: PrintSetup | undefined, sheetName: string): string {
  if (!print) {
    const m = EXCEL_MARGINS;
    return `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  }
  const m = print.margins ?? PRINT_MARGINS;
  for (const [k, v] of Object.entries(m)) {
    if (!(typeof v === 'number' && v >= 0 && v < 49)) throw new Error(`page margin ${k} of sheet ${sheetName} is not a length in inches: ${v}`);
  }
  let xml = `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`
    + `<pageSetup${print.paper === 'A4' ? ` paperSize="${PAPER_A4}"` : ''} orientation="${print.orientation}"${print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`;
  if (print.pageNumbers) xml += `<headerFooter><oddFooter>${escapeText(PAGE_NUMBER_FOOTER)}</oddFooter></headerFooter>`;
  const breaks = [...new Set(print.rowBreaks ?? [])].sort((a, b) => a - b);
  for (const r of breaks) {
    if (!Number.isInteger(r) || r < 0 || r > LAST_ROW) throw new Error(`page break before row ${r} of sheet ${sheetName} is not a row`);
  }
  const ids = breaks.filter((r) => r > 0);
  if (ids.length > MAX_ROW_BREAKS) throw new Error(`sheet ${sheetName} has ${ids.length} page breaks; Excel keeps at most ${MAX_ROW_BREAKS}`);
  if (ids.length) {
    xml += `<rowBreaks count="${ids.length}" manualBreakCount="${ids.length}">${ids.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`;
  }
  return xml;
}

/** Writes one worksheet part through `out`, row by row; `drawing`: the sheet's drawing is its rId1. */
function writeSheet(model: SheetModel, styles: StyleTable, strings: SharedStrings, active: boolean, drawing: boolean, out: (text: string) => void): void {
  const { rows, font } = model;
  let width = model.columnWidths.length;
  for (const row of rows) if (row.length > width) width = row.length;

  // Bounds of everything that makes a cell: values, styles, merges, formulas.
  const styleBounds = model.styles.map((s) => parseRange(s.range));
  const mergeBounds = model.merges.map(parseRange);
  let nRows = rows.length;
  let nCols = width;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const cover = (r0: number, c0: number, r1: number, c1: number) => {
    if (r0 < top) top = r0;
    if (c0 < left) left = c0;
    if (r1 > bottom) bottom = r1;
    if (c1 > right) right = c1;
  };
  for (const b of [...styleBounds, ...mergeBounds]) {
    if (b.bottom + 1 > nRows) nRows = b.bottom + 1;
    if (b.right + 1 > nCols) nCols = b.right + 1;
    cover(b.top, b.left, b.bottom, b.right);
  }
  for (const f of model.formulas) {
    if (!(f.row >= 0 && f.col >= 0)) throw new Error(`formula outside the sheet: row ${f.row}, column ${f.col}`);
    if (f.row + 1 > nRows) nRows = f.row + 1;
    if (f.col + 1 > nCols) nCols = f.col + 1;
    cover(f.row, f.col, f.row, f.col);
  }
  rows.forEach((row, r) => {
    let c0 = 0;
    while (c0 < row.length && !hasValue(row[c0])) c0++;
    if (c0 === row.length) return;
    let c1 = row.length - 1;
    while (!hasValue(row[c1])) c1--;
    cover(r, c0, r, c1);
  });
  if (nRows * nCols > MAX_GRID_CELLS) throw new Error(`sheet ${model.name} is too large to write (${nRows} × ${nCols} cells)`);

  // Per cell: 0 = nothing set; k > 0 = composite style k - 1; k < 0 = under a merge, composite -k - 1.
  const grid = new Int32Array(nRows * nCols);
  model.styles.forEach(({ style }, i) => {
    const b = styleBounds[i];
    const patch = styles.patch(style);
    let lastFrom = -1;
    let lastTo = 0;
    for (let r = b.top; r <= b.bottom; r++) {
      const base = r * nCols;
      for (let c = b.left; c <= b.right; c++) {
        const from = grid[base + c];
        if (from !== lastFrom) {
          lastFrom = from;
          lastTo = styles.apply(from > 0 ? from - 1 : 0, patch) + 1;
        }
        grid[base + c] = lastTo;
      }
    }
  });
  const datePatch = styles.patch({ numberFormat: DATE_FORMAT });
  /** A Date shows as a date unless its style already has a number format. */
  const withDate = (composite: number, v: CellValue | undefined): number =>
    v instanceof Date && !Number.isNaN(v.getTime()) && !styles.composites[composite].numberFormat ? styles.apply(composite, datePatch) : composite;

  const anchors = new Set<number>();
  for (const b of mergeBounds) {
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        const i = r * nCols + c;
        if (grid[i] < 0 || anchors.has(i)) throw new Error(`merged ranges overlap at ${columnLetter(c)}${r + 1} (sheet ${model.name})`);
      }
    }
    const a = b.top * nCols + b.left;
    const g = grid[a];
    const composite = withDate(g > 0 ? g - 1 : 0, rows[b.top]?.[b.left]);
    grid[a] = composite + 1;
    anchors.add(a);
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) if (r !== b.top || c !== b.left) grid[r * nCols + c] = -(composite + 1);
    }
  }

  const formulas = new Map<number, FormulaCell>();
  for (const f of model.formulas) formulas.set(f.row * nCols + f.col, f);

  const xfOf: number[] = [];
  const xf = (composite: number): number => {
    let id = xfOf[composite];
    if (id === undefined) xfOf[composite] = id = styles.xf(composite, font);
    return id;
  };
  const letters: string[] = [];
  for (let c = 0; c < nCols; c++) letters.push(columnLetter(c));

  // Everything before the cells.
  out(`${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`);
  if (model.print?.fitToWidth) out('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out(`<dimension ref="${bottom < 0 ? 'A1' : `${columnLetter(left)}${top + 1}:${columnLetter(right)}${bottom + 1}`}"/>`);
  const { frozenRows: ys, frozenColumns: xs } = model;
  let pane = '';
  if (ys > 0 || xs > 0) {
    const activePane = xs > 0 && ys > 0 ? 'bottomRight' : xs > 0 ? 'topRight' : 'bottomLeft';
    pane = `<pane${xs > 0 ? ` xSplit="${xs}"` : ''}${ys > 0 ? ` ySplit="${ys}"` : ''} topLeftCell="${columnLetter(xs)}${ys + 1}" activePane="${activePane}" state="frozen"/>`
      + `<selection pane="${activePane}"/>`;
  }
  out(`<sheetViews><sheetView${active ? ' tabSelected="1"' : ''} workbookViewId="0"${pane ? `>${pane}</sheetView>` : '/>'}</sheetViews>`);
  out('<sheetFormatPr defaultRowHeight="15"/>');
  out(colsXml(model, width, xf(0)));

  // The cells, one row at a time.
  out('<sheetData>');
  const heights = model.rowHeights ?? {};
  let lastRow = nRows - 1;
  for (const k of Object.keys(heights)) if (Number(k) > lastRow) lastRow = Number(k);
  for (let r = 0; r <= lastRow; r++) {
    const values = rows[r];
    const rowNumber = r + 1;
    let cells = '';
    if (r < nRows) {
      const base = r * nCols;
      for (let c = 0; c < nCols; c++) {
        const g = grid[base + c];
        let tail: string | null;
        let composite: number;
        if (g < 0) {
          composite = -g - 1;
          tail = '/>';
        } else {
          const v = values === undefined ? undefined : values[c];
          const f = formulas.size === 0 ? undefined : formulas.get(base + c);
          tail = f !== undefined ? formulaCell(f) : v === undefined ? null : valueCell(v, strings);
          if (tail === null) {
            if (g === 0) continue;
            tail = '/>';
          }
          composite = withDate(g > 0 ? g - 1 : 0, v);
        }
        cells += `<c r="${letters[c]}${rowNumber}" s="${xf(composite)}"${tail}`;
      }
    }
    const h = heights[r];
    if (cells === '' && h === undefined) continue;
    out(`<row r="${rowNumber}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ''}>${cells}</row>`);
  }
  out('</sheetData>');

  // Everything after the cells.
  if (model.merges.length) out(`<mergeCells count="${model.merges.length}">${model.merges.map((m) => `<mergeCell ref="${escapeAttr(m)}"/>`).join('')}</mergeCells>`);
  model.conditionalFormats.forEach((cf, i) => {
    out(
      `<conditionalFormatting sqref="${escapeAttr(cf.range)}"><cfRule type="expression" dxfId="${styles.dxf(cf.style)}" priority="${i + 1}">`
      + `<formula>${escapeText(cf.formula.replace(/^=/, ''))}</formula></cfRule></conditionalFormatting>`,
    );
  });
  if (model.validations.length) out(`<dataValidations count="${model.validations.length}">${model.validations.map(validationXml).join('')}</dataValidations>`);
  out(printXml(model.print, model.name));
  if (drawing) out('<drawing r:id="rId1"/>');
  out('</worksheet>');
}
