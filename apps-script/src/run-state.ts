/**
 * The checkpoint of a consolidation run that spans several executions (6 minutes each at most).
 *
 * A script property holds the small part (run id, start, whether reminders follow) — property values
 * are capped at 9 KB. Everything that grows with the number of units lives in the hidden sheet
 * "_cchc_state", one row per piece: the options, the queue of sources, and one result per source,
 * each written in ONE setValues() right after the source is read. A source counts as done exactly
 * when its result rows exist, so an execution killed at any point resumes with the first source
 * that has no result: nobody is lost, and a source read twice is stored under the same key once.
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
}

export interface QueuedSource {
  /** Spreadsheet id, or a unique key for a source that cannot be opened at all. */
  key: string;
  /** Shown in the summary's sources ("Nguồn dữ liệu"). */
  label: string;
  /** Set when the source is known to be unusable before opening it (e.g. an .xlsx in the folder). */
  problem?: { code: string; message: string };
}

type Kind = 'options' | 'source' | 'result';

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

function writeHeader(h: RunHeader): void {
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
    return new RunState<O, R>(header, sheet, options, sources, new Map(), rows.length + 1, maxRows);
  }

  /** The run in progress, or null when there is none (or its sheet is gone). */
  static load<O, R>(ss: Spreadsheet): RunState<O, R> | null {
    const header = readHeader();
    const sheet = ss.getSheetByName(STATE_SHEET);
    if (!header || !sheet) return null;
    const values = sheet.getDataRange().getValues();
    const parts = new Map<string, string[]>();
    const order: string[] = [];
    for (const row of values) {
      const kind = String(row[0]);
      if (kind !== 'options' && kind !== 'source' && kind !== 'result') continue;
      const id = `${kind}\u0000${String(row[1])}`;
      let p = parts.get(id);
      // A later write of the same key replaces the earlier one whole.
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
    for (const id of order) {
      const [kind, key] = id.split('\u0000');
      const value = JSON.parse(parts.get(id)!.join('')) as unknown;
      if (kind === 'options') options = value as O;
      else if (kind === 'source') sources.push(value as QueuedSource);
      else results.set(key, value as R);
    }
    if (options === undefined) return null;
    return new RunState<O, R>(header, sheet, options, sources, results, values.length + 1, sheet.getMaxRows());
  }

  get doneCount(): number {
    return this.sources.filter((s) => this.results.has(s.key)).length;
  }

  pending(): QueuedSource[] {
    return this.sources.filter((s) => !this.results.has(s.key));
  }

  /** Results in queue order (complete once pending() is empty). */
  resultsInOrder(): Result[] {
    return this.sources.filter((s) => this.results.has(s.key)).map((s) => this.results.get(s.key)!);
  }

  /** Stores one source's result: one setValues() (plus a row insert when the sheet is full). */
  save(key: string, result: Result): void {
    const rows = rowsOf('result', key, result);
    if (this.nextRow + rows.length - 1 > this.maxRows) {
      const add = Math.max(rows.length, 200);
      this.sheet.insertRowsAfter(this.maxRows, add);
      this.maxRows += add;
    }
    this.sheet.getRange(this.nextRow, 1, rows.length, COLUMNS).setValues(rows);
    this.nextRow += rows.length;
    this.results.set(key, result);
  }

  setRemind(remind: boolean): void {
    if (this.header.remind === remind) return;
    this.header.remind = remind;
    writeHeader(this.header);
  }
}

/** Removes the checkpoint: the run is finished or abandoned. */
export function clearRunState(ss: Spreadsheet): void {
  const sheet = ss.getSheetByName(STATE_SHEET);
  if (sheet) ss.deleteSheet(sheet);
  PropertiesService.getScriptProperties().deleteProperty(RUN_PROPERTY);
}
