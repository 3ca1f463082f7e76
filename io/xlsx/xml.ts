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

/**
 * Thrown by the strict text readers when markup inside a text is broken (a lost tag, a bare `&`):
 * reading on would give another text than the one saved, so the reader refuses the file.
 */
export class MalformedText extends Error {
  constructor(readonly why: string) {
    super(why);
  }
}


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
  if (raw.indexOf('<') >= 0 && raw.indexOf('<![CDATA[') < 0) throw new MalformedText('tag inside text');
  if (raw.indexOf('<![CDATA[') >= 0) {
    s = '';
    let pos = 0;
    while (pos < raw.length) {
      const open = raw.indexOf('<![CDATA[', pos);
      if (open < 0) { s += strictEntities(raw.slice(pos)); break; }
      s += strictEntities(raw.slice(pos, open));
      const close = raw.indexOf(']]>', open + 9);
      if (close < 0) throw new MalformedText('CDATA not closed');
      const end = close;
      s += raw.slice(open + 9, end);
      pos = end + 3;
    }
  } else {
    s = strictEntities(raw);
  }
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  return decodeExcelEscapes(s);
}

/**
 * Raw text between tags → text, entities decoded, in one pass with indexOf (a regular expression's
 * callback per entity costs a microsecond each: 32,000 entities a cell, hundreds of cells). Throws
 * MalformedText on a tag inside the text or a `&` that starts no entity of XML's.
 */
export function strictEntities(raw: string): string {
  if (raw.indexOf('<') >= 0) throw new MalformedText('tag inside text');
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = raw.slice(0, amp);
  const units: number[] = [];
  const n = raw.length;
  for (let i = amp; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c !== 38) {
      units.push(c);
    } else {
      const semi = raw.indexOf(';', i + 1);
      if (semi < 0 || semi - i > 12) throw new MalformedText('bare &');
      const c1 = raw.charCodeAt(i + 1);
      const len = semi - i - 1;
      if (c1 === 97 && len === 3 && raw.charCodeAt(i + 2) === 109 && raw.charCodeAt(i + 3) === 112) units.push(38);
      else if (c1 === 108 && len === 2 && raw.charCodeAt(i + 2) === 116) units.push(60);
      else if (c1 === 103 && len === 2 && raw.charCodeAt(i + 2) === 116) units.push(62);
      else if (c1 === 113 && len === 4 && raw.startsWith('quot', i + 1)) units.push(34);
      else if (c1 === 97 && len === 4 && raw.startsWith('apos', i + 1)) units.push(39);
      else if (c1 === 35) {
        const hex = raw.charCodeAt(i + 2) === 120 || raw.charCodeAt(i + 2) === 88;
        const digits = raw.slice(i + (hex ? 3 : 2), semi);
        if (digits === '' || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) throw new MalformedText('bad character reference');
        const code = parseInt(digits, hex ? 16 : 10);
        if (!(code >= 0 && code <= 0x10ffff)) throw new MalformedText('bad character reference');
        if (code > 0xffff) units.push(0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff));
        else units.push(code);
      } else throw new MalformedText('unknown entity');
      i = semi;
    }
    if (units.length >= 8192) {
      out += String.fromCharCode.apply(null, units);
      units.length = 0;
    }
  }
  return out + String.fromCharCode.apply(null, units);
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

/** The children a string item may hold (CT_Rst: t, r, rPh, phoneticPr) and a run (CT_RElt: rPr, t). */
const ITEM_CHILDREN = new Set(['t', 'r', 'rPh', 'phoneticPr', 'extLst']);
const RUN_CHILDREN = new Set(['rPr', 't']);

/**
 * Text of a string item (`<si>` or `<is>` content): plain `<t>` or rich-text runs concatenated,
 * phonetic guides (`<rPh>`) left out as Excel shows them. Strict: text outside `<t>`, an element a
 * string item cannot hold or a missing end tag throws MalformedText (a lost tag would otherwise
 * drop or join texts silently). Linear: each end tag is found once with indexOf.
 */
export function stringItemText(inner: string): string {
  let out = '';
  eachChild(inner, ITEM_CHILDREN, (local, body) => {
    if (local === 't') out += decodeText(body);
    else if (local === 'r') {
      eachChild(body, RUN_CHILDREN, (runLocal, runBody) => {
        if (runLocal === 't') out += decodeText(runBody);
      });
    }
  });
  return out;
}

/** Calls `visit` with each child element's local name and content; throws MalformedText on anything else. */
function eachChild(s: string, allowed: ReadonlySet<string>, visit: (local: string, body: string) => void): void {
  let i = 0;
  const n = s.length;
  while (i < n) {
    const ch = s.charCodeAt(i);
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13) { i++; continue; }
    if (ch !== 60) throw new MalformedText('text outside an element');
    if (s.startsWith('<!--', i)) {
      const close = s.indexOf('-->', i + 4);
      if (close < 0) throw new MalformedText('comment not closed');
      i = close + 3;
      continue;
    }
    let nameEnd = i + 1;
    while (nameEnd < n) {
      const c = s.charCodeAt(nameEnd);
      if (c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13) break;
      nameEnd++;
    }
    const name = s.slice(i + 1, nameEnd);
    const local = name.slice(name.indexOf(':') + 1);
    if (!allowed.has(local)) throw new MalformedText(`element ${name}`);
    const gt = s.indexOf('>', nameEnd);
    if (gt < 0) throw new MalformedText('tag not closed');
    if (s.charCodeAt(gt - 1) === 47) { visit(local, ''); i = gt + 1; continue; }
    const closeTag = `</${name}>`;
    const close = s.indexOf(closeTag, gt + 1);
    if (close < 0) throw new MalformedText(`no ${closeTag}`);
    const body = s.slice(gt + 1, close);
    // Texts hold no elements; a run's and a guide's own children are read above or left alone.
    if (local === 't' && body.indexOf('<') >= 0 && body.indexOf('<![CDATA[') < 0) throw new MalformedText('element inside a text');
    // A run's formatting holds no text or run: if it seems to, its end tag was lost and the search
    // above ran into the next run.
    if (local === 'rPr' && /<\/?([\w.-]+:)?(t|r|rPr)[\s>\/]/.test(body)) throw new MalformedText('run properties not closed');
    visit(local, body);
    i = close + closeTag.length;
  }
}
