import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { catalogCalendar } from '../../shared/catalog/calendar';
import { catalogForYear } from '../../shared/catalog/for-year';
import { CatalogSchema, parseCatalog } from '../../shared/catalog/schema';
import type { Catalog } from '../../shared/model';

describe('catalog schema', () => {
  it('accepts the built-in 2025 catalog unchanged (it is a value of the schema)', () => {
    const parsed = CatalogSchema.parse(CATALOG_2025);
    expect(parsed).toEqual(CATALOG_2025);
    expect(parsed.indicators).toHaveLength(CATALOG_2025.indicators.length);
    expect(parsed.calendar).toHaveLength(7);
  });

  it('survives JSON, as the hidden copy in a commune workbook does', () => {
    const back = parseCatalog(JSON.parse(JSON.stringify(CATALOG_2025)));
    expect(back.ok && back.value).toEqual(CATALOG_2025);
  });

  it('takes an area the built-in list does not know, and refuses a malformed code with its path', () => {
    const extra: Catalog = { ...CATALOG_2025, areas: [...CATALOG_2025.areas, { code: 'MTDL', name: 'Môi trường đầu tư' }] };
    expect(parseCatalog(extra).ok).toBe(true);
    const bad = { ...CATALOG_2025, areas: [{ code: 'mt-dl', name: 'x' }] };
    const r = parseCatalog(bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.paths).toEqual(['areas.0.code']);
  });

  it('refuses a calendar day that is neither a date nor a day of the month', () => {
    const bad = { ...CATALOG_2025, calendar: [{ period: 'Q1', cutoff: { dayOfLastMonth: 32 }, due: { date: '10/03/2025' } }] };
    const r = parseCatalog(bad);
    expect(!r.ok && r.paths.sort()).toEqual(['calendar.0.cutoff.dayOfLastMonth', 'calendar.0.due.date']);
  });
});

describe('catalogCalendar', () => {
  it('follows the national rule where the catalog is silent', () => {
    expect(catalogCalendar({ calendar: [] }, 'Q1', 2027)).toMatchObject({ cutoff: '2027-03-14', due: '2027-03-20', windowStart: '2026-12-15' });
    expect(catalogCalendar(CATALOG_2025, 'H1', 2025)).toMatchObject({ cutoff: '2025-06-14', due: '2025-06-20' });
  });

  it('takes fixed dates and days of the last month, clipped to the month', () => {
    const c = { calendar: [{ period: 'Q2' as const, cutoff: { date: '2027-06-10' }, due: { dayOfLastMonth: 31 } }] };
    expect(catalogCalendar(c, 'Q2', 2027)).toMatchObject({ cutoff: '2027-06-10', due: '2027-06-30' });
  });

  it('moves fixed dates with the plan year (29/02 to 28/02 in a common year)', () => {
    const c: Catalog = { ...CATALOG_2025, year: 2028, calendar: [{ period: 'Q1', cutoff: { date: '2028-02-29' }, due: { dayOfLastMonth: 20 } }] };
    const moved = catalogForYear(c, 2029);
    expect(moved.calendar).toEqual([{ period: 'Q1', cutoff: { date: '2029-02-28' }, due: { dayOfLastMonth: 20 } }]);
  });
});
