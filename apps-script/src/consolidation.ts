/**
 * Tổng hợp in Google Sheets: read every commune spreadsheet (and the .xlsx files of the Drive folder),
 * consolidate with the shared rules, write the shared summary sheets into this spreadsheet.
 *
 * A run always ends:
 * - an execution stops starting new sources after READ_BUDGET_MS (Apps Script kills it at 6
 *   minutes), leaves its checkpoint (run-state.ts) and schedules `continueConsolidation`; while it
 *   works a later "safety" continuation waits in case it is killed outright;
 * - every way out of an execution decides the continuation trigger: finished, stopped or nothing to
 *   do removes it; paused sets it; an error sets it with back-off (1, 2, 4… minutes, at most 30);
 * - a source that fails (an error, or the execution died while reading it) is retried after the
 *   others, and after MAX_SOURCE_ATTEMPTS it is listed as unreadable with its reason;
 * - a run that has not finished after MAX_EXECUTIONS executions stops: it says why on the settings
 *   sheet and e-mails whoever started it, once.
 * A script lock keeps two executions from working at once.
 */
import { createConsolidation } from '../../shared/consolidate/consolidate';
import type { ConsolidateOptions, ConsolidationInput, Summary } from '../../shared/consolidate/types';
import { attentionLine, attentionList, ATTENTION_SHOWN } from '../../shared/consolidate/attention';
import { buildSummaryWorkbook } from '../../shared/layout/summary';
import { periodOfYear } from '../../shared/period';
import { storedContribution, unpackContribution, type StoredContribution } from './checkpoint';
import { errorMessage, homeSpreadsheet, today, type Feedback } from './host';
import { markReminded, reminderPlan, sendFeedback, sendReminders, type Contact, type ReminderResult } from './reminders';
import { clearRunState, readHeader, RunState, type QueuedSource, type RunHeader } from './run-state';
import { ensureSettingsSheets, readRegistry, readSettings, SETTINGS_SHEET, writeRunStatus } from './settings';
import { writeSheet } from './sheets-writer';
import { listSources, readSource, sourceFileName } from './sources';
import { removeTriggers, scheduleOnce } from './triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Stop starting new sources after this long in one execution. */
export const READ_BUDGET_MS = 4.5 * 60 * 1000;
/** Do not start writing the summary after this long: leave it to the next execution. */
export const FINISH_BUDGET_MS = 5 * 60 * 1000;
/** Delay of the continuation after a planned stop. */
export const CONTINUE_AFTER_MS = 60 * 1000;
/** Continuation left while an execution works: fires only if the execution dies without finishing. */
export const SAFETY_AFTER_MS = 7 * 60 * 1000;
/** Longest wait between two executions after errors. */
export const MAX_BACKOFF_MS = 30 * 60 * 1000;
/** A source is given up after this many failed attempts. */
export const MAX_SOURCE_ATTEMPTS = 2;
/** A run is stopped when it has not finished after this many executions. */
export const MAX_EXECUTIONS = 12;
/** A checkpoint older than this is abandoned when a new run is asked for. */
const STALE_RUN_MS = 24 * 60 * 60 * 1000;
/** Remembers the last run whose stop was e-mailed, so its owner hears once. */
const STOP_MAILED_PROPERTY = 'CCHC_STOP_MAILED';

const LOCK_WAIT_MS = 2000;

export interface RunOptions {
  consolidate: ConsolidateOptions;
  contacts: Contact[];
  copyTo: string[];
  reminderDays: number;
  /** E-mail each unit its "Góp ý báo cáo" after the summary is written (older checkpoints: absent). */
  sendFeedback?: boolean;
}

type State = RunState<RunOptions, StoredContribution>;

export type RunOutcome =
  | { kind: 'busy' }
  /** Settings to fill in; `created`: the settings sheets this run had to create first. */
  | { kind: 'not_ready'; created: string[]; problems: string[]; locale: string[] }
  | { kind: 'nothing' }
  | { kind: 'paused'; done: number; total: number; retryInMinutes: number }
  /** An execution ended in an error; the run carries on after `retryInMinutes`. */
  | { kind: 'failed'; done: number; total: number; retryInMinutes: number }
  /** The run was given up; `reason` says why, in Vietnamese. */
  | { kind: 'stopped'; reason: string }
  | { kind: 'finished'; summary: Summary; reminders: ReminderResult | null; feedback?: ReminderResult | null };

/** Runs `work` holding the script lock; 'busy' when another execution holds it. */
function withLock(work: () => RunOutcome): RunOutcome {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return { kind: 'busy' };
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

function currentUser(): string {
  try {
    return Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

/** Reads the settings and the registry and queues the run (nothing is read from the communes yet). */
function beginRun(ss: Spreadsheet, remind: boolean): State | { created: string[]; problems: string[]; locale: string[] } | null {
  const { created, locale } = ensureSettingsSheets(ss);
  const read = readSettings(ss);
  if (!read.ok) return { created, problems: read.problems, locale };
  const s = read.settings;
  const registry = readRegistry(ss);
  let sources: QueuedSource[];
  try {
    sources = listSources(registry, s.folderId, ss.getId());
  } catch (e) {
    console.error(e);
    return {
      created,
      locale,
      problems: [`${SETTINGS_SHEET}: không mở được thư mục Google Drive đã ghi. Kiểm tra lại ID hoặc đường dẫn thư mục, và tài khoản đang dùng có quyền xem thư mục đó.`],
    };
  }
  const expected = registry.filter((u) => u.code).map((u) => ({ code: u.code, name: u.name }));
  // With no spreadsheet at all but a list of units, the summary still says who has not reported.
  if (sources.length === 0 && expected.length === 0) return null;
  const options: RunOptions = {
    consolidate: {
      year: s.year,
      period: s.period,
      consolidatingUnit: s.consolidatingUnit,
      ...(expected.length ? { expectedUnits: expected } : {}),
      ...(s.dueDate ? { dueDate: s.dueDate } : {}),
      ...(s.cutoff ? { cutoff: s.cutoff } : {}),
      now: today(),
    },
    contacts: registry.filter((u) => u.code).map((u) => ({ code: u.code, name: u.name, email: u.email, spreadsheetId: u.spreadsheetId })),
    copyTo: s.copyTo,
    reminderDays: s.reminderDays,
    sendFeedback: s.sendFeedback,
  };
  const startedAt = Date.now();
  const header: RunHeader = {
    runId: `run-${startedAt}`,
    startedAt,
    remind,
    owner: currentUser(),
    executions: 0,
    failedExecutions: 0,
    open: false,
    reading: null,
  };
  return RunState.begin<RunOptions, StoredContribution>(ss, header, options, sources);
}

/** The unreadable-source input for a source given up after its attempts. */
function givenUp(source: QueuedSource, reasons: string[]): ConsolidationInput {
  const last = reasons[reasons.length - 1] ?? '';
  return {
    source: { fileName: sourceFileName(source), sha256: '' },
    report: null,
    issues: [],
    refused: {
      code: 'source.gave_up',
      message: `Đã thử đọc “${source.label}” ${reasons.length} lần nhưng không được${last ? ` (${last})` : ''}. Tổng hợp vẫn tiếp tục với các nguồn khác; hãy kiểm tra nguồn này rồi chạy lại Tổng hợp.`,
    },
  };
}

function backoffMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, CONTINUE_AFTER_MS * 2 ** Math.max(0, failures - 1));
}

/** Reads pending sources until the budget is spent, then either pauses or writes the summary. */
function work(ss: Spreadsheet, state: State, executionStart: number): RunOutcome {
  const h = state.header;
  // The previous execution never closed the run: it was killed, on the source it was reading.
  if (h.open) {
    h.failedExecutions++;
    const died = h.reading;
    if (died && state.pending().some((s) => s.key === died)) {
      state.recordAttempt(died, { reason: 'đọc quá lâu, lần chạy bị dừng vì hết 6 phút' });
    }
  }
  if (h.executions >= MAX_EXECUTIONS) {
    return stopRun(ss, state, `Sau ${h.executions} lần chạy vẫn chưa đọc xong (đã đọc ${state.doneCount}/${state.sources.length} nguồn).`);
  }
  // The safety continuation is already set (runConsolidation, continueRun); after failures it waits longer.
  if (h.failedExecutions > 0) scheduleOnce('continueConsolidation', SAFETY_AFTER_MS + backoffMs(h.failedExecutions));
  state.saveHeader({ executions: h.executions + 1, open: true, reading: null });

  const options = state.options;
  const contributionOptions = { year: options.consolidate.year, period: options.consolidate.period };
  const failedNow = new Set<string>();
  for (const source of state.pending()) {
    if (Date.now() - executionStart > READ_BUDGET_MS) return pause(state, 0);
    if (failedNow.has(source.key)) continue;
    const earlier = state.attemptsOf(source.key);
    if (earlier.length >= MAX_SOURCE_ATTEMPTS) {
      const added: [string, Record<string, unknown>][] = [];
      state.save(source.key, storedContribution(givenUp(source, earlier.map((a) => a.reason)), contributionOptions, state.templates, added), added);
      continue;
    }
    state.saveHeader({ reading: source.key });
    let input;
    try {
      input = readSource(source);
    } catch (e) {
      console.error(e);
      state.recordAttempt(source.key, { reason: transientReason(e) });
      failedNow.add(source.key);
      continue;
    }
    const added: [string, Record<string, unknown>][] = [];
    state.save(source.key, storedContribution(input, contributionOptions, state.templates, added), added);
  }
  if (state.pending().length > 0) return pause(state, 0);
  if (Date.now() - executionStart > FINISH_BUDGET_MS) return pause(state, 0);

  const consolidation = createConsolidation(options.consolidate);
  for (const stored of state.resultsInOrder()) consolidation.addContribution(unpackContribution(stored, state.templates));
  const summary = consolidation.finish();
  const models = buildSummaryWorkbook(summary);
  for (const model of models) writeSheet(ss, model);
  ss.getSheetByName(models[0].name)?.activate();

  let reminders: ReminderResult | null = null;
  // The flag is read again: a reminder day may have asked for it while this run was working.
  if (h.remind || readHeader()?.remind) {
    const plan = reminderPlan({ ...options.consolidate, dueDate: options.consolidate.dueDate ?? null, reminderDays: options.reminderDays });
    reminders = sendReminders(ss, summary, options.contacts, options.copyTo, plan, today());
    markReminded(options.consolidate.year, options.consolidate.period, plan.due);
  }
  clearRunState(ss);
  removeTriggers('continueConsolidation');
  // Each letter is entered in the sent-log before it goes: a resumed run sends none twice.
  const feedback = options.sendFeedback ? sendFeedback(ss, summary, options.contacts, options.copyTo) : null;
  writeRunStatus(ss, finishedStatus(summary, reminders));
  return { kind: 'finished', summary, reminders, feedback };
}

/** What a source's failure is called, in Vietnamese, without the exception's own text. */
function transientReason(e: unknown): string {
  const m = errorMessage(e);
  if (/timed out|timeout|hết thời gian|quá thời gian/i.test(m)) return 'Google trả lời quá chậm';
  if (/service|dịch vụ|invoked too many times|quá nhiều lần/i.test(m)) return 'dịch vụ của Google tạm thời không đáp ứng';
  return 'gặp lỗi không xác định khi đọc';
}

function pause(state: State, failures: number): RunOutcome {
  const delay = failures > 0 ? backoffMs(failures) : CONTINUE_AFTER_MS;
  state.saveHeader({ open: false, reading: null, failedExecutions: failures });
  scheduleOnce('continueConsolidation', delay);
  const done = state.doneCount;
  const total = state.sources.length;
  const retryInMinutes = Math.round(delay / 60000);
  return failures > 0 ? { kind: 'failed', done, total, retryInMinutes } : { kind: 'paused', done, total, retryInMinutes };
}

/** Gives the run up: no trigger left, the reason on the settings sheet, its owner told once. */
function stopRun(ss: Spreadsheet, state: State, why: string): RunOutcome {
  const reason = `${why} Tổng hợp đã dừng; hãy kiểm tra các nguồn ở trang Danh sách đơn vị và thư mục, rồi chạy lại CCHC ▸ Tổng hợp.`;
  clearRunState(ss);
  removeTriggers('continueConsolidation');
  writeRunStatus(ss, `Dừng lúc ${Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'dd/MM/yyyy HH:mm')}: ${reason}`);
  const props = PropertiesService.getScriptProperties();
  const owner = state.header.owner;
  if (owner && props.getProperty(STOP_MAILED_PROPERTY) !== state.header.runId) {
    props.setProperty(STOP_MAILED_PROPERTY, state.header.runId);
    try {
      MailApp.sendEmail({ to: owner, subject: '[CCHC] Tổng hợp báo cáo chưa hoàn thành', body: `${reason}

Bảng tính: ${ss.getUrl()}` });
    } catch (e) {
      console.error(e);
    }
  }
  return { kind: 'stopped', reason };
}

function finishedStatus(summary: Summary, reminders: ReminderResult | null): string {
  const when = Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'dd/MM/yyyy HH:mm');
  const c = summary.aggregates.completeness;
  const sent = reminders ? ` Đã gửi thư nhắc tới ${reminders.sent.length} đơn vị.` : '';
  return `Xong lúc ${when}: ${c.receivedCount} đơn vị có số liệu${c.expectedCount !== null ? ` trên ${c.expectedCount} đơn vị phải báo cáo` : ''}.${sent}`;
}

/**
 * One execution's work on the run, with every exit deciding the continuation: an error that escapes
 * the work is counted against the run, which carries on later with back-off or stops at the limit.
 */
function guarded(ss: Spreadsheet, state: State, executionStart: number): RunOutcome {
  try {
    return work(ss, state, executionStart);
  } catch (e) {
    console.error(e);
    const failures = state.header.failedExecutions + 1;
    if (state.header.executions >= MAX_EXECUTIONS) {
      return stopRun(ss, state, `Sau ${state.header.executions} lần chạy, lần cuối vẫn gặp lỗi khi ghi bảng tổng hợp hoặc đọc nguồn.`);
    }
    return pause(state, failures);
  }
}

/**
 * Starts a run, or carries on the one in progress (a run interrupted less than a day ago is
 * continued, never restarted, so nothing is read twice). `remind`: send reminders at the end.
 */
export function runConsolidation(remind: boolean): RunOutcome {
  const executionStart = Date.now();
  return withLock(() => {
    const ss = homeSpreadsheet();
    const header = readHeader();
    // First of all: from here on, whatever stops this execution, the run can resume.
    scheduleOnce('continueConsolidation', SAFETY_AFTER_MS);
    let state: State | null = null;
    if (header && executionStart - header.startedAt < STALE_RUN_MS) {
      state = RunState.load<RunOptions, StoredContribution>(ss);
      if (state && remind) state.setRemind(true);
    }
    if (!state) {
      const begun = beginRun(ss, remind);
      if (begun === null || 'problems' in begun) {
        removeTriggers('continueConsolidation');
        return begun === null ? { kind: 'nothing' } : { kind: 'not_ready', ...begun };
      }
      state = begun;
    }
    return guarded(ss, state, executionStart);
  });
}

/** The continuation trigger: carries on the run in progress, if any. */
export function continueRun(): RunOutcome {
  const executionStart = Date.now();
  const outcome = withLock(() => {
    const ss = homeSpreadsheet();
    const state = RunState.load<RunOptions, StoredContribution>(ss);
    if (!state) {
      removeTriggers('continueConsolidation');
      return { kind: 'nothing' };
    }
    // The trigger that started this execution has fired: a new one stands by in case it is stopped.
    scheduleOnce('continueConsolidation', SAFETY_AFTER_MS);
    return guarded(ss, state, executionStart);
  });
  // Another execution holds the lock: try again later rather than lose the continuation.
  if (outcome.kind === 'busy') scheduleOnce('continueConsolidation', CONTINUE_AFTER_MS);
  return outcome;
}

/** What a run did, in Vietnamese, for the alert (menu) or the log (trigger). */
export function describeOutcome(outcome: RunOutcome): string {
  switch (outcome.kind) {
    case 'busy':
      return 'Đang có một lần tổng hợp khác chạy. Hãy đợi vài phút rồi thử lại.';
    case 'not_ready': {
      const head = outcome.created.length
        ? `Đã tạo trang ${outcome.created.map((n) => `“${n}”`).join(' và ')}. Điền các mục sau rồi chạy lại Tổng hợp:`
        : 'Chưa tổng hợp được, cần sửa trang Cài đặt:';
      return [head, ...outcome.problems.map((p) => `• ${p}`), ...outcome.locale].join('\n');
    }
    case 'nothing':
      return 'Chưa có bảng tính nào để tổng hợp: điền cột “Bảng tính báo cáo” ở trang Danh sách đơn vị, hoặc ID thư mục Google Drive ở trang Cài đặt.';
    case 'paused':
      return `Đã đọc ${outcome.done}/${outcome.total} bảng tính. Việc tổng hợp sẽ tự tiếp tục sau khoảng ${outcome.retryInMinutes} phút; bảng tổng hợp sẽ hiện khi đọc xong.`;
    case 'failed':
      return `Lần chạy này gặp lỗi sau khi đọc ${outcome.done}/${outcome.total} nguồn. Công cụ sẽ tự thử lại sau khoảng ${outcome.retryInMinutes} phút.`;
    case 'stopped':
      return outcome.reason;
    case 'finished': {
      const { summary, reminders } = outcome;
      const c = summary.aggregates.completeness;
      const lines = [
        `Đã tổng hợp báo cáo ${periodOfYear(summary.period, summary.year)}: ${c.receivedCount} đơn vị có số liệu` +
          (c.expectedCount !== null ? ` trên ${c.expectedCount} đơn vị phải báo cáo.` : '.'),
      ];
      if (c.withoutData.length) lines.push(`${c.withoutData.length} đơn vị chưa có số liệu hợp lệ (xem trang Tình hình nộp báo cáo).`);
      const attention = attentionList(summary).slice(0, ATTENTION_SHOWN);
      if (attention.length) {
        lines.push('Những điểm cần chú ý:');
        for (const x of attention) lines.push(`• ${attentionLine(x)}`);
      }
      const refused = summary.provenance.filter((p) => p.outcome === 'refused');
      if (refused.length) {
        lines.push(`${refused.length} bảng tính không tổng hợp được (xem trang Nguồn dữ liệu):`);
        for (const p of refused.slice(0, 10)) lines.push(`• ${p.fileName}: ${p.reasons.map((r) => r.message).join(' ')}`);
        if (refused.length > 10) lines.push(`• … và ${refused.length - 10} bảng tính khác.`);
      }
      if (outcome.feedback) {
        const f = outcome.feedback;
        lines.push(`Đã gửi thư góp ý tới ${f.sent.length} đơn vị${f.alreadySent.length ? ` (${f.alreadySent.length} đơn vị đã nhận góp ý này từ trước)` : ''}.`);
        if (f.noEmail.length) lines.push(`Chưa có email để gửi góp ý: ${f.noEmail.join(', ')}.`);
        for (const b of f.badEmail) lines.push(`Không gửi góp ý được cho ${b.code}: ${b.reason}`);
        if (f.overQuota.length) lines.push(`Hết hạn mức gửi thư trong ngày, chưa gửi góp ý: ${f.overQuota.join(', ')}.`);
        if (f.failed.length) lines.push(`Gửi góp ý không thành công, sẽ gửi lại lần sau: ${f.failed.join(', ')}.`);
      }
      if (reminders) {
        lines.push(`Đã gửi thư nhắc tới ${reminders.sent.length} đơn vị.`);
        if (reminders.alreadySent.length) lines.push(`Đã nhắc từ trước (không gửi lại): ${reminders.alreadySent.join(', ')}.`);
        if (reminders.noEmail.length) lines.push(`Chưa có email để nhắc: ${reminders.noEmail.join(', ')}.`);
        for (const b of reminders.badEmail) lines.push(`Không gửi được cho ${b.code}: ${b.reason}`);
        if (reminders.overQuota.length) lines.push(`Hết hạn mức gửi thư trong ngày (tính theo số người nhận), chưa nhắc: ${reminders.overQuota.join(', ')}.`);
        if (reminders.failed.length) lines.push(`Gửi thư không thành công, sẽ nhắc lại lần sau: ${reminders.failed.join(', ')}.`);
      }
      return lines.join('\n');
    }
  }
}

export function report(outcome: RunOutcome, fb: Feedback): void {
  const text = describeOutcome(outcome);
  if (outcome.kind === 'paused') fb.toast(text);
  else fb.alert(text);
}
