/**
 * Fast paths for cleanText and the diacritic-free word key on the text cells validation reads by
 * the thousand. Text made only of printable ASCII and precomposed Latin letters (Vietnamese typed
 * on any usual keyboard) is handled character by character without normalising the whole string;
 * anything else goes through cleanText / foldKey, so the results are always the same as theirs.
 */
import { cleanText, foldKey } from '../text/normalize';
import { TextMemo } from '../text/memo';

/** Printable ASCII or a precomposed Latin letter (NFC-stable, no marks to strip but its own). */
const isPlain = (c: number) => (c > 32 && c < 127) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff);

/** Longer texts (names, targets, deadlines) repeat in every workbook of a batch: kept by text. */
const CLEANED = new TextMemo<string>(500_000, 2000);

/** cleanText, without the work when the text is already clean: plain characters, single inner spaces. */
export function clean(v: unknown): string {
  if (v === '' || v === null || v === undefined) return '';
  // A number's text has no spaces or marks to clean: String(v) is what cleanText gives.
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return cleanText(v);
  return v.length < 24 ? cleanString(v) : CLEANED.get(v, cleanString);
}

function cleanString(v: string): string {
  const n = v.length;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (isPlain(c)) continue;
    if (c === 32 && i > 0 && i < n - 1 && v.charCodeAt(i - 1) !== 32) continue;
    return cleanText(v);
  }
  return v;
}

const FOLDED = new Map<number, string>();

/** One precomposed letter folded as foldKey folds it ("Ầ" → "a", "Đ" → "d"); '' when not a letter or digit. */
function foldChar(code: number): string {
  let f = FOLDED.get(code);
  if (f === undefined) {
    f = foldKey(String.fromCharCode(code));
    if (!/^[a-z0-9]+$/.test(f)) f = '';
    FOLDED.set(code, f);
  }
  return f;
}

function slowWordKey(value: unknown): string {
  return foldKey(value).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Keys of texts already seen: headers, labels, section and status words repeat in every workbook. */
const WORD_KEYS = new TextMemo<string>(500_000, 300);

/** Diacritic-free words only: "Đơn vị theo dõi, hướng dẫn" → "don vi theo doi huong dan". */
export function wordKey(value: unknown): string {
  // Any other value reads as its text (cleanText's String(value)); null and undefined as nothing.
  if (typeof value !== 'string') return value === null || value === undefined ? '' : wordKey(String(value));
  if (value.length < 4) return computeWordKey(value);
  return WORD_KEYS.get(value, computeWordKey);
}

/**
 * The key's character codes, a chunk at a time. Adding a character at a time to a string makes an
 * object per character (and a copy when the key is used): on a 30,000-character cell some 900 KB
 * a call, measured; a chunk is made into text once.
 */
const KEY_CHUNK = 4096;
const keyCodes: number[] = new Array<number>(KEY_CHUNK).fill(0);

function computeWordKey(value: string): string {
  let out = '';
  let n = 0;
  let gap = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    let ch: string | number;
    if (c < 127) {
      if (c < 32 && c !== 9 && c !== 10 && c !== 13) return slowWordKey(value);
      const l = c >= 65 && c <= 90 ? c + 32 : c;
      ch = (l >= 97 && l <= 122) || (l >= 48 && l <= 57) ? l : '';
    } else if (isPlain(c)) {
      ch = foldChar(c);
    } else {
      return slowWordKey(value);
    }
    if (ch === '') {
      gap = out !== '' || n > 0;
      continue;
    }
    if (gap) {
      keyCodes[n++] = 32;
      if (n === KEY_CHUNK) { out += String.fromCharCode.apply(null, keyCodes); n = 0; }
      gap = false;
    }
    const m = typeof ch === 'number' ? 1 : ch.length;
    for (let j = 0; j < m; j++) {
      keyCodes[n++] = typeof ch === 'number' ? ch : ch.charCodeAt(j);
      if (n === KEY_CHUNK) { out += String.fromCharCode.apply(null, keyCodes); n = 0; }
    }
  }
  return n === 0 ? out : out + String.fromCharCode.apply(null, keyCodes.slice(0, n));
}
