/**
 * Which catalog row an imported row is: by its code when it carries one, else by its folded name
 * among the catalog rows of its own reform area (the whole catalog when the plan prints no section
 * for it). A name match is taken only when the catalog's matcher finds one clear fit; a weaker or
 * tied fit is reported as a row to check and the row stays the unit's own — never forced.
 */
import { matchIndicatorByName, matchTaskByName, rankByName } from '../catalog/match';
import type { Catalog, CatalogIndicator, CatalogTask } from '../model';
import type { TableKind } from './header';

/**
 * Below this similarity a catalog row is not worth naming as a possible match. Measured on the
 * seeds' tables (test/import/seeds.test.ts): of the 26 rows they keep as their own, the five that
 * are the work of a catalog row worded otherwise (a typo, a place name, "Tiếp tục thực hiện…")
 * fit it at 0,42–0,76; the unrelated ones fit their nearest row at 0,09–0,39 (a row named twice
 * fits at 1,00 and stays its own all the same).
 */
export const SUGGEST_SCORE = 0.4;
/** A fit in another area than the plan's section is taken only this close (measured on seed 001). */
export const SURE_ELSEWHERE = 0.8;
/** Two candidates closer than this are a tie: the row is reported with both. */
export const TIE_MARGIN = 0.1;

export interface Candidate {
  code: string;
  name: string;
  /** Similarity 0…1. */
  score: number;
}

export type RowMatch =
  | { how: 'code'; code: string }
  /** `elsewhere`: the plan prints the row under another area than the catalog's (a clear, close fit only). */
  | { how: 'name'; code: string; name: string; score: number; elsewhere?: boolean }
  /** No clear catalog row: the unit's own; candidates to check, best first (two or more for a tie). */
  | { how: 'own'; candidates: Candidate[]; tie: boolean };

type CatalogRow = CatalogIndicator | CatalogTask;

/** Matching over one catalog; area subsets are made once, so the matcher's word weights are too. */
export class CatalogMatcher {
  private readonly subsets = new Map<string, Catalog>();

  constructor(readonly catalog: Catalog) {}

  rows(kind: TableKind): readonly CatalogRow[] {
    return kind === 'indicator' ? this.catalog.indicators : this.catalog.tasks;
  }

  /** The catalog restricted to some areas (all when none given). */
  private subset(areas: readonly string[]): Catalog {
    if (areas.length === 0) return this.catalog;
    const key = [...areas].sort().join('+');
    let c = this.subsets.get(key);
    if (!c) {
      const inAreas = (r: CatalogRow) => areas.includes(String(r.area));
      c = { ...this.catalog, indicators: this.catalog.indicators.filter(inAreas), tasks: this.catalog.tasks.filter(inAreas) };
      this.subsets.set(key, c);
    }
    return c;
  }

  byCode(kind: TableKind, code: string): CatalogRow | undefined {
    return this.rows(kind).find((r) => r.code === code);
  }

  match(kind: TableKind, code: string, name: string, areas: readonly string[]): RowMatch {
    const typed = code.trim();
    if (typed && this.byCode(kind, typed)) return { how: 'code', code: typed };
    const scope = this.subset(areas);
    const rows = kind === 'indicator' ? scope.indicators : scope.tasks;
    const ranked = rankByName(rows, name, 3);
    const found = kind === 'indicator' ? matchIndicatorByName(scope, name) : matchTaskByName(scope, name);
    if (found) return { how: 'name', code: found, name: this.byCode(kind, found)?.name ?? '', score: ranked.find((r) => r.code === found)?.score ?? 1 };
    // Weak or tied fits, and a clear fit in another area, are shown to the user, not taken.
    const candidates: Candidate[] = ranked
      .filter((r) => r.score >= SUGGEST_SCORE)
      .map((r) => ({ code: r.code, name: this.byCode(kind, r.code)?.name ?? '', score: r.score }));
    if (areas.length > 0) {
      // Plans group rows their own way ("Ban hành kế hoạch CCHC" under Tổ chức bộ máy): a clear and
      // close fit in another area is the same row; a looser one is only shown.
      const elsewhere = kind === 'indicator' ? matchIndicatorByName(this.catalog, name) : matchTaskByName(this.catalog, name);
      const row = elsewhere ? this.byCode(kind, elsewhere) : undefined;
      if (row) {
        const score = rankByName(this.rows(kind), name, 1)[0]?.score ?? 0;
        if (score >= SURE_ELSEWHERE) return { how: 'name', code: row.code, name: row.name, score, elsewhere: true };
        if (!candidates.some((c) => c.code === row.code)) candidates.unshift({ code: row.code, name: row.name, score });
      }
    }
    const tie = candidates.length >= 2 && candidates[0].score - candidates[1].score < TIE_MARGIN;
    return { how: 'own', candidates: tie ? candidates.filter((c) => candidates[0].score - c.score < TIE_MARGIN) : candidates.slice(0, 1), tie };
  }
}
