/** File-system chores of the command line: listing inputs, hashing, writing atomically. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, statSync, writeFileSync, copyFileSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Files to consolidate from folders and file names, sorted so a run is repeatable. Excel's lock
 * files (~$name.xlsx) and hidden files are skipped; a folder is read one level deep.
 */
export function listInputFiles(paths: string[]): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    if (!existsSync(p)) {
      out.add(p); // reported later as unreadable, so the batch goes on and the name is not lost
      continue;
    }
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p)) {
        if (name.startsWith('~$') || name.startsWith('.')) continue;
        const full = join(p, name);
        if (statSync(full).isFile() && /\.(xlsx|xlsm|xls|xlsb|ods|csv|html?)$/i.test(name)) out.add(full);
      }
    } else {
      out.add(p);
    }
  }
  return [...out].sort(new Intl.Collator('vi').compare);
}

/** Where writeFileAtomic keeps the file it replaces: "tong-hop.xlsx" → "tong-hop.ban-truoc.xlsx". */
export function previousVersionPath(path: string): string {
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}.ban-truoc${ext}`);
}

/**
 * The summary being written and the previous version it keeps are outputs, not inputs: when the
 * summary is written into the folder being consolidated, a second run must not read them back.
 */
export function withoutOutputs(files: string[], outPath: string): string[] {
  const outputs = new Set([resolve(outPath), resolve(previousVersionPath(outPath))]);
  return files.filter((f) => !outputs.has(resolve(f)));
}

/**
 * Writes a file atomically: to a temporary name beside it, then renamed over the target, so a
 * crash never leaves half a summary. An existing file is kept as "<name>.ban-truoc<ext>".
 * Returns the path of the kept previous version, if any.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): string | null {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, bytes);
  let previous: string | null = null;
  if (existsSync(path)) {
    previous = previousVersionPath(path);
    copyFileSync(path, previous);
  }
  try {
    renameSync(tmp, path);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw e;
  }
  return previous;
}
