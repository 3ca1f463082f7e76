/**
 * Catalog texts name the commune "xã" ("Các bộ phận chuyên môn thuộc UBND xã", "Công an xã"); a
 * phường's or đặc khu's annex names its own kind: "UBND phường", "Công an đặc khu".
 *
 * The word "xã" is the unit when it stands alone; it stays in "cấp xã" (the commune level, which
 * phường and đặc khu belong to) and in "xã hội" (society).
 */
import type { UnitKind } from '../model';

const WORD: Record<UnitKind, string> = { xa: 'xã', phuong: 'phường', dac_khu: 'đặc khu', thi_tran: 'thị trấn' };

// "xã"/"Xã" not inside a word, not after "cấp", not before "hội". What comes before is checked in
// the replacer: the Excel pane also runs in Internet Explorer 11, whose regular expressions have no lookbehind.
const UNIT_XA = /([Xx])ã(?![\p{L}\p{M}])(?! hội)/gu;
const LETTER_BEFORE = /[\p{L}\p{M}]$/u;
const LEVEL_BEFORE = /[Cc]ấp $/;

/** The text with "xã" as the unit replaced by the unit's kind; unchanged for a xã or an unknown kind. */
export function namesUnitKind(text: string, kind: UnitKind | null | undefined): string {
  if (!kind || kind === 'xa' || !text) return text;
  const word = WORD[kind];
  return text.normalize('NFC').replace(UNIT_XA, (m: string, x: string, at: number, all: string) => {
    const before = all.slice(Math.max(0, at - 4), at);
    if (LETTER_BEFORE.test(before) || LEVEL_BEFORE.test(before)) return m;
    return x === 'X' ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  });
}
