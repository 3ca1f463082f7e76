/**
 * Time-driven triggers, each kind kept to exactly zero or one (Apps Script allows 20 per script and
 * every extra one would run the job again): setting one first deletes the others of its handler.
 */
import type { EntryName } from './main';

export function triggersOf(handler: EntryName): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
}

/** Deletes every trigger of the handler; returns how many there were. */
export function removeTriggers(handler: EntryName): number {
  const found = triggersOf(handler);
  for (const t of found) ScriptApp.deleteTrigger(t);
  return found.length;
}

/** One trigger a day at about `hour` o'clock (script time zone). */
export function setDailyTrigger(handler: EntryName, hour: number): void {
  removeTriggers(handler);
  ScriptApp.newTrigger(handler).timeBased().everyDays(1).atHour(hour).create();
}

/** One run of the handler about `ms` from now. */
export function scheduleOnce(handler: EntryName, ms: number): void {
  removeTriggers(handler);
  ScriptApp.newTrigger(handler).timeBased().after(ms).create();
}
