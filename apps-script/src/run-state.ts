/**
 * The checkpoint of a consolidation run that spans several executions (6 minutes each at most).
 *
 * A script property holds the small part (RunHeader: run id, owner, counters, the source being read)
 * — property values are capped at 9 KB. Everything that grows with the number of units lives in the
 * hidden sheet "_cchc_state", one row per piece: the options, the queue of sources, one result per
 * source (its compact contribution, not its grids: checkpoint.ts), and one row per failed attempt.
 * Each result is written in ONE setValues() right after the source is read. A source counts as done
 * exactly when its result rows exist, so an execution killed at any point resumes with the first
 * source that has no result: nobody is lost, and a source read twice is stored under its key once.
 *
 * The header says which source is being read before it is read, so an execution killed on a source
 * (a spreadsheet too slow to open, a file too large) counts an attempt against that source: after
 * MAX_SOURCE_ATTEMPTS the source is listed as unreadable and the run goes on without it.
 */
import { sheetsInput } from './sheets-writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const STATE_SHEET = '_cchc_state';
const RUN_PROPERTY = 'CCHC_RUN';
/** Sheets holds at most 50,000 characters in a cell. */
const CHUNK = 45_000;
const COLUMNS = 5; // kind · key · part · parts · text

export interface RunHeader {
  runId: string;
  /** Epoch ms when the run began (the first execution). */
  startedAt: number;
  /** Send reminders once the summary is made. */
  remind: boolean;
  /** Who started the run (told by e-mail if it has to stop). */
  owner: string;
  /** Executions that have worked on the run so far. */
  executions: number;
  /** Executions in a row that ended in an error or were stopped by the time limit. */
  failedExecutions: number;
  /** An execution is working on the run; still true at the next start means it died. */
  open: boolean;
  /** The source being read (null between sources). */
  reading: string | null;
}

export interface QueuedSource {
  /** Spreadsheet or Drive file id, or a unique key for a source that cannot be opened at all. */
  key: string;
  /** Shown in the summary's sources ("Nguồn dữ liệu"). */
  label: string;
  /** 'file': a file in Drive read from its bytes (.xlsx); absent: a Google spreadsheet. */
  kind?: 'file';
  /** Set when the source is known to be unusable before opening it. */
  problem?: { code: string; message: string };
}

/** One failed attempt at a source: why, in Vietnamese. */
export interface Attempt {
  reason: string;
}

type Kind = 'options' | 'source' | 'result' | 'attempt' | 'template';

function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) out.push(text.slice(i, i + CHUNK));
  return out.length ? out : [''];
}

function rowsOf(kind: Kind, key: string, value: unknown): (string | number)[][] {
  const parts = chunks(JSON.stringify(value));
  return parts.map((text, i) => [kind, sheetsInput(key) as string, i, parts.length, sheetsInput(text) as string]);
}

export function readHeader(): RunHeader | null {
  const raw = PropertiesService.getScriptProperties().getProperty(RUN_PROPERTY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as RunHeader;
  } catch {
    return null;
  }
}

export function writeHeader(h: RunHeader): void {
  PropertiesService.getScriptProperties().setProperty(RUN_PROPERTY, JSON.stringify(h));
}

/** Asks the run in progress (if any) to send reminders when it finishes. */
export function requestReminders(): boolean {
  const h = readHeader();
  if (!h) return false;
  if (!h.remind) writeHeader({ ...h, remind: true });
  return true;
}

/** A run's checkpoint, loaded once per execution; results are appended as sources are read. */
export class RunState<Options, Result> {
  private constructor(
    readonly header: RunHeader,
    private readonly sheet: Sheet,
    readonly options: Options,
    readonly sources: QueuedSource[],
    private readonly results: Map<string, Result>,
    private readonly attempts: Map<string, Attempt[]>,
    /** Values stored once per run under a key, for results to refer to (checkpoint.ts's row templates). */
    readonly templates: Map<string, Record<string, unknown>>,
    private nextRow: number,
    private maxRows: number,
  ) {}

  /** Starts a new run, replacing any earlier checkpoint. */
  static begin<O, R>(ss: Spreadsheet, header: RunHeader, options: O, sources: QueuedSource[]): RunState<O, R> {
    const old = ss.getSheetByName(STATE_SHEET);
    if (old) ss.deleteSheet(old);
    const sheet = ss.insertSheet(STATE_SHEET, ss.getSheets().length);
    sheet.hideSheet();
    const rows = [...rowsOf('options', 'options', options), ...sources.flatMap((s) => rowsOf('source', s.key, s))];
    const maxRows = Math.max(sheet.getMaxRows(), rows.length + 1);
    if (maxRows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), maxRows - sheet.getMaxRows());
    if (sheet.getMaxColumns() < COLUMNS) sheet.insertColumnsAfter(sheet.getMaxColumns(), COLUMNS - sheet.getMaxColumns());
    sheet.getRange(1, 1, rows.length, COLUMNS).setValues(rows);
    writeHeader(header);
    return new RunState<O, R>(header, sheet, options, sources, new Map(), new Map(), new Map(), rows.length + 1, maxRows);
  }

  /** The run in progress, or null when there is none (or its sheet is gone). */
  static load<O, R>(ss: Spreadsheet): RunState<O, R> | null {
    const header = readHeader();
    const sheet = ss.getSheetByName(STATE_SHEET);
    if (!header || !sheet) return null;
    const values = sheet.getDataRange().getValues();
    const parts = new Map<string, string[]>();
    const order: string[] = [];
    const attempts = new Map<string, Attempt[]>();
    for (let r = 0; r < values.length; r++) {
      const row = values[r];
      const kind = String(row[0]);
      if (kind !== 'options' && kind !== 'source' && kind !== 'result' && kind !== 'attempt' && kind !== 'template') continue;
      // Attempts are kept one per row (each a separate event); the rest by key, a later write replacing it whole.
      const id = kind === 'attempt' ? `${kind}\u0000${String(row[1])}\u0000${r}` : `${kind}\u0000${String(row[1])}`;
      let p = parts.get(id);
      if (!p || Number(row[2]) === 0) {
        if (!p) order.push(id);
        p = new Array<string>(Number(row[3])).fill('');
        parts.set(id, p);
      }
      p[Number(row[2])] = String(row[4]);
    }
    let options: O | undefined;
    const sources: QueuedSource[] = [];
    const results = new Map<string, R>();
    const templates = new Map<string, Record<string, unknown>>();
    for (const id of order) {
      const [kind, key] = id.split('\u0000');
      let value: unknown;
      try {
        value = JSON.parse(parts.get(id)!.join('')) as unknown;
      } catch {
        continue; // a piece cut off by a killed write: as if never written
      }
      if (kind === 'options') options = value as O;
      else if (kind === 'source') sources.push(value as QueuedSource);
      else if (kind === 'attempt') attempts.set(key, [...(attempts.get(key) ?? []), value as Attempt]);
      else if (kind === 'template') templates.set(key, value as Record<string, unknown>);
      else results.set(key, value as R);
    }
    if (options === undefined) return null;
    return new RunState<O, R>(header, sheet, options, sources, results, attempts, templates, values.length + 1, sheet.getMaxRows());
  }

  get doneCount(): number {
    return this.sources.filter((s) => this.results.has(s.key)).length;
  }

  /** Sources still to read: those never tried first, then those that failed before (retried last). */
  pending(): QueuedSource[] {
    const left = this.sources.filter((s) => !this.results.has(s.key));
    return [...left.filter((s) => !this.attempts.has(s.key)), ...left.filter((s) => this.attempts.has(s.key))];
  }

  attemptsOf(key: string): Attempt[] {
    return this.attempts.get(key) ?? [];
  }

  /** Results in queue order (complete once pending() is empty). */
  resultsInOrder(): Result[] {
    return this.sources.filter((s) => this.results.has(s.key)).map((s) => this.results.get(s.key)!);
  }

  private append(rows: (string | number)[][]): void {
    if (this.nextRow + rows.length - 1 > this.maxRows) {
      const add = Math.max(rows.length, 200);
      this.sheet.insertRowsAfter(this.maxRows, add);
      this.maxRows += add;
    }
    this.sheet.getRange(this.nextRow, 1, rows.length, COLUMNS).setValues(rows);
    this.nextRow += rows.length;
  }

  /**
   * Stores one source's result, with the templates it is the first to use written before it in the
   * same setValues() (plus a row insert when the sheet is full): a result never refers to a template
   * that was not saved.
   */
  save(key: string, result: Result, newTemplates: readonly [string, Record<string, unknown>][] = []): void {
    this.append([...newTemplates.flatMap(([k, t]) => rowsOf('template', k, t)), ...rowsOf('result', key, result)]);
    this.results.set(key, result);
  }

  /** Records a failed attempt at a source. */
  recordAttempt(key: string, attempt: Attempt): void {
    this.append(rowsOf('attempt', key, attempt));
    this.attempts.set(key, [...this.attemptsOf(key), attempt]);
  }

  /** Saves the header (one property write). */
  saveHeader(change: Partial<RunHeader>): void {
    Object.assign(this.header, change);
    writeHeader(this.header);
  }

  setRemind(remind: boolean): void {
    if (this.header.remind === remind) return;
    this.saveHeader({ remind });
  }
}

/** Removes the checkpoint: the run is finished or abandoned. */
export function clearRunState(ss: Spreadsheet): void {
  const sheet = ss.getSheetByName(STATE_SHEET);
  if (sheet) ss.deleteSheet(sheet);
  PropertiesService.getScriptProperties().deleteProperty(RUN_PROPERTY);
}
