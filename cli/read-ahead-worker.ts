/**
 * Worker thread of read-ahead.ts: claims the next file of the batch (never more than WINDOW ahead of
 * the main thread), reads it, hashes it and inflates its worksheets and shared strings with the very
 * caps the values reader uses, takes their CRC-32, and hands the bytes over. Anything unusual (a file that cannot be
 * read, a damaged package, a part too large) is left to the main thread, which reads such a file
 * whole and says what is wrong with it. Bundled as dist/cli/read-ahead-worker.js.
 */
import { readFileSync, statSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { STREAM_PART_BYTES } from '../io/xlsx/read-values';
import { entryData, isZipProblem, readZipDirectory } from '../io/xlsx/zip';
import { nodeCrc32, nodeInflateRaw } from './codecs';
import { sha256Hex } from './files';
import { CLAIMED, CONSUMED, MAIN_WAITING, MAX_AHEAD_FILE_BYTES, MAX_PREPARED_BYTES, POSTED, REFILL, WINDOW, WORKER_WAITING, WORKING, type PreparedFile, type PreparedPart, type ReadAheadSetup } from './read-ahead';

/** The large parts the values reader inflates in every workbook. */
const LARGE_PART = /^xl\/(worksheets\/[^/]+|sharedstrings)\.xml$/i;

/** `bytes` on an ArrayBuffer of its own, so that it can be handed over without a copy. */
function alone(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

function prepare(index: number, path: string): { file: PreparedFile; transfer: ArrayBuffer[] } {
  if (statSync(path).size > MAX_AHEAD_FILE_BYTES) return { file: { index, ok: false }, transfer: [] };
  const bytes = alone(readFileSync(path));
  const dir = readZipDirectory(bytes);
  const parts: PreparedPart[] = [];
  if (!isZipProblem(dir)) {
    let total = 0;
    for (const entry of dir.entries) {
      if (entry.method !== 8 || entry.compressedSize === 0 || !LARGE_PART.test(entry.name)) continue;
      // The main thread reads a part this large as it inflates it, never whole (read-values.ts).
      if (entry.size >= STREAM_PART_BYTES) continue;
      if (total + entry.size > MAX_PREPARED_BYTES) break;
      const data = entryData(bytes, entry);
      if (isZipProblem(data)) continue;
      // The cap inflateEntry gives the host inflater: one byte past the declared size.
      const maxOutput = entry.size + 1;
      let out: Uint8Array | null;
      try {
        out = nodeInflateRaw(data, maxOutput);
      } catch {
        continue;
      }
      if (out === null) continue;
      out = alone(out);
      total += out.length;
      // Its CRC-32 too (native), so that the main thread checks it without reading the bytes again.
      parts.push({ offset: data.byteOffset - bytes.byteOffset, length: data.length, maxOutput, out, crc: nodeCrc32(out) });
    }
  }
  const file: PreparedFile = { index, ok: true, bytes, sha256: sha256Hex(bytes), parts };
  return { file, transfer: [bytes.buffer as ArrayBuffer, ...parts.map((p) => p.out.buffer as ArrayBuffer)] };
}

function run(setup: ReadAheadSetup): void {
  const state = new Int32Array(setup.state);
  const n = setup.paths.length;
  try {
    for (;;) {
      // Room to read ahead: at most WINDOW files claimed beyond those the main thread has taken;
      // once full, sleep until there is room for REFILL files (the main thread wakes us then).
      for (let need = 1; ; need = REFILL) {
        const consumed = Atomics.load(state, CONSUMED);
        if (WINDOW - (Atomics.load(state, CLAIMED) - consumed) >= need) break;
        Atomics.store(state, WORKER_WAITING, 1);
        if (Atomics.load(state, CONSUMED) === consumed) Atomics.wait(state, CONSUMED, consumed, 1000);
        Atomics.store(state, WORKER_WAITING, 0);
      }
      const index = Atomics.add(state, CLAIMED, 1);
      if (index >= n) break;
      let message: { file: PreparedFile; transfer: ArrayBuffer[] };
      try {
        message = prepare(index, setup.paths[index]);
      } catch {
        message = { file: { index, ok: false }, transfer: [] };
      }
      setup.port.postMessage(message.file, message.transfer);
      Atomics.add(state, POSTED, 1);
      if (Atomics.load(state, MAIN_WAITING) === 1) Atomics.notify(state, POSTED);
    }
  } finally {
    // The port stays open: what was posted is still taken after this thread has ended.
    Atomics.store(state, WORKING, 0);
    Atomics.notify(state, POSTED);
  }
}

run(workerData as ReadAheadSetup);
