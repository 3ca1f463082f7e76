/**
 * Reading a batch on worker threads gives the very summary (and inputs) of reading it on the main
 * thread: results in file order, a worker that dies has its files read again, no worker script means
 * no workers. The worker is bundled here as tools/build.mjs bundles it.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConsolidation, type InputContribution } from '../../shared/consolidate/consolidate';
import type { Summary } from '../../shared/consolidate/types';
import { consolidateFiles } from '../../cli/consolidate-files';
import { writeDemoInputs } from '../../cli/demo';
import { ingestFiles, type IngestedItem, type IngestFilesOptions } from '../../cli/ingest-pool';
import { listInputFiles } from '../../cli/files';
import { bundleWorker, DEMO_OPTIONS, removeDir, tempDir } from './fixtures';

let root: string;
let workerPath: string;
let files: string[];

const OPTS = DEMO_OPTIONS;

beforeAll(async () => {
  root = tempDir('pool');
  workerPath = join(root, 'ingest-worker.js');
  await bundleWorker('cli/ingest-worker.ts', workerPath);
  const demo = await writeDemoInputs(join(root, 'demo'));
  // The demo's cases (late, sent twice, data errors, no diacritics, a CSV renamed .xlsx), an identical
  // copy sent again, a file that cannot be opened, and enough files to keep two workers busy.
  const names = readdirSync(demo.reportsFolder);
  const first = names.find((n) => n.startsWith('90001'))!;
  copyFileSync(join(demo.reportsFolder, first), join(demo.reportsFolder, `${first.replace('.xlsx', '')}-ban-sao.xlsx`));
  mkdirSync(join(demo.reportsFolder, 'khong-doc-duoc.xlsx'));
  writeFileSync(join(demo.reportsFolder, 'rong.xlsx'), '');
  files = [...listInputFiles([demo.reportsFolder]), join(demo.reportsFolder, 'khong-doc-duoc.xlsx'), join(root, 'khong-co.xlsx')];
}, 120_000);

afterAll(() => removeDir(root));

async function read(opts: Partial<IngestFilesOptions>): Promise<{ items: IngestedItem[]; order: number[] }> {
  const items: IngestedItem[] = [];
  const order: number[] = [];
  await ingestFiles(files, { options: OPTS, keepInputs: true, minFilesForWorkers: 1, ...opts }, (item, i) => {
    items.push(item);
    order.push(i);
  });
  return { items, order };
}

/** Consolidates copies: a contribution added belongs to the consolidation, which marks its outcomes. */
function summaryOf(items: IngestedItem[]): Summary {
  const c = createConsolidation(OPTS);
  for (const item of structuredClone(items)) c.addContribution(item.contribution as InputContribution);
  return c.finish();
}

describe('ingestFiles', () => {
  let sequential: { items: IngestedItem[]; order: number[] };
  beforeAll(async () => {
    sequential = await read({ workers: 0 });
  });

  it('reads every file once, in order, on the main thread without workers', () => {
    expect(sequential.order).toEqual(files.map((_, i) => i));
    const outcomes = summaryOf(sequential.items).provenance.map((p) => p.outcome);
    expect(outcomes).toEqual(expect.arrayContaining(['taken', 'taken_with_errors', 'duplicate', 'held_out', 'refused']));
  });

  it.each([1, 2])('%i worker(s) beside the main thread deliver the same items in the same order, and the same summary', async (workers) => {
    const pooled = await read({ workers, workerPath });
    expect(pooled.order).toEqual(sequential.order);
    expect(pooled.items).toEqual(sequential.items);
    expect(summaryOf(pooled.items)).toEqual(summaryOf(sequential.items));
  });

  it('files held by a worker that dies after the main thread ran out of files are read all the same', async () => {
    const silent = join(root, 'silent-worker.js');
    // Takes its files, never answers, and dies once the main thread has read everything else.
    writeFileSync(silent, "require('node:worker_threads').parentPort.on('message', () => {}); setTimeout(() => process.exit(3), 1500);\n");
    const pooled = await read({ workers: 1, workerPath: silent });
    expect(pooled.order).toEqual(sequential.order);
    expect(pooled.items).toEqual(sequential.items);
  });

  it('a worker that dies has its files read on the main thread', async () => {
    const dying = join(root, 'dying-worker.js');
    writeFileSync(dying, 'process.exit(3);\n');
    const pooled = await read({ workers: 2, workerPath: dying });
    expect(pooled.order).toEqual(sequential.order);
    expect(pooled.items).toEqual(sequential.items);
  });

  it('without the worker script, reads on the main thread', async () => {
    const pooled = await read({ workers: 2, workerPath: join(root, 'no-such-worker.js') });
    expect(pooled.items).toEqual(sequential.items);
  });
});

describe('consolidateFiles', () => {
  it('gives the summary of consolidating every file read whole, with and without workers', async () => {
    const bySummary = (workers: number) => consolidateFiles(files, { ...OPTS, workers, workerPath });
    const direct = createConsolidation(OPTS);
    const whole = await read({ workers: 0 });
    for (const item of whole.items) direct.add(item.input!);
    const expected = direct.finish();
    expect((await bySummary(0)).summary).toEqual(expected);
    expect((await bySummary(2)).summary).toEqual(expected);
  });

  it('keeps no inputs unless asked', async () => {
    expect((await consolidateFiles(files, { ...OPTS, workers: 0 })).inputs).toEqual([]);
    expect((await consolidateFiles(files, { ...OPTS, workers: 0, keepInputs: true })).inputs).toHaveLength(files.length);
  });
});
