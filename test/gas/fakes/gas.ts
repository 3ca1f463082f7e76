/**
 * The built bundle (dist/gas/Code.js) running in a Node `vm` context whose globals are the in-memory
 * Apps Script services — nothing else: no require, no process, no setTimeout, as in Apps Script.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { CallLog } from './calls';
import { makeDateClass, type Clock } from './clock';
import {
  FakeDrive,
  FakeLockState,
  FakeMail,
  FakeProperties,
  FakeScript,
  fakeHtmlService,
  fakeSession,
  fakeUtilities,
  MIME,
} from './services';
import { FakeSpreadsheetApp, type FakeSpreadsheet } from './sheets';

export const ROOT = join(__dirname, '..', '..', '..');
export const DIST = join(ROOT, 'dist', 'gas');
export const SCRIPT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

let built = false;
/** Builds dist/gas once per test file (the build writes atomically, so parallel files are safe). */
export function buildBundle(): void {
  if (built) return;
  execFileSync(process.execPath, [join(ROOT, 'apps-script', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  built = true;
}

export interface Gas {
  ctx: vm.Context;
  clock: Clock;
  log: CallLog;
  sheets: FakeSpreadsheetApp;
  drive: FakeDrive;
  scriptProps: FakeProperties;
  documentProps: FakeProperties;
  lock: FakeLockState;
  script: FakeScript;
  mail: FakeMail;
  logs: string[];
  /** The spreadsheet the script is bound to. */
  home: FakeSpreadsheet;
  /** Calls a top-level function of the bundle, as Apps Script would. */
  call(name: string, ...args: unknown[]): unknown;
  /** Runs code in the sandbox with a wall-clock limit: past it, V8 stops the execution mid-way. */
  runWithLimit(code: string, ms: number): unknown;
  /** Fires due one-off triggers (as Apps Script would after their delay), with no UI. */
  fireTrigger(handler: string): void;
}

export function loadGas(opts: { start?: string } = {}): Gas {
  buildBundle();
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
  const files = { Sidebar: readFileSync(join(DIST, 'Sidebar.html'), 'utf8') };
  const clock: Clock = { now: Date.parse(opts.start ?? '2025-03-10T09:00:00+07:00') };
  const log = new CallLog();
  const DateClass = makeDateClass(clock);
  const sheets = new FakeSpreadsheetApp({ log, Date: DateClass }, clock);
  const drive = new FakeDrive(log);
  const scriptProps = new FakeProperties();
  const documentProps = new FakeProperties();
  const userProps = new FakeProperties();
  const lock = new FakeLockState();
  const script = new FakeScript(clock);
  const mail = new FakeMail();
  const logs: string[] = [];
  const home = sheets.create('home-spreadsheet-0000000001', 'Tổng hợp CCHC');
  home._newSheet('Trang tính1');
  sheets.active = home;

  const say = (...a: unknown[]) => logs.push(a.map(String).join(' '));
  const ctx = vm.createContext({
    Date: DateClass,
    SpreadsheetApp: sheets.api(),
    DriveApp: drive.api(),
    PropertiesService: {
      getScriptProperties: () => scriptProps,
      getDocumentProperties: () => documentProps,
      getUserProperties: () => userProps,
    },
    LockService: lock.api(),
    ScriptApp: script.api(),
    MailApp: mail.api(),
    HtmlService: fakeHtmlService(files),
    Utilities: fakeUtilities(),
    Session: fakeSession(SCRIPT_TIME_ZONE),
    MimeType: MIME,
    Logger: { log: say },
    console: { log: say, info: say, warn: say, error: say },
  });
  new vm.Script(code, { filename: 'Code.js' }).runInContext(ctx);

  const gas: Gas = {
    ctx,
    clock,
    log,
    sheets,
    drive,
    scriptProps,
    documentProps,
    lock,
    script,
    mail,
    logs,
    home,
    call(name, ...args) {
      const fn = (ctx as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`the bundle has no top-level function ${name}`);
      return (fn as (...a: unknown[]) => unknown)(...args);
    },
    runWithLimit(source, ms) {
      return vm.runInContext(source, ctx, { timeout: ms });
    },
    fireTrigger(handler) {
      const t = script.triggers.find((x) => x.handler === handler);
      if (!t) throw new Error(`no trigger for ${handler}`);
      if (t.kind === 'after') clock.now = Math.max(clock.now, t.createdAt + (t.afterMs ?? 0));
      sheets.uiAvailable = false;
      try {
        gas.call(handler);
      } finally {
        sheets.uiAvailable = true;
      }
    },
  };
  return gas;
}
