// Builds the Excel add-in into dist/addin: taskpane.js and commands.js, the pages, styles, icons and
// the manifest.
//
// The scripts must run in every webview Excel uses for add-ins, the oldest being Internet Explorer 11
// (Excel 2016/2019 volume-licensed on Windows), which parses ES5 only and lacks Promise, Map, Symbol,
// String.prototype.normalize and more. So each script is made in three steps:
//   1. esbuild bundles the TypeScript (the shared rules module and the file reader included) as ES2020;
//   2. Babel rewrites the regular expressions IE 11 cannot compile (the `u` flag, `\p{L}` classes, `s`,
//      named groups) into equivalent ES5 ones; `y` becomes a `RegExp` call that core-js supports;
//   3. swc lowers the rest to ES5 for IE 11 and adds `require`s of the core-js polyfills it uses
//      (swc is used for this step because Babel's preset-env takes minutes on a bundle this size);
//   4. esbuild bundles those polyfills in and minifies, still ES5.
// zod builds two BigInt constants when it loads; BigInt cannot exist in IE 11, so step 1 makes them
// lazy (built on first use: the annex schemas never use them). test/addin/es5-bundle.test.ts runs the
// result in duk, a real ES5 engine.
//
// taskpane.html loads Office.js from Microsoft's CDN (required for published add-ins);
// taskpane.local.html loads ./office-js/office.js instead, which the dev server maps to
// node_modules/@microsoft/office-js/dist for offline work. Tests map the CDN address themselves.
// The manifest is copied with its host address replaced when ADDIN_HOST is set (see README.md).
import { build } from 'esbuild';
import { transformAsync } from '@babel/core';
import { transform } from '@swc/core';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestFor } from './manifest-host.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(root, 'dist', 'addin');
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** The oldest engine the scripts must run in. */
export const ES5_TARGETS = { ie: '11' };

/** zod's `BIGINT_FORMAT_RANGES` as getters, so that loading zod never calls BigInt. */
export const lazyZodBigInt = {
  name: 'lazy-zod-bigint',
  setup(b) {
    b.onLoad({ filter: /zod[\\/]v4[\\/]core[\\/]util\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const eager = /export const BIGINT_FORMAT_RANGES = \{\s*int64: (\[[^\]]*\]),\s*uint64: (\[[^\]]*\]),?\s*\};/;
      const m = eager.exec(text);
      if (!m) throw new Error('zod changed: BIGINT_FORMAT_RANGES not found where the ES5 build expects it');
      const lazy = `export const BIGINT_FORMAT_RANGES = {\n  get int64() { return ${m[1]}; },\n  get uint64() { return ${m[2]}; },\n};`;
      return { contents: text.replace(eager, lazy), loader: 'js' };
    });
  },
};

/** One entry point bundled, lowered to ES5 with the polyfills it uses, and minified. */
export async function buildEs5(entry, { minify = true } = {}) {
  const modern = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [lazyZodBigInt],
  });
  const regexes = await transformAsync(modern.outputFiles[0].text, {
    babelrc: false,
    configFile: false,
    sourceType: 'script',
    compact: true,
    plugins: [
      '@babel/plugin-transform-unicode-property-regex',
      '@babel/plugin-transform-unicode-regex',
      '@babel/plugin-transform-dotall-regex',
      '@babel/plugin-transform-named-capturing-groups-regex',
      '@babel/plugin-transform-sticky-regex',
    ],
  });
  const lowered = await transform(regexes.code, {
    isModule: false,
    jsc: { parser: { syntax: 'ecmascript' }, externalHelpers: false },
    env: { targets: ES5_TARGETS, mode: 'usage', coreJs: '3.51' },
    minify: false,
  });
  const bundled = await build({
    stdin: { contents: lowered.code, resolveDir: root, sourcefile: entry, loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es5',
    minify,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return bundled.outputFiles[0].text;
}

export async function buildAddin({ outDir = out, minify = true, host = process.env.ADDIN_HOST } = {}) {
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  for (const name of ['taskpane', 'commands']) {
    writeFileSync(join(outDir, `${name}.js`), await buildEs5(join(here, `${name}.ts`), { minify }));
  }
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
  const manifest = readFileSync(join(root, 'manifests', 'manifest.xml'), 'utf8');
  writeFileSync(join(outDir, 'manifest.xml'), host ? manifestFor(manifest, host) : manifest);
  return outDir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = await buildAddin();
  console.log(`add-in built in ${dir}`);
}
