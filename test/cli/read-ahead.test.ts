/**
 * Reading ahead on a worker thread changes nothing but who inflates: the same items in the same
 * order as reading every file on the main thread, for good files and for every kind of bad one; a
 * worker that is slow to start, that fails on a file, that dies holding files, or that is missing
 * leaves the main thread to read those files itself. The worker is bundled here as tools/build.mjs
 * bundles it.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { writeDemoInputs } from '../../cli/demo';
import { ingestFiles, type IngestedItem, type IngestFilesOptions } from '../../cli/ingest-pool';
import { listInputFiles } from '../../cli/files';
import { preparedCrc32, preparedInflate, ReadAhead, CLAIMED, MAX_AHEAD_FILE_BYTES, type PreparedPart } from '../../cli/read-ahead';
import { bundleWorker, DEMO_OPTIONS, hashFolder, removeDir, sha256, tempDir, zipBomb } from './fixtures';
import { lieAboutSize } from '../io/xlsx-fixtures';
import { ingestWorkbook } from '../../io/ingest';
import { NODE_XLSX_CODECS } from '../../cli/codecs';

let root: string;
let folder: string;
let workerPath: string;
let files: string[];

const OPTS = DEMO_OPTIONS;

beforeAll(async () => {
  root = tempDir('read-ahead');
  workerPath = join(root, 'read-ahead-worker.js');
  await bundleWorker('cli/read-ahead-worker.ts', workerPath);
  const demo = await writeDemoInputs(join(root, 'demo'));
  folder = demo.reportsFolder;
  // Besides the demo's cases (late, sent twice, data errors, no diacritics, a CSV renamed .xlsx):
  // a deflate bomb, a part whose header lies about its size, an empty file, a folder named .xlsx,
  // and a file that is not there.
  writeFileSync(join(folder, 'bom.xlsx'), zipBomb(60_000_000));
  const good = readFileSync(join(folder, readdirSync(folder).find((n) => n.startsWith('90001'))!));
  writeFileSync(join(folder, 'noi-doi.xlsx'), lieAboutSize(good, 'xl/worksheets/sheet2.xml', 100));
  writeFileSync(join(folder, 'rong.xlsx'), '');
  // A deflated sheet with its CRC-32 changed in the directory: the worker's CRC must not pass it.
  const fresh = readFileSync(join(folder, readdirSync(folder).find((n) => n.startsWith('90001'))!));
  const crcAt = fresh.lastIndexOf(Buffer.from('xl/worksheets/sheet2.xml')) - 46 + 16;
  const badCrc = Buffer.from(fresh);
  badCrc[crcAt] ^= 0xff;
  writeFileSync(join(folder, 'sai-crc.xlsx'), badCrc);
  // Larger than the worker reads ahead: left to the main thread.
  writeFileSync(join(folder, 'lon.xlsx'), Buffer.alloc(MAX_AHEAD_FILE_BYTES + 1, 65));
  mkdirSync(join(root, 'thu-muc.xlsx'));
  files = [...listInputFiles([folder]), join(root, 'thu-muc.xlsx'), join(root, 'khong-co.xlsx')];
}, 120_000);

afterAll(() => removeDir(root));

/** Waits (up to 10 s) until `n` files are claimed: by then the worker has started. */
function waitForClaims(ahead: ReadAhead, n: number): void {
  const state = (ahead as unknown as { state: Int32Array }).state;
  const nap = new Int32Array(new SharedArrayBuffer(4));
  const t0 = Date.now();
  while (Atomics.load(state, CLAIMED) < n && Date.now() - t0 < 10_000) Atomics.wait(nap, 0, 0, 10);
}

async function read(opts: Partial<IngestFilesOptions>): Promise<IngestedItem[]> {
  const items: IngestedItem[] = [];
  const order: number[] = [];
  await ingestFiles(files, { options: OPTS, keepInputs: true, workers: 0, minFilesForWorkers: 1, ...opts }, (item, i) => {
    items.push(item);
    order.push(i);
  });
  expect(order).toEqual(files.map((_, i) => i));
  return items;
}

describe('reading ahead', () => {
  let alone: IngestedItem[];
  beforeAll(async () => {
    alone = await read({ readAheadPath: null });
  });

  it('gives the items of reading every file on the main thread, refusals and messages included, and changes no file', async () => {
    const before = hashFolder(folder);
    const ahead = await read({ readAheadPath: workerPath });
    expect(ahead).toEqual(alone);
    expect(hashFolder(folder)).toEqual(before);
    const refused = alone.filter((x) => 'refused' in x.input! && x.input.refused).map((x) => (x.input as { refused: { code: string } }).refused.code);
    expect(refused).toEqual(expect.arrayContaining(['file.zip_bomb', 'file.empty', 'file.unreadable']));
    const crcItem = ahead[files.findIndex((f) => basename(f) === 'sai-crc.xlsx')];
    expect(crcItem.input).toMatchObject({ refused: { code: 'file.corrupt', message: expect.stringContaining('"sai-crc.xlsx" bị hỏng (phần "xl/worksheets/sheet2.xml")') } });
  });

  it('hands the main thread files the worker read, and the main thread reads those it claimed first', () => {
    const ahead = ReadAhead.start(files, workerPath)!;
    waitForClaims(ahead, 1);
    const taken = files.map((_, i) => ahead.take(i));
    ahead.stop();
    const byWorker = taken.filter((t) => t !== null && t.ok);
    expect(byWorker.length).toBeGreaterThan(0);
    let workbooks = 0;
    for (const t of byWorker) {
      if (!t || !t.ok) continue;
      expect(new Uint8Array(readFileSync(files[t.index]))).toEqual(t.bytes);
      expect(t.sha256).toBe(sha256(readFileSync(files[t.index])));
      if (!/^9\d+.*\.xlsx$/.test(basename(files[t.index])) || t.parts.length === 0) continue;
      // Every part the worker inflated is one the reader asks for, with the same cap.
      const inflate = preparedInflate(t);
      const served = new Set<Uint8Array>();
      const read = ingestWorkbook(t.bytes, basename(files[t.index]), t.sha256, {
        ...NODE_XLSX_CODECS,
        inflate: (data, max) => {
          const out = inflate(data, max);
          if (out && t.parts.some((p) => p.out === out)) served.add(out);
          return out;
        },
      });
      expect('report' in read && read.report).toBeTruthy();
      expect(served.size).toBe(t.parts.length);
      workbooks++;
    }
    expect(workbooks).toBeGreaterThan(0);
    // The bomb's part is larger than what the worker inflates: left to the main thread.
    const bomb = taken[files.findIndex((f) => f.endsWith('bom.xlsx'))];
    if (bomb?.ok) expect(bomb.parts).toEqual([]);
  });

  it('takes the files the worker read ahead in order while the main thread works on each', () => {
    const ahead = ReadAhead.start(files, workerPath)!;
    // The worker fills its window, then waits for the main thread to take files; the main thread
    // then spends a while on each file, as it does reading a report.
    waitForClaims(ahead, 4);
    const nap = new Int32Array(new SharedArrayBuffer(4));
    const taken = files.map((_, i) => {
      const t = ahead.take(i);
      Atomics.wait(nap, 0, 0, 30);
      return t;
    });
    ahead.stop();
    taken.forEach((t, i) => t && expect(t.index).toBe(i));
    expect(taken.slice(0, 4).every((t) => t !== null)).toBe(true);
    expect(taken[files.findIndex((f) => f.endsWith('lon.xlsx'))]).toBeNull();
    expect(taken.filter((t) => t !== null).length).toBeGreaterThan(files.length / 2);
  });

  it('reads on the main thread what a worker claimed and never answered, after waiting for it', async () => {
    // Claims two files, then stops without a word.
    const mute = join(root, 'mute-worker.js');
    writeFileSync(
      mute,
      `const { workerData } = require('node:worker_threads'); Atomics.add(new Int32Array(workerData.state), ${CLAIMED}, 2);\n`,
    );
    const started = Date.now();
    const ahead = ReadAhead.start(files, mute, { giveUpMs: 300 })!;
    waitForClaims(ahead, 2);
    expect(files.map((_, i) => ahead.take(i))).toEqual(files.map(() => null));
    ahead.stop();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await read({ readAheadPath: mute })).toEqual(alone);
  });

  it('reads everything on the main thread when the worker dies at once or is missing', async () => {
    const dying = join(root, 'dying-worker.js');
    writeFileSync(dying, 'process.exit(3);\n');
    expect(await read({ readAheadPath: dying })).toEqual(alone);
    expect(await read({ readAheadPath: join(root, 'no-such-worker.js') })).toEqual(alone);
    expect(ReadAhead.start(files, join(root, 'no-such-worker.js'))).toBeNull();
  });
});

describe('preparedInflate', () => {
  const raw = new TextEncoder().encode('<worksheet><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>');
  const deflated = deflateRawSync(raw);
  // A "file": 10 bytes of something, then the deflated part.
  const bytes = new Uint8Array(10 + deflated.length);
  bytes.set(deflated, 10);
  const data = bytes.subarray(10);
  const marker = new Uint8Array(raw.length).fill(120);
  const part: PreparedPart = { offset: 10, length: deflated.length, maxOutput: raw.length + 1, out: marker, crc: 12345 };

  it('gives the prepared output for exactly that entry and cap, once, and inflates anything else', () => {
    const inflate = preparedInflate({ bytes, parts: [part] });
    expect(inflate(data, raw.length - 1)).toEqual(null); // another cap: inflated here, and too small
    expect(inflate(data, raw.length + 1)).toBe(marker);
    const same = (x: Uint8Array | null) => x !== null && Buffer.compare(Buffer.from(x), Buffer.from(raw)) === 0;
    expect(same(inflate(data, raw.length + 1))).toBe(true); // asked again: inflated here
    const copy = bytes.slice();
    expect(same(preparedInflate({ bytes, parts: [part] })(copy.subarray(10), raw.length + 1))).toBe(true); // other bytes
    expect(same(preparedInflate({ bytes, parts: [{ ...part, offset: 9 }] })(data, raw.length + 1))).toBe(true);
  });

  it('gives the CRC-32 the worker took for the output it handed out, and zlib’s for any other bytes', () => {
    const crc = preparedCrc32({ parts: [part] });
    expect(crc(marker)).toBe(12345);
    expect(crc(marker.slice())).toBe(crc32(marker));
  });
});
