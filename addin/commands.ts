/**
 * The manifest's function file. Every CCHC ribbon button opens the task pane (ShowTaskpane with
 * ?command=…), so nothing runs here; the page only has to load Office.js for the ribbon.
 */
Office.onReady(() => undefined);
