// Bundles the command line (and its worker), and the benchmark for Node with esbuild (one file each, in dist/).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const targets = [
  { entry: 'cli/main.ts', out: 'dist/cli/cchc.js' },
  // Worker thread of `consolidate`, started by cli/ingest-pool.ts from beside cchc.js.
  { entry: 'cli/ingest-worker.ts', out: 'dist/cli/ingest-worker.js' },
  // Read-ahead worker of `consolidate` (cli/read-ahead.ts), started from beside cchc.js.
  { entry: 'cli/read-ahead-worker.ts', out: 'dist/cli/read-ahead-worker.js' },
  { entry: 'bench/bench.ts', out: 'dist/bench/bench.js' },
  // inflatePieces against zlib and fflate on large parts (npm run bench:inflate).
  { entry: 'bench/inflate-pieces.bench.ts', out: 'dist/bench/inflate-pieces.js' },
  // One measurement of the benchmark, holding only what the command line holds.
  { entry: 'bench/child.ts', out: 'dist/bench/child.js' },
  // The add-in's request sizes, measured with Office.js's runtime (run by bench.ts in its own process).
  { entry: 'bench/addin/main.ts', out: 'dist/bench/addin-payload.js' },
];
for (const t of targets) {
  if (!existsSync(t.entry)) continue;
  await build({
    entryPoints: [t.entry],
    outfile: t.out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
}
