/**
 * Just enough XML for the parts of an .xlsx package: attributes, text with entities, CDATA and the
 * `_xHHHH_` escapes Excel uses for characters XML cannot carry. Element names may carry any namespace
 * prefix (`<x:c>`), as some generators write.
 */
import { strFromU8 } from 'fflate';
import { isUtf16 } from './binary-text';

/** Part bytes → text: UTF-8 (BOM dropped), or UTF-16 when the part starts with its byte-order mark. */
export function partText(bytes: Uint8Array): string {
  if (isUtf16(bytes)) {
    const le = bytes[0] === 0xff;
    const parts: string[] = [];
    for (let i = 2; i + 1 < bytes.length; i += 2 * 8192) {
      const codes: number[] = [];
      for (let j = i; j + 1 < bytes.length && j < i + 2 * 8192; j += 2) {
        codes.push(le ? bytes[j] | (bytes[j + 1] << 8) : (bytes[j] << 8) | bytes[j + 1]);
      }
      parts.push(String.fromCharCode(...codes));
    }
    return parts.join('');
  }
  const s = strFromU8(bytes);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Attributes of a start tag's attribute text: `name="x"` and `name='x'`, prefixes kept (`r:id`). */
export function parseAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out[m[1]] = decodeEntities(m[2] ?? m[3] ?? '');
  return out;
}

/** An attribute by local name, whatever its prefix (`id` finds `r:id` and `ns2:id`). */
export function attributeByLocalName(attrs: Record<string, string>, local: string): string | undefined {
  if (attrs[local] !== undefined) return attrs[local];
  for (const k of Object.keys(attrs)) if (k.endsWith(':' + local)) return attrs[k];
  return undefined;
}

const ENTITY = /&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (whole, body: string) => {
    switch (body) {
      case 'amp': return '&';
      case 'lt': return '<';
      case 'gt': return '>';
      case 'quot': return '"';
      case 'apos': return "'";
    }
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const EXCEL_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Excel's escapes in cell text: `_x000D_` → carriage return, `_x005F_x000D_` → the literal `_x000D_`
 * (one left-to-right pass, as Excel reads them).
 */
export function decodeExcelEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(EXCEL_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Raw element content → text: CDATA kept verbatim, entities decoded, line ends normalised as an XML
 * parser does (CR LF and lone CR → LF), then Excel's `_xHHHH_` escapes.
 */
export function decodeText(raw: string): string {
  let s: string;
  if (raw.indexOf('<![CDATA[') >= 0) {
    s = '';
    let pos = 0;
    while (pos < raw.length) {
      const open = raw.indexOf('<![CDATA[', pos);
      if (open < 0) { s += decodeEntities(raw.slice(pos)); break; }
      s += decodeEntities(raw.slice(pos, open));
      const close = raw.indexOf(']]>', open + 9);
      const end = close < 0 ? raw.length : close;
      s += raw.slice(open + 9, end);
      pos = end + 3;
    }
  } else {
    s = decodeEntities(raw);
  }
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  return decodeExcelEscapes(s);
}

export interface ElementSpan {
  /** Index of the start tag's `<`. */
  start: number;
  innerStart: number;
  innerEnd: number;
  /** Index just past the end tag (or the self-closing start tag). */
  end: number;
}

const openTagPatterns = new Map<string, RegExp>();

/**
 * The first element with this local name (any prefix) at or after `from`, or null. Linear: the end
 * tag is looked for once with indexOf, never by a backtracking pattern, so hostile text without end
 * tags costs one pass, not one pass per start tag.
 */
export function findElement(s: string, localName: string, from = 0): ElementSpan | null {
  let re = openTagPatterns.get(localName);
  if (!re) {
    re = new RegExp(`<([\\w.-]+:)?${localName}(?=[\\s/>])[^<>]*>`, 'g');
    openTagPatterns.set(localName, re);
  }
  re.lastIndex = from;
  const m = re.exec(s);
  if (!m) return null;
  const openEnd = re.lastIndex;
  if (s.charCodeAt(openEnd - 2) === 47) return { start: m.index, innerStart: openEnd, innerEnd: openEnd, end: openEnd };
  const close = `</${m[1] ?? ''}${localName}>`;
  const at = s.indexOf(close, openEnd);
  if (at < 0) return null;
  return { start: m.index, innerStart: openEnd, innerEnd: at, end: at + close.length };
}

/**
 * Text of a string item (`<si>` or `<is>` content): plain `<t>` or rich-text runs concatenated,
 * phonetic guides (`<rPh>`) left out as Excel shows them.
 */
export function stringItemText(inner: string): string {
  let body = inner;
  if (body.indexOf('rPh') >= 0) {
    let kept = '';
    let pos = 0;
    for (let e = findElement(body, 'rPh'); e; e = findElement(body, 'rPh', pos)) {
      kept += body.slice(pos, e.start);
      pos = e.end;
    }
    body = kept + body.slice(pos);
  }
  let out = '';
  for (let e = findElement(body, 't'); e; e = findElement(body, 't', e.end)) {
    if (e.innerEnd > e.innerStart) out += decodeText(body.slice(e.innerStart, e.innerEnd));
  }
  return out;
}
