/**
 * Tokenising helpers shared by the target and deadline grammars.
 *
 * splitClauses cuts a cell into the statements it holds (lines, `;`, list bullets), tokenize cuts one
 * statement into numbers, words and symbols that keep their place in the original text (so a grammar
 * can match on diacritic-free keys yet quote the user's own words back), and phrase helpers match
 * multi-word keys such as "toi thieu" or "tro len".
 */
import { cleanText, foldKey } from '../text/normalize';
import { TextMemo } from '../text/memo';

export interface Clause {
  /** Clean NFC text of the statement, bullet removed. */
  text: string;
  /** The list mark it started with ('-', '+', '•'…) or ''. */
  bullet: string;
}

// A list mark inside a line: " - Báo cáo", " + Quý I" (a letter must follow, so "95% - 100%" stays whole).
const INLINE_BULLET = /\s(?=[-+•*–]\s+\p{L})/u;
const LEADING_BULLET = /^([-+•*–])\s+/;

/**
 * "Ban hành: Quý I\nThực hiện: Cả năm" → two clauses. A statement ending with ':' is joined to the
 * next one ("Báo cáo quý I:" / "15/3/2025" are one statement).
 */
export function splitClauses(value: string): Clause[] {
  const pieces: Clause[] = [];
  for (const line of value.normalize('NFC').split(/\r\n|[\r\n;]/)) {
    for (const part of cleanText(line).split(INLINE_BULLET)) {
      const text = cleanText(part);
      if (!text) continue;
      const b = LEADING_BULLET.exec(text);
      pieces.push(b ? { text: cleanText(text.slice(b[0].length)), bullet: b[1] } : { text, bullet: '' });
    }
  }
  // Joined pieces are gathered and joined once: appending to the clause's text and asking whether
  // it ends with ':' each time would copy the whole text again for every piece (quadratic).
  const clauses: Clause[] = [];
  let joined: string[] = [];
  let open = false;
  const close = () => {
    if (joined.length > 1) clauses[clauses.length - 1].text = joined.join(' ');
    joined = [];
  };
  for (const piece of pieces) {
    if (open) joined.push(piece.text);
    else if (piece.text) {
      close();
      clauses.push({ ...piece });
      joined = [piece.text];
    } else continue;
    open = piece.text.endsWith(':');
  }
  close();
  return clauses.filter((c) => c.text !== '');
}

/** The cell's text as shown, line breaks kept: each line cleaned (NFC, spaces), empty lines dropped. */
export function keepLines(value: string): string {
  return value
    .split(/\r\n|[\r\n]/)
    .map((line) => cleanText(line))
    .filter((line) => line !== '')
    .join('\n');
}

export type TokenKind = 'number' | 'word' | 'symbol';

export interface Token {
  kind: TokenKind;
  /** As written. */
  raw: string;
  /** Words: diacritic-free lower case ("Tối" → "toi"); otherwise the raw text. */
  key: string;
  /** Position in the text given to tokenize: text.slice(start, end) === raw. */
  start: number;
  end: number;
}

// Space-grouped thousands first ("12 345,5"), then digits with dots and commas ("1.234,5", "95,5").
const NUMBER = /\d{1,3}(?: \d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)*/y;
const WORD = /[\p{L}\p{M}]+/uy;
const TWO_CHAR_SYMBOL = /(?:>=|<=|=>|=<)/y;

/** Whether the code unit is white space as /\s/ reads it. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/**
 * Word keys by word: a target repeats a few words ("tỷ", "lệ", "hồ", "sơ") and every plan the same
 * ones, and foldKey makes several strings a call. Measured on targets of 2,000 characters, reading a
 * target allocated some 700 bytes a token before.
 */
const WORD_KEYS = new TextMemo<string>(100_000, 40);

/** Cuts clean text into tokens. White space separates tokens and is not a token. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let kind: TokenKind;
    let raw: string;
    let m: RegExpExecArray | null;
    NUMBER.lastIndex = i;
    if ((m = NUMBER.exec(text))) {
      kind = 'number';
      raw = m[0];
    } else {
      WORD.lastIndex = i;
      if ((m = WORD.exec(text))) {
        kind = 'word';
        raw = m[0];
      } else {
        TWO_CHAR_SYMBOL.lastIndex = i;
        kind = 'symbol';
        raw = (m = TWO_CHAR_SYMBOL.exec(text)) ? m[0] : String.fromCodePoint(text.codePointAt(i) ?? 0x20);
      }
    }
    tokens.push({ kind, raw, key: kind === 'word' ? WORD_KEYS.get(raw, foldKey) : raw, start: i, end: i + raw.length });
    i += raw.length;
  }
  return tokens;
}

/** True when the word tokens from index i on have the keys of `phrase` ("toi thieu"). */
export function phraseAt(tokens: readonly Token[], i: number, phrase: string): boolean {
  const words = phrase.split(' ');
  if (i < 0 || i + words.length > tokens.length) return false;
  return words.every((w, k) => tokens[i + k].kind === 'word' && tokens[i + k].key === w);
}

/**
 * The longest phrase of `phrases` whose last word is token j (looking backwards), with its first index.
 * Used for comparator words standing before a number: "không thấp hơn 90%" → "khong thap hon".
 */
export function phraseEndingAt(
  tokens: readonly Token[],
  j: number,
  phrases: readonly string[],
): { phrase: string; start: number } | null {
  let best: { phrase: string; start: number } | null = null;
  for (const phrase of phrases) {
    const n = phrase.split(' ').length;
    const start = j - n + 1;
    if (phraseAt(tokens, start, phrase) && (!best || n > best.phrase.split(' ').length)) best = { phrase, start };
  }
  return best;
}

/** The longest phrase of `phrases` starting at token i. */
export function phraseStartingAt(
  tokens: readonly Token[],
  i: number,
  phrases: readonly string[],
): { phrase: string; end: number } | null {
  let best: { phrase: string; end: number } | null = null;
  for (const phrase of phrases) {
    const n = phrase.split(' ').length;
    if (phraseAt(tokens, i, phrase) && (!best || i + n > best.end)) best = { phrase, end: i + n };
  }
  return best;
}

/** Roman or Arabic quarter number: "iv" → 4, "2" → 2, anything else → null. */
export function quarterNumber(key: string): 1 | 2 | 3 | 4 | null {
  const n = ({ i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 } as Record<string, 1 | 2 | 3 | 4>)[key];
  return n ?? null;
}

/** The quarter's Roman numeral as plans print it: 4 → "IV". */
export const ROMAN = ['', 'I', 'II', 'III', 'IV'] as const;
