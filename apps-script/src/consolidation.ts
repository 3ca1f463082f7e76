/**
 * Tổng hợp in Google Sheets: read every commune spreadsheet, consolidate with the shared rules,
 * write the shared summary sheets into this spreadsheet.
 *
 * An execution stops starting new spreadsheets after READ_BUDGET_MS (Apps Script kills it at 6
 * minutes), leaves its checkpoint (run-state.ts) and schedules `continueConsolidation` a minute
 * later; each execution also leaves a later "safety" continuation while it works, so a run killed
 * outright still resumes. A script lock keeps two executions from working at once.
 */
import { consolidate } from '../../shared/consolidate/consolidate';
import type { ConsolidateOptions, ConsolidationInput, Summary } from '../../shared/consolidate/types';
import { buildSummarySheets } from '../../shared/layout/summary';
import { periodLabel, periodOfYear } from '../../shared/period';
import { errorMessage, homeSpreadsheet, today, type Feedback } from './host';
import { reminderPlan, sendReminders, type Contact, type ReminderResult } from './reminders';
import { clearRunState, readHeader, RunState, type QueuedSource } from './run-state';
import { ensureSettingsSheets, readRegistry, readSettings, SETTINGS_SHEET } from './settings';
import { writeSheet } from './sheets-writer';
import { listSources, readSource } from './sources';
import { removeTriggers, scheduleOnce } from './triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Stop starting new spreadsheets after this long in one execution. */
export const READ_BUDGET_MS = 4.5 * 60 * 1000;
/** Do not start writing the summary after this long: leave it to the next execution. */
export const FINISH_BUDGET_MS = 5 * 60 * 1000;
/** Delay of the continuation after a planned stop. */
export const CONTINUE_AFTER_MS = 60 * 1000;
/** Continuation left while an execution works: fires only if the execution dies without finishing. */
export const SAFETY_AFTER_MS = 7 * 60 * 1000;
/** A checkpoint older than this is abandoned when a new run is asked for. */
const STALE_RUN_MS = 24 * 60 * 60 * 1000;

const LOCK_WAIT_MS = 2000;

export interface RunOptions {
  consolidate: ConsolidateOptions;
  contacts: Contact[];
  copyTo: string[];
  reminderDays: number;
}

type State = RunState<RunOptions, ConsolidationInput>;

export type RunOutcome =
  | { kind: 'busy' }
  /** Settings to fill in; `created`: the settings sheets this run had to create first. */
  | { kind: 'not_ready'; created: string[]; problems: string[] }
  | { kind: 'nothing' }
  | { kind: 'paused'; done: number; total: number }
  | { kind: 'finished'; summary: Summary; reminders: ReminderResult | null };

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

/** Reads the settings and the registry and queues the run (nothing is read from the communes yet). */
function beginRun(ss: Spreadsheet, remind: boolean): State | { created: string[]; problems: string[] } | null {
  const created = ensureSettingsSheets(ss);
  const read = readSettings(ss);
  if (!read.ok) return { created, problems: read.problems };
  const s = read.settings;
  const registry = readRegistry(ss);
  let sources: QueuedSource[];
  try {
    sources = listSources(registry, s.folderId, ss.getId());
  } catch (e) {
    return { created, problems: [`${SETTINGS_SHEET}: không mở được thư mục Google Drive (${errorMessage(e)}). Kiểm tra ID thư mục và quyền truy cập.`] };
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
  };
  const startedAt = Date.now();
  return RunState.begin<RunOptions, ConsolidationInput>(ss, { runId: `run-${startedAt}`, startedAt, remind }, options, sources);
}

/** Reads pending sources until the budget is spent, then either pauses or writes the summary. */
function work(ss: Spreadsheet, state: State, executionStart: number): RunOutcome {
  scheduleOnce('continueConsolidation', SAFETY_AFTER_MS);
  for (const source of state.pending()) {
    if (Date.now() - executionStart > READ_BUDGET_MS) return pause(state);
    state.save(source.key, readSource(source));
  }
  if (Date.now() - executionStart > FINISH_BUDGET_MS) return pause(state);

  const options = state.options;
  const summary = consolidate(state.resultsInOrder(), options.consolidate);
  const models = buildSummarySheets(summary);
  for (const model of models) writeSheet(ss, model);
  ss.getSheetByName(models[0].name)?.activate();

  let reminders: ReminderResult | null = null;
  // The flag is read again: a reminder day may have asked for it while this run was working.
  if (state.header.remind || readHeader()?.remind) {
    const plan = reminderPlan({ ...options.consolidate, dueDate: options.consolidate.dueDate ?? null, reminderDays: options.reminderDays });
    reminders = sendReminders(summary, options.contacts, options.copyTo, plan, today());
  }
  clearRunState(ss);
  removeTriggers('continueConsolidation');
  return { kind: 'finished', summary, reminders };
}

function pause(state: State): RunOutcome {
  scheduleOnce('continueConsolidation', CONTINUE_AFTER_MS);
  return { kind: 'paused', done: state.doneCount, total: state.sources.length };
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
    let state: State | null = null;
    if (header && executionStart - header.startedAt < STALE_RUN_MS) {
      state = RunState.load<RunOptions, ConsolidationInput>(ss);
      if (state && remind) state.setRemind(true);
    }
    if (!state) {
      const begun = beginRun(ss, remind);
      if (begun === null) return { kind: 'nothing' };
      if ('problems' in begun) return { kind: 'not_ready', ...begun };
      state = begun;
    }
    return work(ss, state, executionStart);
  });
}

/** The continuation trigger: carries on the run in progress, if any. */
export function continueRun(): RunOutcome {
  const executionStart = Date.now();
  const outcome = withLock(() => {
    const ss = homeSpreadsheet();
    const state = RunState.load<RunOptions, ConsolidationInput>(ss);
    if (!state) {
      removeTriggers('continueConsolidation');
      return { kind: 'nothing' };
    }
    return work(ss, state, executionStart);
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
      return [head, ...outcome.problems.map((p) => `• ${p}`)].join('\n');
    }
    case 'nothing':
      return 'Chưa có bảng tính nào để tổng hợp: điền cột “Bảng tính báo cáo” ở trang Danh sách đơn vị, hoặc ID thư mục Google Drive ở trang Cài đặt.';
    case 'paused':
      return `Đã đọc ${outcome.done}/${outcome.total} bảng tính. Việc tổng hợp sẽ tự tiếp tục sau khoảng 1 phút; bảng tổng hợp sẽ hiện khi đọc xong.`;
    case 'finished': {
      const { summary, reminders } = outcome;
      const c = summary.aggregates.completeness;
      const lines = [
        `Đã tổng hợp báo cáo ${periodOfYear(summary.period, summary.year)}: ${c.receivedCount} đơn vị có số liệu` +
          (c.expectedCount !== null ? ` trên ${c.expectedCount} đơn vị phải báo cáo.` : '.'),
      ];
      const refused = summary.provenance.filter((p) => p.outcome === 'refused');
      if (refused.length) {
        lines.push(`${refused.length} bảng tính không tổng hợp được (xem trang Nguồn dữ liệu):`);
        for (const p of refused.slice(0, 10)) lines.push(`• ${p.fileName}: ${p.reasons.map((r) => r.message).join(' ')}`);
        if (refused.length > 10) lines.push(`• … và ${refused.length - 10} bảng tính khác.`);
      }
      if (reminders) {
        lines.push(`Đã gửi thư nhắc tới ${reminders.sent.length} đơn vị.`);
        if (reminders.noEmail.length) lines.push(`Chưa có email để nhắc: ${reminders.noEmail.join(', ')}.`);
        if (reminders.overQuota.length) lines.push(`Hết hạn mức gửi thư trong ngày, chưa nhắc: ${reminders.overQuota.join(', ')}.`);
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
