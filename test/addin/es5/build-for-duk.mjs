// Builds what the duk test runs, into the folder given as the first argument: the add-in exactly as
// `npm run build:addin` makes it, and the duk host (the Excel fake and a small DOM) through the same
// ES5 pipeline.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAddin, buildEs5 } from '../../../addin/build.mjs';

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: build-for-duk.mjs OUT_DIR');
await buildAddin({ outDir });
const here = dirname(fileURLToPath(import.meta.url));
writeFileSync(join(outDir, 'duk-host.js'), await buildEs5(join(here, 'duk-host.ts'), { minify: false }));
