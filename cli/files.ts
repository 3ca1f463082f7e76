/** File-system chores of the command line: listing inputs, hashing, writing without losing anything. */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { FileError, readErrorMessage, writeErrorMessage } from './system-errors';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A path named on the command line and what it is: a folder, a file, or nothing there. */
export type NamedPath = { path: string; kind: 'folder' | 'file' | 'missing' };

/**
 * Files to consolidate from folders and file names, sorted so a run is repeatable. Every file in a
 * folder and its subfolders is listed, whatever its kind (PDFs and Word files are refused by their
 * bytes, with what to ask the unit for), so that each is accounted for; only Excel's lock files
 * (~$name.xlsx) and hidden files and folders are passed over. A named path that is not there is
 * listed too (refused later as not found), so the batch goes on and the name is not lost.
 */
export function listInputFiles(paths: string[]): string[] {
  const out = new Set<string>();
  const walk = (dir: string, depth: number): void => {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch (e) {
      throw new FileError(readErrorMessage(e, dir));
    }
    for (const name of names) {
      if (name.startsWith('~$') || name.startsWith('.')) continue;
      const full = join(dir, name);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(full);
      } catch {
        out.add(full); // a broken link: refused later as not found
        continue;
      }
      if (stat.isDirectory()) {
        if (depth < MAX_DEPTH) walk(full, depth + 1);
      } else if (stat.isFile()) out.add(full);
    }
  };
  for (const p of paths) {
    if (namedPath(p).kind === 'folder') walk(p, 0);
    else out.add(p);
  }
  return [...out].sort(new Intl.Collator('vi').compare);
}

/** Subfolders followed below a named folder (a mailbox export nests a few levels, never more). */
const MAX_DEPTH = 8;

export function namedPath(path: string): NamedPath {
  try {
    return { path, kind: fs.statSync(path).isDirectory() ? 'folder' : 'file' };
  } catch {
    return { path, kind: 'missing' };
  }
}

/** Where the summary keeps the file it replaces: "tong-hop.xlsx" → "tong-hop.ban-truoc.xlsx". */
export function previousVersionPath(path: string): string {
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}.ban-truoc${ext}`);
}

/**
 * The summary being written and the previous version it keeps are outputs, not inputs: when the
 * summary is written into the folder being consolidated, a second run must not read them back.
 * Temporary files of an interrupted run (".tong-hop.xlsx.123.tmp") are hidden and never listed.
 */
export function withoutOutputs(files: string[], outPath: string): string[] {
  const outputs = new Set([resolve(outPath), resolve(previousVersionPath(outPath))]);
  return files.filter((f) => !outputs.has(resolve(f)));
}

/** The file-system calls writeFileAtomic makes: Node's, or a test's that fails on purpose. */
export interface WriteFs {
  writeFileSync(path: string, bytes: Uint8Array): void;
  renameSync(from: string, to: string): void;
  linkSync(existing: string, created: string): void;
  copyFileSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  statSync(path: string): { isDirectory(): boolean };
  existsSync(path: string): boolean;
}

/** Node's file system as the atomic writer uses it (exported for tests that make one call fail). */
export const nodeFs: WriteFs = {
  writeFileSync: (p, b) => {
    // Written and flushed to the disk before it is renamed into place: a power cut then leaves the
    // old file or the new one, not a renamed empty one.
    const fd = fs.openSync(p, 'w');
    try {
      fs.writeFileSync(fd, b);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  },
  renameSync: fs.renameSync,
  linkSync: fs.linkSync,
  copyFileSync: fs.copyFileSync,
  unlinkSync: fs.unlinkSync,
  statSync: fs.statSync,
  existsSync: fs.existsSync,
};

/** Temporary files being written now: removed on every way out (an error, Ctrl+C, the end). */
const liveTemps = new Set<string>();

/** Removes the temporary files still there (called on exit and on Ctrl+C by the command line). */
export function removeLiveTemps(): void {
  for (const t of liveTemps) {
    try {
      fs.unlinkSync(t);
    } catch {
      /* already gone */
    }
  }
  liveTemps.clear();
}

/**
 * Writes a file so that nothing is ever lost, whatever stops the run (an error, a full disk, Ctrl+C,
 * the power): the new bytes go to a temporary file beside the target, flushed; an existing target is
 * kept as "<name>.ban-truoc<ext>" by a hard link (or, where links are not allowed, a copy) made under
 * a temporary name and renamed into place; then the temporary file is renamed over the target. Each
 * rename replaces a whole file with a whole file, so at every moment the target is the old file or the
 * new one, and the kept version is the previous one or the one before. Temporary files are removed
 * on every exit path. System errors become a FileError with a Vietnamese message naming the file.
 * Returns the path of the kept previous version, if any. `step` is called before each step (tests).
 */
export function writeFileAtomic(path: string, bytes: Uint8Array, io: WriteFs = nodeFs, step: (name: string) => void = () => {}): string | null {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  const keptTmp = join(dir, `.${basename(path)}.${process.pid}.ban-truoc.tmp`);
  const fail = (e: unknown): never => {
    throw e instanceof FileError ? e : new FileError(writeErrorMessage(e, path));
  };
  let existing = false;
  try {
    existing = io.existsSync(path);
    if (existing && io.statSync(path).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (e) {
    fail(e);
  }
  liveTemps.add(tmp);
  liveTemps.add(keptTmp);
  try {
    step('write');
    io.writeFileSync(tmp, bytes);
    let previous: string | null = null;
    if (existing) {
      previous = previousVersionPath(path);
      step('keep');
      if (io.existsSync(keptTmp)) io.unlinkSync(keptTmp);
      try {
        io.linkSync(path, keptTmp);
      } catch {
        io.copyFileSync(path, keptTmp);
      }
      step('keep-rename');
      io.renameSync(keptTmp, previous);
    }
    step('replace');
    io.renameSync(tmp, path);
    step('done');
    return previous;
  } catch (e) {
    return fail(e);
  } finally {
    for (const t of [tmp, keptTmp]) {
      try {
        if (io.existsSync(t)) io.unlinkSync(t);
      } catch {
        /* removed on exit */
      }
      liveTemps.delete(t);
    }
  }
}

/** A file a command reads whole (a report, a plan, a catalog); a system error becomes a Vietnamese FileError naming it. */
export function readInputFile(path: string): Uint8Array {
  try {
    return fs.readFileSync(path);
  } catch (e) {
    throw new FileError(readErrorMessage(e, path));
  }
}
