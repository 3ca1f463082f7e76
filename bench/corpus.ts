/**
 * The benchmark's corpus: N distinct commune workbooks as real .xlsx files. A few base reports
 * are written by the product's own writer (exceljs, slow: ~0.4 s each); the others are those files
 * with the unit's code and name replaced inside the package (unzip, edit the shared strings, zip),
 * so every file is a different unit and the whole set is made in seconds. Cached on disk by version.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { buildPlan } from '../shared/catalog/plan';
import { CATALOG_2025 } from '../shared/catalog/catalog-2025';
import { standardTemplate } from '../shared/layout/standard-template';
import type { PeriodCode } from '../shared/model';
import { writeXlsx } from '../io/xlsx/write';
import { SAMPLE_COMMUNES, type SampleCommune } from '../sample/communes';
import { sampleInfo, sampleReport } from '../sample/generate';

export const CORPUS_YEAR = 2025;
export const CORPUS_PERIOD: PeriodCode = 'Q2';
const CORPUS_VERSION = 'v4';
const BASES = 12;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The same package with one unit's code and name swapped for another's. */
function retarget(base: Uint8Array, from: SampleCommune, to: { code: string; name: string }): Uint8Array {
  const files = unzipSync(base);
  for (const [path, data] of Object.entries(files)) {
    if (!path.endsWith('.xml')) continue;
    let xml = strFromU8(data);
    if (!xml.includes(from.code) && !xml.includes(escapeXml(from.name))) continue;
    xml = xml.split(`>${from.code}<`).join(`>${to.code}<`).split(escapeXml(from.name)).join(escapeXml(to.name));
    xml = xml.split(escapeXml(from.name.toUpperCase())).join(escapeXml(to.name.toUpperCase()));
    files[path] = strToU8(xml);
  }
  return zipSync(files, { level: 6 });
}

export function corpusUnit(i: number): { code: string; name: string } {
  return { code: String(10000 + i), name: `UBND xã Mẫu ${i + 1}` };
}

/** Folder holding `count` distinct workbooks, made once and reused. */
export async function ensureCorpus(root: string, count: number, log: (s: string) => void = () => {}): Promise<string> {
  const dir = join(root, `corpus-${CORPUS_VERSION}-${count}`);
  if (existsSync(dir) && readdirSync(dir).filter((f) => f.endsWith('.xlsx')).length === count) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const plan = buildPlan(CATALOG_2025);
  const bases: { unit: SampleCommune; bytes: Uint8Array }[] = [];
  log(`Đang tạo ${BASES} tệp gốc…`);
  for (let b = 0; b < BASES; b++) {
    const unit = SAMPLE_COMMUNES[b % SAMPLE_COMMUNES.length];
    const report = sampleReport(unit, plan.indicators, plan.tasks, CORPUS_YEAR, CORPUS_PERIOD, b + 1);
    const { sheets } = standardTemplate(sampleInfo(unit, CORPUS_YEAR, CORPUS_PERIOD), { report });
    bases.push({ unit, bytes: await writeXlsx(sheets) });
  }
  log(`Đang tạo ${count} tệp báo cáo…`);
  for (let i = 0; i < count; i++) {
    const base = bases[i % BASES];
    const to = corpusUnit(i);
    writeFileSync(join(dir, `${to.code}.xlsx`), retarget(base.bytes, base.unit, to));
  }
  return dir;
}

export function corpusFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => join(dir, f));
}

export function readAll(files: string[]): { name: string; bytes: Uint8Array }[] {
  return files.map((f) => ({ name: f.slice(f.lastIndexOf('/') + 1), bytes: readFileSync(f) }));
}
