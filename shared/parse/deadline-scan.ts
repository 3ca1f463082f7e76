/**
 * The lexer of the deadline grammar: one clause of a "Thời gian hoàn thành" cell, folded to plain
 * lower case ("Quý II/2022" → "quy ii/2022"), becomes a list of time tokens. deadline.ts gives them
 * their meaning (strict "trước", "từ …" continuous, recurring lists, labels).
 *
 * Points (a span of days, due at its end):
 *   date       15/3/2025 · 15-03-2025 · 15.3.2025 · 15/3 (plan year) · 2025-03-15 · ngày 15 tháng 3 năm 2025
 *   quarter    quý I · quí II · quý 1 · q3 · quý II/2022 · quý I năm 2025 · (after a quarter) II, III
 *   month      tháng 1/2025 · tháng 01 năm 2025 · tháng 11
 *   half       6 tháng · 06 tháng đầu năm · sáu tháng · nửa năm (01/01–30/06)
 *   nine       9 tháng (01/01–30/09)
 *   year       năm 2025 · cả năm · trong năm · cuối năm · 6 tháng cuối năm
 * Other tokens:
 *   every      hàng quý / hằng quý / mỗi quý, hàng tháng, hàng năm
 *   periodic   định kỳ
 *   dayOfLast  ngày 15 (của) tháng cuối (cùng của mỗi) quý · tháng cuối năm · tháng cuối kỳ (báo cáo):
 *              a day in the last month of each quarter, of the year, of each reporting period;
 *              ngày 10 hàng tháng: that day of every month; ngày 5 tháng đầu quý sau: the month after
 *              each quarter (Quý IV's in January of the next year)
 *   bareYear   năm (a period in "hàng quý/6 tháng/năm")
 *   continuous thường xuyên · liên tục · hàng ngày · hàng tuần
 *   bad        a date that cannot exist (31/2/2025, tháng 13): carries the reason
 *   word, sep  everything else
 */
import type { IsoDate } from '../cell';
import { expandTwoDigitYear, monthEnd, toIso } from './calendar';
import { checkDay } from './date';
import { quarterNumber, ROMAN } from './tokens';

export interface Span {
  start: IsoDate;
  end: IsoDate;
  /** How a recurring list names it: "Quý I", "Tháng 11", "6 tháng", "Năm"; '' for a day. */
  label: string;
  /** A named day, month or quarter (after which "hàng năm" only says "every year"). */
  specific: boolean;
}

export type TimeToken =
  | ({ t: 'point' } & Span)
  | { t: 'every'; unit: 'quy' | 'thang' | 'nam' }
  | { t: 'periodic' }
  | { t: 'dayOfLast'; day: number; of: 'quy' | 'nam' | 'ky' | 'thang' | 'quySau' }
  | { t: 'bareYear' }
  | { t: 'continuous' }
  | { t: 'bad'; code: string; reason: string }
  | { t: 'word'; w: string }
  | { t: 'sep'; s: string };

const YEAR_AFTER = String.raw`(?:\s*(?:\/|-|nam)\s*(\d{4})(?!\d))?`;

type Matcher = [RegExp, (m: RegExpExecArray, planYear: number, prev: TimeToken | undefined) => TimeToken | null];

const yearOr = (text: string | undefined, planYear: number) => (text ? Number(text) : planYear);

function quarterSpan(q: number, y: number): TimeToken {
  return { t: 'point', start: toIso(y, 3 * q - 2, 1), end: monthEnd(y, 3 * q), label: `Quý ${ROMAN[q]}`, specific: true };
}

function yearSpan(y: number, label = 'Năm'): TimeToken {
  return { t: 'point', start: toIso(y, 1, 1), end: toIso(y, 12, 31), label, specific: false };
}

function plausibleYear(y: number): TimeToken | null {
  return y >= 1900 && y <= 9999
    ? null
    : { t: 'bad', code: 'deadline.year', reason: `Năm ${y} không hợp lệ. Ghi năm đủ 4 chữ số, ví dụ 2025.` };
}

function dayPoint(d: number, m: number, y: number, shown: string): TimeToken {
  const checked = checkDay(d, m, y, shown);
  if (!checked.ok) return { t: 'bad', code: 'deadline.invalid_date', reason: checked.reason };
  return { t: 'point', start: checked.value, end: checked.value, label: '', specific: true };
}

/**
 * True when the match follows "tu " ("từ đầu năm"). Checked here rather than by a lookbehind in the
 * pattern: the Excel pane also runs in Internet Explorer 11, whose regular expressions have none.
 */
const afterTu = (m: RegExpExecArray): boolean => /tu\s$/.test(m.input.slice(Math.max(0, m.index - 3), m.index));

const MATCHERS: Matcher[] = [
  [/(?:thuong\s*xuyen|lien\s*tuc|(?:hang|moi)\s*(?:ngay|tuan))(?![a-z])/y, () => ({ t: 'continuous' })],
  [/(?:hang|moi)\s*(quy|thang|nam)(?![a-z0-9])(?!\s*\d)/y, (m) => ({ t: 'every', unit: m[1] as 'quy' | 'thang' | 'nam' })],
  [/dinh\s*ky(?![a-z])/y, () => ({ t: 'periodic' })],
  [
    // "ngày 15 (của) tháng cuối (cùng) (của) (mỗi) quý / năm / kỳ (báo cáo)"
    /ngay\s*(\d{1,2})\s*(?:cua\s*)?thang\s*cuoi(?:\s*cung)?\s*(?:cua\s*)?(?:(?:moi|tung|hang|hang)\s*)?(quy|nam|ky)(?:\s*bao\s*cao)?(?![a-z])/y,
    (m) => ({ t: 'dayOfLast', day: Number(m[1]), of: m[2] as 'quy' | 'nam' | 'ky' }),
  ],
  [/ngay\s*(\d{1,2})\s*(?:cua\s*)?(?:hang|moi)\s*thang(?![a-z])/y, (m) => ({ t: 'dayOfLast', day: Number(m[1]), of: 'thang' })],
  [
    // "ngày 5 (của) tháng đầu (của) quý sau / kỳ sau": a day in the month after each quarter.
    /ngay\s*(\d{1,2})\s*(?:cua\s*)?thang\s*dau(?:\s*tien)?\s*(?:cua\s*)?(?:quy|ky(?:\s*bao\s*cao)?)\s*(?:sau|tiep\s*theo|ke\s*tiep)(?![a-z])/y,
    (m) => ({ t: 'dayOfLast', day: Number(m[1]), of: 'quySau' }),
  ],
  [
    // "ngày 15 hàng quý": which month of the quarter is not said — refused, not guessed.
    /ngay\s*(\d{1,2})\s*(?:cua\s*)?(?:hang|moi|tung)\s*(quy|ky)(?![a-z])/y,
    (m) => ({
      t: 'bad', code: 'deadline.unplaced',
      reason: `“ngày ${m[1]} hàng quý” không nói tháng nào của quý. Ghi “ngày ${m[1]} tháng cuối quý” hoặc ngày cụ thể, ví dụ “Quý I: ${m[1]}/3”.`,
    }),
  ],
  [
    // "đầu năm 2026", "giữa năm", "đầu quý III", "giữa tháng 5": no day is said — refused, not guessed
    // ("từ đầu năm" starts a span and stays a word; "6 tháng đầu năm" is read before this).
    /(dau|giua)\s*(nam|quy|thang)(?![a-z])/y,
    (m, py) => {
      if (afterTu(m)) return null;
      const what = `${m[1] === 'dau' ? 'đầu' : 'giữa'} ${({ nam: 'năm', quy: 'quý', thang: 'tháng' } as Record<string, string>)[m[2]]}`;
      const example =
        m[2] === 'nam'
          ? m[1] === 'dau' ? `“Quý I/${py}” hoặc “Trước ngày 31/3/${py}”` : `“Quý II/${py}” hoặc “Trước ngày 30/6/${py}”`
          : m[2] === 'quy' ? `“Tháng 7/${py}” hoặc “Trước ngày 15/7/${py}”` : `“Trước ngày 15/5/${py}”`;
      return { t: 'bad', code: 'deadline.unplaced', reason: `“${what}” không nói hạn đến ngày nào. Ghi rõ, ví dụ ${example}.` };
    },
  ],
  [
    // "từ đầu năm (2026) đến …": the span starts on 1 January.
    /dau\s*nam(?:\s*(\d{4})(?!\d))?(?![a-z])/y,
    (m, py) => {
      if (!afterTu(m)) return null;
      const y = yearOr(m[1], py);
      return { t: 'point', start: toIso(y, 1, 1), end: toIso(y, 1, 1), label: '', specific: false };
    },
  ],
  [
    // "tuần đầu (tiên) của tháng 3": by the 7th; "tuần cuối (cùng) của tháng 3": by the month's end.
    new RegExp(String.raw`tuan\s*(dau|cuoi)(?:\s*(?:tien|cung))?\s*(?:cua\s*)?thang\s*(\d{1,2})(?!\d)${YEAR_AFTER}`, 'y'),
    (m, py) => {
      const mo = Number(m[2]);
      const y = yearOr(m[3], py);
      if (mo < 1 || mo > 12) return { t: 'bad', code: 'deadline.invalid_date', reason: `Tháng ${mo} không có thật (tháng từ 1 đến 12).` };
      const end = m[1] === 'dau' ? toIso(y, mo, 7) : monthEnd(y, mo);
      return { t: 'point', start: end, end, label: '', specific: true };
    },
  ],
  [
    /(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})(?!\d)(?:\s*(?:nam|\/|-|,)\s*(\d{4})(?!\d))?/y,
    (m, py) => dayPoint(Number(m[1]), Number(m[2]), yearOr(m[3], py), m[0]),
  ],
  [
    new RegExp(String.raw`(?:quy|qui|q)\s*\.?\s*(iv|iii|ii|i|[1-4])(?![a-z0-9])${YEAR_AFTER}`, 'y'),
    (m, py) => plausibleYear(yearOr(m[2], py)) ?? quarterSpan(quarterNumber(m[1]) ?? 1, yearOr(m[2], py)),
  ],
  [
    // "quý I, II và III": a bare Roman numeral right after a quarter is another quarter.
    new RegExp(String.raw`(iv|iii|ii|i)(?![a-z0-9])${YEAR_AFTER}`, 'y'),
    (m, py, prev) =>
      prev?.t === 'point' && prev.label.startsWith('Quý')
        ? quarterSpan(quarterNumber(m[1]) ?? 1, m[2] ? Number(m[2]) : Number(prev.end.slice(0, 4)))
        : null,
  ],
  [/0?6\s*thang\s*cuoi\s*nam(?:\s*(\d{4})(?!\d))?/y, (m, py) => yearSpan(yearOr(m[1], py))],
  [
    /(?:0?6\s*thang|sau\s*thang(?!\s*\d)|nua\s*nam)(?:\s*dau\s*nam)?(?:\s*(?:nam\s*)?(\d{4})(?!\d))?/y,
    (m, py) => {
      const y = yearOr(m[1], py);
      return { t: 'point', start: toIso(y, 1, 1), end: toIso(y, 6, 30), label: '6 tháng', specific: false };
    },
  ],
  [
    /(?:0?9\s*thang|chin\s*thang(?!\s*\d))(?:\s*dau\s*nam)?(?:\s*(?:nam\s*)?(\d{4})(?!\d))?/y,
    (m, py) => {
      const y = yearOr(m[1], py);
      return { t: 'point', start: toIso(y, 1, 1), end: toIso(y, 9, 30), label: '9 tháng', specific: false };
    },
  ],
  [
    new RegExp(String.raw`thang\s*(\d{1,2})(?!\d)${YEAR_AFTER}`, 'y'),
    (m, py) => {
      const mo = Number(m[1]);
      const y = yearOr(m[2], py);
      if (mo < 1 || mo > 12) {
        return { t: 'bad', code: 'deadline.invalid_date', reason: `Tháng ${mo} không có thật (tháng từ 1 đến 12). Ghi ví dụ “Tháng 6/${y}”.` };
      }
      return plausibleYear(y) ?? { t: 'point', start: toIso(y, mo, 1), end: monthEnd(y, mo), label: `Tháng ${mo}`, specific: true };
    },
  ],
  [/(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/y, (m) => dayPoint(Number(m[3]), Number(m[2]), Number(m[1]), m[0])],
  [
    /(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?!\d|[/.-]\d)/y,
    (m, py) => {
      const y = m[4] === undefined ? py : m[4].length === 2 ? expandTwoDigitYear(Number(m[4])) : Number(m[4]);
      return dayPoint(Number(m[1]), Number(m[3]), y, m[0]);
    },
  ],
  [/(?:ca|trong|cuoi)\s*nam(?:\s*(\d{4})(?!\d))?(?![a-z])/y, (m, py) => yearSpan(yearOr(m[1], py))],
  [/nam\s*(\d{4})(?!\d)/y, (m) => plausibleYear(Number(m[1])) ?? yearSpan(Number(m[1]))],
  [/nam(?![a-z])/y, () => ({ t: 'bareYear' })],
];

/** The last token that is not a separator or "và" ("quý I, II và III"). */
function lastMeaningful(tokens: readonly TimeToken[]): TimeToken | undefined {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.t !== 'sep' && !(t.t === 'word' && t.w === 'va')) return t;
  }
  return undefined;
}

const UNIT_WORD: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, lam: 5, sau: 6, bay: 7, tam: 8, chin: 9 };
const SPELLED = new RegExp(
  String.raw`\b(ngay|thang)\s+(?:(hai|ba)\s+muoi|(muoi))(?:\s+(mot|hai|ba|bon|tu|lam|sau|bay|tam|chin))?(?![a-z])` +
    String.raw`|\b(ngay|thang)\s+(mot|hai|ba|bon|tu|sau|bay|tam|chin)(?![a-z])`,
  'g',
);

/**
 * Day and month numbers written in words become digits: "ngày hai mươi tháng mười một" → "ngay 20
 * thang 11" (mười = 10, hai mươi = 20, mốt = 1, lăm = 5, tư = 4). "tháng năm" is left alone: it is
 * also "tháng, năm".
 */
export function spelledDayMonth(folded: string): string {
  return folded.replace(SPELLED, (_m, w1, tens, ten, unit, w2, single) => {
    if (w2) return `${w2} ${UNIT_WORD[single]}`;
    const n = (tens ? UNIT_WORD[tens] * 10 : 10) + (unit ? UNIT_WORD[unit] : 0);
    return `${w1} ${n}`;
  });
}

/** Folded clause text → time tokens. Never throws. */
export function scanDeadline(rawFolded: string, planYear: number): TimeToken[] {
  const folded = spelledDayMonth(rawFolded);
  const out: TimeToken[] = [];
  let i = 0;
  while (i < folded.length) {
    if (/\s/.test(folded[i])) {
      i++;
      continue;
    }
    let matched = false;
    for (const [re, make] of MATCHERS) {
      re.lastIndex = i;
      const m = re.exec(folded);
      if (!m || m[0] === '') continue;
      const tok = make(m, planYear, lastMeaningful(out));
      if (!tok) continue;
      out.push(tok);
      i += m[0].length;
      matched = true;
      break;
    }
    if (matched) continue;
    const word = /[a-z0-9]+/y;
    word.lastIndex = i;
    const w = word.exec(folded);
    if (w) {
      out.push({ t: 'word', w: w[0] });
      i += w[0].length;
    } else {
      out.push({ t: 'sep', s: folded[i] });
      i++;
    }
  }
  return out;
}
