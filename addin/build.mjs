// Builds the Excel add-in into dist/addin: taskpane.js and commands.js bundled by esbuild (the
// shared rules module and the file reader included), the pages, styles, icons and the manifest.
// taskpane.html loads Office.js from Microsoft's CDN (required for published add-ins);
// taskpane.local.html loads ./office-js/office.js instead, which the dev server maps to
// node_modules/@microsoft/office-js/dist for offline work. Tests map the CDN address themselves.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(root, 'dist', 'addin');
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export async function buildAddin({ outDir = out, minify = true } = {}) {
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  await build({
    entryPoints: { taskpane: join(here, 'taskpane.ts'), commands: join(here, 'commands.ts') },
    outdir: outDir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // Excel's webviews: Edge WebView2 on Windows, WKWebView on Mac, the browser on the web.
    target: 'es2020',
    sourcemap: true,
    minify,
    legalComments: 'none',
    logLevel: 'warning',
  });
  for (const page of ['taskpane.html', 'commands.html', 'help.html']) {
    copyFileSync(join(here, page), join(outDir, page));
  }
  const pane = readFileSync(join(here, 'taskpane.html'), 'utf8');
  if (!pane.includes(OFFICE_JS_CDN)) throw new Error('taskpane.html no longer loads Office.js from the CDN');
  writeFileSync(join(outDir, 'taskpane.local.html'), pane.replace(OFFICE_JS_CDN, 'office-js/office.js'));
  copyFileSync(join(here, 'taskpane.css'), join(outDir, 'taskpane.css'));
  for (const f of readdirSync(join(here, 'assets'))) {
    if (f.endsWith('.png')) copyFileSync(join(here, 'assets', f), join(outDir, 'assets', f));
  }
  copyFileSync(join(root, 'manifests', 'manifest.xml'), join(outDir, 'manifest.xml'));
  return outDir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = await buildAddin();
  console.log(`add-in built in ${dir}`);
}
