/**
 * npm run bench — medians on this machine, side by side in one run:
 *  1. validateWorkbook on a 500-row indicator sheet + a 500-row task sheet (goal < 20 ms);
 *  2. 1,000 commune workbooks:
 *     - merely reading + unzipping them (fflate, every entry): the floor any reader starts from;
 *     - consolidating them exactly as `cchc consolidate` does before it writes anything
 *       (consolidateFiles: read, sniff, values, validate, each file reduced to its contribution and
 *       added to a streaming consolidation; on 2 cores the main thread reads every report while a
 *       worker reads the next files ahead and inflates them, cli/read-ahead.ts);
 *     - the same with a worker thread reading whole files too (the pool used from 4 cores), for comparison;
 *     - exceljs's full load, for comparison;
 *     - the whole command (runConsolidation as `cchc consolidate` runs it), writing the summary
 *       workbook too, and the number of cells that workbook stores (goals: ≤ 1.5 × consolidation
 *       alone, ≤ 150 MB, ≤ 600 stored cells per unit).
 *     Files per second and peak memory (max RSS of the process, worker threads included), each
 *     measured in a fresh process; all but exceljs in dist/bench/child.js, a bundle holding only
 *     what the command line holds. Runs go round after round (one of each kind a round), so that
 *     what is compared is measured under the same conditions; the machine's load average is
 *     printed, and consolidation's time is also given as a multiple of merely reading and
 *     unzipping: other work on a shared machine slows every figure.
 * Goal for consolidation: 1,000 workbooks in ≤ 2 s (≥ 500 files/s) and ≤ 150 MB peak memory.
 *  3. the Excel add-in's requests: the size of each `context.sync()` of Chèn Phụ lục, Kiểm tra and
 *     Tổng hợp at 300 communes, measured with Office.js's own runtime, beside the 4 MB goal
 *     (bench/addin/main.ts, in its own process; BENCH_ADDIN_UNITS changes the count).
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultWorkers } from '../cli/ingest-pool';
import type { Measure } from './child';
import { benchValidate } from './validate.bench';
import { benchChartWriting } from './write-charts.bench';
import { corpusFiles, ensureCorpus, readAll } from './corpus';
import { ensureHostileFiles } from './hostile';

const FILES = Number(process.env.BENCH_FILES ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROOT = join(process.cwd(), '.tmp', 'bench');
/** The measurements of the command line's work run in this small bundle (child.ts). */
const CHILD = join(__dirname, 'child.js');
/** The add-in's request sizes (bench/addin/main.ts). */
const ADDIN = join(__dirname, 'addin-payload.js');

type Mode = 'unzip' | 'consolidate' | 'consolidate-before' | 'consolidate-pool' | 'exceljs' | 'command';

/**
 * A build of the command line to compare with, side by side in the same rounds (BENCH_BASELINE=
 * path of its dist/bench/child.js): "before" and "after" measured under the same conditions.
 */
const BASELINE = process.env.BENCH_BASELINE;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

/** exceljs's full load of 200 files, measured in this bundle (the only one that holds exceljs). */
async function exceljsChild(dir: string): Promise<Measure> {
  const list = corpusFiles(dir).slice(0, 200);
  const ExcelJS = (await import('exceljs')).default;
  const t0 = performance.now();
  for (const f of readAll(list)) await new ExcelJS.Workbook().xlsx.load(f.bytes as unknown as ArrayBuffer);
  return { mode: 'exceljs', files: list.length, ms: performance.now() - t0, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

/** One measurement in a fresh process, so memory and JIT state start clean. */
function runChild(mode: Mode, dir: string, env?: NodeJS.ProcessEnv): Measure {
  const args = mode === 'exceljs' ? [process.argv[1], '--exceljs', dir] : mode === 'consolidate-before' ? [BASELINE!, 'consolidate', dir] : [CHILD, mode, dir];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20, env: env ?? process.env });
  return JSON.parse(out.trim().split('\n').pop() as string) as Measure;
}

const fmt = (n: number, d = 0) => n.toLocaleString('vi-VN', { minimumFractionDigits: d, maximumFractionDigits: d });
const load = () => loadavg().map((x) => fmt(x, 2)).join(' / ');

async function main(): Promise<void> {
  const i = process.argv.indexOf('--exceljs');
  if (i >= 0) {
    process.stdout.write(JSON.stringify(await exceljsChild(process.argv[i + 1])) + '\n');
    return;
  }
  console.log(`Đo hiệu năng (trung vị; lệnh consolidate đọc tệp bằng luồng chính${defaultWorkers() ? ` và ${fmt(defaultWorkers())} luồng phụ` : ', một luồng phụ đọc trước'}; tải máy lúc bắt đầu ${load()})\n`);
  const v = await benchValidate();
  console.log(`Kiểm tra dữ liệu — ${v.name}: trung vị ${fmt(v.medianMs, 2)} ms qua ${v.runs} lần (mục tiêu < 20 ms)\n`);
  for (const w of benchChartWriting()) {
    console.log(
      `Ghi sổ, 12 bảng × ${fmt(w.units)} đơn vị (thời gian CPU, trung vị): ${fmt(w.plainMs, 1)} ms; thêm thiết lập in ${fmt(w.printMs - w.plainMs, 1)} ms; `
        + `thêm 12 biểu đồ ${fmt(w.chartsMs - w.plainMs, 1)} ms`,
    );
  }
  console.log('');

  const dir = await ensureCorpus(ROOT, FILES, (s) => console.log(s));
  if (process.argv.includes('--hostile')) return hostileFiles(dir);
  // Round after round, one run of each: the speed of a shared machine drifts within minutes, and
  // what is compared (above all, consolidating against merely reading and unzipping) is then
  // measured under the same conditions.
  const modes: Mode[] = ['unzip', 'consolidate', 'command', ...(BASELINE ? (['consolidate-before'] as Mode[]) : []), 'consolidate-pool', 'exceljs'];
  const rows: [Mode, Measure[]][] = modes.map((m) => [m, []]);
  for (let r = 0; r < RUNS; r++) {
    for (const [mode, ms] of rows) if (mode !== 'exceljs' || r < 3) ms.push(runChild(mode, dir));
  }
  const label: Record<Mode, string> = {
    unzip: 'Chỉ đọc và giải nén',
    consolidate: 'Tổng hợp như lệnh consolidate',
    'consolidate-before': 'Tổng hợp, bản dựng để so sánh',
    'consolidate-pool': 'Tổng hợp, thêm luồng phụ (so sánh)',
    exceljs: 'exceljs đọc đầy đủ (để so sánh)',
    command: 'Cả lệnh consolidate, ghi sổ tổng hợp',
  };
  console.log(`${'Việc'.padEnd(38)} ${'số tệp'.padStart(7)} ${'thời gian'.padStart(11)} ${'tệp/giây'.padStart(9)} ${'bộ nhớ đỉnh'.padStart(12)}`);
  for (const [mode, ms] of rows) {
    const t = median(ms.map((m) => m.ms));
    const files = ms[0].files;
    console.log(
      `${label[mode].padEnd(38)} ${String(files).padStart(7)} ${(fmt(t) + ' ms').padStart(11)} ${fmt((files / t) * 1000).padStart(9)} ${(fmt(median(ms.map((m) => m.maxRssMb))) + ' MB').padStart(12)}  ${ms[0].detail ?? ''}`,
    );
  }
  const c = rows.find(([m]) => m === 'consolidate')![1];
  const t = median(c.map((m) => m.ms));
  const mb = median(c.map((m) => m.maxRssMb));
  const perSecond = (c[0].files / t) * 1000;
  const verdict = (ok: boolean) => (ok ? 'đạt' : 'chưa đạt');
  const floor = median(rows.find(([m]) => m === 'unzip')![1].map((m) => m.ms));
  console.log(
    `\nMục tiêu tổng hợp ${fmt(c[0].files)} tệp: ≤ 2.000 ms (≥ 500 tệp/giây) và ≤ 150 MB — đo được ${fmt(t)} ms (${fmt(perSecond)} tệp/giây, ` +
      `${verdict(t <= 2000 * (c[0].files / 1000))}), ${fmt(mb)} MB (${verdict(mb <= 150)}); gấp ${fmt(t / floor, 2)} lần thời gian chỉ đọc và giải nén.`,
  );
  const w = rows.find(([m]) => m === 'command')![1];
  const wt = median(w.map((m) => m.ms));
  const wmb = median(w.map((m) => m.maxRssMb));
  const perUnit = (w[0].cells ?? 0) / Math.max(1, w[0].units ?? 1);
  console.log(
    `Cả lệnh, ghi sổ tổng hợp: ${fmt(wt)} ms, gấp ${fmt(wt / t, 2)} lần tổng hợp (mục tiêu ≤ 1,5 lần: ${verdict(wt <= 1.5 * t)}), ` +
      `${fmt(wmb)} MB (mục tiêu ≤ 150 MB: ${verdict(wmb <= 150)}); sổ tổng hợp lưu ${fmt(w[0].cells ?? 0)} ô cho ${fmt(w[0].units ?? 0)} đơn vị, ` +
      `${fmt(perUnit, 1)} ô mỗi đơn vị (mục tiêu ≤ 600: ${verdict(perUnit <= 600)}). Tải máy lúc kết thúc ${load()}.`,
  );
  const before = rows.find(([m]) => m === 'consolidate-before');
  if (before) {
    const tb = median(before[1].map((m) => m.ms));
    console.log(`So với bản dựng ${BASELINE}: ${fmt(tb)} ms trước, ${fmt(t)} ms nay (${t >= tb ? '+' : ''}${fmt(((t - tb) / tb) * 100, 1)} %), đo xen kẽ ${RUNS} vòng.`);
  }

  hostileFiles(dir);
}

/** Hostile files, each in a fresh process: the worst time and memory beside the goal. */
function hostileFiles(dir: string): void {
  const verdict = (ok: boolean) => (ok ? 'đạt' : 'chưa đạt');
  const hostile = ensureHostileFiles(ROOT, corpusFiles(dir)[0]);
  console.log(`\nTệp độc hại (mỗi tệp ≤ 4 MB, đọc như lệnh consolidate, mỗi tệp một tiến trình; mục tiêu ≤ 2.000 ms và ≤ 100 MB thêm):`);
  let worstMs = 0;
  let worstMb = 0;
  for (const h of hostile) {
    const out = execFileSync(process.execPath, ['--expose-gc', CHILD, 'hostile', h.path, corpusFiles(dir)[0]], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const m = JSON.parse(out.trim().split('\n').pop() as string) as Measure;
    worstMs = Math.max(worstMs, m.ms);
    worstMb = Math.max(worstMb, m.maxRssMb);
    console.log(`  ${h.name.padEnd(14)} ${(fmt(h.bytes / 1024) + ' KB').padStart(10)} ${(fmt(m.ms) + ' ms').padStart(10)} ${(fmt(m.maxRssMb) + ' MB thêm').padStart(12)}  ${m.detail}`);
  }
  console.log(`Xấu nhất: ${fmt(worstMs)} ms (${verdict(worstMs <= 2000)}), ${fmt(worstMb)} MB thêm (${verdict(worstMb <= 100)}).`);
  // The same batch with the hostile files among the reports: the peak must not grow with them. Also
  // with glibc's allocator told to give large blocks back at once (MALLOC_MMAP_THRESHOLD_ fixed, as
  // it is on other systems' allocators): after a large block is freed glibc otherwise serves later
  // ones from memory it keeps, and the process's resident memory stays up after a large file.
  const folder = dirname(hostile[0].path);
  const glibc = { ...process.env, MALLOC_MMAP_THRESHOLD_: String(128 * 1024) };
  const mixedRun = (copies: number, env?: NodeJS.ProcessEnv) =>
    JSON.parse(execFileSync(process.execPath, [CHILD, 'consolidate-hostile', dir, folder, String(copies)], { encoding: 'utf8', maxBuffer: 1 << 20, env: env ?? process.env }).trim().split('\n').pop() as string) as Measure;
  const runs: Record<'plain' | 'mixed' | 'mixedMany' | 'plainFixed' | 'mixedFixed', Measure[]> = { plain: [], mixed: [], mixedMany: [], plainFixed: [], mixedFixed: [] };
  for (let r = 0; r < 3; r++) {
    runs.plain.push(runChild('consolidate', dir));
    runs.mixed.push(mixedRun(1));
    runs.mixedMany.push(mixedRun(5));
    runs.plainFixed.push(runChild('consolidate', dir, glibc));
    runs.mixedFixed.push(mixedRun(1, glibc));
  }
  const peak = (ms: Measure[]) => median(ms.map((m) => m.maxRssMb));
  const line = (ms: Measure[], n: number, base: number) => {
    const mb = peak(ms);
    return `thêm ${n} tệp độc hại xen giữa ${fmt(mb)} MB (${mb - base >= 0 ? '+' : ''}${fmt(mb - base)} MB, ${fmt(median(ms.map((m) => m.ms)))} ms)`;
  };
  const pm = peak(runs.plain);
  const pf = peak(runs.plainFixed);
  console.log(
    `Đỉnh bộ nhớ khi tổng hợp ${fmt(runs.plain[0].files)} tệp: không có tệp độc hại ${fmt(pm)} MB (${fmt(median(runs.plain.map((m) => m.ms)))} ms); ` +
      `${line(runs.mixed, hostile.length, pm)}; ${line(runs.mixedMany, hostile.length * 5, pm)}.`,
  );
  console.log(
    `  Cùng phép đo, bộ cấp phát glibc trả bộ nhớ lớn ngay (MALLOC_MMAP_THRESHOLD_=131072): không có tệp độc hại ${fmt(pf)} MB; ${line(runs.mixedFixed, hostile.length, pf)}.`,
  );
  console.log('');
  process.stdout.write(execFileSync(process.execPath, [ADDIN], { encoding: 'utf8', maxBuffer: 1 << 22 }));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
