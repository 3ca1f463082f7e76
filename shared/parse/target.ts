/**
 * Target cells of Phụ lục 1 ("Chỉ tiêu phấn đấu"), read by a small grammar over tokens:
 *
 *   cell      := clause (';' | line | list bullet) clause …     one target per clause that has one
 *   clause    := words* [relative] [comparator filler*] number [unit] [range] [suffix] [per] subject
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
 *   relative  := giảm | tăng  (not followed by xuống/còn/lên/đạt before the number) … [so với năm YYYY]
 *
 * Words are matched without diacritics, so "toi thieu 90%" reads like "tối thiểu 90%".
 * Without a comparator, a number is a floor (a bare "80%" is met at ≥ 80%), except durations
 * (minutes, days), where lower is better and a bare "15 phút" reads ≤ 15 phút; a relative amount
 * ("giảm 2 ngày") is always at least that much.
 * "Trên 100%" is read literally (> 100%) with a warning that 100% was probably meant.
 * A clause without a number is qualitative when it starts with a word of completion ("Hoàn thành…",
 * "Đạt", "Có", "Thực hiện…", "Đảm bảo…", "Duy trì…", "Ban hành…", "Triển khai…"); a ranking target
 * ("nâng vị trí xếp hạng") or other text without a number is refused with code target.no_number.
 * A number cell (Excel keeps a typed "80%" as 0.8) reads as a percentage when 0–1, otherwise as a plain number.
 */
import { MAX_PARSED_TEXT, tooLongToRead } from './limits';
import type { CellValue } from '../cell';
import type { Comparator, NumericTarget, Target, TargetReading, TargetUnit } from '../model';
import { fail, ok, type Parsed } from '../result';
import { cleanText, foldKey } from '../text/normalize';
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
const RANKING = /\b(?:xep hang|xep loai|thu hang|thu bac|top|dan dau|tang hang|tang bac|nang hang)\b/;
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
 * "giảm"/"tăng" (written with these diacritics or with none, so "giám sát" and "tầng" do not count)
 * at most two words before the comparator or number, and not made absolute ("giảm xuống còn …").
 */
function relativeBefore(tokens: readonly Token[], start: number): 'increase' | 'decrease' | null {
  for (let r = start - 1; r >= Math.max(0, start - 2); r--) {
    const t = tokens[r];
    if (t.kind !== 'word' || ABSOLUTE.has(t.key)) return null;
    const lower = t.raw.toLowerCase();
    const next = tokens[r + 1]?.key;
    if ((lower === 'giảm' || lower === 'giam') && !['sat', 'doc', 'dinh'].includes(next)) return 'decrease';
    if ((lower === 'tăng' || lower === 'tang') && next !== 'cuong') return 'increase';
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

function baseYearAfter(tokens: readonly Token[], from: number): { year?: number; at: number } {
  for (let i = from; i < tokens.length; i++) {
    if (phraseStartingAt(tokens, i, ['so voi'])) {
      const y = tokens.slice(i).find((t) => t.kind === 'number' && /^\d{4}$/.test(t.raw));
      return { year: y ? Number(y.raw) : undefined, at: i };
    }
  }
  return { at: tokens.length };
}

const trimSubject = (s: string) => cleanText(s.replace(/[\s.…,;:()]+$/u, '').replace(/^[\s/,:;()-]+/u, ''));

function readNumericClause(text: string, tokens: Token[], n: number): Parsed<NumericTarget> {
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

  // Per: "15 phút/01 lượt giao dịch" — a "/1" is dropped, another count stays in the subject.
  if (tokens[next]?.raw === '/' && tokens[next + 1]) {
    next++;
    if (tokens[next].kind === 'number' && Number(tokens[next].raw) === 1 && tokens[next + 1]) next++;
  }

  const direction = relativeBefore(tokens, prefix?.start ?? n);
  let subjectEnd = text.length;
  let relative: NumericTarget['relative'];
  if (direction) {
    const base = baseYearAfter(tokens, next);
    if (base.at < tokens.length) subjectEnd = tokens[base.at].start;
    relative = base.year === undefined ? { direction } : { direction, baseYear: base.year };
  }
  const subject = next < tokens.length && tokens[next].start < subjectEnd ? trimSubject(text.slice(tokens[next].start, subjectEnd)) : '';
  if (unit === 'none' && subject !== '') unit = 'count';
  // A change ("giảm 2 ngày") is an amount to reach at least; a bare duration is a ceiling.
  if (!comparator) comparator = !relative && (unit === 'minutes' || unit === 'days') ? 'lte' : 'gte';

  const target: NumericTarget = { kind: 'numeric', comparator, value, unit, subject };
  if (high !== undefined) target.high = high;
  if (relative) target.relative = relative;
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
  return ok(target);
}

function readClause(text: string): Parsed<Target> {
  const tokens = tokenize(text);
  const key = foldKey(text);
  const n = targetNumberIndex(tokens);
  if (RANKING.test(key)) {
    return n < 0
      ? fail('target.no_number', `“${text}” là chỉ tiêu xếp hạng, không có số để tự đánh giá. ${HINT}.`)
      : fail('target.ranking', `“${text}” là chỉ tiêu xếp hạng, chưa tự đánh giá được. ${HINT}.`);
  }
  if (n >= 0) return readNumericClause(text, tokens, n);
  if (QUALITATIVE_START.test(key)) {
    const expected = key === 'co' ? 'Có' : /^dat\b/.test(key) ? 'Đạt' : 'Hoàn thành';
    return ok({ kind: 'qualitative', expected });
  }
  return fail('target.no_number', `“${text}” không có số để đo. ${HINT}.`);
}

/** Reads a target cell. Never throws; keeps the cell's text. Texts past MAX_PARSED_TEXT are refused unread. */
export function parseTarget(v: CellValue): Parsed<TargetReading> {
  if (v === null || v === undefined || (typeof v === 'string' && cleanText(v) === '')) {
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

  const text = keepLines(v);
  const marker = parseNumber(text);
  if (marker.ok && marker.value.kind === 'no_data') {
    return fail('target.empty', `“${text}” nghĩa là không có chỉ tiêu. ${HINT}.`);
  }
  const targets: Target[] = [];
  let firstFailure: Parsed<TargetReading> | null = null;
  for (const clause of splitClauses(v)) {
    const r = readClause(clause.text);
    if (r.ok) targets.push(r.value);
    else if (r.code === 'target.number' || r.code === 'target.conflict') return r;
    else firstFailure ??= r;
  }
  if (targets.length === 0) return firstFailure ?? fail('target.no_number', `“${text}” không có số để đo. ${HINT}.`);
  return ok({ text, targets });
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

/**
 * A target in Vietnamese, short enough for a summary column: "≥ 90%", "≤ 15 phút/lượt giao dịch",
 * "95% – 100%", "> 100%", "≥ 5 hồ sơ", "Giảm 10% so với năm 2024", "Hoàn thành". Reads back with parseTarget.
 */
export function formatTarget(t: Target): string {
  if (!t || typeof t !== 'object') return '';
  if (t.kind === 'qualitative') return t.expected || 'Hoàn thành';
  const per = t.unit === 'minutes' || t.unit === 'days';
  const subject = t.subject ? `${per ? '/' : ' '}${t.subject}` : '';
  const body =
    t.comparator === 'between' && t.high !== undefined
      ? `${amount(t.value, t.unit)} – ${amount(t.high, t.unit)}`
      : `${SYMBOL_OF[t.comparator] ?? ''} ${amount(t.value, t.unit)}`.trim();
  if (!t.relative) return `${body}${subject}`;
  const verb = t.relative.direction === 'decrease' ? 'Giảm' : 'Tăng';
  const relBody = t.comparator === 'gte' ? amount(t.value, t.unit) : body;
  const base = t.relative.baseYear !== undefined ? ` so với năm ${t.relative.baseYear}` : '';
  return `${verb} ${relBody}${subject}${base}`;
}
