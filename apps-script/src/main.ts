/**
 * Entry points of the Apps Script project. The build bundles this module into one global object
 * (CCHC) and writes one top-level function per key of `entryPoints` — Apps Script calls only
 * top-level functions (onOpen, onEdit, menu items, google.script.run, triggers).
 */
import { describeInsert, insertAnnexSheets } from './annexes';
import { CATALOG_PROMPT, describeCatalog, loadCatalog, NO_CATALOG_HERE, nothingToLoad } from './catalog';
import {
  disableNightly,
  disableReminders,
  enableNightly,
  enableReminders,
  reminderCheck,
} from './automation';
import { checkEdit, checkSpreadsheet, jumpToCell, type CheckResult } from './check';
import { continueRun, describeOutcome, report, runConsolidation } from './consolidation';
import { HELP_TITLE, helpHtml } from './help';
import { errorMessage, homeSpreadsheet, menuFeedback, userFacingError } from './host';
import { importPlanTable } from './import-plan';
import { addMenu } from './menu';

/** The file the build copies beside Code.js (HtmlService names it without the extension). */
export const SIDEBAR_FILE = 'Sidebar';

/** Runs a menu command; a failure is shown as a Vietnamese message, never as a stack trace. */
function fromMenu(command: () => void): void {
  try {
    command();
  } catch (e) {
    console.error(e);
    SpreadsheetApp.getUi().alert(`Không thực hiện được lệnh. ${userFacingError(e)}`);
  }
}

function alert(text: string): void {
  SpreadsheetApp.getUi().alert(text);
}

/** JSON that may sit inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function openSidebar(result: CheckResult): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE);
  // A function, not a string, as the replacement: in a replacement string "$'" or "$&" inside a
  // message would be read as a pattern (and "$'" pastes the rest of the page into the script).
  const data = scriptJson(result);
  html.setContent(html.getContent().replace('/*CCHC_DATA*/null', () => data));
  SpreadsheetApp.getUi().showSidebar(html.setTitle('Kiểm tra dữ liệu CCHC'));
}

export const entryPoints = {
  /** Simple trigger: adds the menu (no authorization needed). */
  onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
    addMenu(SpreadsheetApp.getUi());
  },

  /** Simple trigger: the light check of the edited rows. Never interrupts typing with an error. */
  onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
    try {
      if (e && e.range) checkEdit(e.range);
    } catch (err) {
      console.warn(`Kiểm tra khi sửa ô không chạy được: ${errorMessage(err)}`);
    }
  },

  insertAnnexes(): void {
    fromMenu(() => alert(describeInsert(insertAnnexSheets(homeSpreadsheet()))));
  },

  /** Nhập từ bảng có sẵn: the unit's own plan table (selected range or active sheet) into the annexes. */
  importPlan(): void {
    fromMenu(() => alert(importPlanTable(homeSpreadsheet(), new Date().getFullYear())));
  },

  /** Nạp danh mục: the consolidating office's catalog, checked and kept in this spreadsheet. */
  loadCatalog(): void {
    fromMenu(() => {
      const ss = homeSpreadsheet();
      const ui = SpreadsheetApp.getUi();
      const answer = ui.prompt('Nạp danh mục', CATALOG_PROMPT, ui.ButtonSet.OK_CANCEL);
      if (answer.getSelectedButton() !== ui.Button.OK) return;
      if (nothingToLoad(ss, answer.getResponseText())) return alert(NO_CATALOG_HERE);
      alert(describeCatalog(loadCatalog(ss, answer.getResponseText())));
    });
  },

  checkData(): void {
    fromMenu(() => {
      const ss = homeSpreadsheet();
      const result = checkSpreadsheet(ss);
      ss.toast(result.issues.length ? `${result.errors} lỗi, ${result.warnings} cảnh báo.` : 'Không có lỗi.', 'Kiểm tra dữ liệu', 5);
      openSidebar(result);
    });
  },

  /** google.script.run target of the sidebar's "Kiểm tra lại". */
  sidebarIssues(): CheckResult {
    return checkSpreadsheet(homeSpreadsheet());
  },

  /** google.script.run target: select the cell an issue names. */
  jumpTo(sheetName: string, a1: string): boolean {
    return jumpToCell(homeSpreadsheet(), sheetName, a1);
  },

  consolidateReports(): void {
    fromMenu(() => {
      const ss = homeSpreadsheet();
      ss.toast('Đang đọc báo cáo của các đơn vị…', 'Tổng hợp', 5);
      report(runConsolidation(false), menuFeedback(ss));
    });
  },

  /** One-off trigger: carries on a run that stopped before the time limit. */
  continueConsolidation(): void {
    console.log(describeOutcome(continueRun()));
  },

  /** Daily trigger (Tự động ▸ Bật tổng hợp hằng đêm). */
  nightlyConsolidation(): void {
    console.log(describeOutcome(runConsolidation(false)));
  },

  /** Daily trigger (Tự động ▸ Bật nhắc hạn báo cáo). */
  dailyReminder(): void {
    console.log(reminderCheck());
  },

  enableNightlyConsolidation(): void {
    fromMenu(() => alert(enableNightly()));
  },
  disableNightlyConsolidation(): void {
    fromMenu(() => alert(disableNightly()));
  },
  enableDeadlineReminders(): void {
    fromMenu(() => alert(enableReminders()));
  },
  disableDeadlineReminders(): void {
    fromMenu(() => alert(disableReminders()));
  },

  showHelp(): void {
    fromMenu(() => {
      const html = HtmlService.createHtmlOutput(helpHtml()).setWidth(620).setHeight(560);
      SpreadsheetApp.getUi().showModalDialog(html, HELP_TITLE);
    });
  },
};

export type EntryName = keyof typeof entryPoints;
