/**
 * Reading a batch of files for `consolidate`: each file is read, checked and reduced to its
 * contribution (the leaf records, provenance and issues a summary keeps), then dropped, so a batch
 * never holds every report at once. On a machine with several cores, worker threads read files
 * alongside the main thread and hand back contributions (structured clone); results are delivered
 * in file order whatever order they finish in, so the summary is the one a sequential run makes.
 * Without a worker script (tests run the sources) or for a handful of files, everything runs on the
 * main thread, the same code. When the main thread reads alone (2 cores), a read-ahead worker reads,
 * hashes and inflates the next files for it (read-ahead.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readErrorMessage } from './system-errors';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { contributionOf, type ContributionOptions, type InputContribution } from '../shared/consolidate/consolidate';
import { ingestWorkbook, type IngestedFile } from '../io/ingest';
import { sha256Hex } from './files';
import { NODE_XLSX_CODECS } from './codecs';
import { holdYoungGeneration, memoryInUse, releaseAfterLargeFile } from './young-generation';
import { preparedCrc32, preparedInflate, ReadAhead, type PreparedFile } from './read-ahead';

/** Files larger than this are refused without being read (a report is some 50 KB). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * One file read as the command line reads it; a file that cannot be opened is a refused input.
 * `prepared`: the file as the read-ahead worker read it (its bytes, hash and inflated parts).
 */
export function ingestPath(path: string, prepared?: PreparedFile | null): IngestedFile {
  const name = basename(path);
  if (prepared?.ok) {
    return ingestWorkbook(prepared.bytes, name, prepared.sha256, { ...NODE_XLSX_CODECS, inflate: preparedInflate(prepared), crc32: preparedCrc32(prepared) });
  }
  const refused = (code: string, message: string): IngestedFile => ({ source: { fileName: name, sha256: '' }, report: null, issues: [], refused: { code, message } });
  let bytes: Uint8Array;
  try {
    // A report is some 50 KB; a video or a backup in the folder is not read into memory to be refused.
    const size = statSync(path).size;
    if (size > MAX_INPUT_BYTES) {
      return refused('file.too_big', `Tệp "${name}" lớn ${Math.round(size / 1048576)} MB, quá lớn để là một báo cáo (tối đa ${MAX_INPUT_BYTES / 1048576} MB). Nếu đây là báo cáo, hãy mở trong Excel, xóa hình ảnh và trang tính thừa, lưu lại rồi gửi lại.`);
    }
    bytes = readFileSync(path);
  } catch (e) {
    return refused('file.unreadable', readErrorMessage(e, name));
  }
  return ingestWorkbook(bytes, name, sha256Hex(bytes), NODE_XLSX_CODECS);
}

export interface IngestedItem {
  contribution: InputContribution;
  /** The whole input, only when asked for (keepInputs): tests and callers that look at reports. */
  input?: IngestedFile;
}

/** What a worker is given once: the period being consolidated and whether to send inputs back. */
export interface WorkerSetup {
  options: ContributionOptions;
  keepInputs: boolean;
}

export interface WorkerJob {
  index: number;
  path: string;
}

export type WorkerReply = { index: number } & IngestedItem;

export function ingestItem(path: string, setup: WorkerSetup, prepared?: PreparedFile | null): IngestedItem {
  const input = ingestPath(path, prepared);
  const contribution = contributionOf(input, setup.options);
  return setup.keepInputs ? { contribution, input } : { contribution };
}

export interface IngestFilesOptions extends WorkerSetup {
  /**
   * Worker threads besides the main thread, which reads files too; default defaultWorkers().
   * 0 reads everything on the main thread.
   */
  workers?: number;
  /** The bundled worker script; default dist/cli/ingest-worker.js beside the bundled command line. */
  workerPath?: string;
  /** Fewer files than this are read on the main thread alone: starting a worker costs more. Default 16. */
  minFilesForWorkers?: number;
  /**
   * When the main thread reads alone (no reading workers): the read-ahead worker script (read-ahead.ts),
   * default dist/cli/read-ahead-worker.js beside the bundled command line; null reads without it.
   */
  readAheadPath?: string | null;
}

/**
 * Worker threads to start. On 2 cores none: measured on these machines, a second reading thread
 * gained about 10 % when the machine was idle, lost time when it was busy, and cost some 40 MB more
 * at the peak. From 4 cores on, one less than the cores (the main thread reads files too), at most 3.
 */
export function defaultWorkers(): number {
  const cores = availableParallelism();
  return cores < 4 ? 0 : Math.min(3, cores - 1);
}

/**
 * Reads `paths` and calls `each(item, index)` once per file, in file order. Resolves when every file
 * has been delivered. Never rejects because of a file; a worker that dies has its files read again
 * on the main thread.
 */
export async function ingestFiles(
  paths: readonly string[],
  opts: IngestFilesOptions,
  each: (item: IngestedItem, index: number) => void,
): Promise<void> {
  const setup: WorkerSetup = { options: { year: opts.options.year, period: opts.options.period, catalogId: opts.options.catalogId }, keepInputs: opts.keepInputs };
  const workerPath = opts.workerPath ?? join(__dirname, 'ingest-worker.js');
  const workers = Math.min(opts.workers ?? defaultWorkers(), paths.length);
  const minFiles = opts.minFilesForWorkers ?? 16;
  if (workers < 1 || paths.length < minFiles || !existsSync(workerPath)) {
    const readAheadPath = opts.readAheadPath === undefined ? join(__dirname, 'read-ahead-worker.js') : opts.readAheadPath;
    const ahead = readAheadPath !== null && paths.length >= minFiles ? ReadAhead.start(paths, readAheadPath) : null;
    try {
      paths.forEach((p, i) => {
        if (i % 16 === 0) holdYoungGeneration();
        const before = memoryInUse();
        each(ingestItem(p, setup, ahead?.take(i)), i);
        releaseAfterLargeFile(before);
      });
    } finally {
      ahead?.stop();
    }
    return;
  }
  await ingestWithWorkers(paths, setup, workerPath, workers, each);
}

const WORKER_YOUNG_GENERATION_MB = 8;

/** Jobs a worker has in hand, so that it never waits while the main thread reads a file of its own. */
const IN_FLIGHT_PER_WORKER = 3;

/**
 * The main thread and `count` workers take the next file in turn. The main thread reads one file at
 * a time and then lets the event loop run, which hands the workers' answers over and sends them
 * their next files; answers are delivered in file order.
 */
function ingestWithWorkers(
  paths: readonly string[],
  setup: WorkerSetup,
  workerPath: string,
  count: number,
  each: (item: IngestedItem, index: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const ready = new Map<number, IngestedItem>();
    let nextToDeliver = 0;
    let nextToTake = 0;
    const live = new Set<Worker>();
    const pending = new Map<Worker, Set<number>>();
    /** Files whose worker died before answering: read on the main thread, first. */
    const orphans: number[] = [];
    let settled = false;

    const stop = () => {
      settled = true;
      for (const w of live) void w.terminate();
    };

    const deliver = () => {
      try {
        while (ready.has(nextToDeliver)) {
          const item = ready.get(nextToDeliver)!;
          ready.delete(nextToDeliver);
          each(item, nextToDeliver);
          nextToDeliver++;
        }
      } catch (e) {
        stop();
        reject(e);
        return;
      }
      if (!settled && nextToDeliver === paths.length) {
        stop();
        resolve();
      }
    };

    const send = (w: Worker) => {
      const index = nextToTake++;
      pending.get(w)!.add(index);
      w.postMessage({ index, path: paths[index] } satisfies WorkerJob);
    };

    /** The main thread's share: one file per turn of the event loop. */
    const readOne = () => {
      if (settled) return;
      const index = orphans.length > 0 ? orphans.shift()! : nextToTake < paths.length ? nextToTake++ : -1;
      if (index < 0) return; // the rest is with the workers
      try {
        ready.set(index, ingestItem(paths[index], setup));
      } catch (e) {
        stop();
        reject(e);
        return;
      }
      deliver();
      setImmediate(readOne);
    };

    const lose = (w: Worker) => {
      if (!live.has(w)) return;
      live.delete(w);
      const lost = [...(pending.get(w) ?? [])];
      pending.delete(w);
      void w.terminate();
      if (settled || lost.length === 0) return;
      const idle = orphans.length === 0 && nextToTake >= paths.length;
      orphans.push(...lost);
      orphans.sort((a, b) => a - b);
      // The main thread had nothing left to read and had stopped: start it again.
      if (idle) setImmediate(readOne);
    };

    for (let k = 0; k < count; k++) {
      let w: Worker;
      try {
        // A small young generation: a worker's garbage is one file's, and a smaller nursery keeps
        // some 20 MB off the peak at no cost in time (measured on 1,000 workbooks).
        w = new Worker(workerPath, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      } catch {
        continue;
      }
      live.add(w);
      pending.set(w, new Set());
      w.on('message', (reply: WorkerReply) => {
        pending.get(w)?.delete(reply.index);
        ready.set(reply.index, reply.input ? { contribution: reply.contribution, input: reply.input } : { contribution: reply.contribution });
        if (nextToTake < paths.length) send(w);
        deliver();
      });
      w.on('error', () => lose(w));
      w.on('exit', () => lose(w));
      for (let j = 0; j < IN_FLIGHT_PER_WORKER && nextToTake < paths.length; j++) send(w);
    }
    setImmediate(readOne);
  });
}
