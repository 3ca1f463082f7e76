/**
 * The page-side host for the browser test: an in-memory Excel workbook exposed as the `Office` and
 * `Excel` globals, served in place of Office.js from the CDN address, plus `__book` so the test can
 * look at the sheets and simulate a person pasting into them.
 */
import { FakeWorkbook } from './fake-excel';

const book = new FakeWorkbook(['Sheet1']);
const { Office, Excel } = book.globals();
Object.assign(window as unknown as Record<string, unknown>, { Office, Excel, __book: book });
