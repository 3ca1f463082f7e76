/**
 * Files for the command-line tests: commune reports written as a unit would send them (the standard
 * template, sample values, year 2025), the hostile files real mailboxes hold, and the chores around
 * them (temporary folders, hashing, captured output, patching one cell of a written package).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { buildPlan } from '../../shared/catalog/plan';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import type { SheetModel } from '../../shared/layout/sheet-model';
import { standardTemplate } from '../../shared/layout/standard-template';
import type { TemplateInput } from '../../shared/layout/template';
import type { PeriodCode, UnitInfo } from '../../shared/model';
import { writeXlsx } from '../../io/xlsx/write';
import { SAMPLE_COMMUNES, SAMPLE_PARENT, type SampleCommune } from '../../sample/communes';
import { sampleInfo, sampleReport } from '../../sample/generate';
import type { Output } from '../../cli/commands';
import { DEMO_PERIOD, DEMO_YEAR } from '../../cli/demo';
import type { ConsolidateOptions } from '../../shared/consolidate/types';
import { build } from 'esbuild';

export const YEAR = 2025;
export const PERIOD: PeriodCode = 'Q2';
export const PLAN = buildPlan(CATALOG_2025);

export type ReportValues = NonNullable<TemplateInput['report']>;

export function unit(code: string): SampleCommune {
  const u = SAMPLE_COMMUNES.find((c) => c.code === code);
  if (!u) throw new Error(`no sample commune ${code}`);
  return u;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `cchc-${prefix}-`));
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

export interface CapturedOutput extends Output {
  outLines: string[];
  errLines: string[];
  /** Everything written to out, then everything written to err. */
  all(): string;
}

export function captureOutput(): CapturedOutput {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return {
    outLines,
    errLines,
    out: (l) => outLines.push(l),
    err: (l) => errLines.push(l),
    all: () => [...outLines, ...errLines].join('\n'),
  };
}

export interface WrittenReport {
  bytes: Uint8Array;
  sheets: SheetModel[];
  report: ReportValues;
  info: Partial<UnitInfo>;
}

/**
 * A unit's filled report for YEAR/PERIOD (or the period given), values from sampleReport unless
 * given; `info` overrides fields of the Thông tin sheet; `adjust` edits the sheets before writing.
 */
export async function buildReport(
  code: string,
  opts: {
    period?: PeriodCode;
    info?: Partial<UnitInfo>;
    report?: ReportValues;
    adjust?: (sheets: SheetModel[], report: ReportValues) => SheetModel[] | void;
  } = {},
): Promise<WrittenReport> {
  const u = unit(code);
  const period = opts.period ?? PERIOD;
  const report = opts.report ?? sampleReport(u, PLAN.indicators, PLAN.tasks, YEAR, period);
  const info = { ...sampleInfo(u, YEAR, period), ...opts.info };
  let { sheets } = standardTemplate(info, { report });
  if (opts.adjust) sheets = opts.adjust(sheets, report) ?? sheets;
  return { bytes: await writeXlsx(sheets), sheets, report, info };
}

export function sheetOf(sheets: SheetModel[], name: string): SheetModel {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** 0-based row of a catalog code (column A) in a written sheet model. */
export function rowOfCode(sheet: SheetModel, code: string): number {
  const r = sheet.rows.findIndex((row) => row[0] === code);
  if (r < 0) throw new Error(`no row ${code} in ${sheet.name}`);
  return r;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every file of a folder (one level) by name → SHA-256 of its bytes. */
export function hashFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) out[name] = sha256(readFileSync(join(dir, name)));
  return out;
}

export function writeFile(dir: string, name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

// ---------------------------------------------------------------- patching written packages

/** The part path of each worksheet by tab name, from workbook.xml and its relationships. */
export function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const workbook = strFromU8(files['xl/workbook.xml']);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (name && id && targets.has(id)) out.set(decodeXml(name), targets.get(id)!);
  }
  return out;
}

function decodeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Rewrites parts of a package: `edit(path, text)` returns the new text, or undefined to keep it. */
export function patchParts(bytes: Uint8Array, edit: (path: string, text: string, sheetName: string | null) => string | undefined): Uint8Array {
  const files = unzipSync(bytes);
  const names = new Map([...sheetParts(files)].map(([name, path]) => [path, name]));
  const out: Zippable = {};
  for (const [path, data] of Object.entries(files)) {
    if (path.endsWith('/')) continue;
    const changed = /\.(xml|rels)$/.test(path) ? edit(path, strFromU8(data), names.get(path) ?? null) : undefined;
    out[path] = changed === undefined ? data : strToU8(changed);
  }
  return zipSync(out);
}

/** The whole `<c …>…</c>` (or `<c …/>`) element of one cell in a worksheet's XML. */
export function cellElement(xml: string, address: string): RegExp {
  return new RegExp(`<c\\b[^>]*\\br="${address}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
}

/** Replaces one cell with an error value, keeping its style (and its formula, if it had one). */
export function withErrorCell(xml: string, address: string, error: string): string {
  const re = cellElement(xml, address);
  const m = re.exec(xml);
  if (!m) throw new Error(`cell ${address} not found`);
  const style = /\bs="(\d+)"/.exec(m[0])?.[1];
  const formula = /<f\b[^>]*>[\s\S]*?<\/f>/.exec(m[0])?.[0] ?? '';
  return xml.replace(re, `<c r="${address}"${style ? ` s="${style}"` : ''} t="e">${formula}<v>${error}</v></c>`);
}

/** Removes the cached result of every formula cell: a file saved by a program that does not calculate. */
export function withoutCachedValues(xml: string): string {
  return xml.replace(/<c\b([^>]*)>(<f\b[^>]*(?:\/>|>[\s\S]*?<\/f>))(?:<v>[\s\S]*?<\/v>)?<\/c>/g, (_all, attrs: string, f: string) =>
    `<c${attrs.replace(/\s+t="[^"]*"/, '')}>${f}</c>`,
  );
}

/** workbook.xml switched to the 1904 date system the way LibreOffice writes it (date1904="true"). */
export function withDate1904(workbookXml: string): string {
  const out = /<workbookPr\b/.test(workbookXml)
    ? workbookXml.replace(/<workbookPr\b/, '<workbookPr date1904="true"')
    : workbookXml.replace(/<(bookViews|sheets)\b/, '<workbookPr date1904="true"/><$1');
  if (out === workbookXml) throw new Error('workbook.xml has no place for workbookPr');
  return out;
}

// ---------------------------------------------------------------- hostile files

/** A compound-file (OLE) header, then one directory sector naming the given streams in UTF-16LE. */
export function compoundFile(streams: string[]): Uint8Array {
  const out = new Uint8Array(512 * 3);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  streams.forEach((name, i) => {
    for (let j = 0; j < name.length; j++) {
      out[512 + i * 128 + j * 2] = name.charCodeAt(j);
      out[512 + i * 128 + j * 2 + 1] = 0;
    }
  });
  return out;
}

/** A package naming a workbook, with one sheet entry of `inflatedBytes` zeros: a few hundred KB on disk. */
export function zipBomb(inflatedBytes: number): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>'),
    'xl/worksheets/sheet1.xml': [new Uint8Array(inflatedBytes), { level: 9 }],
  });
}

export function odsFile(): Uint8Array {
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'content.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
    'META-INF/manifest.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'),
  });
}

export function xlsbFile(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.bin': new Uint8Array([0x83, 0x01, 0x00, 0x80, 0x01, 0x00]),
    'xl/worksheets/sheet1.bin': new Uint8Array([0x81, 0x01, 0x00]),
  });
}

export const HTML_EXPORT =
  '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Báo cáo</title></head><body><table><tr><td>STT</td><td>Chỉ tiêu</td></tr><tr><td>1</td><td>Tỷ lệ hồ sơ</td></tr></table></body></html>\n';

/** Excel's "XML Spreadsheet 2003", which accounting software still exports under an .xls name. */
export const XML_2003 =
  '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1"><Table><Row><Cell><Data ss:Type="String">STT</Data></Cell></Row></Table></Worksheet></Workbook>\n';

export const CSV_EXPORT = 'STT,Chỉ tiêu,Tử số,Mẫu số\n1,Tỷ lệ hồ sơ trực tuyến,171,200\n2,Tỷ lệ số hóa,95,100\n';

/** Consolidating the demo's communes as the demo does (cli/demo.ts). */
export const DEMO_OPTIONS: ConsolidateOptions = {
  year: DEMO_YEAR,
  period: DEMO_PERIOD,
  consolidatingUnit: SAMPLE_PARENT,
  expectedUnits: SAMPLE_COMMUNES.map((u) => ({ code: u.code, name: u.name })),
  now: '2026-09-27',
};

/** A worker script bundled as tools/build.mjs bundles it (tests run the sources, which a worker cannot load). */
export async function bundleWorker(entry: string, outfile: string): Promise<void> {
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
}
