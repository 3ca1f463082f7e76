/**
 * Streaming consolidation: one input at a time, or contributions computed elsewhere (a worker) and
 * handed over through structured clone, gives exactly the summary of consolidate(all inputs).
 */
import { consolidate, contributionOf, createConsolidation } from '../../shared/consolidate/consolidate';
import type { ConsolidateOptions, ConsolidationInput, SummaryInput } from '../../shared/consolidate/types';
import { ALL_EXPECTED, DISTRICT_1_EXPECTED, Q2_2025, district1Inputs, district2Inputs } from './fixtures';

const PROVINCE: ConsolidateOptions = { ...Q2_2025, consolidatingUnit: { name: 'Sở Nội vụ tỉnh Bình Định', level: 'tinh' }, expectedUnits: ALL_EXPECTED };
const DISTRICT_1: ConsolidateOptions = { ...Q2_2025, consolidatingUnit: { name: 'Phòng Nội vụ huyện Phù Mỹ', level: 'huyen' }, expectedUnits: DISTRICT_1_EXPECTED };

/** Every kind of input: duplicates, conflicting reports, a refused file, another period, and a lower summary. */
function mixedInputs(): (ConsolidationInput | SummaryInput)[] {
  const district1 = consolidate(district1Inputs(), DISTRICT_1);
  return [
    { source: { fileName: 'tong-hop-phu-my.xlsx', sha256: 'f'.repeat(64), receivedAt: '2025-06-24' }, summary: district1 },
    ...district2Inputs(),
    ...district1Inputs().slice(0, 3),
  ];
}

describe('createConsolidation', () => {
  it('adding the inputs one by one gives the summary of consolidate', () => {
    const expected = consolidate(mixedInputs(), PROVINCE);
    const c = createConsolidation(PROVINCE);
    for (const input of mixedInputs()) c.add(input);
    expect(c.finish()).toEqual(expected);
  });

  it('contributions made one by one and passed through structured clone give the same summary', () => {
    const expected = consolidate(mixedInputs(), PROVINCE);
    const c = createConsolidation(PROVINCE);
    for (const input of mixedInputs()) c.addContribution(structuredClone(contributionOf(input, PROVINCE)));
    const summary = c.finish();
    expect(summary).toEqual(expected);
    // Outcomes decided when finishing (duplicate, held out) reach the provenance through the clone.
    expect(summary.provenance.map((p) => p.outcome)).toEqual(expected.provenance.map((p) => p.outcome));
    expect(summary.provenance.some((p) => p.outcome === 'duplicate')).toBe(true);
    expect(summary.provenance.some((p) => p.outcome === 'held_out')).toBe(true);
  });

  it('a contribution keeps no report: only leaf records, provenance and issues', () => {
    const [first] = district1Inputs();
    const c = contributionOf(first, PROVINCE);
    expect(Object.keys(c).sort()).toEqual(['candidates', 'expectedLists', 'issues', 'provenance']);
    expect(c.candidates).toHaveLength(1);
    expect(c.candidates[0].entries[0]).toBe(c.provenance[0]);
    expect(JSON.stringify(c)).not.toContain('"row":');
  });

  it('does not modify the inputs, and refuses to be used after finishing', () => {
    const inputs = mixedInputs();
    const before = JSON.stringify(inputs);
    const c = createConsolidation(PROVINCE);
    for (const input of inputs) c.add(input);
    c.finish();
    expect(JSON.stringify(inputs)).toBe(before);
    expect(() => c.add(inputs[0])).toThrow();
    expect(() => c.finish()).toThrow();
  });
});
