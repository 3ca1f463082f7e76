/**
 * One copy of each text a consolidation keeps. A thousand communes send the same plan: the same
 * indicator names, targets and deadlines a thousand times over, each read from its own file. Kept
 * as they come, they cost a thousand copies; worse, a text cut out of a workbook's XML may keep that
 * whole XML alive (JavaScript engines share the characters of substrings with their source). The
 * pool keeps its own copy of each distinct text the first time it sees it and hands that copy out
 * for every later equal text, so a batch holds each text once and no file's XML outlives its reading.
 * Texts are values: which copy a record holds changes nothing it says.
 */
import { ownCopy } from '../text/memo';
import type { InputContribution } from './consolidate';
import type { Target } from '../model';
import type { LeafIndicator, LeafTask, ProvenanceEntry, Reason, SummaryIssue } from './types';


export class TextPool {
  private readonly kept = new Map<string, string>();

  text(s: string): string {
    // Short texts (codes, numbers) cost little and are never shared with a larger text: left as they are.
    if (s.length < 13) return s;
    const k = this.kept.get(s);
    if (k !== undefined) return k;
    const copy = ownCopy(s);
    this.kept.set(copy, copy);
    return copy;
  }

  orNull<T extends string | null>(s: T): T {
    return (s === null ? s : this.text(s)) as T;
  }

  private readonly targetLists = new Map<string, Target[]>();

  /**
   * One shared reading per target text: a thousand units copy "Tối thiểu 80%", each row read into
   * its own list. The first list seen for a text is kept; a later one is replaced by it only when it
   * says exactly the same (compared field by field), so a text read two ways keeps both readings.
   */
  targets(text: string, list: Target[] | null): Target[] | null {
    if (list === null) return null;
    const kept = this.targetLists.get(text);
    if (kept === undefined) {
      this.targetLists.set(text, list);
      return list;
    }
    return sameData(kept, list) ? kept : list;
  }
}

/** Deep equality of plain data (objects, arrays, strings, numbers, booleans, null, undefined). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // Keys counted and compared without making key lists: this runs for every leaf of a batch.
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    keys++;
    if (!Object.prototype.hasOwnProperty.call(y, k) || !sameData(x[k], y[k])) return false;
  }
  for (const _ in y) keys--;
  return keys === 0;
}

function poolIndicator(p: TextPool, l: LeafIndicator): void {
  l.unitCode = p.text(l.unitCode);
  l.code = p.text(l.code);
  l.stt = p.text(l.stt);
  l.name = p.text(l.name);
  l.targetText = p.text(l.targetText);
  l.target = p.targets(l.targetText, l.target);
  if (typeof l.result === 'string') l.result = p.text(l.result);
}

function poolTask(p: TextPool, l: LeafTask): void {
  l.unitCode = p.text(l.unitCode);
  l.code = p.text(l.code);
  l.tt = p.text(l.tt);
  l.name = p.text(l.name);
  l.deadlineText = p.text(l.deadlineText);
}

function poolReasons(p: TextPool, reasons: Reason[]): void {
  for (const r of reasons) {
    r.code = p.text(r.code);
    r.message = p.text(r.message);
  }
}

function poolEntry(p: TextPool, e: ProvenanceEntry): void {
  e.fileName = p.text(e.fileName);
  e.sha256 = p.text(e.sha256);
  e.unitCode = p.text(e.unitCode);
  e.unitName = p.text(e.unitName);
  e.templateVersion = p.text(e.templateVersion);
  e.reportDate = p.orNull(e.reportDate);
  e.receivedAt = p.orNull(e.receivedAt);
  e.via = p.text(e.via);
  poolReasons(p, e.reasons);
}

function poolIssue(p: TextPool, i: SummaryIssue): void {
  i.fileName = p.text(i.fileName);
  i.unitCode = p.text(i.unitCode);
  i.sheet = p.text(i.sheet);
  i.address = p.text(i.address);
  i.rule = p.text(i.rule);
  i.message = p.text(i.message);
}

/**
 * Replaces the texts of a contribution (its records made for it by contributionOf, not yet added) by
 * the pool's copies, in place, so that records shared between its lists stay shared.
 */
export function poolContribution(p: TextPool, c: InputContribution): void {
  for (const e of c.provenance) poolEntry(p, e);
  for (const i of c.issues) poolIssue(p, i);
  for (const cand of c.candidates) {
    cand.code = p.text(cand.code);
    cand.name = p.text(cand.name);
    cand.via = p.text(cand.via);
    cand.reportDate = p.orNull(cand.reportDate);
    cand.files = cand.files.map((f) => p.text(f));
    for (const l of cand.indicators) poolIndicator(p, l);
    for (const l of cand.tasks) poolTask(p, l);
  }
  // Lists are the lower summary's own objects: copied, never changed.
  c.expectedLists = c.expectedLists.map((list) => list.map((u) => ({ code: p.text(u.code), name: p.text(u.name) })));
}
