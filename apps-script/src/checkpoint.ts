/**
 * What the checkpoint keeps of each source: its contribution to the consolidation (the leaf records,
 * provenance and issues the summary keeps — shared/consolidate's InputContribution), not the grids
 * or the full report. A candidate's provenance entries are the very objects listed in the
 * contribution's provenance (consolidation relies on it), which JSON would duplicate: they are stored
 * as indices into it and linked again when read back.
 */
import { contributionOf, type ContributionOptions, type InputContribution, type UnitCandidate } from '../../shared/consolidate/consolidate';
import type { ConsolidationInput, SummaryInput } from '../../shared/consolidate/types';

type StoredCandidate = Omit<UnitCandidate, 'entries'> & { entries: number[] };

export interface StoredContribution {
  candidates: StoredCandidate[];
  provenance: InputContribution['provenance'];
  issues: InputContribution['issues'];
  expectedLists: InputContribution['expectedLists'];
}

export function packContribution(c: InputContribution): StoredContribution {
  return {
    ...c,
    candidates: c.candidates.map((x) => ({ ...x, entries: x.entries.map((e) => c.provenance.indexOf(e)) })),
  };
}

export function unpackContribution(s: StoredContribution): InputContribution {
  return {
    ...s,
    candidates: s.candidates.map((x) => ({ ...x, entries: x.entries.filter((i) => i >= 0).map((i) => s.provenance[i]) })),
  };
}

/** One source's input → what the checkpoint stores. */
export function storedContribution(input: ConsolidationInput | SummaryInput, opts: ContributionOptions): StoredContribution {
  return packContribution(contributionOf(input, opts));
}
