/**
 * One measurement of `npm run bench`, in a fresh process of its own: a small bundle holding only
 * what the command line holds, so that its peak memory is the command's, not the benchmark's.
 * `node dist/bench/child.js <mode> <corpus folder>` prints one line of JSON (a Measure).
 */
import '../cli/v8-tuning';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { defaultCalendar } from '../shared/period';
import { runConsolidation } from '../cli/commands';
import { storedCells } from '../shared/layout/host-check';
import { buildSummaryWorkbook } from '../shared/layout/summary';
import { consolidateFiles } from '../cli/consolidate-files';
import { defaultWorkers, ingestPath } from '../cli/ingest-pool';
import { corpusFiles, corpusUnit, CORPUS_PERIOD, CORPUS_YEAR, readAll } from './corpus';

export type ChildMode = 'unzip' | 'consolidate' | 'consolidate-pool' | 'command' | 'hostile' | 'consolidate-hostile';
export interface Measure { mode: string; files: number; ms: number; maxRssMb: number; detail?: string; cells?: number; units?: number }

/** The command line's worker, built by tools/build.mjs beside dist/cli/cchc.js. */
const WORKER = join(__dirname, '..', 'cli', 'ingest-worker.js');
const READ_AHEAD = join(__dirname, '..', 'cli', 'read-ahead-worker.js');

function options(files: string[]) {
  return {
    year: CORPUS_YEAR,
    period: CORPUS_PERIOD,
    consolidatingUnit: { name: 'Sở Nội vụ (đo hiệu năng)', level: 'tinh' as const },
    expectedUnits: files.map((_, i) => corpusUnit(i)),
    now: defaultCalendar(CORPUS_PERIOD, CORPUS_YEAR).due,
    workerPath: WORKER,
    readAheadPath: READ_AHEAD,
  };
}

/**
 * One hostile file read as `cchc consolidate` reads a file (ingestPath: sniff, values, report), in a
 * fresh process: its time, and the peak memory past what the process held before reading it.
 */
function measureHostile(path: string): Measure {
  // No warming up: the process's peak so far must be below what reading the file adds. (The time then
  // includes compiling the reader, as for the first file of a batch.)
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss / 1048576;
  const t0 = performance.now();
  const input = ingestPath(path);
  const ms = performance.now() - t0;
  const extra = process.resourceUsage().maxRSS / 1024 - before;
  const outcome = 'refused' in input && input.refused ? input.refused.code : 'đọc được';
  return { mode: 'hostile', files: 1, ms, maxRssMb: Math.max(0, extra), detail: outcome };
}

async function measure(mode: ChildMode, dir: string): Promise<Measure> {
  if (mode === 'hostile') return measureHostile(dir);
  let files = corpusFiles(dir);
  // The batch with the hostile files mixed in (argv[4] names their folder): its peak must not grow with them.
  if (mode === 'consolidate-hostile') {
    const copies = Number(process.argv[5] ?? 1);
    const once = readdirSync(process.argv[4]).map((f) => join(process.argv[4], f));
    const hostile = Array.from({ length: copies }, () => once).flat();
    const step = Math.floor(files.length / hostile.length);
    files = files.flatMap((f, i) => (i % step === step - 1 && hostile.length ? [f, hostile.shift()!] : [f]));
  }
  const t0 = performance.now();
  let detail = '';
  if (mode === 'unzip') {
    let bytes = 0;
    for (const f of readAll(files)) for (const part of Object.values(unzipSync(f.bytes))) bytes += part.length;
    detail = `${Math.round(bytes / 1e6)} MB giải nén`;
  } else if (mode === 'command') {
    const out = mkdtempSync(join(tmpdir(), 'cchc-bench-'));
    try {
      const run = await runConsolidation([dir], { ...options(files), outPath: join(out, 'tong-hop.xlsx'), keepInputs: false });
      const ms = performance.now() - t0;
      const maxRssMb = process.resourceUsage().maxRSS / 1024;
      const c = run.summary.aggregates.completeness;
      // Counted after the measurement: the layout is built again only to count its cells.
      const cells = buildSummaryWorkbook(run.summary).reduce((n, sheet) => n + storedCells(sheet), 0);
      const units = run.summary.units.length + c.missing.length;
      return { mode, files: files.length, ms, maxRssMb, cells, units, detail: `nhận ${c.receivedCount}, từ chối ${c.refused.length}; cả ghi sổ tổng hợp` };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  } else {
    const workers = mode === 'consolidate' || mode === 'consolidate-hostile' ? defaultWorkers() : Math.max(1, defaultWorkers());
    const { summary } = await consolidateFiles(files, { ...options(files), workers });
    const c = summary.aggregates.completeness;
    detail = `nhận ${c.receivedCount}, từ chối ${c.refused.length}; ${workers ? `luồng chính và ${workers} luồng phụ đọc tệp` : 'luồng chính đọc tệp, một luồng phụ đọc trước và giải nén'}`;
  }
  const ms = performance.now() - t0;
  return { mode, files: files.length, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, detail };
}

measure(process.argv[2] as ChildMode, process.argv[3]).then(
  (m) => process.stdout.write(JSON.stringify(m) + '\n'),
  (e) => {
    console.error(e);
    process.exitCode = 1;
  },
);
