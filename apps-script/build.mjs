// Builds the Apps Script project into dist/gas, the folder clasp pushes:
//   Code.js          apps-script/src/main.ts with shared/, zod and date-fns bundled into one IIFE that
//                    assigns the global CCHC, then one top-level function per entry point (Apps Script
//                    calls only top-level functions: onOpen, onEdit, menu items, google.script.run, triggers)
//   appsscript.json  the manifest (V8, time zone, scopes)
//   Sidebar.html     the sidebar of Kiểm tra dữ liệu
// The wrappers are generated from main.ts's `entryPoints`, read by running the bundle in an empty V8
// context, which also proves the bundle starts without anything Apps Script lacks.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'gas');
const GLOBAL = 'CCHC';

const result = await build({
  entryPoints: [join(root, 'apps-script', 'src', 'main.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  globalName: GLOBAL,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  conditions: ['import', 'default'],
  target: 'es2020',
  charset: 'utf8',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
const bundle = result.outputFiles[0].text;

const sandbox = vm.createContext({});
vm.runInContext(`${bundle}\nthis.__names = Object.keys(${GLOBAL}.entryPoints).filter((k) => typeof ${GLOBAL}.entryPoints[k] === 'function');`, sandbox);
const names = sandbox.__names;
if (!Array.isArray(names) || names.length === 0) throw new Error('apps-script build: main.ts exports no entryPoints');

const wrappers = names
  .map((n) => `function ${n}() {\n  return ${GLOBAL}.entryPoints.${n}.apply(this, arguments);\n}`)
  .join('\n');
const code = `// Built by apps-script/build.mjs from apps-script/src — edit the sources, not this file.\n${bundle}\n// Entry points Apps Script calls by name.\n${wrappers}\n`;

// Written beside and renamed, so a test that loads the bundle never reads half a file.
mkdirSync(out, { recursive: true });
const put = (name, write) => {
  const tmp = join(out, `.${name}.${process.pid}.tmp`);
  write(tmp);
  renameSync(tmp, join(out, name));
};
put('Code.js', (p) => writeFileSync(p, code));
put('appsscript.json', (p) => copyFileSync(join(root, 'apps-script', 'appsscript.json'), p));
put('Sidebar.html', (p) => copyFileSync(join(root, 'apps-script', 'src', 'Sidebar.html'), p));
console.log(`apps-script: dist/gas/Code.js (${(code.length / 1024).toFixed(0)} KB, ${names.length} entry points), appsscript.json, Sidebar.html`);
