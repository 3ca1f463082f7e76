/**
 * The time each Apps Script service call is charged on the fake clock, and the 6-minute limit of an
 * execution. These are the budget assumptions apps-script/README.md states (a round, pessimistic
 * figure per call; a remote spreadsheet is the slowest thing the script touches), not measurements
 * of Google's servers: what the tests measure is how many calls the script makes, and these turn
 * calls into executions.
 */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

/** Milliseconds per call by method name; `units` is the cells of the range (or bytes of a blob). */
export function callCostMs(owner: string, method: string, units: number): number {
  switch (method) {
    case 'openById':
      return 1000;
    case 'getValues':
    case 'getDisplayValues':
    case 'getFormulas':
    case 'getNotes':
    case 'getBackgrounds':
    case 'getNumberFormats':
    case 'getWraps':
    case 'getFontWeights':
    case 'getFontStyles':
    case 'getFontSizes':
    case 'getFontColors':
    case 'getHorizontalAlignments':
    case 'getVerticalAlignments':
      return 100 + units * 0.002;
    case 'setValues':
    case 'setValue':
    case 'setNotes':
    case 'setBackgrounds':
    case 'setNumberFormats':
    case 'setWraps':
    case 'setFontWeights':
    case 'setFontStyles':
    case 'setFontSizes':
    case 'setFontColors':
    case 'setHorizontalAlignments':
    case 'setVerticalAlignments':
      return 150 + units * 0.01;
    case 'insertSheet':
    case 'deleteSheet':
    case 'copyTo':
      return 300;
    case 'protect':
    case 'setDataValidation':
    case 'setConditionalFormatRules':
      return 100;
    case 'getFolderById':
    case 'getFileById':
    case 'getFiles':
    case 'getFolders':
    case 'getBlob':
      return 300;
    case 'getBytes':
      // The bytes, then reading them in the script (unzip and scan: some 6 µs a byte in V8 here).
      return 200 + units * 0.006;
    case 'sendEmail':
      return 800;
    case 'newTrigger':
    case 'getProjectTriggers':
    case 'deleteTrigger':
      return 200;
    default:
      return owner === 'PropertiesService' || owner === 'LockService' || owner === 'MailApp' ? 50 : 20;
  }
}

/** JSON.stringify / JSON.parse, per character of JSON text. */
export const JSON_MS_PER_CHAR = 0.0002;
