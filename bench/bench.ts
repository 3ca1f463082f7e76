/**
 * npm run bench — medians on this machine, side by side in one run:
 *  1. validateWorkbook on a 500-row indicator sheet + a 500-row task sheet (goal < 20 ms);
 *  2. 1,000 commune workbooks: merely reading + unzipping them, the full consolidation
 *     (read, sniff, values, validate, consolidate), and exceljs's full load for comparison;
 *     files per second and the peak memory (max RSS) of each, each measured in a fresh process.
 * Goal for consolidation: 1,000 workbooks in ≤ 2 s (≥ 500 files/s) and ≤ 150 MB peak memory.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { consolidate } from '../shared/consolidate/consolidate';
import { buildSummarySheets } from '../shared/layout/summary';
import { defaultCalendar } from '../shared/period';
import { ingestWorkbook, type IngestedFile } from '../io/ingest';
import { writeXlsx } from '../io/xlsx/write';
import { benchValidate } from './validate.bench';
import { corpusFiles, corpusUnit, CORPUS_PERIOD, CORPUS_YEAR, ensureCorpus, readAll } from './corpus';

const FILES = Number(process.env.BENCH_FILES ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROOT = join(process.cwd(), '.tmp', 'bench');

type Mode = 'unzip' | 'consolidate' | 'exceljs' | 'write-summary';
interface Measure { mode: Mode; files: number; ms: number; maxRssMb: number; detail?: string }

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

/** One measurement, run inside a fresh child process so memory and JIT state start clean. */
async function child(mode: Mode, dir: string): Promise<Measure> {
  const files = corpusFiles(dir);
  const limit = mode === 'exceljs' ? Math.min(files.length, 200) : files.length;
  const list = files.slice(0, limit);
  const t0 = performance.now();
  let detail = '';
  if (mode === 'unzip') {
    let bytes = 0;
    for (const f of readAll(list)) for (const part of Object.values(unzipSync(f.bytes))) bytes += part.length;
    detail = `${Math.round(bytes / 1e6)} MB giải nén`;
  } else if (mode === 'exceljs') {
    for (const f of readAll(list)) await new ExcelJS.Workbook().xlsx.load(f.bytes as unknown as ArrayBuffer);
  } else {
    const inputs: IngestedFile[] = [];
    for (const f of readAll(list)) inputs.push(ingestWorkbook(f.bytes, f.name, createHash('sha256').update(f.bytes).digest('hex')));
    const cal = defaultCalendar(CORPUS_PERIOD, CORPUS_YEAR);
    const expectedUnits = list.map((_, i) => corpusUnit(i));
    const summary = consolidate(inputs, {
      year: CORPUS_YEAR, period: CORPUS_PERIOD, consolidatingUnit: { name: 'Sở Nội vụ (đo hiệu năng)', level: 'tinh' },
      expectedUnits, now: cal.due,
    });
    const c = summary.aggregates.completeness;
    detail = `nhận ${c.receivedCount}, từ chối ${c.refused.length}`;
    if (mode === 'write-summary') {
      const t1 = performance.now();
      const bytes = await writeXlsx(buildSummarySheets(summary));
      detail += `; ghi tổng hợp ${Math.round(performance.now() - t1)} ms, ${Math.round(bytes.length / 1024)} KB`;
    }
  }
  const ms = performance.now() - t0;
  return { mode, files: list.length, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, detail };
}

function runChild(mode: Mode, dir: string): Measure {
  const out = execFileSync(process.execPath, [process.argv[1], '--child', mode, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() as string) as Measure;
}

const fmt = (n: number, d = 0) => n.toLocaleString('vi-VN', { minimumFractionDigits: d, maximumFractionDigits: d });

async function main(): Promise<void> {
  const i = process.argv.indexOf('--child');
  if (i >= 0) {
    process.stdout.write(JSON.stringify(await child(process.argv[i + 1] as Mode, process.argv[i + 2])) + '\n');
    return;
  }
  console.log('Đo hiệu năng (trung vị; máy 2 nhân)\n');
  const v = await benchValidate();
  console.log(`Kiểm tra dữ liệu — ${v.name}: trung vị ${fmt(v.medianMs, 2)} ms qua ${v.runs} lần (mục tiêu < 20 ms)\n`);

  const dir = await ensureCorpus(ROOT, FILES, (s) => console.log(s));
  const rows: [string, Measure[]][] = [];
  for (const mode of ['unzip', 'consolidate', 'exceljs'] as Mode[]) {
    const ms: Measure[] = [];
    for (let r = 0; r < (mode === 'exceljs' ? Math.min(RUNS, 3) : RUNS); r++) ms.push(runChild(mode, dir));
    rows.push([mode, ms]);
  }
  const label: Record<string, string> = {
    unzip: 'Chỉ đọc và giải nén',
    consolidate: 'Tổng hợp (đọc, kiểm tra, cộng dồn)',
    exceljs: 'exceljs đọc đầy đủ (để so sánh)',
    'write-summary': 'Tổng hợp và ghi sổ tổng hợp',
  };
  console.log(`${'Việc'.padEnd(38)} ${'số tệp'.padStart(7)} ${'thời gian'.padStart(11)} ${'tệp/giây'.padStart(9)} ${'bộ nhớ đỉnh'.padStart(12)}`);
  for (const [mode, ms] of rows) {
    const t = median(ms.map((m) => m.ms));
    const files = ms[0].files;
    console.log(
      `${label[mode].padEnd(38)} ${String(files).padStart(7)} ${(fmt(t) + ' ms').padStart(11)} ${fmt((files / t) * 1000).padStart(9)} ${(fmt(median(ms.map((m) => m.maxRssMb))) + ' MB').padStart(12)}  ${ms[0].detail ?? ''}`,
    );
  }
  const w = runChild('write-summary', dir);
  console.log(`${label['write-summary'].padEnd(38)} ${String(w.files).padStart(7)} ${(fmt(w.ms) + ' ms').padStart(11)} ${fmt((w.files / w.ms) * 1000).padStart(9)} ${(fmt(w.maxRssMb) + ' MB').padStart(12)}  ${w.detail} (1 lần)`);
  const c = rows.find(([m]) => m === 'consolidate')![1];
  const t = median(c.map((m) => m.ms));
  console.log(`\nMục tiêu tổng hợp 1.000 tệp: ≤ 2.000 ms và ≤ 150 MB — đo được ${fmt(t)} ms, ${fmt(median(c.map((m) => m.maxRssMb)))} MB.`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
