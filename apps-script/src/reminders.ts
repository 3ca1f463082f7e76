/**
 * Reminder e-mails through MailApp: the units, the day and the text come from the shared rules
 * (shared/consolidate/reminders.ts); this file only knows contacts, quota, the sent-log and sending.
 *
 * Sent once: every reminder is entered in the hidden sheet "_cchc_sent" (unit, period, reminder day)
 * BEFORE MailApp is asked to send it, and a unit already entered for the same period and day is never
 * sent again — so a run resumed after being killed, or a reminder check run twice, sends nothing
 * twice. The price: an execution killed exactly between the entry and the send leaves that one
 * reminder unsent (it is listed in the log, so it can be checked).
 *
 * MailApp's daily quota counts recipients (to, cc and bcc each), so a reminder with two copies costs
 * three. Addresses are checked first; a bad one is named with a Vietnamese reason, never sent to.
 */
import type { IsoDate } from '../../shared/cell';
import {
  reminderPlan,
  reminderSubject,
  reminderText,
  unitsToRemind,
  type ReminderPlan,
} from '../../shared/consolidate/reminders';
import type { Summary } from '../../shared/consolidate/types';
import { periodLabel } from '../../shared/period';
import { parseEmailList } from '../../shared/text/email';
import { sheetsInput } from './sheets-writer';

export { reminderPlan, unitsToRemind, type ReminderPlan };

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const SENT_LOG_SHEET = '_cchc_sent';
const SENT_LOG_HEADER = ['Mã đơn vị', 'Kỳ báo cáo', 'Ngày nhắc', 'Gửi tới', 'Ghi lúc', 'Kết quả'];
const SEND_FAILED = 'Không gửi được';

export interface Contact {
  code: string;
  name: string;
  email: string;
  spreadsheetId: string | null;
}

export interface ReminderResult {
  sent: string[];
  /** Units to remind that have no e-mail address in the registry. */
  noEmail: string[];
  /** Units whose address cannot be used, with the reason. */
  badEmail: { code: string; reason: string }[];
  /** Units not reminded because the daily e-mail quota (in recipients) ran out. */
  overQuota: string[];
  /** Units already reminded for this period and day (by an earlier execution). */
  alreadySent: string[];
  /** Units whose sending failed after being entered in the log. */
  failed: string[];
}

const sheetLink = (id: string | null) => (id ? `https://docs.google.com/spreadsheets/d/${id}/edit` : undefined);

/** The key of one reminder: unit, period, reminder day. */
const logKey = (code: string, period: string, day: string) => `${code}|${period}|${day}`;

/** The sent-log sheet, created hidden on first use; and the keys it holds. */
function openLog(ss: Spreadsheet): { sheet: GoogleAppsScript.Spreadsheet.Sheet; keys: Set<string>; next: number } {
  let sheet = ss.getSheetByName(SENT_LOG_SHEET);
  if (!sheet) {
    sheet = ss.insertSheet(SENT_LOG_SHEET, ss.getSheets().length);
    sheet.getRange(1, 1, 1, SENT_LOG_HEADER.length).setValues([SENT_LOG_HEADER]);
    sheet.hideSheet();
    return { sheet, keys: new Set(), next: 2 };
  }
  const rows = sheet.getDataRange().getValues();
  const keys = new Set<string>();
  // A row whose sending failed does not count: that unit may be reminded again.
  for (const r of rows.slice(1)) if (!r[5]) keys.add(logKey(String(r[0]), String(r[1]), String(r[2])));
  return { sheet, keys, next: rows.length + 1 };
}

/** Sends the reminders for a summary; one e-mail per unit, never twice, never past the quota. */
export function sendReminders(
  ss: Spreadsheet,
  summary: Summary,
  contacts: readonly Contact[],
  copyTo: readonly string[],
  plan: ReminderPlan,
  today: IsoDate,
): ReminderResult {
  const result: ReminderResult = { sent: [], noEmail: [], badEmail: [], overQuota: [], alreadySent: [], failed: [] };
  const byCode = new Map(contacts.map((c) => [c.code, c]));
  const period = `${periodLabel(summary.period)}/${summary.year}`;
  const units = unitsToRemind(summary);
  if (units.length === 0) return result;
  const log = openLog(ss);
  let quota = MailApp.getRemainingDailyQuota();
  for (const unit of units) {
    const contact = byCode.get(unit.code);
    const key = logKey(unit.code, period, plan.sendOn);
    if (log.keys.has(key)) {
      result.alreadySent.push(unit.code);
      continue;
    }
    if (!contact?.email) {
      result.noEmail.push(unit.code);
      continue;
    }
    const to = parseEmailList(contact.email);
    if (!to.ok) {
      result.badEmail.push({ code: unit.code, reason: to.reason });
      continue;
    }
    const recipients = to.value.length + copyTo.length;
    if (recipients > quota) {
      result.overQuota.push(unit.code);
      continue;
    }
    // Entered before sending: a resumed run finds it and does not send again.
    const row = log.next++;
    log.sheet.getRange(row, 1, 1, SENT_LOG_HEADER.length).setValues([
      [unit.code, period, plan.sendOn, to.value.join(', '), Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'dd/MM/yyyy HH:mm'), ''].map(sheetsInput),
    ]);
    log.keys.add(key);
    try {
      MailApp.sendEmail({
        to: to.value.join(','),
        ...(copyTo.length ? { cc: copyTo.join(',') } : {}),
        subject: reminderSubject(summary, plan),
        body: reminderText(summary, { ...unit, name: unit.name || contact.name }, plan, today, sheetLink(contact.spreadsheetId)),
        name: summary.consolidatingUnit.name,
      });
    } catch (e) {
      console.error(e);
      log.sheet.getRange(row, SENT_LOG_HEADER.length).setValue(SEND_FAILED);
      log.keys.delete(key);
      result.failed.push(unit.code);
      continue;
    }
    quota -= recipients;
    result.sent.push(unit.code);
  }
  return result;
}

/** Remembers the (year, period, due date) whose reminders went out, so later reminder checks skip it. */
const REMINDED_PROPERTY = 'CCHC_REMINDED';

export function remindedKey(year: number, period: string, due: string): string {
  return `${year}|${period}|${due}`;
}

export function markReminded(year: number, period: string, due: string): void {
  PropertiesService.getScriptProperties().setProperty(REMINDED_PROPERTY, remindedKey(year, period, due));
}

export function wasReminded(year: number, period: string, due: string): boolean {
  return PropertiesService.getScriptProperties().getProperty(REMINDED_PROPERTY) === remindedKey(year, period, due);
}
