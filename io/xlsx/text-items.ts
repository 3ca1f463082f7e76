/**
 * Texts taken out of a part, kept by their raw XML across the workbooks of a batch. A thousand
 * communes fill one template: the same five hundred shared strings (indicator names, headers, list
 * choices) a thousand times over. Each distinct raw text is decoded once (entities, CDATA, Excel's
 * escapes and, for binary text, UTF-8) and every workbook gets the same string object back, which
 * also makes every later lookup of it (the rules module's memos, the consolidation's text pool)
 * cheaper. Bounded by TextMemo: a hostile stream of distinct texts costs bounded memory.
 */
import { TextMemo } from '../../shared/text/memo';
import { utf8OfBinary } from './binary-text';
import { decodeText, stringItemText } from './xml';

/** Raw content of a string item (`<si>` or `<is>`) → its text. */
export type ItemReader = (rawItem: string) => string;

/** Fast path for the usual `<t>text</t>` / `<t xml:space="preserve">text</t>` item. */
function plainItem(inner: string): string | null {
  let start: number;
  if (inner.startsWith('<t>')) start = 3;
  else if (inner.startsWith('<t xml:space="preserve">')) start = 24;
  else return null;
  const lt = inner.indexOf('<', start);
  if (lt !== inner.length - 4 || !inner.endsWith('</t>')) return null;
  return decodeText(inner.slice(start, lt));
}

const itemText = (inner: string): string => plainItem(inner) ?? stringItemText(inner);

// Two million characters a pool (a few megabytes at most); longer items are decoded every time.
const MAX_POOL_CHARS = 2_000_000;
const MAX_POOLED_ITEM = 4000;

const utf8Items = new TextMemo<string>(MAX_POOL_CHARS, MAX_POOLED_ITEM);
const binaryItems = new TextMemo<string>(MAX_POOL_CHARS, MAX_POOLED_ITEM);
const utf8Values = new TextMemo<string>(MAX_POOL_CHARS / 4, 200);
const binaryValues = new TextMemo<string>(MAX_POOL_CHARS / 4, 200);

const readUtf8Item: ItemReader = (raw) => utf8Items.get(raw, itemText);
const readBinaryItem: ItemReader = (raw) => binaryItems.get(raw, (r) => itemText(utf8OfBinary(r)));
const readUtf8Value = (raw: string): string => utf8Values.get(raw, decodeText);
const readBinaryValue = (raw: string): string => binaryValues.get(raw, (r) => decodeText(utf8OfBinary(r)));

/** The item reader for a part read as UTF-8 text, or as binary text (see binary-text.ts). */
export function itemReader(binary: boolean): ItemReader {
  return binary ? readBinaryItem : readUtf8Item;
}

/** The reader of a plain element's raw content (`<v>` of a text formula, an error, an ISO date). */
export function valueReader(binary: boolean): (raw: string) => string {
  return binary ? readBinaryValue : readUtf8Value;
}

/** The raw items and texts of the shared-strings table read last in one mode (parts.ts). */
export interface SharedStringsMemo {
  raws: string[];
  texts: string[];
}

const lastTables: Record<'utf8' | 'binary', SharedStringsMemo> = { utf8: { raws: [], texts: [] }, binary: { raws: [], texts: [] } };

/** The last shared-strings table read in this mode, to compare the next one with. */
export function lastSharedStrings(binary: boolean): SharedStringsMemo {
  return binary ? lastTables.binary : lastTables.utf8;
}
