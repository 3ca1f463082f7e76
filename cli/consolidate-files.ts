/**
 * The reading half of `cchc consolidate`: files → Summary, nothing written. Each file's contribution
 * is added to a streaming consolidation as it arrives (in file order), so a batch holds only what
 * the summary keeps of each file; files are read by a worker pool where it pays (ingest-pool.ts).
 * runConsolidation writes the summary it returns; the benchmark measures exactly this.
 */
import { basename } from 'node:path';
import { createConsolidation } from '../shared/consolidate/consolidate';
import type { ConsolidateOptions, Summary } from '../shared/consolidate/types';
import type { IngestedFile } from '../io/ingest';
import { ingestFiles } from './ingest-pool';

export interface ConsolidateFilesOptions extends ConsolidateOptions {
  /** Keep every file's whole input (report and issues) and return it; default false. */
  keepInputs?: boolean;
  /** Worker threads reading files; default the cores available, at most 2; 0 = none. */
  workers?: number;
  /** The bundled worker script, when not beside this bundle (the benchmark's). */
  workerPath?: string;
  /** The bundled read-ahead worker script, when not beside this bundle; null reads without it. */
  readAheadPath?: string | null;
  /** Called after each file, in order (a progress bar). */
  onFile?: (done: number, fileName: string) => void;
}

export async function consolidateFiles(
  files: readonly string[],
  opts: ConsolidateFilesOptions,
): Promise<{ summary: Summary; inputs: IngestedFile[] }> {
  const { keepInputs = false, workers, workerPath, readAheadPath, onFile, ...consolidateOpts } = opts;
  const inputs: IngestedFile[] = [];
  const consolidation = createConsolidation(consolidateOpts);
  await ingestFiles(files, { options: consolidateOpts, keepInputs, workers, workerPath, readAheadPath }, (item, i) => {
    consolidation.addContribution(item.contribution);
    if (item.input) inputs.push(item.input);
    onFile?.(i + 1, basename(files[i]));
  });
  return { summary: consolidation.finish(), inputs };
}
