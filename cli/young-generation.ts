/**
 * The young generation of the command line's heap, held at a size that keeps a batch's peak memory
 * down (see holdYoungGeneration). Changes no result, only when V8 collects garbage.
 */
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Semi-space size the young generation stops growing at (V8 grows it 1, 2, 4, 8, 16 MB). */
const YOUNG_SEMI_SPACE_CAP = 8 << 20;
let youngHeld = false;

/**
 * Holds the young generation at 8 MB semi-spaces once it has grown that far. V8 reads its size
 * limit (--max-semi-space-size) only when the process starts, but its growth factor whenever it
 * grows; set to 1 here, the young generation grows no further. A batch of workbooks makes a young
 * generation of 16 MB semi-spaces otherwise: measured on 1,000 workbooks, 16 MB less at the peak
 * for the same time (as `node --max-semi-space-size=8` gives). Called between files; cheap.
 */
export function holdYoungGeneration(): void {
  if (youngHeld) return;
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  // space_size counts both semi-spaces.
  if (young && young.space_size >= 2 * YOUNG_SEMI_SPACE_CAP) {
    setFlagsFromString('--semi-space-growth-factor=1');
    youngHeld = true;
  }
}

/** A file that left this much more memory in use was a large one (a report leaves well under 1 MB). */
const LARGE_FILE_GROWTH = 24 << 20;
let fullGc: (() => void) | null | undefined;

/** Memory in use by this thread's heap and the bytes it holds outside it (cheap: no system call). */
export function memoryInUse(): number {
  const s = getHeapStatistics();
  return s.total_physical_size + s.external_memory;
}

/**
 * Gives back the memory of a large file just read (a hostile or oversized workbook: tens of
 * megabytes of inflated bytes, their text, a far cell's grid) before the next one, so that a
 * batch's peak grows by about one such file's, not by every one's: V8 otherwise collects large
 * strings and the bytes outside its heap lazily, and the peak climbs with each large file (measured:
 * 30 such files among 1,000 reports, 350 MB at the peak). `before`: memoryInUse() before the file.
 * A full collection only after a file that left LARGE_FILE_GROWTH more in use.
 */
export function releaseAfterLargeFile(before: number): void {
  if (memoryInUse() - before < LARGE_FILE_GROWTH) return;
  collectGarbage();
}

/**
 * A full collection now (V8's own, exposed once through a flag): the values reader asks for one after
 * each large part it lets go of, so that a file's large parts are never held at once. `passes`: one
 * is enough where no large string outside the heap is let go of (see below).
 */
export function collectGarbage(passes = 2): void {
  if (fullGc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      fullGc = runInNewContext('gc') as () => void;
    } catch {
      fullGc = null;
    }
  }
  // Twice: measured, one collection leaves a large part's bytes in use (what the first frees of a
  // large string outside the heap is only given back by the next).
  for (let i = 0; i < passes; i++) fullGc?.();
}
