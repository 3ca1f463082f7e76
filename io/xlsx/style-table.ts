/**
 * The workbook's style table for the direct writer (fast-write.ts), built once for all sheets.
 *
 * Cell styles follow the SheetModel rule "later ranges override only the properties they set":
 * each cell holds a merged CellStyle ("composite"), interned by a canonical key, and applying a
 * range's style ("patch") to a composite is memoised, so styling a million cells costs a million
 * lookups, not a million object merges. A composite plus the sheet font becomes one `<xf>` of
 * cellXfs, deduplicated by the fonts, fills, borders, number format and alignment it uses.
 * Conditional-format styles become `<dxf>` entries, deduplicated too.
 */
import type { CellStyle, ConditionalFormat, SheetModel } from '../../shared/layout/sheet-model';
import { escapeAttr } from './xml-write';

/** Number formats every spreadsheet program knows by id (as exceljs maps them); others get ids from 164. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11,
  '# ?/?': 12, '# ??/??': 13, 'mm-dd-yy': 14, 'd-mmm-yy': 15, 'd-mmm': 16, 'mmm-yy': 17,
  'h:mm AM/PM': 18, 'h:mm:ss AM/PM': 19, 'h:mm': 20, 'h:mm:ss': 21, 'm/d/yy "h":mm': 22,
  '#,##0 ;(#,##0)': 37, '#,##0 ;[Red](#,##0)': 38, '#,##0.00 ;(#,##0.00)': 39, '#,##0.00 ;[Red](#,##0.00)': 40,
  'mm:ss': 45, '[h]:mm:ss': 46, 'mmss.0': 47, '##0.0E+0': 48, '@': 49,
};
const FIRST_CUSTOM_FORMAT = 164;

/** Font 0, the "Normal" style: column widths are measured in its digits, as in files exceljs wrote. */
const DEFAULT_FONT = '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>';
const THIN = '<left style="thin"><color rgb="FF000000"/></left><right style="thin"><color rgb="FF000000"/></right>'
  + '<top style="thin"><color rgb="FF000000"/></top><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/>';

/** '#d9e1f2' → 'FFD9E1F2'; anything else is a bug in the model. */
export function argb(hex: string): string {
  const h = hex.replace(/^#/, '');
  if (!/^[0-9a-fA-F]{6}$/.test(h)) throw new Error(`not a #RRGGBB colour: ${hex}`);
  return `FF${h.toUpperCase()}`;
}

/** The properties a range sets: `undefined` means "keep what an earlier range set". */
function definedOnly(style: CellStyle): CellStyle {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(style) as (keyof CellStyle)[]) if (style[k] !== undefined) out[k] = style[k];
  return out as CellStyle;
}

/** A patch's key tells `false` from "not set": `{ bold: false }` overrides an earlier bold. */
function patchKey(s: CellStyle): string {
  return `${s.bold}|${s.italic}|${s.fontSize}|${s.fill}|${s.color}|${s.hAlign}|${s.vAlign}|${s.wrap}|${s.border}|${s.numberFormat}`;
}

/** A composite's key by what it shows: `false`, '' and "not set" look the same in the cell. */
function compositeKey(s: CellStyle): string {
  return `${s.bold ? 1 : ''}|${s.italic ? 1 : ''}|${s.fontSize ?? ''}|${s.fill || ''}|${s.color || ''}|${s.hAlign || ''}|${s.vAlign || ''}|${s.wrap ? 1 : ''}|${s.border ? 1 : ''}|${s.numberFormat || ''}`;
}

const PATCH_SPAN = 2 ** 21;

export class StyleTable {
  /** Composite 0 is the empty style: the sheet font and nothing else. */
  readonly composites: CellStyle[] = [{}];
  private readonly compositeIds = new Map<string, number>([[compositeKey({}), 0]]);
  private readonly patches: CellStyle[] = [];
  private readonly patchIds = new Map<string, number>();
  private readonly applied = new Map<number, number>();

  private readonly numFmtIds = new Map<string, number>();
  private readonly numFmtXml: string[] = [];
  private readonly fontIds = new Map<string, number>();
  private readonly fontXml: string[] = [DEFAULT_FONT];
  private readonly fillIds = new Map<string, number>();
  private readonly fillXml: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly xfIds = new Map<string, number>();
  private readonly xfXml: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly dxfIds = new Map<string, number>();
  private readonly dxfXml: string[] = [];

  /** Interns a range's style as a patch; its id goes to `apply`. */
  patch(style: CellStyle): number {
    const p = definedOnly(style);
    const key = patchKey(p);
    let id = this.patchIds.get(key);
    if (id === undefined) {
      id = this.patches.length;
      if (id >= PATCH_SPAN) throw new Error('too many distinct cell styles');
      this.patches.push(p);
      this.patchIds.set(key, id);
    }
    return id;
  }

  /** The composite a cell of style `composite` has after the range style `patch` applies. */
  apply(composite: number, patch: number): number {
    const memo = composite * PATCH_SPAN + patch;
    let id = this.applied.get(memo);
    if (id === undefined) {
      const merged = { ...this.composites[composite], ...this.patches[patch] };
      const key = compositeKey(merged);
      id = this.compositeIds.get(key);
      if (id === undefined) {
        id = this.composites.length;
        this.composites.push(merged);
        this.compositeIds.set(key, id);
      }
      this.applied.set(memo, id);
    }
    return id;
  }

  /** The cellXfs index of a composite shown in the sheet font. */
  xf(composite: number, font: SheetModel['font']): number {
    const s = this.composites[composite];
    const numFmtId = s.numberFormat ? this.numFmt(s.numberFormat) : 0;
    const fontId = this.font(font.name, s.fontSize ?? font.size, !!s.bold, !!s.italic, s.color ? argb(s.color) : '');
    const fillId = s.fill ? this.fill(argb(s.fill)) : 0;
    const borderId = s.border ? 1 : 0;
    let alignment = '';
    if (s.hAlign || s.vAlign || s.wrap) {
      alignment = '<alignment'
        + (s.hAlign ? ` horizontal="${s.hAlign}"` : '')
        + (s.vAlign ? ` vertical="${s.vAlign === 'middle' ? 'center' : s.vAlign}"` : '')
        + (s.wrap ? ' wrapText="1"' : '')
        + '/>';
    }
    const key = `${numFmtId}|${fontId}|${fillId}|${borderId}|${alignment}`;
    let id = this.xfIds.get(key);
    if (id === undefined) {
      id = this.xfXml.length;
      this.xfXml.push(
        `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`
        + (numFmtId ? ' applyNumberFormat="1"' : '')
        + ' applyFont="1"'
        + (fillId ? ' applyFill="1"' : '')
        + (borderId ? ' applyBorder="1"' : '')
        + (alignment ? ` applyAlignment="1">${alignment}</xf>` : '/>'),
      );
      this.xfIds.set(key, id);
    }
    return id;
  }

  /** The dxfs index of a conditional format's style. */
  dxf(style: ConditionalFormat['style']): number {
    let font = '';
    if (style.bold || style.color) font = `<font>${style.bold ? '<b/>' : ''}${style.color ? `<color rgb="${argb(style.color)}"/>` : ''}</font>`;
    const fill = style.fill ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(style.fill)}"/></patternFill></fill>` : '';
    const xml = `<dxf>${font}${fill}</dxf>`;
    let id = this.dxfIds.get(xml);
    if (id === undefined) {
      id = this.dxfXml.length;
      this.dxfXml.push(xml);
      this.dxfIds.set(xml, id);
    }
    return id;
  }

  private numFmt(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.numFmtXml.length;
      this.numFmtXml.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
      this.numFmtIds.set(code, id);
    }
    return id;
  }

  private font(name: string, size: number, bold: boolean, italic: boolean, color: string): number {
    const key = `${name}|${size}|${bold}|${italic}|${color}`;
    let id = this.fontIds.get(key);
    if (id === undefined) {
      id = this.fontXml.length;
      this.fontXml.push(
        `<font>${bold ? '<b/>' : ''}${italic ? '<i/>' : ''}<sz val="${size}"/>${color ? `<color rgb="${color}"/>` : ''}<name val="${escapeAttr(name)}"/></font>`,
      );
      this.fontIds.set(key, id);
    }
    return id;
  }

  private fill(color: string): number {
    let id = this.fillIds.get(color);
    if (id === undefined) {
      id = this.fillXml.length;
      this.fillXml.push(`<fill><patternFill patternType="solid"><fgColor rgb="${color}"/></patternFill></fill>`);
      this.fillIds.set(color, id);
    }
    return id;
  }

  /** xl/styles.xml. */
  toXml(): string {
    const list = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
      + (this.numFmtXml.length ? list('numFmts', this.numFmtXml) : '')
      + list('fonts', this.fontXml)
      + list('fills', this.fillXml)
      + list('borders', ['<border><left/><right/><top/><bottom/><diagonal/></border>', `<border>${THIN}</border>`])
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + list('cellXfs', this.xfXml)
      + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
      + list('dxfs', this.dxfXml)
      + '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>'
      + '</styleSheet>';
  }
}
