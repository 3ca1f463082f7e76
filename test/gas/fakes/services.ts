/**
 * In-memory DriveApp, PropertiesService, LockService, ScriptApp, MailApp, HtmlService, Utilities
 * and Session, with the limits that shape the script (9 KB per property value, 20 triggers).
 */
import { createHash } from 'node:crypto';
import { CallLog, type Shape } from './calls';
import type { Clock } from './clock';
import { formatDate } from './tz';

export const MIME = {
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  MICROSOFT_EXCEL_LEGACY: 'application/vnd.ms-excel',
  PDF: 'application/pdf',
  FOLDER: 'application/vnd.google-apps.folder',
} as const;

// ------------------------------------------------------------------ Drive
export interface FakeFileData {
  id: string;
  name: string;
  mimeType: string;
  lastUpdated: Date;
}

class Iterator<T> {
  private i = 0;
  constructor(private readonly items: T[]) {}
  hasNext() {
    return this.i < this.items.length;
  }
  next() {
    if (!this.hasNext()) throw new Error('Exception: no more items');
    return this.items[this.i++];
  }
}

export class FakeDrive {
  readonly folders = new Map<string, { name: string; files: FakeFileData[] }>();
  constructor(private readonly log: CallLog) {}

  private file(f: FakeFileData) {
    const log = this.log;
    const file: Shape<GoogleAppsScript.Drive.File> = {
      getId: () => (log.add(f.id, 'getId'), f.id),
      getName: () => (log.add(f.id, 'getName'), f.name),
      getMimeType: () => (log.add(f.id, 'getMimeType'), f.mimeType),
      getUrl: () => (log.add(f.id, 'getUrl'), `https://docs.google.com/spreadsheets/d/${f.id}/edit`),
      getLastUpdated: () => (log.add(f.id, 'getLastUpdated'), f.lastUpdated),
    };
    return file;
  }

  api(): GoogleAppsScript.Drive.DriveApp {
    const self = this;
    const app = {
      getFolderById(id: string) {
        self.log.add('DriveApp', 'getFolderById');
        const folder = self.folders.get(id);
        if (!folder) {
          throw new Error('Exception: No item with the given ID could be found, or you do not have permission to access it.');
        }
        const f: Shape<GoogleAppsScript.Drive.Folder> = {
          getName: () => (self.log.add('DriveApp', 'getName'), folder.name),
          getFiles: () => (self.log.add('DriveApp', 'getFiles'), new Iterator(folder.files.map((x) => self.file(x)))),
          getFilesByType: (mimeType: string) => {
            self.log.add('DriveApp', 'getFilesByType');
            return new Iterator(folder.files.filter((x) => x.mimeType === mimeType).map((x) => self.file(x)));
          },
        };
        return f;
      },
    };
    return app as unknown as GoogleAppsScript.Drive.DriveApp;
  }
}

// ------------------------------------------------------------------ Properties
export const PROPERTY_VALUE_LIMIT = 9 * 1024;

export class FakeProperties implements Shape<GoogleAppsScript.Properties.Properties> {
  readonly data = new Map<string, string>();
  /** Longest value ever stored, to check the script stays under the 9 KB limit. */
  longest = 0;
  getProperty(key: string) {
    return this.data.get(key) ?? null;
  }
  setProperty(key: string, value: string) {
    const bytes = Buffer.byteLength(value, 'utf8');
    if (bytes > PROPERTY_VALUE_LIMIT) throw new Error('Exception: Argument too large: value');
    this.longest = Math.max(this.longest, bytes);
    this.data.set(key, value);
    return this;
  }
  deleteProperty(key: string) {
    this.data.delete(key);
    return this;
  }
  getProperties() {
    return Object.fromEntries(this.data);
  }
  getKeys() {
    return [...this.data.keys()];
  }
}

// ------------------------------------------------------------------ Lock
export class FakeLockState {
  holder: object | null = null;
  /** Simulates another execution holding the script lock. */
  holdElsewhere() {
    this.holder = {};
  }
  release() {
    this.holder = null;
  }
  api(): GoogleAppsScript.Lock.LockService {
    const state = this;
    const make = () => {
      const lock: Shape<GoogleAppsScript.Lock.Lock> = {
        tryLock(_timeoutInMillis: number) {
          if (state.holder && state.holder !== lock) return false;
          state.holder = lock;
          return true;
        },
        waitLock(_timeoutInMillis: number) {
          if (!lock.tryLock!(0)) throw new Error('Exception: Lock timeout: another process was holding the lock for too long.');
        },
        hasLock: () => state.holder === lock,
        releaseLock() {
          if (state.holder === lock) state.holder = null;
        },
      };
      return lock;
    };
    return { getScriptLock: make, getDocumentLock: make, getUserLock: make } as unknown as GoogleAppsScript.Lock.LockService;
  }
}

// ------------------------------------------------------------------ ScriptApp
export interface FakeTrigger {
  id: string;
  handler: string;
  /** 'after' one-off (ms from creation) or 'daily' at an hour. */
  kind: 'after' | 'daily';
  afterMs?: number;
  atHour?: number;
  createdAt: number;
}

export const TRIGGER_LIMIT = 20;

export class FakeScript {
  triggers: FakeTrigger[] = [];
  private next = 1;
  constructor(private readonly clock: Clock) {}

  private wrap(t: FakeTrigger) {
    const w: Shape<GoogleAppsScript.Script.Trigger> & { _trigger: FakeTrigger } = {
      _trigger: t,
      getHandlerFunction: () => t.handler,
      getUniqueId: () => t.id,
      getEventType: () => 'CLOCK' as unknown as GoogleAppsScript.Script.EventType,
    };
    return w;
  }

  api(): GoogleAppsScript.Script.ScriptApp {
    const self = this;
    const app = {
      EventType: { CLOCK: 'CLOCK' },
      newTrigger(handler: string) {
        const spec: FakeTrigger = { id: '', handler, kind: 'daily', createdAt: 0 };
        const clockBuilder = {
          after(ms: number) {
            spec.kind = 'after';
            spec.afterMs = ms;
            return clockBuilder;
          },
          everyDays(n: number) {
            if (n !== 1) throw new Error('fake supports everyDays(1) only');
            spec.kind = 'daily';
            return clockBuilder;
          },
          atHour(h: number) {
            spec.atHour = h;
            return clockBuilder;
          },
          nearMinute(_m: number) {
            return clockBuilder;
          },
          inTimezone(_tz: string) {
            return clockBuilder;
          },
          create() {
            if (self.triggers.length >= TRIGGER_LIMIT) {
              throw new Error('Exception: This script has too many triggers. Triggers must be deleted from the script before more can be added.');
            }
            const t = { ...spec, id: `trigger-${self.next++}`, createdAt: self.clock.now };
            self.triggers.push(t);
            return self.wrap(t);
          },
        };
        return { timeBased: () => clockBuilder };
      },
      getProjectTriggers() {
        return self.triggers.map((t) => self.wrap(t));
      },
      deleteTrigger(trigger: { _trigger: FakeTrigger }) {
        self.triggers = self.triggers.filter((t) => t.id !== trigger._trigger.id);
      },
    };
    return app as unknown as GoogleAppsScript.Script.ScriptApp;
  }

  handlers(): string[] {
    return this.triggers.map((t) => t.handler).sort();
  }
}

// ------------------------------------------------------------------ MailApp
export interface SentMail {
  to: string;
  cc?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
}

export class FakeMail {
  sent: SentMail[] = [];
  quota = 100;
  api(): GoogleAppsScript.Mail.MailApp {
    const self = this;
    return {
      getRemainingDailyQuota: () => self.quota,
      sendEmail(a: SentMail | string, subject?: string, body?: string) {
        if (self.quota <= 0) throw new Error('Exception: Service invoked too many times for one day: email.');
        self.quota--;
        self.sent.push(typeof a === 'string' ? { to: a, subject: subject ?? '', body: body ?? '' } : { ...a });
      },
    } as unknown as GoogleAppsScript.Mail.MailApp;
  }
}

// ------------------------------------------------------------------ HtmlService
export class FakeHtmlOutput implements Shape<GoogleAppsScript.HTML.HtmlOutput> {
  private title = '';
  width = 0;
  height = 0;
  constructor(private content: string) {}
  getContent() {
    return this.content;
  }
  setContent(c: string) {
    this.content = c;
    return this;
  }
  setTitle(t: string) {
    this.title = t;
    return this;
  }
  getTitle() {
    return this.title;
  }
  setWidth(w: number) {
    this.width = w;
    return this;
  }
  setHeight(h: number) {
    this.height = h;
    return this;
  }
}

export function fakeHtmlService(files: Record<string, string>): GoogleAppsScript.HTML.HtmlService {
  return {
    createHtmlOutput: (html?: string) => new FakeHtmlOutput(html ?? ''),
    createHtmlOutputFromFile(name: string) {
      const content = files[name] ?? files[`${name}.html`];
      if (content === undefined) throw new Error(`Exception: No HTML file named ${name} was found.`);
      return new FakeHtmlOutput(content);
    },
  } as unknown as GoogleAppsScript.HTML.HtmlService;
}

// ------------------------------------------------------------------ Utilities, Session
export function fakeUtilities(): GoogleAppsScript.Utilities.Utilities {
  return {
    DigestAlgorithm: { SHA_256: 'SHA_256', MD5: 'MD5', SHA_1: 'SHA_1' },
    Charset: { UTF_8: 'UTF_8', US_ASCII: 'US_ASCII' },
    computeDigest(algorithm: string, value: string, charset?: string) {
      if (algorithm !== 'SHA_256') throw new Error('fake supports SHA_256 only');
      if (charset !== undefined && charset !== 'UTF_8') throw new Error('fake supports UTF_8 only');
      // Apps Script returns Java bytes: signed, -128..127.
      return [...createHash('sha256').update(value, 'utf8').digest()].map((b) => (b > 127 ? b - 256 : b));
    },
    formatDate: (date: Date, tz: string, pattern: string) => formatDate(date, tz, pattern),
    sleep: () => undefined,
  } as unknown as GoogleAppsScript.Utilities.Utilities;
}

export function fakeSession(timeZone: string): GoogleAppsScript.Base.Session {
  return {
    getScriptTimeZone: () => timeZone,
    getActiveUser: () => ({ getEmail: () => 'tonghop@example.gov.vn' }),
    getEffectiveUser: () => ({ getEmail: () => 'tonghop@example.gov.vn' }),
  } as unknown as GoogleAppsScript.Base.Session;
}
