/**
 * The catalog for another plan year. A catalog is written for its own year ("Kế hoạch CCHC năm 2025",
 * "Trong năm 2025", "Báo cáo quý I: 15/3/2025"); a 2026 plan copies it with the years moved on, so
 * that its deadlines are 2026's and a fresh template does not start with last year's dates overdue.
 * Only the catalog's year and the year before it are moved ("so với năm 2024" → "so với năm 2025").
 */
import type { CalendarDay, Catalog, CatalogIndicator, CatalogTask } from '../model';

/** A fixed calendar day moved by whole years (29/02 to 28/02 of a common year). */
function moveDay(day: CalendarDay, shift: number): CalendarDay {
  if (!('date' in day)) return day;
  const y = Number(day.date.slice(0, 4)) + shift;
  const md = day.date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return { date: `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}` };
}

export function catalogForYear(catalog: Catalog, year: number): Catalog {
  const shift = year - catalog.year;
  if (shift === 0 || !Number.isInteger(year)) return catalog;
  // No lookbehind (the Excel pane runs in Internet Explorer 11 too): the character before is matched.
  const years = new RegExp(String.raw`(^|\D)(${catalog.year}|${catalog.year - 1})(?!\d)`, 'g');
  const move = (text: string) => text.replace(years, (_m, before: string, y: string) => `${before}${Number(y) + shift}`);
  const moveAll = (texts: string[] | undefined) => texts?.map(move);
  // The catalog's own wording stays an alias, so last year's copies still match by name.
  const aliases = <R extends CatalogIndicator | CatalogTask>(row: R, out: R): R => {
    const all = [...(row.aliases ?? []), ...(row.name === out.name ? [] : [row.name]), ...(moveAll(row.aliases) ?? [])];
    const unique = all.filter((a, k) => all.indexOf(a) === k && a !== out.name);
    if (unique.length > 0) out.aliases = unique;
    else delete out.aliases;
    return out;
  };
  const indicator = (i: CatalogIndicator): CatalogIndicator => aliases(i, { ...i, name: move(i.name), target: move(i.target) });
  const task = (t: CatalogTask): CatalogTask =>
    aliases(t, { ...t, name: move(t.name), deadline: move(t.deadline), note: move(t.note), product: move(t.product) });
  return {
    ...catalog,
    year,
    indicators: catalog.indicators.map(indicator),
    tasks: catalog.tasks.map(task),
    headings: catalog.headings?.map((h) => ({ ...h, name: move(h.name) })),
    calendar: catalog.calendar?.map((e) => ({ ...e, cutoff: moveDay(e.cutoff, shift), due: moveDay(e.due, shift) })),
  };
}
