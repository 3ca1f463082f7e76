import { packContribution, unpackContribution, type Templates } from '../../apps-script/src/checkpoint';
import { contributionOf } from '../../shared/consolidate/consolidate';
import { loadGas } from './fakes/gas';
import { addCommune, communes, expectedInput } from './helpers';

describe('the checkpoint of a source', () => {
  test('packs to a fraction of the contribution and unpacks to exactly it, entries linked to provenance again', () => {
    const gas = loadGas();
    const [a, b] = communes(2);
    const opts = { year: 2025, period: 'Q1' as const };
    const ca = contributionOf(expectedInput(a, addCommune(gas, a)), opts);
    const cb = contributionOf(expectedInput(b, addCommune(gas, { ...b })), opts);
    const templates: Templates = new Map();
    const addedA: [string, Record<string, unknown>][] = [];
    const addedB: [string, Record<string, unknown>][] = [];
    const pa = JSON.parse(JSON.stringify(packContribution(ca, templates, addedA)));
    const pb = JSON.parse(JSON.stringify(packContribution(cb, templates, addedB)));
    // The first source brings the plan's templates; the second, none: it stores its figures only.
    expect(addedA.length).toBeGreaterThan(90);
    expect(addedB).toEqual([]);
    expect(JSON.stringify(pb).length).toBeLessThan(JSON.stringify(cb).length / 2.5);
    const stored: Templates = new Map(JSON.parse(JSON.stringify([...templates])));
    for (const [packed, original] of [[pa, ca], [pb, cb]] as const) {
      const back = unpackContribution(packed, stored);
      expect(back).toEqual(original);
      expect(back.candidates[0].entries[0]).toBe(back.provenance[0]);
    }
  });
});
