/**
 * Small facts about where the script runs: the spreadsheet it belongs to, whether a user is looking
 * (menu run) or not (trigger run: SpreadsheetApp.getUi() throws there), and today's date.
 */
import type { IsoDate } from '../../shared/cell';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Script property holding the bound spreadsheet's id, for trigger runs that have no active one. */
const HOME_ID = 'CCHC_HOME_SPREADSHEET';

/** The spreadsheet the script is bound to. Remembered so time-driven runs find it too. */
export function homeSpreadsheet(): Spreadsheet {
  const props = PropertiesService.getScriptProperties();
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) {
    const id = active.getId();
    if (props.getProperty(HOME_ID) !== id) props.setProperty(HOME_ID, id);
    return active;
  }
  const id = props.getProperty(HOME_ID);
  if (!id) throw new Error('Chưa biết bảng tính của công cụ CCHC: hãy mở bảng tính và chạy một lệnh trong trình đơn CCHC một lần.');
  return SpreadsheetApp.openById(id);
}

/** How a run talks to people: dialogs when started from the menu, the log when started by a trigger. */
export interface Feedback {
  interactive: boolean;
  /** A message that waits for OK (menu runs only; logged otherwise). */
  alert(message: string): void;
  /** A short note in the corner of the spreadsheet. */
  toast(message: string): void;
}

export function menuFeedback(ss: Spreadsheet): Feedback {
  return {
    interactive: true,
    alert: (message) => {
      SpreadsheetApp.getUi().alert(message);
    },
    toast: (message) => ss.toast(message, 'CCHC', 8),
  };
}

export function triggerFeedback(): Feedback {
  return {
    interactive: false,
    alert: (message) => console.log(message),
    toast: (message) => console.log(message),
  };
}

/** Today in the script's time zone. */
export function today(): IsoDate {
  return Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'yyyy-MM-dd');
}

/** An exception's message without Apps Script's "Exception: " prefix. */
export function errorMessage(e: unknown): string {
  const m = typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : String(e);
  return m.replace(/^Exception:\s*/, '');
}
