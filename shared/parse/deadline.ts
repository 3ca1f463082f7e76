/**
 * "Thời gian hoàn thành" cells of Phụ lục 2, read for a plan year. All dates are day/month/year.
 *
 * | written                                   | reading (plan 2025)                                      |
 * | ----------------------------------------- | -------------------------------------------------------- |
 * | Quý I · Quý IV · Quí II · Quý 1 · quy 2    | dated, due the quarter's last day (31/03, 31/12, 30/06…) |
 * | Quý II/2022 · Quý I năm 2026               | the written year wins: 30/06/2022                         |
 * | Tháng 1/2025 · tháng 01 năm 2025           | 31/01/2025                                                |
 * | Trước tháng 12/2025                        | 30/11/2025: "trước" is strict, the day before the span   |
 * | Trước ngày 10/1/2025 · Trước 10/12/2025    | 09/01/2025 · 09/12/2025                                   |
 * | chậm nhất ngày 15/3/2025 · đến hết ngày … | that day; so is a bare date (15/3/2025, 15-03-2025,      |
 * |                                           | ngày 15 tháng 3 năm 2025, 15/3 = plan year)              |
 * | Cả năm · Trong năm 2025 · Năm 2025         | 31/12                                                     |
 * | Từ tháng 3 đến tháng 6/2025                | 30/06/2025 (a range is due at its end)                   |
 * | Ban hành: Quý I; Thực hiện: Cả năm         | two milestones labelled "Ban hành" (31/03), "Thực hiện" (31/12) |
 * | Báo cáo quý I: 15/3/2025 - … Báo cáo năm: 15/12/2025 | one labelled milestone per date                 |
 * | - BC công tác CCHC + Quý I: 10/3/2025 …    | labels "BC công tác CCHC – Quý I"…                       |
 * | Thường xuyên · liên tục · hàng ngày        | continuous, no milestone                                  |
 * | Từ quý IV/2021                             | continuous from 01/10/2021                                |
 * | Định kỳ hàng quý                           | recurring: 31/03, 30/06, 30/09, 31/12 ("Quý I"…)          |
 * | Báo cáo định kỳ 6 tháng, hàng năm          | recurring: 30/06 ("6 tháng"), 31/12 ("Năm")               |
 * | tháng 11 hàng năm                          | recurring: 30/11 ("Tháng 11"): after a named month "hàng năm" means every year |
 * | định kỳ hàng quý, trước ngày 15 tháng cuối quý | recurring: 14/03, 14/06, 14/09, 14/12                  |
 * | trước ngày 15 tháng cuối cùng của mỗi quý  | the same                                                  |
 * | ngày 20 của tháng cuối kỳ (báo cáo)        | recurring: 20/03 ("Quý I"), 20/06 ("Quý II, 6 tháng")…    |
 * | ngày 10 hàng tháng                         | recurring: the 10th of each month                         |
 * | Trước ngày 20/11 hàng năm                  | recurring: 19/11 — "trước" is strict in recurring forms too |
 * | ngày hai mươi tháng mười một               | as "ngày 20 tháng 11": days and months in words           |
 * | ngày 5 tháng đầu quý sau                   | recurring: 05/04, 05/07, 05/10, 05/01 of the next year    |
 * | tuần đầu tháng 3 · tuần cuối tháng 3       | 07/03 · 31/03                                             |
 * | Từ đầu năm đến tháng 6                     | 30/06                                                     |
 * | đầu năm · giữa năm · đầu quý · ngày 15 hàng quý | refused: no day is said (never guessed)              |
 * | Theo kế hoạch của UBND tỉnh · Thực hiện khi có Đề án | external, no date of its own                     |
 * | Thực hiện khi có Đề án của tỉnh; hoàn thành 31/12/2025 | dated 31/12/2025 (a date beats "external")     |
 *
 * Dates after "theo …" or "khi …" belong to the document referred to ("Theo Kế hoạch số 05/KH-UBND
 * ngày 10/01/2025"), not to the task, until a comma or a deadline word (hoàn thành, trước, chậm nhất,
 * đến, hạn, trong, vào) starts the task's own time. A statement that reads as nothing is a heading
 * or a remark and is skipped; if nothing at all reads, the cell is refused with a reason. A day that
 * cannot exist (31/02/2025) refuses the whole cell rather than dropping a milestone silently.
 * A number cell is an Excel serial (1900 system) within 50 years of the plan; a Date is that day.
 */
import { MAX_PARSED_TEXT, tooLongToRead } from './limits';
import { compareIso, type CellValue, type IsoDate } from '../cell';
import type { DeadlineReading, Milestone, TaskStatus } from '../model';
import { fail, ok, type Parsed } from '../result';
import { cleanText, foldKey, isBlankText } from '../text/normalize';
import { addDays, daysInMonth, fromIso, monthEnd, toIso } from './calendar';
import { formatDateVi, parseDate, serialToIso } from './date';
import { scanDeadline, type Span, type TimeToken } from './deadline-scan';
import { keepLines, ROMAN, splitClauses } from './tokens';

const HINT =
  'Ghi thời hạn theo một trong các dạng: “Quý II”, “Tháng 6/2025”, “Trước ngày 15/6/2025”, “Cả năm”, ' +
  '“Thường xuyên”, “Định kỳ hàng quý”, hoặc “Ban hành: Quý I; Thực hiện: Cả năm”';

/** Words that end a "theo …"/"khi …" reference: the task's own deadline follows. */
const OWN_TIME = new Set(['hoan', 'xong', 'cham', 'truoc', 'den', 'han', 'trong', 'vao']);

interface ClauseReading {
  milestones: Milestone[];
  continuous: boolean;
  from?: IsoDate;
  recurring: boolean;
  external: boolean;
}

type ClauseResult = { ok: true; reading: ClauseReading | null } | { ok: false; code: string; reason: string };

const label2 = (a: string, b: string) => (a && b ? `${a} – ${b}` : a || b);

function quarters(y: number): Span[] {
  return [1, 2, 3, 4].map((q) => ({
    start: toIso(y, 3 * q - 2, 1),
    end: monthEnd(y, 3 * q),
    label: `Quý ${ROMAN[q]}`,
    specific: false,
  }));
}

function months(y: number): Span[] {
  return Array.from({ length: 12 }, (_, k) => ({
    start: toIso(y, k + 1, 1),
    end: monthEnd(y, k + 1),
    label: `Tháng ${k + 1}`,
    specific: false,
  }));
}

const wholeYear = (y: number): Span => ({ start: toIso(y, 1, 1), end: toIso(y, 12, 31), label: 'Năm', specific: false });

/** The period a day in its last month belongs to: quarters, the year, or each reporting period. */
function dayOfLastLabel(of: 'quy' | 'nam' | 'ky' | 'thang' | 'quySau', month: number): string {
  if (of === 'nam') return 'Năm';
  if (of === 'thang') return `Tháng ${month}`;
  const quarter = `Quý ${ROMAN[month / 3]}`;
  if (of === 'quy') return quarter;
  return ({ 3: quarter, 6: `${quarter}, 6 tháng`, 9: `${quarter}, 9 tháng`, 12: `${quarter}, Năm` } as Record<number, string>)[month];
}

/** One statement (label removed) → what it says, or null when it says nothing about time. */
function readStatement(body: string, planYear: number): ClauseResult {
  const tokens: TimeToken[] = scanDeadline(foldKey(body), planYear);
  const bad = tokens.find((t) => t.t === 'bad');
  if (bad && bad.t === 'bad') return { ok: false, code: bad.code, reason: bad.reason };

  const periodic = tokens.some((t) => t.t === 'periodic' || t.t === 'every' || t.t === 'dayOfLast');
  const continuous = tokens.some((t) => t.t === 'continuous');
  let external = false;
  let strict = false;
  let from = false;
  let range = false;
  let referencing = false;
  let afterSpecific = false;
  const points: { span: Span; strict: boolean }[] = [];
  const generic: Span[] = [];
  let bareYears = 0;

  for (const tok of tokens) {
    switch (tok.t) {
      case 'word':
        if (tok.w === 'truoc') strict = true;
        if (tok.w === 'tu' && points.length === 0) from = true;
        if ((tok.w === 'den' || tok.w === 'toi') && from && points.length > 0) range = true;
        if (tok.w === 'theo' || tok.w === 'khi') {
          referencing = true;
          external = true;
        } else if (OWN_TIME.has(tok.w)) referencing = false;
        afterSpecific = false;
        break;
      case 'sep':
        if (tok.s === ',') referencing = false;
        if ((tok.s === '-' || tok.s === '–') && from && points.length > 0) range = true;
        afterSpecific = false;
        break;
      case 'point':
        if (!referencing) points.push({ span: tok, strict });
        strict = false;
        afterSpecific = tok.specific && !referencing;
        break;
      case 'every':
        // "tháng 11 hàng năm": after a named month/quarter/day, "hàng năm" only says "every year".
        if (!(tok.unit === 'nam' && afterSpecific)) {
          const y = planYear;
          generic.push(...(tok.unit === 'quy' ? quarters(y) : tok.unit === 'thang' ? months(y) : [wholeYear(y)]));
        }
        afterSpecific = false;
        break;
      case 'dayOfLast': {
        // A day of the month that cannot hold it (ngày 31 of June) is refused, not moved.
        if (tok.day < 1 || tok.day > 31) {
          return { ok: false, code: 'deadline.invalid_date', reason: `Ngày ${tok.day} không có thật. Ghi ngày từ 1 đến 31, ví dụ “ngày 15 tháng cuối quý”.` };
        }
        const lastMonths = tok.of === 'nam' ? [12] : tok.of === 'thang' ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [3, 6, 9, 12];
        if (tok.of === 'quySau') {
          for (const m of lastMonths) {
            const [y, next] = m === 12 ? [planYear + 1, 1] : [planYear, m + 1];
            if (tok.day > daysInMonth(y, next)) {
              return { ok: false, code: 'deadline.invalid_date', reason: `Tháng ${next} không có ngày ${tok.day}. Ghi một ngày có trong mọi tháng đầu quý, ví dụ “ngày 5 tháng đầu quý sau”.` };
            }
            const day = toIso(y, next, tok.day);
            const due = strict ? addDays(day, -1) : day;
            generic.push({ start: due, end: due, label: `Quý ${ROMAN[m / 3]}`, specific: false });
          }
          strict = false;
          afterSpecific = false;
          break;
        }
        for (const m of lastMonths) {
          if (tok.day > daysInMonth(planYear, m)) {
            const which = tok.of === 'thang' ? 'mọi tháng, ví dụ “ngày 10 hàng tháng”' : 'mọi tháng cuối kỳ, ví dụ “ngày 15 tháng cuối quý”';
            return { ok: false, code: 'deadline.invalid_date', reason: `Tháng ${m} không có ngày ${tok.day}. Ghi một ngày có trong ${which}.` };
          }
          const day = toIso(planYear, m, tok.day);
          const due = strict ? addDays(day, -1) : day;
          generic.push({ start: due, end: due, label: dayOfLastLabel(tok.of, m), specific: false });
        }
        strict = false;
        afterSpecific = false;
        break;
      }
      case 'bareYear':
        bareYears++;
        afterSpecific = false;
        break;
      default:
        afterSpecific = false;
    }
  }
  // A day in the quarter's last month replaces the quarter ends it refines.
  const refined = tokens.some((t) => t.t === 'dayOfLast' && (t.of === 'quy' || t.of === 'ky' || t.of === 'quySau'));
  const monthly = tokens.some((t) => t.t === 'dayOfLast' && t.of === 'thang');
  const spans = generic.filter(
    (s) => s.start === s.end || !((refined && /^Quý/.test(s.label)) || (monthly && /^Tháng/.test(s.label))),
  );

  const base = { continuous, recurring: false, external, milestones: [] as Milestone[] };
  if (periodic && (points.length > 0 || spans.length > 0)) {
    // "trước ngày 20/11 hàng năm" keeps the one-off meaning: due the day before.
    const strictSpan = (p: { span: Span; strict: boolean }): Span => {
      if (!p.strict) return p.span;
      const due = addDays(p.span.start, -1);
      return { ...p.span, start: due, end: due };
    };
    const all = [...points.map(strictSpan), ...spans];
    if (bareYears > 0) all.push(wholeYear(planYear));
    // In date order; on the same day the shorter period first (Quý II before 6 tháng, Quý IV before Năm).
    const order = (a: Span, b: Span) => compareIso(a.end, b.end) || compareIso(b.start, a.start);
    const milestones = all.sort(order).map((s) => ({ due: s.end, label: s.label }));
    return { ok: true, reading: { ...base, recurring: true, milestones } };
  }
  if (points.length === 0) {
    if (continuous || external) return { ok: true, reading: base };
    if (bareYears > 0 && tokens.length === 1) {
      return { ok: true, reading: { ...base, milestones: [{ due: toIso(planYear, 12, 31), label: '' }] } };
    }
    return { ok: true, reading: null };
  }
  if (from && !range) return { ok: true, reading: { ...base, continuous: true, from: points[0].span.start } };
  const chosen = from && range ? [points[points.length - 1]] : points;
  const milestones = chosen.map((p) => ({ due: p.strict ? addDays(p.span.start, -1) : p.span.end, label: '' }));
  return { ok: true, reading: { ...base, milestones } };
}

/** "Ban hành: Quý I" → ["Ban hành", "Quý I"]; no colon → ['', text]. */
function splitLabel(text: string): [string, string] {
  const i = text.indexOf(':');
  if (i < 0) return ['', text];
  return [cleanText(text.slice(0, i)), cleanText(text.slice(i + 1))];
}

function dedupe(milestones: Milestone[]): Milestone[] {
  const seen = new Set<string>();
  return milestones.filter((m) => {
    const k = `${m.due}|${m.label}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The grammar itself, on a text of any length: parseDeadline refuses texts past MAX_PARSED_TEXT
 * before this, for time; no recursion, and a cost that grows linearly with the text (tested).
 */
export function readDeadlineText(raw: string, planYear: number): Parsed<DeadlineReading> {
  const text = keepLines(raw);
  const readings: ClauseReading[] = [];
  let heading = '';
  for (const clause of splitClauses(raw)) {
    const [written, body] = splitLabel(clause.text);
    let label = written;
    let r = readStatement(body, planYear);
    if (r.ok && r.reading === null && label) {
      // "Quý I: ban hành kế hoạch" — the time is before the colon.
      r = readStatement(label, planYear);
      if (r.ok && r.reading) label = '';
    }
    if (!r.ok) return fail(r.code, r.reason.includes(`“${text}”`) ? r.reason : `Trong “${text}”: ${r.reason}`);
    if (r.reading === null) {
      if (clause.bullet !== '+') heading = cleanText(clause.text.replace(/:$/, ''));
      continue;
    }
    if (clause.bullet !== '+') heading = '';
    const fullLabel = clause.bullet === '+' ? label2(heading, label) : label;
    readings.push({ ...r.reading, milestones: r.reading.milestones.map((m) => ({ due: m.due, label: label2(fullLabel, m.label) })) });
  }
  const milestones = dedupe(readings.flatMap((r) => r.milestones));
  if (readings.some((r) => r.continuous)) {
    const from = readings.find((r) => r.from)?.from;
    return ok(from ? { kind: 'continuous', text, from, milestones } : { kind: 'continuous', text, milestones });
  }
  if (readings.some((r) => r.recurring)) return ok({ kind: 'recurring', text, milestones });
  if (milestones.length > 0) return ok({ kind: 'dated', text, milestones });
  if (readings.some((r) => r.external)) return ok({ kind: 'external', text, milestones: [] });
  return fail('deadline.unreadable', `Không đọc được thời hạn “${text}”. ${HINT}.`);
}

/** Reads a deadline cell for the plan's year. Never throws; keeps the text. */
export function parseDeadline(v: CellValue, planYear: number): Parsed<DeadlineReading> {
  if (typeof planYear !== 'number' || !Number.isInteger(planYear) || planYear < 1900 || planYear > 9999) {
    return fail('deadline.plan_year', 'Chưa biết năm của kế hoạch nên không đọc được thời hạn. Ghi năm kế hoạch, ví dụ 2025.');
  }
  if (v === null || v === undefined || (typeof v === 'string' && isBlankText(v))) {
    return fail('deadline.empty', `Chưa ghi thời gian hoàn thành. ${HINT}.`);
  }
  if (typeof v === 'boolean') return fail('deadline.not_text', `Ô thời hạn chứa giá trị đúng/sai. ${HINT}.`);
  if (typeof v === 'number') {
    const iso = serialToIso(v);
    const y = iso ? Number(iso.slice(0, 4)) : NaN;
    if (!iso || Math.abs(y - planYear) > 50) {
      return fail('deadline.number', `Số ${v} không phải là một ngày hợp lý cho kế hoạch năm ${planYear}. ${HINT}.`);
    }
    return ok({ kind: 'dated', text: formatDateVi(iso), milestones: [{ due: iso, label: '' }] });
  }
  if (v instanceof Date) {
    const d = parseDate(v);
    if (!d.ok) return fail('deadline.invalid_date', d.reason);
    if (d.value === null) return fail('deadline.empty', `Chưa ghi thời gian hoàn thành. ${HINT}.`);
    return ok({ kind: 'dated', text: formatDateVi(d.value), milestones: [{ due: d.value, label: '' }] });
  }
  if (typeof v !== 'string') return fail('deadline.unreadable', `Ô thời hạn không đọc được. ${HINT}.`);
  if (v.length > MAX_PARSED_TEXT) return fail('deadline.too_long', tooLongToRead('Ô thời hạn', v));
  return readDeadlineText(v, planYear);
}

/** Milestones whose due day is before the cut-off (due < cutoff: due on the cut-off day is not late yet). */
export function overdueMilestones(d: DeadlineReading, cutoff: IsoDate): Milestone[] {
  if (!d || !Array.isArray(d.milestones) || !fromIso(cutoff)) return [];
  return d.milestones.filter((m) => fromIso(m.due) !== null && m.due < cutoff);
}

/**
 * Overdue at a report's cut-off: a milestone is due before the cut-off and the task is not completed
 * (status "done", or a completion day on or before the cut-off). Continuous and external tasks are never
 * overdue by date alone, even when a milestone is listed with them.
 */
export function isOverdue(
  d: DeadlineReading,
  cutoff: IsoDate,
  status: TaskStatus | null,
  completedOn: IsoDate | null,
): boolean {
  if (!d || !fromIso(cutoff)) return false;
  if (status === 'done') return false;
  if (completedOn && fromIso(completedOn) && completedOn <= cutoff) return false;
  if (d.kind === 'continuous' || d.kind === 'external') return false;
  return overdueMilestones(d, cutoff).length > 0;
}

/** Completed after the last milestone was due (dated and recurring deadlines only). */
export function completedLate(d: DeadlineReading, completedOn: IsoDate | null): boolean {
  if (!d || !completedOn || !fromIso(completedOn)) return false;
  if (d.kind !== 'dated' && d.kind !== 'recurring') return false;
  const dues = (d.milestones ?? []).map((m) => m.due).filter((due) => fromIso(due) !== null);
  if (dues.length === 0) return false;
  return completedOn > dues.reduce((a, b) => (a > b ? a : b));
}
