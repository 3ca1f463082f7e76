/**
 * Consolidation: many units' reports for one period (or the summaries of lower consolidating
 * units) → one Summary.
 *
 * Policy, file by file:
 * - REFUSED (nothing of the file is used; the file and the reasons are listed, and the unit shows
 *   "chưa có số liệu hợp lệ"):
 *   · the file could not be read (report null); the reader's reason is kept;
 *   · its year or period is not the one being consolidated (unit.wrong_period; no period: unit.no_period);
 *   · it has no unit code (unit.no_code): its numbers cannot be attributed to anyone;
 *   · an error about a whole Phụ lục sheet (an issue with no cell address: the sheet or its columns
 *     could not be found), which makes every number on it untrustworthy (report.sheet_unreadable).
 * - TAKEN WITH ERRORS: other errors. Each row of Phụ lục 1 or 2 with at least one error is left out of
 *   every sum and count (its value shows "chưa có số liệu hợp lệ"); the other rows are used. Errors on
 *   the Thông tin sheet (other than the checks above) do not remove any number.
 * - TAKEN WITH WARNINGS: warnings only; everything is used. TAKEN: no issue at all.
 * Every issue of every file, and every refusal, is listed (Lỗi dữ liệu).
 *
 * Per unit (by unit code): identical data sent twice (same bytes, or same rows read) is used once, the
 * other file is marked duplicate; different data is held out entirely (unit.conflicting_duplicates)
 * and every file named. Units missing from the expected list are taken and flagged. Late: the report's
 * own date (else the day the file arrived) is after the due date.
 *
 * A summary given as input contributes its leaf records, provenance and issues unchanged (the leaf
 * units remember which consolidating unit they came through); the merge above then runs over leaf
 * units exactly as it does over files, which is why consolidating district summaries gives the numbers
 * of consolidating all their communes directly.
 */
import type { IsoDate } from '../cell';
import type { CalendarEntry, PeriodCode, UnitReport } from '../model';
import { periodLabel, periodOfYear } from '../period';
import { catalogCalendar } from '../catalog/calendar';
import { INDICATOR_SHEET, TASK_SHEET } from '../spec/annex';
import { clean } from '../validate/text';
import { foldKey } from '../text/normalize';
import { deriveAggregates } from './derive';
import { isSheet, reportLeaves } from './leaf';
import { byKeys, naturalCompare, plainCompare, sameStableJson, stableHash } from './order';
import { poolContribution, TextPool } from './text-pool';
import {
  SUMMARY_KIND,
  SUMMARY_SCHEMA_VERSION,
  type ConsolidateOptions,
  type ConsolidationInput,
  type InputOutcome,
  type LeafIndicator,
  type LeafTask,
  type LeafUnit,
  type LeafUnitStatus,
  type ProvenanceEntry,
  type Reason,
  type Summary,
  type SummaryInput,
  type SummaryIssue,
} from './types';

const quoted = (fileName: string) => `“${fileName}”`;
const periodText = (period: PeriodCode | null, year: number | null) =>
  period === null && year === null
    ? 'không ghi kỳ báo cáo'
    : period
      ? periodOfYear(period, year ?? 'không rõ')
      : `kỳ không rõ năm ${year ?? 'không rõ'}`;

/** A unit's data as offered by one file or one lower summary, before units are merged. */
export interface UnitCandidate {
  code: string;
  name: string;
  via: string;
  status: LeafUnitStatus;
  reportDate: IsoDate | null;
  files: string[];
  /** The provenance entries (this level's copies) of the files that carried this data. */
  entries: ProvenanceEntry[];
  indicators: LeafIndicator[];
  tasks: LeafTask[];
}

/** What two candidates of a unit are compared on: equal when their stableJson texts would be. */
const content = (c: UnitCandidate) => ({ indicators: c.indicators, tasks: c.tasks });

/** Every field of an issue, in a fixed order (the compiler checks that none is left out). */
const ISSUE_FIELDS = ['fileName', 'unitCode', 'sheet', 'address', 'severity', 'rule', 'message'] as const satisfies readonly (keyof SummaryIssue)[];
const EVERY_ISSUE_FIELD: [Exclude<keyof SummaryIssue, (typeof ISSUE_FIELDS)[number]>] extends [never] ? true : never = true;

/** Two issues with the same key say the same thing about the same place (a repeat is shown once). */
const issueKey = (i: SummaryIssue): string => JSON.stringify(ISSUE_FIELDS.map((f) => i[f]));
const unique = (xs: string[]) => [...new Set(xs)].sort(naturalCompare);

/**
 * What inputs add to a consolidation, reduced to what the summary keeps: the leaf records of each
 * unit's data, provenance and issues, no grids and no full reports. Plain data: it crosses a worker
 * boundary (structured clone keeps the candidates' provenance entries the very objects listed in
 * `provenance`, as finishing needs).
 */
export interface InputContribution {
  candidates: UnitCandidate[];
  provenance: ProvenanceEntry[];
  issues: SummaryIssue[];
  expectedLists: { code: string; name: string }[][];
  /** Names of areas the built-in list does not know, from the catalogs the reports carry. */
  areaNames?: Record<string, string>;
  /** The reporting calendar of the first taken report's catalog. */
  calendar?: CalendarEntry[];
}

type Collected = InputContribution;

/** What an input's contribution depends on: the period being consolidated (nothing else). */
export type ContributionOptions = Pick<ConsolidateOptions, 'year' | 'period' | 'catalogId'>;

function emptyCollected(): Collected {
  return { candidates: [], provenance: [], issues: [], expectedLists: [] };
}

// ---------------------------------------------------------------- one unit's file

function refusalReasons(input: ConsolidationInput, report: UnitReport, opts: ContributionOptions): Reason[] {
  const { fileName } = input.source;
  const reasons: Reason[] = [];
  if (input.refused) reasons.push({ ...input.refused });
  const { year, period } = report.info;
  const expected = periodText(opts.period, opts.year);
  if (year === null || period === null) {
    reasons.push({
      code: 'unit.no_period',
      message: `Tệp ${quoted(fileName)} không ghi rõ kỳ báo cáo (tìm thấy: ${periodText(period, year)}), nên không biết số liệu thuộc kỳ nào. Cần báo cáo ${expected}: ghi Năm kế hoạch và Kỳ báo cáo ở trang Thông tin rồi gửi lại.`,
    });
  } else if (year !== opts.year || period !== opts.period) {
    reasons.push({
      code: 'unit.wrong_period',
      message: `Tệp ${quoted(fileName)} là báo cáo ${periodText(period, year)}, không phải kỳ đang tổng hợp (${expected}). Đề nghị đơn vị gửi báo cáo ${expected}.`,
    });
  }
  const catalogId = clean(report.info.catalogId);
  if (opts.catalogId && catalogId && catalogId !== opts.catalogId) {
    const version = report.info.catalogVersion ? ` phiên bản ${clean(report.info.catalogVersion)}` : '';
    reasons.push({
      code: 'unit.other_catalog',
      message: `Tệp ${quoted(fileName)} lập theo danh mục “${catalogId}”${version}, không phải danh mục “${opts.catalogId}” đang tổng hợp, nên các chỉ tiêu không cộng được với nhau. Đề nghị đơn vị lấy biểu mẫu theo danh mục “${opts.catalogId}” và gửi lại.`,
    });
  }
  if (!clean(report.info.unitCode)) {
    reasons.push({
      code: 'unit.no_code',
      message: `Tệp ${quoted(fileName)} không có Mã đơn vị ở trang Thông tin, nên không biết số liệu của đơn vị nào. Hãy ghi mã đơn vị hành chính (5 chữ số) rồi gửi lại.`,
    });
  }
  for (const i of input.issues) {
    if (i.severity === 'error' && i.address === '' && (isSheet(i.sheet, INDICATOR_SHEET) || isSheet(i.sheet, TASK_SHEET))) {
      reasons.push({
        code: 'report.sheet_unreadable',
        message: `Trang “${i.sheet}” của tệp ${quoted(fileName)} không đọc được nên mọi số liệu trên đó không tin cậy: ${i.message}`,
      });
    }
  }
  return reasons;
}

function collectReport(input: ConsolidationInput, opts: ContributionOptions, into: Collected): void {
  const { fileName, sha256 } = input.source;
  const receivedAt = input.source.receivedAt ?? null;
  const report = input.report;
  const unitCode = report ? clean(report.info.unitCode) : '';
  const unitName = report ? clean(report.info.unitName) : '';
  for (const i of input.issues) {
    into.issues.push({ fileName, unitCode, sheet: i.sheet, address: i.address, severity: i.severity, rule: i.rule, message: i.message });
  }
  const entry: ProvenanceEntry = {
    fileName,
    sha256,
    kind: 'report',
    unitCode,
    unitName,
    year: report?.info.year ?? null,
    period: report?.info.period ?? null,
    templateVersion: report ? clean(report.info.templateVersion) : '',
    reportDate: report?.info.reportDate ?? null,
    receivedAt,
    outcome: 'taken',
    reasons: [],
    via: '',
  };
  into.provenance.push(entry);

  const refuse = (reasons: Reason[]) => {
    entry.outcome = 'refused';
    entry.reasons = reasons;
    for (const r of reasons) {
      into.issues.push({ fileName, unitCode, sheet: '', address: '', severity: 'error', rule: r.code, message: r.message });
    }
    if (unitCode) {
      into.candidates.push({
        code: unitCode, name: unitName, via: '', status: 'refused', reportDate: null,
        files: [fileName], entries: [], indicators: [], tasks: [],
      });
    }
  };

  if (!report) {
    refuse([input.refused ?? { code: 'file.unreadable', message: `Không đọc được tệp ${quoted(fileName)}. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi gửi lại.` }]);
    return;
  }
  const reasons = refusalReasons(input, report, opts);
  if (reasons.length > 0) {
    refuse(reasons);
    return;
  }
  if (report.areaNames) into.areaNames = { ...into.areaNames, ...report.areaNames };
  if (report.calendar) into.calendar ??= report.calendar;

  const leaves = reportLeaves(report, input.issues);
  for (const s of leaves.skipped) {
    into.issues.push({ fileName, unitCode, sheet: s.sheet, address: `A${s.row + 1}`, severity: 'warning', rule: s.rule, message: s.message });
  }
  const errors = input.issues.filter((i) => i.severity === 'error').length;
  const warnings = input.issues.length - errors + leaves.skipped.length;
  if (errors > 0) {
    entry.outcome = 'taken_with_errors';
    entry.reasons.push({
      code: 'report.rows_excluded',
      message: `Có ${errors} lỗi; ${leaves.excludedRows} dòng có lỗi không được tổng hợp (xem trang Lỗi dữ liệu).`,
    });
  }
  if (warnings > 0) {
    if (entry.outcome === 'taken') entry.outcome = 'taken_with_warnings';
    entry.reasons.push({ code: 'report.warnings', message: `Có ${warnings} cảnh báo (xem trang Lỗi dữ liệu).` });
  }
  into.candidates.push({
    code: unitCode,
    name: unitName,
    via: '',
    status: 'taken',
    reportDate: report.info.reportDate ?? receivedAt,
    files: [fileName],
    entries: [entry],
    indicators: leaves.indicators,
    tasks: leaves.tasks,
  });
}

// ---------------------------------------------------------------- a lower summary

const TAKEN_OUTCOMES: readonly InputOutcome[] = ['taken', 'taken_with_warnings', 'taken_with_errors'];

function collectSummary(input: SummaryInput, opts: ContributionOptions, into: Collected): void {
  const { fileName, sha256 } = input.source;
  const s = input.summary;
  const entry: ProvenanceEntry = {
    fileName,
    sha256,
    kind: 'summary',
    unitCode: '',
    unitName: s.consolidatingUnit?.name ?? '',
    year: s.year ?? null,
    period: s.period ?? null,
    templateVersion: `${s.kind ?? ''} ${s.schemaVersion ?? ''}`.trim(),
    reportDate: s.generatedAt ?? null,
    receivedAt: input.source.receivedAt ?? null,
    outcome: 'taken',
    reasons: [],
    via: '',
  };
  into.provenance.push(entry);
  const reasons: Reason[] = [];
  if (s.kind !== SUMMARY_KIND || s.schemaVersion !== SUMMARY_SCHEMA_VERSION) {
    reasons.push({
      code: 'summary.unsupported',
      message: `Tệp ${quoted(fileName)} không phải bảng tổng hợp báo cáo CCHC phiên bản ${SUMMARY_SCHEMA_VERSION}. Hãy lập lại bảng tổng hợp bằng công cụ này rồi gửi lại.`,
    });
  } else if (s.year !== opts.year || s.period !== opts.period) {
    reasons.push({
      code: 'summary.wrong_period',
      message: `Tệp ${quoted(fileName)} là bảng tổng hợp ${periodText(s.period, s.year)}, không phải kỳ đang tổng hợp (${periodText(opts.period, opts.year)}). Đề nghị ${entry.unitName || 'đơn vị'} gửi bảng tổng hợp ${periodText(opts.period, opts.year)}.`,
    });
  }
  if (reasons.length > 0) {
    entry.outcome = 'refused';
    entry.reasons = reasons;
    for (const r of reasons) {
      into.issues.push({ fileName, unitCode: '', sheet: '', address: '', severity: 'error', rule: r.code, message: r.message });
    }
    return;
  }
  const through = s.consolidatingUnit.name;
  const carried = s.provenance.map((p) => ({ ...p, reasons: p.reasons.map((r) => ({ ...r })), via: p.via || through }));
  into.provenance.push(...carried);
  for (const i of s.issues) into.issues.push({ ...i });
  if (s.expectedUnits) into.expectedLists.push(s.expectedUnits);
  const byUnit = <T extends { unitCode: string }>(rows: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.unitCode, [...(m.get(r.unitCode) ?? []), r]);
    return m;
  };
  const entriesOf = byUnit(carried.filter((p) => p.kind === 'report' && p.outcome !== 'refused'));
  const indicatorsOf = byUnit(s.indicators);
  const tasksOf = byUnit(s.tasks);
  for (const u of s.units) {
    const entries = (entriesOf.get(u.code) ?? []).filter((p) => u.files.includes(p.fileName));
    into.candidates.push({
      code: u.code,
      name: u.name,
      via: u.via || through,
      status: u.status,
      reportDate: u.reportDate,
      files: [...u.files],
      entries,
      indicators: (indicatorsOf.get(u.code) ?? []).map((r) => ({ ...r })),
      tasks: (tasksOf.get(u.code) ?? []).map((r) => ({ ...r })),
    });
  }
}

// ---------------------------------------------------------------- merging units

interface Merged {
  unit: LeafUnit;
  indicators: LeafIndicator[];
  tasks: LeafTask[];
  /** Provenance entries whose data is used, used once (duplicates), or held out. */
  kept: ProvenanceEntry[];
  duplicates: { entry: ProvenanceEntry; keptFile: string }[];
  heldOut: ProvenanceEntry[];
}

const minName = (cs: UnitCandidate[]) => cs.map((c) => c.name).sort(plainCompare)[0] ?? '';
const minDate = (cs: UnitCandidate[]) =>
  cs.map((c) => c.reportDate).filter((d): d is string => d !== null).sort(plainCompare)[0] ?? null;

/**
 * The rule that makes consolidation compose: every choice is a minimum or a union over the
 * candidates, so merging groups of candidates and then merging the results gives the same unit
 * as merging all candidates at once.
 */
function mergeUnit(code: string, cands: UnitCandidate[]): Merged {
  const order = byKeys<UnitCandidate>((c) => c.reportDate ?? '9999-99-99', (c) => c.files[0] ?? '', (c) => c.name, (c) => c.via);
  const sorted = [...cands].sort(order);
  const taken = sorted.filter((c) => c.status === 'taken');
  const held = sorted.filter((c) => c.status === 'held_out');
  // One representative per distinct content: the earliest, as a lower level would have kept it.
  // Content is compared only when there is something to compare it with (a unit that sent twice).
  const reps: UnitCandidate[] = [];
  if (taken.length === 1) reps.push(taken[0]);
  else {
    const byHash = new Map<number, UnitCandidate[]>();
    for (const c of taken) {
      const h = stableHash(content(c));
      const same = byHash.get(h);
      if (same?.some((r) => sameStableJson(content(r), content(c)))) continue;
      if (same) same.push(c);
      else byHash.set(h, [c]);
      reps.push(c);
    }
  }
  const via = sorted[0].via;
  if (held.length > 0 || reps.length > 1) {
    const involved = [...held, ...reps];
    return {
      unit: { code, name: minName(involved), via, status: 'held_out', reportDate: minDate(involved), files: unique(involved.flatMap((c) => c.files)) },
      indicators: [],
      tasks: [],
      kept: [],
      duplicates: [],
      heldOut: [...held, ...taken].flatMap((c) => c.entries),
    };
  }
  if (taken.length > 0) {
    const kept = taken[0];
    return {
      unit: { code, name: kept.name, via: kept.via, status: 'taken', reportDate: kept.reportDate, files: [...kept.files] },
      indicators: kept.indicators,
      tasks: kept.tasks,
      kept: kept.entries,
      duplicates: taken.slice(1).flatMap((c) => c.entries.map((entry) => ({ entry, keptFile: kept.files[0] ?? '' }))),
      heldOut: [],
    };
  }
  return {
    unit: { code, name: minName(sorted), via, status: 'refused', reportDate: minDate(sorted), files: unique(sorted.flatMap((c) => c.files)) },
    indicators: [],
    tasks: [],
    kept: [],
    duplicates: [],
    heldOut: [],
  };
}

function conflictReason(u: LeafUnit, period: PeriodCode, year: number): Reason {
  return {
    code: 'unit.conflicting_duplicates',
    message: `Đơn vị ${u.name} (mã ${u.code}) gửi ${u.files.length} báo cáo khác nhau cho ${periodText(period, year)}: ${u.files.map(quoted).join(', ')}. Không tổng hợp báo cáo nào của đơn vị này; đề nghị đơn vị xác nhận báo cáo đúng và chỉ gửi lại một tệp.`,
  };
}

function addReason(p: ProvenanceEntry, r: Reason): void {
  if (!p.reasons.some((x) => x.code === r.code && x.message === r.message)) p.reasons.push(r);
}

const issueOrder = byKeys<SummaryIssue>(
  (i) => i.unitCode,
  (i) => i.fileName,
  (i) => i.sheet,
  (i) => {
    const m = /^([A-Z]*)(\d*)$/.exec(i.address);
    return m ? `${m[2].padStart(8, '0')}:${m[1].length}:${m[1]}` : i.address;
  },
  (i) => i.rule,
  (i) => i.severity,
  (i) => i.message,
);
const provenanceOrder = byKeys<ProvenanceEntry>((p) => p.fileName, (p) => p.sha256, (p) => p.via, (p) => p.unitCode);

/** A code as compared: all digits, leading zeros dropped ("01234" typed in a General cell reads 1234). */
const codeKey = (code: string): string => (/^\d+$/.test(code) ? code.replace(/^0+(?=\d)/, '') : code);
/** A unit's name as compared: folded, without "UBND" and the unit kind ("UBND xã Anh Sơn" ~ "Anh Sơn"). */
const nameKey = (name: string): string => foldKey(name).replace(/^(ubnd\s+)?(xa|phuong|thi tran|dac khu)\s+/, '').trim();

/**
 * The expected list as offices keep it, matched to the units that reported: a code written with a
 * leading zero the report lost (or the other way round) is the same unit, and the list takes the
 * report's spelling; a unit listed by name alone takes the code of the one unit of that name.
 */
function matchExpected(list: { code: string; name: string }[], units: { code: string; name: string }[]): { code: string; name: string }[] {
  const codes = new Set(units.map((u) => u.code));
  const byCodeKey = new Map<string, string>();
  for (const u of units) byCodeKey.set(codeKey(u.code), u.code);
  const byName = new Map<string, string | null>();
  for (const u of units) {
    const k = nameKey(u.name);
    byName.set(k, byName.has(k) && byName.get(k) !== u.code ? null : u.code);
  }
  return list.map((e) => {
    if (e.code) return codes.has(e.code) ? e : { code: byCodeKey.get(codeKey(e.code)) ?? e.code, name: e.name };
    const found = e.name ? byName.get(nameKey(e.name)) : undefined;
    return { code: found ?? '', name: e.name };
  });
}

function finish(collected: Collected, opts: ConsolidateOptions): Summary {
  // The calendar of the catalog the reports carry (the national rule where it is silent), unless the caller sets the dates.
  const calendar = catalogCalendar({ calendar: collected.calendar }, opts.period, opts.year);
  const byCode = new Map<string, UnitCandidate[]>();
  for (const c of collected.candidates) {
    const g = byCode.get(c.code);
    if (g) g.push(c);
    else byCode.set(c.code, [c]);
  }
  const merged = [...byCode].sort((a, b) => naturalCompare(a[0], b[0])).map(([code, cs]) => mergeUnit(code, cs));
  const units = merged.map((m) => m.unit);

  let expectedUnits: { code: string; name: string }[] | null = null;
  const lists = opts.expectedUnits ? [opts.expectedUnits] : collected.expectedLists;
  if (lists.length > 0) {
    const byExpected = new Map<string, { code: string; name: string }>();
    const listed = matchExpected(lists.flat().map((x) => ({ code: clean(x.code), name: clean(x.name) })), units);
    for (const u of listed.sort(byKeys((x) => x.code, (x) => x.name))) {
      // A unit listed by name alone and not found among the reports keeps its name (no code to show).
      const key = u.code || `\u0000${foldKey(u.name)}`;
      if ((u.code || u.name) && !byExpected.has(key)) byExpected.set(key, u);
    }
    expectedUnits = [...byExpected.values()];
  }

  // Provenance says what finally became of each file at this level.
  const provenance = collected.provenance.sort(provenanceOrder);
  const expectedCodes = expectedUnits ? new Set(expectedUnits.map((u) => u.code)) : null;
  for (const m of merged) {
    for (const { entry: p, keptFile } of m.duplicates) {
      if (!TAKEN_OUTCOMES.includes(p.outcome)) continue;
      p.outcome = 'duplicate';
      addReason(p, { code: 'unit.duplicate', message: `Cùng số liệu với tệp ${quoted(keptFile)} của cùng đơn vị; chỉ tính một lần.` });
    }
    for (const p of m.heldOut) {
      p.outcome = 'held_out';
      // A lower level may have named fewer files: the reason names every file known here.
      p.reasons = p.reasons.filter((r) => r.code !== 'unit.conflicting_duplicates');
      addReason(p, conflictReason(m.unit, opts.period, opts.year));
    }
    if (expectedCodes && m.unit.status === 'taken' && !expectedCodes.has(m.unit.code)) {
      for (const p of m.kept) {
        addReason(p, { code: 'unit.unexpected', message: `Đơn vị ${m.unit.name} (mã ${m.unit.code}) không có trong danh sách đơn vị phải báo cáo; số liệu vẫn được tổng hợp. Hãy kiểm tra mã đơn vị hoặc bổ sung danh sách.` });
      }
    }
  }

  const seen = new Set<string>();
  const issues = collected.issues.sort(issueOrder).filter((i) => {
    const k = issueKey(i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });

  const leaves = {
    expectedUnits,
    units,
    indicators: merged.flatMap((m) => m.indicators),
    tasks: merged.flatMap((m) => m.tasks),
    dueDate: opts.dueDate ?? calendar.due,
  };
  return {
    kind: SUMMARY_KIND,
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    year: opts.year,
    period: opts.period,
    consolidatingUnit: { name: clean(opts.consolidatingUnit.name), level: opts.consolidatingUnit.level },
    generatedAt: opts.now,
    ...(collected.areaNames ? { areaNames: collected.areaNames } : {}),
    dueDate: leaves.dueDate,
    cutoff: opts.cutoff ?? calendar.cutoff,
    expectedUnits,
    units,
    indicators: leaves.indicators,
    tasks: leaves.tasks,
    provenance,
    issues,
    aggregates: deriveAggregates({ ...leaves, year: opts.year }),
  };
}

const isSummaryInput = (x: ConsolidationInput | SummaryInput): x is SummaryInput => 'summary' in x;

function collect(input: ConsolidationInput | SummaryInput, opts: ContributionOptions, into: Collected): void {
  if (isSummaryInput(input)) collectSummary(input, opts, into);
  else collectReport(input, opts, into);
}

/**
 * What one input adds to a consolidation with these options, on its own: a worker can reduce a file
 * to this and hand it over instead of the whole report. Never throws; the input is not modified.
 */
export function contributionOf(input: ConsolidationInput | SummaryInput, opts: ContributionOptions): InputContribution {
  const into = emptyCollected();
  collect(input, opts, into);
  return into;
}

/** A consolidation fed one input at a time, so that a batch never holds every report at once. */
export interface Consolidation {
  /** Adds a unit's report or a lower summary; only its contribution is kept. */
  add(input: ConsolidationInput | SummaryInput): void;
  /**
   * Adds what contributionOf(input, same options) returned, wherever it was computed. The
   * contribution becomes the consolidation's (its texts are replaced by shared copies, text-pool.ts).
   */
  addContribution(contribution: InputContribution): void;
  /** The summary of everything added, in the order added. Ends the consolidation: call it once. */
  finish(): Summary;
}

/**
 * Streaming consolidation: `consolidate(inputs, opts)` is exactly `createConsolidation(opts)`, each
 * input added in turn, then `finish()`. Adding contributions in the same order gives the same summary.
 */
export function createConsolidation(opts: ConsolidateOptions): Consolidation {
  const collected = emptyCollected();
  const texts = new TextPool();
  let finished = false;
  const open = () => {
    if (finished) throw new Error('consolidation already finished');
  };
  const addContribution = (c: InputContribution) => {
    open();
    poolContribution(texts, c);
    for (const x of c.candidates) collected.candidates.push(x);
    for (const x of c.provenance) collected.provenance.push(x);
    for (const x of c.issues) collected.issues.push(x);
    for (const x of c.expectedLists) collected.expectedLists.push(x);
    if (c.calendar) collected.calendar ??= c.calendar;
    for (const [code, name] of Object.entries(c.areaNames ?? {})) {
      collected.areaNames ??= {};
      if (!(code in collected.areaNames)) collected.areaNames[code] = name;
    }
  };
  return {
    add: (input) => addContribution(contributionOf(input, opts)),
    addContribution,
    finish() {
      open();
      finished = true;
      return finish(collected, opts);
    },
  };
}

/**
 * Consolidates units' reports for one period. Inputs may also be lower summaries (a province that
 * receives some communes directly and some through districts). Never throws; inputs are not modified.
 */
export function consolidate(inputs: readonly (ConsolidationInput | SummaryInput)[], opts: ConsolidateOptions): Summary {
  const c = createConsolidation(opts);
  for (const input of inputs) c.add(input);
  return c.finish();
}

/**
 * Consolidates lower summaries (districts → province). A bare Summary is named after its
 * consolidating unit in the provenance, with no checksum.
 */
export function consolidateSummaries(summaries: readonly (Summary | SummaryInput)[], opts: ConsolidateOptions): Summary {
  return consolidate(
    summaries.map((s) =>
      'summary' in s ? s : { source: { fileName: `Tổng hợp ${s.consolidatingUnit?.name ?? ''}`.trim(), sha256: '', receivedAt: null }, summary: s },
    ),
    opts,
  );
}
