/**
 * Reminder e-mails through MailApp: the units, the day and the text come from the shared rules
 * (shared/consolidate/reminders.ts); this file only knows contacts, quota and sending.
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

export { reminderPlan, unitsToRemind, type ReminderPlan };

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
  /** Units not reminded because the daily e-mail quota ran out. */
  overQuota: string[];
}

const sheetLink = (id: string | null) => (id ? `https://docs.google.com/spreadsheets/d/${id}/edit` : undefined);

/** Sends the reminders for a summary; one e-mail per unit, never more than the quota left. */
export function sendReminders(summary: Summary, contacts: readonly Contact[], copyTo: readonly string[], plan: ReminderPlan, today: IsoDate): ReminderResult {
  const result: ReminderResult = { sent: [], noEmail: [], overQuota: [] };
  const byCode = new Map(contacts.map((c) => [c.code, c]));
  let quota = MailApp.getRemainingDailyQuota();
  for (const unit of unitsToRemind(summary)) {
    const contact = byCode.get(unit.code);
    if (!contact?.email) {
      result.noEmail.push(unit.code);
      continue;
    }
    if (quota <= 0) {
      result.overQuota.push(unit.code);
      continue;
    }
    MailApp.sendEmail({
      to: contact.email,
      ...(copyTo.length ? { cc: copyTo.join(',') } : {}),
      subject: reminderSubject(summary, plan),
      body: reminderText(summary, { ...unit, name: unit.name || contact.name }, plan, today, sheetLink(contact.spreadsheetId)),
      name: summary.consolidatingUnit.name,
    });
    quota--;
    result.sent.push(unit.code);
  }
  return result;
}
