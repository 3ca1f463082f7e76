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
  SHORTCUT: 'application/vnd.google-apps.shortcut',
  OPENDOCUMENT_SPREADSHEET: 'application/vnd.oasis.opendocument.spreadsheet',
  CSV: 'text/csv',
} as const;

// ------------------------------------------------------------------ Drive
/**
 * Drive as the script meets it (DriveApp reference, developers.google.com/apps-script/reference/drive):
 * - Folder.getFiles() lists trashed children too; File.isTrashed() tells them apart (searchFiles with
 *   'trashed = false' is the way to leave them out);
 * - a shortcut is a file of MIME type application/vnd.google-apps.shortcut whose getTargetId() and
 *   getTargetMimeType() name the file it points to; its own getBlob() fails;
 * - Folder.getFolders() gives the subfolders, which getFiles() does not descend into;
 * - Blob.getBytes() returns Java bytes, signed (−128…127).
 */
export interface FakeFileData {
  id: string;
  name: string;
  mimeType: string;
  lastUpdated: Date;
  trashed?: boolean;
  /** The content (unsigned); getBytes() hands it out signed. */
  bytes?: Uint8Array;
  /** For a shortcut: the file it points to. */
  targetId?: string;
}

export interface FakeFolderData {
  id: string;
  name: string;
  files: FakeFileData[];
  folders: string[];
  trashed?: boolean;
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

export const SHORTCUT_MIME = 'application/vnd.google-apps.shortcut';

export class FakeDrive {
  readonly folders = new Map<string, FakeFolderData>();
  readonly files = new Map<string, FakeFileData>();
  constructor(private readonly log: CallLog, private readonly language: () => 'en' | 'vi' = () => 'en') {}

  /** Adds a folder (and registers it under its parent). */
  addFolder(id: string, name: string, parentId?: string): FakeFolderData {
    const folder: FakeFolderData = { id, name, files: [], folders: [] };
    this.folders.set(id, folder);
    if (parentId) this.folders.get(parentId)!.folders.push(id);
    return folder;
  }

  addFile(folderId: string, f: Omit<FakeFileData, 'lastUpdated'> & { lastUpdated?: Date }): FakeFileData {
    const file: FakeFileData = { lastUpdated: new Date(0), ...f };
    this.files.set(file.id, file);
    this.folders.get(folderId)!.files.push(file);
    return file;
  }

  private notFound(): Error {
    return new Error(
      this.language() === 'vi'
        ? 'Exception: Không tìm thấy mục nào có mã đã cho hoặc bạn không có quyền truy cập mục đó.'
        : 'Exception: No item with the given ID could be found, or you do not have permission to access it.',
    );
  }

  private file(f: FakeFileData) {
    const log = this.log;
    const self = this;
    const file: Shape<GoogleAppsScript.Drive.File> = {
      getId: () => (log.add(f.id, 'getId'), f.id),
      getName: () => (log.add(f.id, 'getName'), f.name),
      getMimeType: () => (log.add(f.id, 'getMimeType'), f.mimeType),
      getUrl: () => (log.add(f.id, 'getUrl'), `https://drive.google.com/file/d/${f.id}/view`),
      getLastUpdated: () => (log.add(f.id, 'getLastUpdated'), f.lastUpdated),
      getSize: () => (log.add(f.id, 'getSize'), f.bytes?.length ?? 0),
      isTrashed: () => (log.add(f.id, 'isTrashed'), f.trashed === true),
      getTargetId: () => (log.add(f.id, 'getTargetId'), f.mimeType === SHORTCUT_MIME ? (f.targetId ?? null) : null),
      getTargetMimeType: () => {
        log.add(f.id, 'getTargetMimeType');
        if (f.mimeType !== SHORTCUT_MIME || !f.targetId) return null;
        return self.files.get(f.targetId)?.mimeType ?? null;
      },
      getBlob: () => {
        log.add(f.id, 'getBlob');
        if (f.mimeType === SHORTCUT_MIME || f.mimeType.startsWith('application/vnd.google-apps.')) {
          throw new Error(`Exception: Converting from ${f.mimeType} to application/pdf is not supported.`);
        }
        const bytes = f.bytes ?? new Uint8Array(0);
        return {
          // Java bytes: signed.
          getBytes: () => (log.add(f.id, 'getBytes', bytes.length), Array.from(bytes, (b) => (b > 127 ? b - 256 : b))),
          getName: () => f.name,
          getContentType: () => f.mimeType,
        } as unknown as GoogleAppsScript.Base.Blob;
      },
    };
    return file;
  }

  private folder(folder: FakeFolderData): Shape<GoogleAppsScript.Drive.Folder> {
    const self = this;
    return {
      getId: () => (self.log.add('DriveApp', 'getId'), folder.id),
      getName: () => (self.log.add('DriveApp', 'getName'), folder.name),
      isTrashed: () => (self.log.add('DriveApp', 'isTrashed'), folder.trashed === true),
      getFiles: () => (self.log.add('DriveApp', 'getFiles'), new Iterator(folder.files.map((x) => self.file(x)))),
      getFolders: () => (self.log.add('DriveApp', 'getFolders'), new Iterator(folder.folders.map((id) => self.folder(self.folders.get(id)!)))),
      getFilesByType: (mimeType: string) => {
        self.log.add('DriveApp', 'getFilesByType');
        return new Iterator(folder.files.filter((x) => x.mimeType === mimeType).map((x) => self.file(x)));
      },
    };
  }

  api(): GoogleAppsScript.Drive.DriveApp {
    const self = this;
    const app = {
      getFolderById(id: string) {
        self.log.add('DriveApp', 'getFolderById');
        const folder = self.folders.get(id);
        if (!folder) throw self.notFound();
        return self.folder(folder);
      },
      getFileById(id: string) {
        self.log.add('DriveApp', 'getFileById');
        const file = self.files.get(id);
        if (!file) throw self.notFound();
        return self.file(file);
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
  constructor(private readonly log: CallLog | null = null) {}
  getProperty(key: string) {
    this.log?.add('PropertiesService', 'getProperty');
    return this.data.get(key) ?? null;
  }
  setProperty(key: string, value: string) {
    this.log?.add('PropertiesService', 'setProperty');
    const bytes = Buffer.byteLength(value, 'utf8');
    if (bytes > PROPERTY_VALUE_LIMIT) throw new Error('Exception: Argument too large: value');
    this.longest = Math.max(this.longest, bytes);
    this.data.set(key, value);
    return this;
  }
  deleteProperty(key: string) {
    this.log?.add('PropertiesService', 'deleteProperty');
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
/**
 * Locks by kind (LockService reference): the script lock is one for every user, the document lock one
 * per document, the user lock one per user; holding one kind does not stop another.
 */
export type LockKind = 'script' | 'document' | 'user';

export class FakeLockState {
  /** Holder per lock key ('script', 'document', 'user:<email>'). */
  readonly holders = new Map<string, object>();
  constructor(
    private readonly currentUser: () => string = () => 'tonghop@example.gov.vn',
    private readonly log: CallLog | null = null,
  ) {}
  /** Simulates another execution holding a lock (default the script lock). */
  holdElsewhere(kind: LockKind = 'script') {
    this.holders.set(this.key(kind), { elsewhere: true });
  }
  /** An execution that ends (even killed) lets go of its locks (LockService: locks are released when the script ends). */
  releaseExecutionLocks() {
    for (const [k, h] of this.holders) if (!(h as { elsewhere?: boolean }).elsewhere) this.holders.delete(k);
  }
  release(kind: LockKind = 'script') {
    this.holders.delete(this.key(kind));
  }
  get holder(): object | null {
    return this.holders.get('script') ?? null;
  }
  private key(kind: LockKind): string {
    return kind === 'user' ? `user:${this.currentUser()}` : kind;
  }
  api(): GoogleAppsScript.Lock.LockService {
    const state = this;
    const make = (kind: LockKind) => () => {
      const key = state.key(kind);
      const lock: Shape<GoogleAppsScript.Lock.Lock> = {
        tryLock(_timeoutInMillis: number) {
          state.log?.add('LockService', 'tryLock');
          const h = state.holders.get(key);
          if (h && h !== lock) return false;
          state.holders.set(key, lock);
          return true;
        },
        waitLock(_timeoutInMillis: number) {
          if (!lock.tryLock!(0)) throw new Error('Exception: Lock timeout: another process was holding the lock for too long.');
        },
        hasLock: () => state.holders.get(key) === lock,
        releaseLock() {
          if (state.holders.get(key) === lock) state.holders.delete(key);
        },
      };
      return lock;
    };
    return { getScriptLock: make('script'), getDocumentLock: make('document'), getUserLock: make('user') } as unknown as GoogleAppsScript.Lock.LockService;
  }
}

// ------------------------------------------------------------------ ScriptApp
export interface FakeTrigger {
  id: string;
  handler: string;
  /** The user who made it: it runs as them, and only they see it in getProjectTriggers(). */
  owner: string;
  /** 'after' one-off (ms from creation) or 'daily' at an hour. */
  kind: 'after' | 'daily';
  afterMs?: number;
  atHour?: number;
  createdAt: number;
  /** A one-off trigger that has fired. */
  spent?: boolean;
}

/**
 * Installable triggers (ScriptApp reference; "Quotas for Google Services": 20 triggers per user per
 * script): getProjectTriggers() returns only the current user's, deleteTrigger() can only be handed
 * those, and each user has their own 20.
 */
export const TRIGGER_LIMIT = 20;

export class FakeScript {
  triggers: FakeTrigger[] = [];
  private next = 1;
  constructor(
    private readonly clock: Clock,
    private readonly currentUser: () => string = () => 'tonghop@example.gov.vn',
    private readonly log: CallLog | null = null,
  ) {}

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
        self.log?.add('ScriptApp', 'newTrigger');
        const spec: FakeTrigger = { id: '', handler, owner: '', kind: 'daily', createdAt: 0 };
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
            const owner = self.currentUser();
            if (self.triggers.filter((t) => t.owner === owner).length >= TRIGGER_LIMIT) {
              throw new Error('Exception: This script has too many triggers. Triggers must be deleted from the script before more can be added.');
            }
            const t = { ...spec, owner, id: `trigger-${self.next++}`, createdAt: self.clock.now };
            self.triggers.push(t);
            return self.wrap(t);
          },
        };
        return { timeBased: () => clockBuilder };
      },
      getProjectTriggers() {
        self.log?.add('ScriptApp', 'getProjectTriggers');
        const me = self.currentUser();
        return self.triggers.filter((t) => t.owner === me).map((t) => self.wrap(t));
      },
      deleteTrigger(trigger: { _trigger: FakeTrigger }) {
        self.log?.add('ScriptApp', 'deleteTrigger');
        if (trigger._trigger.owner !== self.currentUser()) throw new Error('Exception: Trigger not found or not owned by the current user.');
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
  bcc?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
}

/**
 * MailApp as documented (MailApp reference; "Quotas for Google Services": recipients per day, 100 on
 * consumer accounts, 1,500 on Workspace): the daily quota counts recipients — to, cc and bcc each —
 * not messages; a message whose recipients exceed what is left is refused whole; an address that is
 * not an address refuses the message ("Invalid email: …").
 */
export const MAIL_ADDRESS = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]+$/;

export class FakeMail {
  sent: SentMail[] = [];
  quota = 100;
  /** Messages whose sending threw (bad address, quota). */
  refused: { to: string; error: string }[] = [];
  /** Called before each message is accepted; a test may throw from it to kill the execution mid-send. */
  beforeSend: ((m: SentMail) => void) | null = null;
  constructor(private readonly log: CallLog | null = null) {}
  api(): GoogleAppsScript.Mail.MailApp {
    const self = this;
    const recipients = (field: string | undefined): string[] => (field ? field.split(',').map((a) => a.trim()) : []);
    return {
      getRemainingDailyQuota: () => (self.log?.add('MailApp', 'getRemainingDailyQuota'), self.quota),
      sendEmail(a: SentMail | string, subject?: string, body?: string) {
        self.log?.add('MailApp', 'sendEmail');
        const m: SentMail = typeof a === 'string' ? { to: a, subject: subject ?? '', body: body ?? '' } : { ...a };
        const all = [...recipients(m.to), ...recipients(m.cc), ...recipients(m.bcc)];
        const bad = all.find((r) => !MAIL_ADDRESS.test(r));
        if (bad !== undefined || all.length === 0) {
          const error = `Exception: Invalid email: ${bad ?? ''}`;
          self.refused.push({ to: m.to, error });
          throw new Error(error);
        }
        if (all.length > self.quota) {
          const error = 'Exception: Service invoked too many times for one day: email.';
          self.refused.push({ to: m.to, error });
          throw new Error(error);
        }
        self.beforeSend?.(m);
        self.quota -= all.length;
        self.sent.push(m);
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
    computeDigest(algorithm: string, value: string | number[], charset?: string) {
      if (algorithm !== 'SHA_256') throw new Error('fake supports SHA_256 only');
      if (charset !== undefined && charset !== 'UTF_8') throw new Error('fake supports UTF_8 only');
      const hash = createHash('sha256');
      // A byte array is Java bytes (signed); a string is hashed in the charset given.
      if (Array.isArray(value)) hash.update(Uint8Array.from(value, (b) => b & 255));
      else hash.update(value, 'utf8');
      // Apps Script returns Java bytes: signed, -128..127.
      return [...hash.digest()].map((b) => (b > 127 ? b - 256 : b));
    },
    formatDate: (date: Date, tz: string, pattern: string) => formatDate(date, tz, pattern),
    sleep: () => undefined,
  } as unknown as GoogleAppsScript.Utilities.Utilities;
}

export function fakeSession(timeZone: string, currentUser: () => string = () => 'tonghop@example.gov.vn', language: () => string = () => 'en'): GoogleAppsScript.Base.Session {
  return {
    getScriptTimeZone: () => timeZone,
    getActiveUser: () => ({ getEmail: () => currentUser() }),
    getEffectiveUser: () => ({ getEmail: () => currentUser() }),
    getActiveUserLocale: () => language(),
  } as unknown as GoogleAppsScript.Base.Session;
}
