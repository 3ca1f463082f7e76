/**
 * `validate` and `consolidate` read a file with the same code and raise the same issues on it: a
 * workbook saved by a program that does not calculate (no cached results), with one numerator typed
 * as a formula besides the template's own ratio results.
 */
import { INDICATOR_SHEET, columnIndex } from '../../shared/spec/annex';
import { a1 } from '../../shared/cell';
import { formatIssue } from '../../shared/validate';
import { main } from '../../cli/main';
import { ingestPath } from '../../cli/ingest-pool';
import { buildReport, captureOutput, patchParts, removeDir, rowOfCode, sheetOf, tempDir, withoutCachedValues, writeFile } from './fixtures';

let root: string;
afterAll(() => removeDir(root));

it('validate prints exactly the issues consolidate keeps for the file, and neither warns for the ratio results it computes', async () => {
  root = tempDir('same-reading');
  const w = await buildReport('90004');
  const indicators = sheetOf(w.sheets, INDICATOR_SHEET.name);
  const code = Object.keys(w.report.indicators!)[0];
  const numCell = a1(rowOfCode(indicators, code), columnIndex(INDICATOR_SHEET, 'numerator'));
  const bytes = patchParts(w.bytes, (_path, text, sheet) => {
    if (!sheet) return undefined;
    let xml = withoutCachedValues(text);
    // A numerator typed as a formula, saved without its result: that figure is really missing.
    if (sheet === INDICATOR_SHEET.name) xml = xml.replace(new RegExp(`<c r="${numCell}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`), `<c r="${numCell}"$1><f>SUM(1,2)</f></c>`);
    return xml;
  });
  const path = writeFile(root, 'chua-tinh-lai.xlsx', bytes);

  const io = captureOutput();
  await main(['validate', path], io);
  const input = ingestPath(path);
  if (!('issues' in input) || input.report === null) throw new Error('not taken');
  const printed = io.outLines.filter((l) => / — (lỗi|cảnh báo): /.test(l));
  expect(printed).toEqual(input.issues.map(formatIssue));
  const uncalculated = input.issues.filter((i) => i.rule === 'cell.formula_without_value');
  expect(uncalculated.map((i) => `${i.sheet}!${i.address}`)).toEqual([`${INDICATOR_SHEET.name}!${numCell}`]);
});
