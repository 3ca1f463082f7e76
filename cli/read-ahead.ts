/**
 * Reading ahead for `consolidate`: a worker thread reads the next files of a batch, hashes them and
 * inflates their worksheets and shared strings, while the main thread reads the reports of the files
 * before. The main thread then reads each workbook exactly as it would have (the same reader, the same
 * checks, the same messages), only handed the inflated parts instead of inflating them itself.
 *
 * Why this little: on 2 cores the second one is also V8's compiler and garbage collector's, so what
 * pays is work taken off the main thread that costs the worker little. A worker that reads whole
 * reports compiles all of that code again and sends every report back through a copy (measured: no
 * faster, 60 MB more); one that also read the values (sheets, shared strings) and handed them over
 * encoded was no faster either (30 % more CPU in all, and the main thread waited for it); lining the
 * shared strings up on the worker saved the main thread as much as it cost the worker. What is done
 * here is native work (file system, SHA-256, zlib) with a small script, and the bytes are handed
 * over, not copied (transferred).
 *
 * The protocol, in a shared Int32Array: files are claimed in order, by the worker (at most WINDOW
 * ahead of the main thread) or, when the worker is behind (still starting), by the main thread, which
 * then reads the file itself. The worker posts its files in the order it claimed them; the main thread
 * takes each message synchronously (receiveMessageOnPort), so its loop needs no event loop. A worker
 * that fails on a file says so and the main thread reads that file itself; a worker that stops
 * answering is given up and the rest is read on the main thread. Either way, the results are those of
 * reading every file on the main thread.
 */
import { existsSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { nodeCrc32, nodeInflateRaw } from './codecs';
import type { Crc32 } from '../io/xlsx/checks';
import type { InflateRaw } from '../io/xlsx/zip';

/** Slots of the shared state. */
export const CLAIMED = 0; // files claimed so far, by either thread (the next file to claim)
export const CONSUMED = 1; // files the main thread has taken
export const POSTED = 2; // files the worker has posted
export const WORKING = 3; // 1 while the worker may still post, 0 once it has stopped
export const WORKER_WAITING = 4; // 1 while the worker sleeps for room
export const MAIN_WAITING = 5; // 1 while the main thread sleeps for a file
export const STATE_SLOTS = 6;

/** Files the worker may hold ready beyond those taken: a few hundred kilobytes each. */
export const WINDOW = 8;
/**
 * A worker with a full window sleeps until this many files have been taken, then reads them in one
 * go: woken for every file, it takes the main thread's core from it a thousand times a batch.
 */
export const REFILL = 4;

/**
 * What the worker holds for one file at most: a larger file is left to the main thread, a larger
 * part is inflated there. A commune's workbook is some 50 KB, 200 KB inflated; with WINDOW files
 * ready, the worker never holds more than 8 × 8 MB, whatever the batch holds.
 */
export const MAX_AHEAD_FILE_BYTES = 4 << 20;
export const MAX_PREPARED_BYTES = 4 << 20;

/** An entry the worker inflated: where its deflated data lies in the file, the cap it was inflated with, what came out. */
export interface PreparedPart {
  offset: number;
  length: number;
  maxOutput: number;
  out: Uint8Array;
  /** CRC-32 of `out`, taken on the worker: the reader still compares it with the directory's. */
  crc: number;
}

export type PreparedFile =
  | { index: number; ok: true; bytes: Uint8Array; sha256: string; parts: PreparedPart[] }
  | { index: number; ok: false };

export interface ReadAheadSetup {
  paths: readonly string[];
  state: SharedArrayBuffer;
  port: MessagePort;
}

/**
 * The CRC-32 of bytes the worker inflated, as the worker took it (no second pass over them on the main
 * thread), else zlib's here. Keyed by the very Uint8Array handed out by preparedInflate.
 */
export function preparedCrc32(file: { parts: readonly PreparedPart[] }): Crc32 {
  const byOutput = new Map<Uint8Array, number>();
  for (const p of file.parts) byOutput.set(p.out, p.crc);
  return (bytes, previous) => (previous === undefined ? byOutput.get(bytes) : undefined) ?? nodeCrc32(bytes, previous);
}

/**
 * The inflater for one prepared file: the worker's output when asked for exactly an entry it inflated
 * with the same cap (what zlib gives for the same input and cap), else zlib here.
 */
export function preparedInflate(file: { bytes: Uint8Array; parts: readonly PreparedPart[] }): InflateRaw {
  const byOffset = new Map<number, PreparedPart>();
  for (const p of file.parts) byOffset.set(p.offset, p);
  return (data, maxOutput) => {
    if (data.buffer === file.bytes.buffer) {
      const p = byOffset.get(data.byteOffset - file.bytes.byteOffset);
      if (p !== undefined && p.length === data.length && p.maxOutput === maxOutput) {
        byOffset.delete(p.offset);
        return p.out;
      }
    }
    return nodeInflateRaw(data, maxOutput);
  };
}

/**
 * How long the main thread waits for a file the worker claimed before giving the worker up: a
 * worker that ends abnormally (killed, out of memory) cannot say so, and its exit event would only
 * reach a main thread that waits on its event loop, which this one does not.
 */
const GIVE_UP_MS = 5_000;
const WAIT_SLICE_MS = 100;

export class ReadAhead {
  private readonly state: Int32Array;
  private stopped = false;

  private constructor(
    private readonly count: number,
    private readonly worker: Worker,
    private readonly port: MessagePort,
    shared: SharedArrayBuffer,
    private readonly giveUpMs: number,
  ) {
    this.state = new Int32Array(shared);
  }

  /** Starts the worker for `paths`; null when there is no worker script or it cannot start. */
  static start(paths: readonly string[], workerPath: string, opts: { giveUpMs?: number } = {}): ReadAhead | null {
    if (!existsSync(workerPath)) return null;
    const shared = new SharedArrayBuffer(STATE_SLOTS * 4);
    new Int32Array(shared)[WORKING] = 1;
    const { port1, port2 } = new MessageChannel();
    let worker: Worker;
    try {
      const setup: ReadAheadSetup = { paths, state: shared, port: port2 };
      worker = new Worker(workerPath, { workerData: setup, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 32 } });
    } catch {
      port1.close();
      return null;
    }
    // An error in the worker shows as WORKING = 0 or as silence; its events are not needed.
    worker.on('error', () => {});
    worker.unref();
    return new ReadAhead(paths.length, worker, port1, shared, opts.giveUpMs ?? GIVE_UP_MS);
  }

  /**
   * File `i`, read and prepared by the worker; null when the main thread is to read it itself. Asked
   * for 0, 1, 2… in order, once each.
   */
  take(i: number): PreparedFile | null {
    const s = this.state;
    if (this.stopped) return null;
    // Not yet claimed by the worker: the main thread claims it.
    if (Atomics.compareExchange(s, CLAIMED, i, i + 1) === i) {
      this.taken(i);
      return null;
    }
    let waited = 0;
    for (;;) {
      const posted = Atomics.load(s, POSTED);
      let m = receiveMessageOnPort(this.port);
      // A worker that has stopped posted everything before saying so: one more look, then give up.
      if (m === undefined && Atomics.load(s, WORKING) === 0) {
        m = receiveMessageOnPort(this.port);
        if (m === undefined) {
          this.stop();
          return null;
        }
      }
      if (m) {
        this.taken(i);
        const file = m.message as PreparedFile;
        if (file.index !== i) {
          // Never expected (files are posted in claim order); read the rest here rather than guess.
          this.stop();
          return null;
        }
        return file.ok ? file : null;
      }
      const started = Date.now();
      Atomics.store(s, MAIN_WAITING, 1);
      const r = Atomics.load(s, POSTED) === posted ? Atomics.wait(s, POSTED, posted, WAIT_SLICE_MS) : 'not-equal';
      Atomics.store(s, MAIN_WAITING, 0);
      waited += r === 'timed-out' ? WAIT_SLICE_MS : Date.now() - started;
      if (waited > this.giveUpMs) {
        this.stop();
        return null;
      }
    }
  }

  private taken(i: number): void {
    const s = this.state;
    Atomics.store(s, CONSUMED, i + 1);
    // The worker sleeping with a full window is woken once there is room for REFILL files.
    if (Atomics.load(s, WORKER_WAITING) === 1 && WINDOW - (Atomics.load(s, CLAIMED) - (i + 1)) >= REFILL) Atomics.notify(s, CONSUMED);
  }

  /** Lets the worker go (it claims no more files) and closes the channel. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    Atomics.store(this.state, CLAIMED, this.count);
    Atomics.store(this.state, CONSUMED, this.count);
    Atomics.notify(this.state, CONSUMED);
    this.port.close();
    void this.worker.terminate();
  }
}
