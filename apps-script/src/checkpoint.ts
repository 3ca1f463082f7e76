/**
 * What the checkpoint keeps of each source: its contribution to the consolidation (the leaf records,
 * provenance and issues the summary keeps — shared/consolidate's InputContribution), not the grids
 * or the full report, and compacted twice:
 * - a candidate's provenance entries are the very objects listed in the contribution's provenance
 *   (consolidation relies on it), which JSON would duplicate: they are stored as indices into it;
 * - what a row takes from the plan (an indicator's STT, name, kind, target; a task's TT, name,
 *   deadline) is the same in nearly every commune: it is kept once per run as the row code's
 *   template, and each commune stores only its figures and whatever differs from the template.
 * Unpacking gives back exactly the contribution that was packed.
 */
import { contributionOf, type ContributionOptions, type InputContribution, type UnitCandidate } from '../../shared/consolidate/consolidate';
import type { ConsolidationInput, LeafIndicator, LeafTask, SummaryInput } from '../../shared/consolidate/types';

type Leaf = Record<string, unknown>;
type StoredCandidate = Omit<UnitCandidate, 'entries' | 'indicators' | 'tasks'> & { entries: number[]; indicators: Leaf[]; tasks: Leaf[] };

export interface StoredContribution {
  candidates: StoredCandidate[];
  provenance: InputContribution['provenance'];
  issues: InputContribution['issues'];
  expectedLists: InputContribution['expectedLists'];
}

/** Row templates by 'i:<code>' (indicators) and 't:<code>' (tasks): the plan's part of each row. */
export type Templates = Map<string, Leaf>;

const INDICATOR_PLAN = ['area', 'stt', 'name', 'kind', 'targetText', 'target'] as const;
const TASK_PLAN = ['area', 'tt', 'name', 'deadlineText'] as const;

const same = (a: unknown, b: unknown) => a === b || (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && JSON.stringify(a) === JSON.stringify(b));

function packLeaf(leaf: Leaf, unitCode: string, key: string, fields: readonly string[], templates: Templates, added: [string, Leaf][]): Leaf {
  let template = templates.get(key);
  if (!template) {
    template = Object.fromEntries(fields.map((f) => [f, leaf[f]]));
    templates.set(key, template);
    added.push([key, template]);
  }
  const out: Leaf = {};
  for (const [f, v] of Object.entries(leaf)) {
    if (f === 'unitCode' ? v === unitCode : f in template && same(v, template[f])) continue;
    out[f] = v;
  }
  return out;
}

function unpackLeaf(stored: Leaf, unitCode: string, template: Leaf | undefined, fields: readonly string[]): Leaf {
  const out: Leaf = { unitCode };
  for (const f of fields) if (template && f in template) out[f] = template[f];
  return Object.assign(out, stored);
}

/** Packs a contribution; templates first seen here are added to `templates` and listed in `added`. */
export function packContribution(c: InputContribution, templates: Templates, added: [string, Leaf][] = []): StoredContribution {
  return {
    ...c,
    candidates: c.candidates.map((x) => ({
      ...x,
      entries: x.entries.map((e) => c.provenance.indexOf(e)),
      indicators: x.indicators.map((l) => packLeaf(l as unknown as Leaf, x.code, `i:${l.code}`, INDICATOR_PLAN, templates, added)),
      tasks: x.tasks.map((l) => packLeaf(l as unknown as Leaf, x.code, `t:${l.code}`, TASK_PLAN, templates, added)),
    })),
  };
}

export function unpackContribution(s: StoredContribution, templates: Templates): InputContribution {
  return {
    ...s,
    candidates: s.candidates.map((x) => ({
      ...x,
      entries: x.entries.filter((i) => i >= 0).map((i) => s.provenance[i]),
      indicators: x.indicators.map((l) => unpackLeaf(l, x.code, templates.get(`i:${String(l.code)}`), INDICATOR_PLAN) as unknown as LeafIndicator),
      tasks: x.tasks.map((l) => unpackLeaf(l, x.code, templates.get(`t:${String(l.code)}`), TASK_PLAN) as unknown as LeafTask),
    })),
  };
}

/** One source's input → its contribution for these options, packed. */
export function storedContribution(input: ConsolidationInput | SummaryInput, opts: ContributionOptions, templates: Templates, added: [string, Leaf][]): StoredContribution {
  return packContribution(contributionOf(input, opts), templates, added);
}
