import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// shared/ must run unchanged in Excel's webview, in Apps Script's V8 and in Node: it may import
// only its own files and the pure libraries below, and touch no host global. fflate (deflate in plain
// JavaScript) already runs in all three through io/; shared/ uses it for the catalog a workbook carries.
const ROOT = join(__dirname, '..', '..', 'shared');
const ALLOWED_PACKAGES = [/^zod(\/|$)/, /^date-fns(\/|$)/, /^fflate(\/|$)/];
const HOST_GLOBALS = /\b(Excel|Office|OfficeExtension|SpreadsheetApp|DriveApp|PropertiesService|ScriptApp|MailApp|HtmlService|Utilities|process|require|window|document|Buffer)\s*[.(]/;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(source: string): string[] {
  const specs: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (let m = re.exec(source); m; m = re.exec(source)) specs.push(m[1] ?? m[2]);
  return specs;
}

/** Code without comments and string literals: words in Vietnamese messages ("lịch Excel.") are not calls. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/`(?:\\.|[^`\\])*`|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, "''")
    .replace(/\/\/.*$/gm, '');
}

describe('shared/ is host-free', () => {
  const files = tsFiles(ROOT);

  test('there is code to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  test.each(files.map((f) => [relative(ROOT, f), f]))('%s imports only its own files, zod, date-fns and fflate', (_name, file) => {
    const bad = importsOf(readFileSync(file, 'utf8')).filter(
      (s) => !s.startsWith('.') && !ALLOWED_PACKAGES.some((re) => re.test(s)),
    );
    expect(bad).toEqual([]);
  });

  test.each(files.map((f) => [relative(ROOT, f), f]))('%s uses no host or Node global', (_name, file) => {
    const code = codeOnly(readFileSync(file, 'utf8'));
    const lines = code.split('\n').filter((l) => HOST_GLOBALS.test(l) && !/^\s*\*/.test(l));
    expect(lines).toEqual([]);
  });

  test('the checker itself catches a forbidden import', () => {
    expect(importsOf("import ExcelJS from 'exceljs';\nimport { a } from './a';")).toEqual(['exceljs', './a']);
    expect(HOST_GLOBALS.test(codeOnly('const s = SpreadsheetApp.getActive();'))).toBe(true);
    expect(HOST_GLOBALS.test(codeOnly("const m = `Số ngày trong lịch Excel. ${x}`;"))).toBe(false);
  });
});
