/**
 * Target cells of Phụ lục 1 ("Chỉ tiêu phấn đấu"), read by a small grammar over tokens:
 *
 *   cell      := clause (';' | line | list bullet) clause …     a clause ending in ':' joins the next
 *   clause    := segment ((',' | 'và') segment)*               cut only where each side has its own number,
 *                                                               or where a ranking stands apart
 *   segment   := ranking                                        → unmeasurable, with its reason
 *              | [year] [measure] [level] [change] [comparator filler*] number [unit] [range] [suffix] [per]
 *                [level] subject [level] [baseline]            → numeric
 *              | completion word …                             → qualitative
 *   comparator:= tối thiểu | ít nhất | không dưới | không thấp hơn | từ | ≥        → gte
 *              | trên | hơn | lớn hơn | cao hơn | vượt | >                          → gt
 *              | tối đa | không quá | không vượt quá | không hơn | ≤                 → lte
 *              | dưới | ít hơn | thấp hơn | nhỏ hơn | <                             → lt
 *              | bằng | =                                                          → eq
 *   suffix    := trở lên (gte) | trở xuống (lte)
 *   range     := ('-' | '–' | 'đến' | 'tới') number [unit]                         → between
 *   unit      := '%' | phần trăm (percent, stored as a fraction) | phút | giờ (as minutes) | ngày [làm việc]
 *              | a word (count, the words are the subject) | nothing (none)
 *   per       := '/' [number] words        "15 phút/01 lượt giao dịch" → subject "lượt giao dịch"
 *   level     := [ở | đối với | tại] cấp (tỉnh | huyện | xã | cơ sở)   "80% ở cấp tỉnh, 70% cấp xã"
 *   change    := giảm | cắt giảm | rút ngắn | tăng   (not made absolute by xuống/còn/lên/đạt before the number)
 *   baseline  := so với (năm YYYY | hiện nay | hiện tại | năm trước | cùng kỳ …)
 *   year      := năm YYYY (that year's figure) | (đến | tới | trước) năm YYYY (to reach by then), before
 *                the number: "Năm 2026: 90%", "Phấn đấu đến năm 2030 đạt 100%" — never this year's floor
 *   ranking   := xếp hạng | thứ hạng | top | dẫn đầu | đứng đầu | nhóm … (đầu | khá | tốt …) | giữ vững vị trí …
 *
 * Words are matched without diacritics, so "toi thieu 90%" reads like "tối thiểu 90%".
 * Without a comparator, a number is a floor (a bare "80%" is met at ≥ 80%), except durations
 * (minutes, days), where lower is better and a bare "15 phút" reads ≤ 15 phút; a change ("giảm 2
 * ngày") is an amount to reach at least, against its baseline — never a floor on a rate.
 * In a list, a segment that writes neither a comparator nor a measure takes the first one's
 * ("Tối thiểu 80% ở cấp tỉnh, 70% cấp xã": both floors); one baseline written at the end is each
 * change's. A cell with several targets keeps each one's measure words ("Công bố", "đơn giản hóa").
 * "Trên 100%" is read literally (> 100%) with a warning that 100% was probably meant.
 * A place in a group or ranking is read as not measurable from the unit's figures, kept with its
 * reason and never judged; other text without a number is refused with code target.no_number.
 * A number cell (Excel keeps a typed "80%" as 0.8) reads as a percentage when 0–1, otherwise as a plain number.
 */
import { MAX_PARSED_TEXT, tooLongToRead } from './limits';
import type { CellValue } from '../cell';
import type { Comparator, NumericTarget, Target, TargetLevel, TargetReading, TargetUnit, UnmeasurableTarget } from '../model';
import { fail, ok, type Parsed } from '../result';
import { cleanText, foldKey, isBlankText } from '../text/normalize';
import { formatNumberVi, formatPercentVi, parseNumber, tidy } from './number';
import { readNumeral } from './numeral';
import { keepLines, phraseEndingAt, phraseStartingAt, splitClauses, tokenize, type Token } from './tokens';

const PREFIX: Record<string, Comparator> = {
  'toi thieu': 'gte', 'it nhat': 'gte', 'thap nhat': 'gte', 'khong duoi': 'gte', 'khong thap hon': 'gte',
  'khong it hon': 'gte', tu: 'gte', 'tu muc': 'gte',
  tren: 'gt', hon: 'gt', 'lon hon': 'gt', 'cao hon': 'gt', 'nhieu hon': 'gt', vuot: 'gt', 'vuot qua': 'gt',
  'toi da': 'lte', 'khong qua': 'lte', 'khong vuot': 'lte', 'khong vuot qua': 'lte', 'khong hon': 'lte',
  'khong cao hon': 'lte', 'khong lon hon': 'lte', 'khong nhieu hon': 'lte', 'nhieu nhat': 'lte', 'cao nhat': 'lte',
  duoi: 'lt', 'it hon': 'lt', 'thap hon': 'lt', 'nho hon': 'lt',
  bang: 'eq',
};
const SYMBOL: Record<string, Comparator> = {
  '≥': 'gte', '>=': 'gte', '=>': 'gte', '>': 'gt', '≤': 'lte', '<=': 'lte', '=<': 'lte', '<': 'lt', '=': 'eq',
};
const SUFFIX: Record<string, Comparator> = { 'tro len': 'gte', 'tro xuong': 'lte' };
/** Words that may stand between a comparator and its number: "tối thiểu là 90%", "đạt ở mức 90%". */
const FILLER = new Set(['la', 'dat', 'o', 'muc', 'con', 'khoang', 'vao']);
/** After giảm/tăng, these make the number absolute: "giảm xuống còn 15 phút", "tăng lên 90%". */
const ABSOLUTE = new Set(['xuong', 'con', 'len', 'dat', 'muc']);
const RANGE_WORDS = new Set(['den', 'toi']);
const RANGE_SYMBOLS = new Set(['-', '–', '—', '~']);
/**
 * A place in a ranking, tier or group: ranked by others, never computed from a unit's own figures.
 * "vị trí" alone is not one ("vị trí việc làm" is a staffing term).
 */
const RANKING = new RegExp(
  String.raw`\b(?:xep hang|xep loai|thu hang|thu bac|top|dan dau|dung dau|tang hang|tang bac|nang hang|xep thu|dung thu|` +
    String.raw`nhom (?:\d+ )?(?:[a-z]+ ){0,3}?(?:dan dau|dung dau|dau|cao nhat|kha|tot|xuat sac)|` +
    String.raw`(?:giu vung|nang|cai thien|duy tri) (?:vi tri|hang|thu hang))\b`,
);
const QUALITATIVE_START = /^(?:da )?(?:hoan thanh|dat|co|thuc hien|dam bao|duy tri|ban hanh|trien khai|to chuc)\b/;

const HINT =
  'Ghi chỉ tiêu có số, ví dụ “100%”, “tối thiểu 90%”, “từ 95% - 100%”, “tối đa 15 phút/lượt”, hoặc “Hoàn thành” nếu chỉ cần làm xong';

const SYMBOL_OF: Record<Comparator, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=', between: '' };

interface NumberAt {
  value: number;
  unit: TargetUnit;
  /** Index of the first token after the number and its unit. */
  next: number;
}

/** Reads the number at token i and the unit after it. */
function numberAt(tokens: readonly Token[], i: number): Parsed<NumberAt> {
  const n = readNumeral(tokens[i].raw);
  if (!n.ok) return fail('target.number', n.reason);
  const t = tokens[i + 1];
  if (t?.kind === 'symbol' && t.raw === '%') return ok({ value: tidy(n.value / 100), unit: 'percent', next: i + 2 });
  const unit = phraseStartingAt(tokens, i + 1, ['phan tram', 'phut', 'gio', 'ngay', 'ngay lam viec']);
  if (unit?.phrase === 'phan tram') return ok({ value: tidy(n.value / 100), unit: 'percent', next: unit.end });
  if (unit?.phrase === 'phut') return ok({ value: n.value, unit: 'minutes', next: unit.end });
  if (unit?.phrase === 'gio') return ok({ value: tidy(n.value * 60), unit: 'minutes', next: unit.end });
  if (unit) return ok({ value: n.value, unit: 'days', next: unit.end });
  return ok({ value: n.value, unit: 'none', next: i + 1 });
}

/** Comparator written just before token n, skipping filler words. */
function prefixComparator(tokens: readonly Token[], n: number): { comparator: Comparator; start: number; from: boolean } | null {
  let j = n - 1;
  while (j >= 0 && tokens[j].kind === 'word' && FILLER.has(tokens[j].key)) j--;
  if (j < 0) return null;
  const sym = tokens[j].kind === 'symbol' ? SYMBOL[tokens[j].key] : undefined;
  if (sym) return { comparator: sym, start: j, from: false };
  const hit = phraseEndingAt(tokens, j, Object.keys(PREFIX));
  return hit ? { comparator: PREFIX[hit.phrase], start: hit.start, from: hit.phrase.startsWith('tu') } : null;
}

/**
 * The change verb of a relative target, ending at token r: "giảm", "cắt giảm", "rút ngắn", "tăng"
 * (written with these diacritics or with none, so "giám sát" and "tầng" do not count; "tăng cường",
 * "giảm sát" and the like are other words).
 */
function changeVerbAt(tokens: readonly Token[], r: number): { direction: 'increase' | 'decrease'; start: number } | null {
  const t = tokens[r];
  if (!t || t.kind !== 'word') return null;
  const lower = t.raw.toLowerCase();
  const next = tokens[r + 1]?.key;
  if ((lower === 'giảm' || lower === 'giam') && !['sat', 'doc', 'dinh'].includes(next)) {
    return { direction: 'decrease', start: tokens[r - 1]?.key === 'cat' ? r - 1 : r };
  }
  if ((lower === 'ngắn' || lower === 'ngan') && tokens[r - 1]?.key === 'rut') return { direction: 'decrease', start: r - 1 };
  if ((lower === 'tăng' || lower === 'tang') && next !== 'cuong') return { direction: 'increase', start: r };
  return null;
}

/**
 * A change verb at most two words before the comparator or number, or opening the clause with no
 * word between it and the number that makes the number absolute ("giảm … xuống còn 15 phút" is a
 * ceiling, not a change).
 */
function relativeBefore(tokens: readonly Token[], start: number): { direction: 'increase' | 'decrease'; start: number } | null {
  for (let r = start - 1; r >= Math.max(0, start - 2); r--) {
    const t = tokens[r];
    if (t.kind !== 'word' || ABSOLUTE.has(t.key)) return null;
    const verb = changeVerbAt(tokens, r);
    if (verb) return verb;
  }
  for (let r = 0; r < Math.min(start, 3); r++) {
    const verb = changeVerbAt(tokens, r);
    if (!verb) continue;
    for (let k = r + 1; k < start; k++) if (tokens[k].kind === 'word' && ABSOLUTE.has(tokens[k].key)) return null;
    return verb;
  }
  return null;
}

/** Words before a number that make it a reference, not a target: "năm 2025", "Kế hoạch số 05". */
const NOT_TARGET_BEFORE = new Set(['nam', 'ngay', 'thang', 'quy', 'so', 'khoan', 'dieu']);

/**
 * The number a clause is about: the first percentage if there is one (the start of its range if it
 * ends one: "95 - 100%"), else the first number that is not a year, day or document number; -1 if none.
 */
function targetNumberIndex(tokens: readonly Token[]): number {
  const isNumber = (i: number) => tokens[i]?.kind === 'number';
  const isLink = (t: Token | undefined) =>
    !!t && ((t.kind === 'symbol' && RANGE_SYMBOLS.has(t.raw)) || (t.kind === 'word' && RANGE_WORDS.has(t.key)));
  const pct = tokens.findIndex(
    (t, i) => t.kind === 'number' && (tokens[i + 1]?.raw === '%' || phraseStartingAt(tokens, i + 1, ['phan tram'])),
  );
  if (pct >= 0) return isLink(tokens[pct - 1]) && isNumber(pct - 2) ? pct - 2 : pct;
  const plain = tokens.findIndex((t, i) => t.kind === 'number' && !(i > 0 && NOT_TARGET_BEFORE.has(tokens[i - 1].key)));
  return plain;
}

type Relative = NonNullable<NumericTarget['relative']>;
/** "hiện nay", "hiện tại", "thời điểm hiện tại", "đầu kỳ": the value when the plan was made. */
const BASE_CURRENT = ['hien nay', 'hien tai', 'thoi diem hien tai', 'thoi diem ban hanh ke hoach', 'dau ky'];
/** "năm trước", "cùng kỳ năm trước", "năm liền kề trước": the year before the plan's. */
const BASE_PREVIOUS = ['nam truoc', 'cung ky', 'cung ky nam truoc', 'nam lien ke truoc'];

/** "so với năm 2024" / "so với hiện nay" / "so với năm trước" after token `from`; at: where "so với" starts. */
function baselineAfter(tokens: readonly Token[], from: number): { base: Omit<Relative, 'direction'>; at: number } {
  for (let i = from; i < tokens.length; i++) {
    if (!phraseStartingAt(tokens, i, ['so voi'])) continue;
    const after = i + 2;
    const year = tokens[after]?.key === 'nam' && tokens[after + 1]?.kind === 'number' && /^\d{4}$/.test(tokens[after + 1].raw);
    if (year) return { base: { baseYear: Number(tokens[after + 1].raw) }, at: i };
    if (phraseStartingAt(tokens, after, BASE_CURRENT)) return { base: { base: 'current' }, at: i };
    if (phraseStartingAt(tokens, after, BASE_PREVIOUS)) return { base: { base: 'previous_year' }, at: i };
    const y = tokens.slice(after).find((t) => t.kind === 'number' && /^\d{4}$/.test(t.raw));
    return { base: y ? { baseYear: Number(y.raw) } : {}, at: i };
  }
  return { base: {}, at: tokens.length };
}

/** Levels a per-level target names: "cấp tỉnh", "cấp huyện", "cấp xã" ("cấp cơ sở" is the commune). */
const LEVEL: Record<string, TargetLevel> = { 'cap tinh': 'tinh', 'cap huyen': 'huyen', 'cap xa': 'xa', 'cap co so': 'xa' };
const LEVEL_LEAD = ['o', 'doi voi', 'tai', 'voi', 'trong'];
const LEVEL_NAME: Record<TargetLevel, string> = { tinh: 'cấp tỉnh', huyen: 'cấp huyện', xa: 'cấp xã' };

/** A level phrase starting at token i, with an optional lead word ("ở cấp xã") or brackets ("(cấp xã)"). */
function levelAt(tokens: readonly Token[], i: number): { level: TargetLevel; end: number } | null {
  const open = tokens[i]?.raw === '(';
  const from = open ? i + 1 : i;
  const lead = phraseStartingAt(tokens, from, LEVEL_LEAD);
  for (const at of lead ? [lead.end, from] : [from]) {
    const hit = phraseStartingAt(tokens, at, Object.keys(LEVEL));
    if (!hit) continue;
    if (!open) return { level: LEVEL[hit.phrase], end: hit.end };
    if (tokens[hit.end]?.raw === ')') return { level: LEVEL[hit.phrase], end: hit.end + 1 };
  }
  return null;
}

/**
 * A level phrase with its lead word that ends the token range [from, to) ("… hồ sơ ở cấp xã"): its
 * first index. Without the lead word the level belongs to the subject ("cán bộ, công chức cấp xã").
 */
function levelEnding(tokens: readonly Token[], from: number, to: number): { level: TargetLevel; start: number } | null {
  for (let i = Math.max(from, to - 4); i < to; i++) {
    const hit = levelAt(tokens, i);
    if (hit && hit.end === to && (tokens[i].raw === '(' || phraseStartingAt(tokens, i, LEVEL_LEAD))) return { level: hit.level, start: i };
  }
  return null;
}

const trimSubject = (s: string) => cleanText(s.replace(/[\s.…,;:()]+$/u, '').replace(/^[\s/,:;()-]+/u, ''));

/** One target read from a segment, with what the segment says around it. */
interface Read {
  target: Target;
  /** A comparator word or symbol was written (not the default floor or ceiling). */
  explicit: boolean;
  /** The words before the comparator or number that name the measure ("Công bố"), '' if none. */
  measure: string;
  /** A "so với …" written after the number, kept for a change this segment inherits. */
  baseline?: Omit<Relative, 'direction'>;
  /** The subject up to that "so với …". */
  subjectBeforeBase?: string;
}

/** Measure words: the text before `end`, after the last ':' and without fillers or a level. */
function measureBefore(text: string, tokens: readonly Token[], end: number, year: YearAt | null): string {
  let from = 0;
  for (let i = 0; i < end; i++) if (tokens[i].raw === ':') from = i + 1;
  // "Phấn đấu …" and a year ("năm 2026", "đến năm 2030") say when, not what.
  for (;;) {
    const start = from;
    if (year && year.start <= from && year.end > from) from = year.end;
    const lead = levelAt(tokens, from);
    if (lead && lead.end <= end) from = lead.end;
    const aim = phraseStartingAt(tokens, from, ['phan dau']);
    if (aim && aim.end <= end) from = aim.end;
    while (from < end && tokens[from].kind === 'word' && FILLER.has(tokens[from].key)) from++;
    if (from < end && tokens[from].raw === ':') from++;
    if (from === start) break;
  }
  let to = end;
  if (year && year.end === to && year.start >= from) to = year.start;
  while (to > from && tokens[to - 1].kind === 'word' && FILLER.has(tokens[to - 1].key)) to--;
  if (to <= from) return '';
  return trimSubject(text.slice(tokens[from].start, tokens[to - 1].end));
}

interface YearAt {
  year: number;
  /** "đến/tới/trước năm 2030": to be reached by then; else the figure of that year. */
  by: boolean;
  start: number;
  end: number;
}

/** "năm 2026" or "đến năm 2030" before token n (the target's number), if the segment names one. */
function yearBefore(tokens: readonly Token[], n: number): YearAt | null {
  for (let i = 0; i + 1 < n; i++) {
    if (tokens[i].key !== 'nam' || tokens[i + 1].kind !== 'number' || !/^\d{4}$/.test(tokens[i + 1].raw)) continue;
    const by = i > 0 && ['den', 'toi', 'truoc'].includes(tokens[i - 1].key);
    return { year: Number(tokens[i + 1].raw), by, start: by ? i - 1 : i, end: i + 2 };
  }
  return null;
}

function readNumericClause(text: string, tokens: Token[], n: number): Parsed<Read> {
  const first = numberAt(tokens, n);
  if (!first.ok) return first;
  let { value, unit, next } = first.value;
  let high: number | undefined;

  const prefix = prefixComparator(tokens, n);
  let comparator: Comparator | null = prefix?.comparator ?? null;

  // Range: "95% - 100%", "từ 95 đến 100%".
  const link = tokens[next];
  const isLink = link && ((link.kind === 'symbol' && RANGE_SYMBOLS.has(link.raw)) || (link.kind === 'word' && RANGE_WORDS.has(link.key)));
  if (isLink && tokens[next + 1]?.kind === 'number') {
    const second = numberAt(tokens, next + 1);
    if (!second.ok) return second;
    if (unit === 'none' && second.value.unit === 'percent') value = tidy(value / 100);
    if (unit === 'none') unit = second.value.unit;
    if (second.value.unit === unit || second.value.unit === 'none') {
      high = second.value.unit === 'none' && unit === 'percent' ? tidy(second.value.value / 100) : second.value.value;
      next = second.value.next;
      if (high < value) [value, high] = [high, value];
      if (prefix && prefix.comparator !== 'gte') {
        return fail('target.conflict', `“${text}” vừa ghi khoảng vừa ghi “${tokens[prefix.start].raw}”. ${HINT}.`);
      }
      comparator = 'between';
    }
  }

  const suffix = phraseStartingAt(tokens, next, Object.keys(SUFFIX));
  if (suffix) {
    const s = SUFFIX[suffix.phrase];
    if (comparator && comparator !== s && !(comparator === 'between' && s === 'gte')) {
      return fail('target.conflict', `“${text}” có hai cách so sánh trái nhau. ${HINT}.`);
    }
    if (comparator !== 'between') comparator = s;
    next = suffix.end;
  }
  const explicit = comparator !== null;

  // Per: "15 phút/01 lượt giao dịch" — a "/1" is dropped, another count stays in the subject.
  if (tokens[next]?.raw === '/' && tokens[next + 1]) {
    next++;
    if (tokens[next].kind === 'number' && Number(tokens[next].raw) === 1 && tokens[next + 1]) next++;
  }

  // A level right after the number ("80% ở cấp tỉnh"), before it ("cấp xã 70%") or ending the subject.
  let level: TargetLevel | undefined;
  const levelAfter = levelAt(tokens, next);
  if (levelAfter) {
    level = levelAfter.level;
    next = levelAfter.end;
  }

  const verb = relativeBefore(tokens, prefix?.start ?? n);
  // "so với …" ends the subject; it is this target's baseline if it is a change, else a later
  // segment's list may give it one ("giảm 10% chi phí và 20% thời gian so với năm 2024").
  const baseline = baselineAfter(tokens, next);
  let subjectEndToken = verb ? baseline.at : tokens.length;
  let relative: NumericTarget['relative'];
  if (verb) relative = { direction: verb.direction, ...baseline.base };
  const levelTail = levelEnding(tokens, next, subjectEndToken);
  if (!level && levelTail) {
    level = levelTail.level;
    subjectEndToken = levelTail.start;
  }
  if (!level) {
    const opening = levelAt(tokens, 0);
    if (opening && opening.end <= (prefix?.start ?? n)) level = opening.level;
  }
  const subjectTo = (end: number) => {
    const to = end < tokens.length ? tokens[end].start : text.length;
    return next < tokens.length && tokens[next].start < to ? trimSubject(text.slice(tokens[next].start, to)) : '';
  };
  const subject = subjectTo(subjectEndToken);
  if (unit === 'none' && subject !== '') unit = 'count';
  // A change ("giảm 2 ngày") is an amount to reach at least; a bare duration is a ceiling.
  if (!comparator) comparator = !relative && (unit === 'minutes' || unit === 'days') ? 'lte' : 'gte';

  const target: NumericTarget = { kind: 'numeric', comparator, value, unit, subject };
  if (high !== undefined) target.high = high;
  if (relative) target.relative = relative;
  if (level) target.level = level;
  if (unit === 'percent' && !relative) {
    if (comparator === 'gt' && value >= 1) {
      const written = text.slice(tokens[prefix?.start ?? n].start, tokens[next - 1]?.end ?? text.length);
      target.warning =
        `“${written}” nghĩa là hơn ${formatPercentVi(value)}, không thể đạt với một tỷ lệ (cao nhất là 100%); ` +
        'có lẽ ý là “100%”. Nên sửa thành “100%”.';
    } else if ((high ?? value) > 1) {
      target.warning = `Tỷ lệ trong “${text}” vượt 100%, không thể đạt. Kiểm tra lại và ghi tỷ lệ từ 0% đến 100%.`;
    }
  }
  const year = yearBefore(tokens, prefix?.start ?? n);
  if (year?.by) target.byYear = year.year;
  else if (year) target.forYear = year.year;
  const measureEnd = verb ? Math.min(verb.start, prefix?.start ?? n) : (prefix?.start ?? n);
  const read: Read = { target, explicit, measure: measureBefore(text, tokens, measureEnd, year) };
  if (!verb && baseline.at < tokens.length) {
    read.baseline = baseline.base;
    read.subjectBeforeBase = subjectTo(Math.min(baseline.at, levelTail?.start ?? tokens.length));
  }
  return ok(read);
}

const UNMEASURABLE_REASON =
  'Vị trí trong nhóm hoặc thứ hạng do cấp trên đánh giá, không tính được từ số liệu của đơn vị: ' +
  'ghi nhận để theo dõi, không tự đánh giá Đạt/Chưa đạt.';

/** One segment: a ranking, a number with what surrounds it, a word of completion, or nothing readable. */
function readSegment(text: string): Parsed<Read> {
  const tokens = tokenize(text);
  const key = foldKey(text);
  if (RANKING.test(key)) {
    const target: UnmeasurableTarget = { kind: 'unmeasurable', text, reason: UNMEASURABLE_REASON };
    return ok({ target, explicit: false, measure: '' });
  }
  const n = targetNumberIndex(tokens);
  if (n >= 0) return readNumericClause(text, tokens, n);
  if (QUALITATIVE_START.test(key)) {
    const expected = key === 'co' ? 'Có' : /^dat\b/.test(key) ? 'Đạt' : 'Hoàn thành';
    return ok({ target: { kind: 'qualitative', expected }, explicit: false, measure: '' });
  }
  return fail('target.no_number', `“${text}” không có số để đo. ${HINT}.`);
}

/**
 * Indices of the numbers that state a target of their own: not a year or document number, not the
 * second end of a range ("95% - 100%"), not the count after "/" ("15 phút/01 lượt").
 */
function targetNumbers(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'number') return;
    const prev = tokens[i - 1];
    if (prev && (NOT_TARGET_BEFORE.has(prev.key) || prev.raw === '/')) return;
    const linked = prev && ((prev.kind === 'symbol' && RANGE_SYMBOLS.has(prev.raw)) || (prev.kind === 'word' && RANGE_WORDS.has(prev.key)));
    if (linked && tokens[i - 2]?.kind === 'number') return;
    if (prev?.kind === 'word' && prev.key === 'voi' && tokens[i - 2]?.key === 'so') return;
    out.push(i);
  });
  return out;
}

/**
 * A clause with several numbers joined by a comma or "và" ("80% cấp tỉnh, 70% cấp xã", "Công bố 100%
 * TTHC và đơn giản hóa 10% TTHC") holds one target per number: cut at the last comma or "và" between
 * two of them. Numbers with no such word between stay in one segment ("100% hồ sơ trong 3 ngày").
 */
function segments(text: string): string[] {
  const tokens = tokenize(text);
  const numbers = targetNumbers(tokens);
  const cuts: number[] = [];
  for (let k = 1; k < numbers.length; k++) {
    for (let j = numbers[k] - 1; j > numbers[k - 1]; j--) {
      const t = tokens[j];
      if ((t.kind === 'symbol' && t.raw === ',') || (t.kind === 'word' && t.key === 'va')) {
        cuts.push(j);
        break;
      }
    }
  }
  // A ranking joined before the first number or after the last ("95% … và vào nhóm khá") is a target of its own.
  const isBoundary = (t: Token) => (t.kind === 'symbol' && t.raw === ',') || (t.kind === 'word' && t.key === 'va');
  const ranking = (from: number, to: number) =>
    to > from && RANKING.test(foldKey(text.slice(tokens[from].start, tokens[to - 1].end)));
  if (numbers.length > 0) {
    const last = numbers[numbers.length - 1];
    for (let j = last + 1; j < tokens.length; j++) {
      if (isBoundary(tokens[j]) && ranking(j + 1, tokens.length) && !ranking(last, j)) {
        cuts.push(j);
        break;
      }
    }
    for (let j = numbers[0] - 1; j > 0; j--) {
      if (isBoundary(tokens[j]) && ranking(0, j) && !ranking(j + 1, numbers[0] + 1)) {
        cuts.unshift(j);
        break;
      }
    }
  }
  if (cuts.length === 0) return [text];
  const out: string[] = [];
  let from = 0;
  for (const c of [...cuts, tokens.length]) {
    if (c > from) out.push(cleanText(text.slice(tokens[from].start, tokens[c - 1].end)));
    from = c + 1;
  }
  return out.filter((s) => s !== '');
}

/**
 * The segments of one clause, read: later segments that write neither a comparator nor a measure of
 * their own take the first one's ("Tối thiểu 80% ở cấp tỉnh, 70% cấp xã": both are floors; "giảm 10%
 * chi phí và 20% thời gian so với năm 2024": both are reductions against 2024).
 */
function readClause(text: string): Parsed<Read[]> {
  const reads: Read[] = [];
  let failure: Parsed<Read[]> | null = null;
  for (const segment of segments(text)) {
    const r = readSegment(segment);
    if (r.ok) reads.push(r.value);
    else if (r.code === 'target.number' || r.code === 'target.conflict') return r;
    else failure ??= r;
  }
  if (reads.length === 0) return failure ?? fail('target.no_number', `“${text}” không có số để đo. ${HINT}.`);
  const lead = reads[0];
  if (lead.target.kind === 'numeric' && lead.measure === '') {
    const l = lead.target;
    for (const r of reads.slice(1)) {
      if (r.target.kind !== 'numeric' || r.measure !== '' || r.explicit) continue;
      const t = r.target;
      if (lead.explicit && l.comparator !== 'between' && !t.relative) t.comparator = l.comparator;
      if (l.relative && !t.relative) {
        const own = r.baseline && (r.baseline.baseYear !== undefined || r.baseline.base !== undefined);
        t.relative = own ? { direction: l.relative.direction, ...r.baseline } : { ...l.relative };
        // A change is an amount to reach at least, whatever its unit ("giảm 2 ngày và 10% chi phí").
        t.comparator = 'gte';
        if (r.subjectBeforeBase !== undefined) t.subject = r.subjectBeforeBase;
        delete t.warning;
      }
    }
  }
  // A baseline written once, at the end, is every reduction's: "giảm 10% … và 20% … so với năm 2024".
  const relatives = reads.flatMap((r) => (r.target.kind === 'numeric' && r.target.relative ? [r.target.relative] : []));
  const based = relatives.filter((rel) => rel.baseYear !== undefined || rel.base !== undefined);
  if (based.length === 1) {
    for (const rel of relatives) if (rel !== based[0] && rel.baseYear === undefined && rel.base === undefined) Object.assign(rel, based[0], { direction: rel.direction });
  }
  return ok(reads);
}

/** Reads a target cell. Never throws; keeps the cell's text. Texts past MAX_PARSED_TEXT are refused unread. */
export function parseTarget(v: CellValue): Parsed<TargetReading> {
  if (v === null || v === undefined || (typeof v === 'string' && isBlankText(v))) {
    return fail('target.empty', `Chưa ghi chỉ tiêu. ${HINT}.`);
  }
  if (typeof v === 'boolean' || v instanceof Date) {
    return fail('target.not_text', `Ô chỉ tiêu chứa ${v instanceof Date ? 'ngày tháng' : 'giá trị đúng/sai'}. ${HINT}.`);
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return fail('target.number', `Ô chỉ tiêu chứa giá trị lỗi. ${HINT}.`);
    const percent = v >= 0 && v <= 1;
    const text = percent ? formatPercentVi(v, 10) : formatNumberVi(v, 10);
    return ok({
      text,
      targets: [{ kind: 'numeric', comparator: 'gte', value: v, unit: percent ? 'percent' : 'none', subject: '' }],
    });
  }
  if (typeof v !== 'string') return fail('target.not_text', `Ô chỉ tiêu không đọc được. ${HINT}.`);
  if (v.length > MAX_PARSED_TEXT) return fail('target.too_long', tooLongToRead('Ô chỉ tiêu', v));
  return readTargetText(v);
}

/**
 * The grammar itself, on a text of any length: parseTarget refuses texts past MAX_PARSED_TEXT before
 * this, for time; the grammar has no recursion and its cost grows linearly with the text (tested on
 * millions of characters), so that the bound is a choice, not what keeps it from failing.
 */
export function readTargetText(v: string): Parsed<TargetReading> {
  const text = keepLines(v);
  const marker = parseNumber(text);
  if (marker.ok && marker.value.kind === 'no_data') {
    return fail('target.empty', `“${text}” nghĩa là không có chỉ tiêu. ${HINT}.`);
  }
  const reads: Read[] = [];
  let firstFailure: Parsed<TargetReading> | null = null;
  for (const clause of splitClauses(v)) {
    const r = readClause(clause.text);
    // One by one: spread into push, a clause of a hundred thousand segments passes the stack.
    if (r.ok) for (const read of r.value) reads.push(read);
    else if (r.code === 'target.number' || r.code === 'target.conflict') return r;
    else firstFailure ??= r;
  }
  if (reads.length === 0) return firstFailure ?? fail('target.no_number', `“${text}” không có số để đo. ${HINT}.`);
  // Several targets: each keeps the words that name its measure, so that a row is judged on its own.
  if (reads.length > 1) {
    for (const r of reads) if (r.target.kind === 'numeric' && r.measure !== '') r.target.measure = r.measure;
  }
  return ok({ text, targets: reads.map((r) => r.target) });
}

function amount(value: number, unit: TargetUnit): string {
  switch (unit) {
    case 'percent':
      return formatPercentVi(value);
    case 'minutes':
      return `${formatNumberVi(value)} phút`;
    case 'days':
      return `${formatNumberVi(value)} ngày`;
    default:
      return formatNumberVi(value);
  }
}

function baselineText(rel: Relative): string {
  if (rel.baseYear !== undefined) return ` so với năm ${rel.baseYear}`;
  if (rel.base === 'current') return ' so với hiện nay';
  if (rel.base === 'previous_year') return ' so với năm trước';
  return '';
}

/**
 * A target in Vietnamese, short enough for a summary column: "≥ 90%", "≤ 15 phút/lượt giao dịch",
 * "95% – 100%", "> 100%", "≥ 5 hồ sơ", "Giảm 10% so với năm 2024", "≥ 70% cấp xã",
 * "Công bố ≥ 100% TTHC", "Hoàn thành"; a ranking target as written. Reads back with parseTarget.
 */
export function formatTarget(t: Target): string {
  if (!t || typeof t !== 'object') return '';
  if (t.kind === 'qualitative') return t.expected || 'Hoàn thành';
  if (t.kind === 'unmeasurable') return t.text;
  const per = t.unit === 'minutes' || t.unit === 'days';
  const subject = t.subject ? `${per ? '/' : ' '}${t.subject}` : '';
  const level = t.level ? ` ${t.subject ? 'ở ' : ''}${LEVEL_NAME[t.level]}` : '';
  const when = t.byYear !== undefined ? `Đến năm ${t.byYear}: ` : t.forYear !== undefined ? `Năm ${t.forYear}: ` : '';
  const measure = `${when}${t.measure ? `${t.measure} ` : ''}`;
  const body =
    t.comparator === 'between' && t.high !== undefined
      ? `${amount(t.value, t.unit)} – ${amount(t.high, t.unit)}`
      : `${SYMBOL_OF[t.comparator] ?? ''} ${amount(t.value, t.unit)}`.trim();
  if (!t.relative) return `${measure}${body}${subject}${level}`;
  const verb = t.relative.direction === 'decrease' ? 'Giảm' : 'Tăng';
  const relBody = t.comparator === 'gte' ? amount(t.value, t.unit) : body;
  return `${measure}${t.measure ? verb.toLowerCase() : verb} ${relBody}${subject}${level}${baselineText(t.relative)}`;
}

/** Several targets of one cell, one per clause: reads back with parseTarget into the same list. */
export function formatTargets(targets: readonly Target[]): string {
  return targets.map(formatTarget).join('; ');
}
