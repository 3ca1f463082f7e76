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
import { FakeSpreadsheetApp, type FakeSpreadsheet, type Language } from './sheets';
import { callCostMs, EXECUTION_LIMIT_MS, JSON_MS_PER_CHAR } from './costs';

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

/** The account running the script: its e-mail and the language Google speaks to it. */
export interface User {
  email: string;
  language: Language;
}

export const OWNER: User = { email: 'tonghop@example.gov.vn', language: 'en' };

/** Raised by the meter when an execution passes 6 minutes: Apps Script stops it there. */
export const EXECUTION_KILLED = 'Exceeded maximum execution time';

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
  /** Fires the handler's trigger (one-off ones after their delay), as its owner, with no UI. */
  fireTrigger(handler: string): void;
  /** Who runs the next calls. */
  user: User;
  /** Charge service calls and JSON work to the clock and stop executions past 6 minutes (default off). */
  metered: boolean;
  /** Executions stopped by the 6-minute limit so far. */
  killed: number;
  /** Executions run so far (calls and triggers). */
  executions: number;
  /** Stop the next execution at its n-th service call (1-based), as if it had hit the time limit there. */
  killAtCall: number | null;
  /** Service calls made by the current (or last) execution. */
  callsThisExecution: number;
  /** Fake-clock time the last execution took. */
  lastExecutionMs: number;
}

export function loadGas(opts: { start?: string } = {}): Gas {
  buildBundle();
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
  const files = { Sidebar: readFileSync(join(DIST, 'Sidebar.html'), 'utf8') };
  const clock: Clock = { now: Date.parse(opts.start ?? '2025-03-10T09:00:00+07:00') };
  const log = new CallLog();
  const DateClass = makeDateClass(clock);
  let user: User = OWNER;
  const language = () => user.language;
  const email = () => user.email;
  const sheets = new FakeSpreadsheetApp({ log, Date: DateClass, language }, clock);
  const drive = new FakeDrive(log, language);
  const scriptProps = new FakeProperties(log);
  const documentProps = new FakeProperties(log);
  const userPropsByUser = new Map<string, FakeProperties>();
  const lock = new FakeLockState(email, log);
  const script = new FakeScript(clock, email, log);
  const mail = new FakeMail(log);

  // The meter: each call costs time; past 6 minutes the execution is stopped, and every later call
  // of that execution fails too (nothing it does after the limit reaches a service).
  let executionStart = clock.now;
  let killedNow = false;
  const charge = (ms: number, isCall: boolean) => {
    if (killedNow) throw new Error(EXECUTION_KILLED);
    if (isCall && ++gas.callsThisExecution === gas.killAtCall) {
      gas.killAtCall = null;
      killedNow = true;
      throw new Error(EXECUTION_KILLED);
    }
    if (!gas.metered) return;
    clock.now += ms;
    if (clock.now - executionStart > EXECUTION_LIMIT_MS) {
      killedNow = true;
      throw new Error(EXECUTION_KILLED);
    }
  };
  log.onCall = (owner, method, units) => charge(callCostMs(owner, method, units), true);
  const meteredJson = {
    parse: (text: string, reviver?: (k: string, v: unknown) => unknown) => {
      charge(String(text).length * JSON_MS_PER_CHAR, false);
      return JSON.parse(text, reviver);
    },
    stringify: (value: unknown, replacer?: unknown, space?: string | number) => {
      const out = JSON.stringify(value, replacer as never, space);
      if (out !== undefined) charge(out.length * JSON_MS_PER_CHAR, false);
      return out;
    },
  };
  const logs: string[] = [];
  const home = sheets.create('home-spreadsheet-0000000001', 'Tổng hợp CCHC');
  home._newSheet('Trang tính1');
  sheets.active = home;

  const say = (...a: unknown[]) => logs.push(a.map(String).join(' '));
  const ctx = vm.createContext({
    Date: DateClass,
    SpreadsheetApp: sheets.api(),
    DriveApp: drive.api(),
    JSON: meteredJson,
    PropertiesService: {
      getScriptProperties: () => scriptProps,
      getDocumentProperties: () => documentProps,
      getUserProperties: () => {
        let p = userPropsByUser.get(user.email);
        if (!p) userPropsByUser.set(user.email, (p = new FakeProperties(log)));
        return p;
      },
    },
    LockService: lock.api(),
    ScriptApp: script.api(),
    MailApp: mail.api(),
    HtmlService: fakeHtmlService(files),
    Utilities: fakeUtilities(),
    Session: fakeSession(SCRIPT_TIME_ZONE, email, () => (user.language === 'vi' ? 'vi' : 'en')),
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
    get user() {
      return user;
    },
    set user(u: User) {
      user = u;
    },
    metered: false,
    killed: 0,
    executions: 0,
    killAtCall: null,
    callsThisExecution: 0,
    lastExecutionMs: 0,
    call(name, ...args) {
      const fn = (ctx as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`the bundle has no top-level function ${name}`);
      executionStart = clock.now;
      killedNow = false;
      gas.callsThisExecution = 0;
      gas.executions++;
      try {
        const result = (fn as (...a: unknown[]) => unknown)(...args);
        if (killedNow) gas.killed++;
        return killedNow ? undefined : result;
      } catch (e) {
        // Stopped at the limit: Apps Script ends the execution; nothing more happens in it.
        if (killedNow) {
          gas.killed++;
          return undefined;
        }
        throw e;
      } finally {
        gas.lastExecutionMs = clock.now - executionStart;
        if (killedNow) lock.releaseExecutionLocks();
        killedNow = false;
      }
    },
    runWithLimit(source, ms) {
      return vm.runInContext(source, ctx, { timeout: ms });
    },
    fireTrigger(handler) {
      const t = script.triggers.find((x) => x.handler === handler && !x.spent);
      if (!t) throw new Error(`no trigger for ${handler}`);
      if (t.kind === 'after') {
        clock.now = Math.max(clock.now, t.createdAt + (t.afterMs ?? 0));
        // A one-off trigger fires once; it stays listed (and counts towards the 20) until deleted.
        t.spent = true;
      }
      sheets.uiAvailable = false;
      const caller = user;
      // An installable trigger runs as the user who made it.
      user = t.owner === caller.email ? caller : { email: t.owner, language: caller.language };
      try {
        gas.call(handler);
      } finally {
        sheets.uiAvailable = true;
        user = caller;
      }
    },
  };
  return gas;
}
