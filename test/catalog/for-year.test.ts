import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { catalogForYear } from '../../shared/catalog/for-year';
import { matchTaskByName } from '../../shared/catalog/match';
import { parseDeadline } from '../../shared/parse/deadline';

describe('the catalog for a 2026 plan', () => {
  const c2026 = catalogForYear(CATALOG_2025, 2026);

  test('its deadlines and names say 2026, and read as 2026 dates', () => {
    expect(c2026.year).toBe(2026);
    const texts = [...c2026.tasks.map((t) => `${t.name} ${t.deadline} ${t.note}`), ...c2026.indicators.map((i) => `${i.name} ${i.target}`)];
    expect(texts.filter((t) => /(?<!\d)2025(?!\d)/.test(t))).toEqual([]);
    const dues = c2026.tasks.flatMap((t) => {
      const r = parseDeadline(t.deadline, 2026);
      if (!r.ok) throw new Error(`${t.code}: ${r.reason}`);
      return r.value.milestones.map((m) => m.due);
    });
    expect(dues.filter((d) => d < '2026-01-01')).toEqual([]);
    const by = (code: string) => c2026.tasks.find((t) => t.code === code)!.deadline;
    const moved = CATALOG_2025.tasks.filter((t) => t.deadline.includes('Trong năm 2025')).map((t) => t.code);
    expect(moved.length).toBeGreaterThan(0);
    for (const code of moved) expect(by(code)).toContain('Trong năm 2026');
  });

  test('the codes, kinds and order are the catalog’s; the 2025 wording still matches by name', () => {
    expect(c2026.tasks.map((t) => t.code)).toEqual(CATALOG_2025.tasks.map((t) => t.code));
    expect(c2026.indicators.map((i) => [i.code, i.kind])).toEqual(CATALOG_2025.indicators.map((i) => [i.code, i.kind]));
    for (const t of CATALOG_2025.tasks) expect([t.code, matchTaskByName(c2026, t.name)]).toEqual([t.code, matchTaskByName(CATALOG_2025, t.name)]);
  });

  test('the catalog’s own year gives the catalog itself', () => expect(catalogForYear(CATALOG_2025, 2025)).toBe(CATALOG_2025));
});
