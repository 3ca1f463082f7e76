/**
 * What is pushed to Apps Script: one script file without module syntax or Node/browser-only calls,
 * every entry point a top-level function, and exactly the built files as clasp sees them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { buildBundle, DIST, loadGas, ROOT } from './fakes/gas';

beforeAll(() => buildBundle());

const code = () => readFileSync(join(DIST, 'Code.js'), 'utf8');

/** Globals Apps Script does not have. */
const MISSING_IN_APPS_SCRIPT = new Set([
  'require', 'module', 'exports', 'process', 'Buffer', 'global', '__dirname', '__filename',
  'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'queueMicrotask',
  'structuredClone', 'TextEncoder', 'TextDecoder', 'URL', 'fetch', 'window', 'document', 'crypto',
]);

interface Finding {
  what: string;
  line: number;
}

/** `typeof name` somewhere under `n`. */
function testsTypeof(n: ts.Node, name: string): boolean {
  if (ts.isTypeOfExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name) return true;
  return ts.forEachChild(n, (c) => (testsTypeof(c, name) ? true : undefined)) === true;
}

/**
 * A reference that cannot fail where the global is missing: `typeof X` itself, code reached only when
 * a `typeof X` test passed (`typeof X != 'undefined' && X…`, an if or ?: on it), or code inside a try
 * block (a missing global throws a ReferenceError there, which the catch takes: fflate and zod probe
 * for TextDecoder and URL so, and fall back to their own code in Apps Script).
 */
function guarded(n: ts.Identifier): boolean {
  let child: ts.Node = n;
  for (let p: ts.Node | undefined = n.parent; p; child = p, p = p.parent) {
    if (ts.isTypeOfExpression(p)) return true;
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && p.right === child && testsTypeof(p.left, n.text)) return true;
    if (ts.isIfStatement(p) && p.thenStatement === child && testsTypeof(p.expression, n.text)) return true;
    if (ts.isConditionalExpression(p) && p.whenTrue === child && testsTypeof(p.condition, n.text)) return true;
    if (ts.isTryStatement(p) && p.tryBlock === child && p.catchClause) return true;
  }
  return false;
}

/** Module syntax and references to missing globals, found on the syntax tree (strings and property names don't count). */
function scan(source: string): { findings: Finding[]; topLevelFunctions: string[] } {
  const file = ts.createSourceFile('Code.js', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const findings: Finding[] = [];
  const at = (n: ts.Node) => file.getLineAndCharacterOfPosition(n.getStart(file)).line + 1;
  const declared = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isExportAssignment(n)) findings.push({ what: 'module syntax', line: at(n) });
    if (ts.canHaveModifiers(n) && ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) findings.push({ what: 'export', line: at(n) });
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) findings.push({ what: 'import()', line: at(n) });
    if (ts.isMetaProperty(n)) findings.push({ what: 'import.meta', line: at(n) });
    if ((ts.isVariableDeclaration(n) || ts.isFunctionDeclaration(n) || ts.isParameter(n)) && n.name && ts.isIdentifier(n.name)) declared.add(n.name.text);
    if (ts.isIdentifier(n) && MISSING_IN_APPS_SCRIPT.has(n.text)) {
      const p = n.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(p) && p.name === n) ||
        ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isGetAccessor(p)) && p.name === n);
      if (!isPropertyName && !guarded(n)) findings.push({ what: n.text, line: at(n) });
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  const topLevelFunctions = file.statements.filter(ts.isFunctionDeclaration).map((f) => f.name!.text);
  // A name the bundle declares itself (a local variable called `global`, say) is not a missing global.
  return { findings: findings.filter((f) => !declared.has(f.what)), topLevelFunctions };
}

describe('the scan for globals Apps Script lacks', () => {
  test('flags a bare reference, not one guarded by typeof or a try block', () => {
    expect(scan('var u = new URL(x);\nsetTimeout(f, 1);').findings).toEqual([
      { what: 'URL', line: 1 },
      { what: 'setTimeout', line: 2 },
    ]);
    expect(scan('if (typeof URL !== "undefined") new URL(x);\nvar td = typeof TextDecoder != "undefined" && new TextDecoder();\ntry { new URL(y); } catch (e) {}').findings).toEqual([]);
  });
});

describe('dist/gas/Code.js', () => {
  test('has no module syntax and references nothing Apps Script lacks', () => {
    expect(scan(code()).findings).toEqual([]);
  });

  test('the scan does find such things when they are there', () => {
    const bad = 'import x from "y";\nvar a = require("fs");\nsetTimeout(f, 1);\nvar s = "setTimeout require( process.env";\no.setTimeout = 1;\nexport const b = process.env;';
    expect(scan(bad).findings.map((f) => `${f.what}@${f.line}`)).toEqual([
      'module syntax@1',
      'require@2',
      'setTimeout@3',
      'export@6',
      'process@6',
    ]);
  });

  test('defines every entry point as a top-level function: menu items, triggers, simple triggers, sidebar calls', () => {
    const { topLevelFunctions } = scan(code());
    const gas = loadGas();
    const entryPoints = Object.keys((gas.ctx as { CCHC: { entryPoints: object } }).CCHC.entryPoints);
    expect(topLevelFunctions.sort()).toEqual([...entryPoints].sort());
    gas.call('onOpen');
    const menuFunctions = gas.sheets.ui.menus.flatMap((m) => m.functionNames());
    const sidebar = readFileSync(join(DIST, 'Sidebar.html'), 'utf8');
    const sidebarCalls = [...sidebar.matchAll(/google\.script\.run(?:\.with\w+\([^)]*\))*\.(\w+)\(/g)].map((m) => m[1]);
    const triggerHandlers = ['continueConsolidation', 'nightlyConsolidation', 'dailyReminder'];
    expect(sidebarCalls.sort()).toEqual(['jumpTo', 'sidebarIssues', 'sidebarIssues']);
    for (const name of ['onOpen', 'onEdit', ...menuFunctions, ...sidebarCalls, ...triggerHandlers]) expect(topLevelFunctions).toContain(name);
  });

  test('the manifest runs on V8 in Việt Nam time with the fewest scopes that work', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest).toEqual({
      timeZone: 'Asia/Ho_Chi_Minh',
      runtimeVersion: 'V8',
      exceptionLogging: 'STACKDRIVER',
      oauthScopes: [
        'https://www.googleapis.com/auth/spreadsheets',
        'https://www.googleapis.com/auth/drive.readonly',
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/script.send_mail',
      ],
    });
    // Every scope is explained in the README.
    const readme = readFileSync(join(ROOT, 'apps-script', 'README.md'), 'utf8');
    for (const scope of manifest.oauthScopes) expect(readme).toContain(scope);
  });
});

describe('clasp, offline', () => {
  test('show-file-status with the example .clasp.json lists exactly the built files', () => {
    const example = JSON.parse(readFileSync(join(ROOT, 'apps-script', '.clasp.json.example'), 'utf8'));
    expect(example.rootDir).toBe('dist/gas');
    // clasp wants the pushed folder inside the project root: the config sits at the repository root.
    const config = join(ROOT, `.clasp-check-${process.pid}.json`);
    const home = mkdtempSync(join(tmpdir(), 'clasp-home-'));
    writeFileSync(config, JSON.stringify(example));
    try {
      const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'clasp'), ['-P', config, 'show-file-status', '--json'], {
        cwd: ROOT,
        env: { ...process.env, HOME: home, USERPROFILE: home },
        encoding: 'utf8',
        timeout: 60_000,
      });
      const status = JSON.parse(out);
      expect([...status.filesToPush].sort()).toEqual(['dist/gas/Code.js', 'dist/gas/Sidebar.html', 'dist/gas/appsscript.json']);
      expect(status.untrackedFiles).toEqual([]);
    } finally {
      rmSync(config, { force: true });
      rmSync(home, { recursive: true, force: true });
    }
  });
});
