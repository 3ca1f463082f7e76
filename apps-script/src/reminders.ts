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
import { unitNames } from '../../shared/consolidate/derive';
import { feedbackText, feedbackTitle, unitsWithFeedback } from '../../shared/layout/feedback';
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

/** One e-mail to one unit, and the key under which the sent-log remembers it. */
interface Letter {
  code: string;
  name: string;
  /** What the log's third column holds: the reminder day, or the feedback's mark. */
  day: string;
  subject: string;
  body: (contact: Contact) => string;
}

/**
 * Sends each letter once: entered in the sent-log before MailApp is asked, skipped when the log has
 * it, never past the quota (in recipients), never to a bad address.
 */
function sendOnce(ss: Spreadsheet, letters: readonly Letter[], period: string, contacts: readonly Contact[], copyTo: readonly string[], from: string): ReminderResult {
  const result: ReminderResult = { sent: [], noEmail: [], badEmail: [], overQuota: [], alreadySent: [], failed: [] };
  if (letters.length === 0) return result;
  const byCode = new Map(contacts.map((c) => [c.code, c]));
  const log = openLog(ss);
  let quota = MailApp.getRemainingDailyQuota();
  for (const letter of letters) {
    const contact = byCode.get(letter.code);
    const key = logKey(letter.code, period, letter.day);
    if (log.keys.has(key)) {
      result.alreadySent.push(letter.code);
      continue;
    }
    if (!contact?.email) {
      result.noEmail.push(letter.code);
      continue;
    }
    const to = parseEmailList(contact.email);
    if (!to.ok) {
      result.badEmail.push({ code: letter.code, reason: to.reason });
      continue;
    }
    const recipients = to.value.length + copyTo.length;
    if (recipients > quota) {
      result.overQuota.push(letter.code);
      continue;
    }
    // Entered before sending: a resumed run finds it and does not send again.
    const row = log.next++;
    log.sheet.getRange(row, 1, 1, SENT_LOG_HEADER.length).setValues([
      [letter.code, period, letter.day, to.value.join(', '), Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'dd/MM/yyyy HH:mm'), ''].map(sheetsInput),
    ]);
    log.keys.add(key);
    try {
      MailApp.sendEmail({
        to: to.value.join(','),
        ...(copyTo.length ? { cc: copyTo.join(',') } : {}),
        subject: letter.subject,
        body: letter.body(contact),
        name: from,
      });
    } catch (e) {
      console.error(e);
      log.sheet.getRange(row, SENT_LOG_HEADER.length).setValue(SEND_FAILED);
      log.keys.delete(key);
      result.failed.push(letter.code);
      continue;
    }
    quota -= recipients;
    result.sent.push(letter.code);
  }
  return result;
}

const periodKey = (summary: Summary) => `${periodLabel(summary.period)}/${summary.year}`;

/** Sends the reminders for a summary; one e-mail per unit, never twice, never past the quota. */
export function sendReminders(
  ss: Spreadsheet,
  summary: Summary,
  contacts: readonly Contact[],
  copyTo: readonly string[],
  plan: ReminderPlan,
  today: IsoDate,
): ReminderResult {
  const letters: Letter[] = unitsToRemind(summary).map((unit) => ({
    code: unit.code,
    name: unit.name,
    day: plan.sendOn,
    subject: reminderSubject(summary, plan),
    body: (contact) => reminderText(summary, { ...unit, name: unit.name || contact.name }, plan, today, sheetLink(contact.spreadsheetId)),
  }));
  return sendOnce(ss, letters, periodKey(summary), contacts, copyTo, summary.consolidatingUnit.name);
}

/**
 * Sends each unit the office has something to say to its "Góp ý báo cáo" (shared/layout/feedback.ts)
 * as text. The log key holds a fingerprint of the letter: the same feedback is never sent twice,
 * new findings after a later consolidation are.
 */
export function sendFeedback(ss: Spreadsheet, summary: Summary, contacts: readonly Contact[], copyTo: readonly string[]): ReminderResult {
  const names = unitNames(summary);
  const letters: Letter[] = unitsWithFeedback(summary).map((code) => {
    const body = feedbackText(summary, code);
    return {
      code,
      name: names.get(code) ?? code,
      // The date line aside: the same findings on the next night's run are the same letter.
      day: `Góp ý ${fingerprint(body.split('\n').filter((l) => !DATE_LINE.test(l)).join('\n'))}`,
      subject: feedbackTitle(summary, names.get(code) ?? code),
      body: () => body,
    };
  });
  return sendOnce(ss, letters, periodKey(summary), contacts, copyTo, summary.consolidatingUnit.name);
}

/** "Thanh Hóa, ngày 07 tháng 12 năm 2026" as the document's head writes it (it may share a line with the motto). */
const DATE_LINE = /ngày \d{2} tháng \d{2} năm \d{4}/;

/** A short fingerprint of a text (FNV-1a, 32 bits, hex): tells one letter from another in the log. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
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
