/**
 * Finding a catalog row from its name alone, for workbooks whose code column was lost (rows copied
 * from last year's file, typed without diacritics, slightly reworded). Names are folded to
 * diacritic-free words, common abbreviations are spelled out, and candidates are scored by weighted
 * word overlap; a code is returned only when one candidate is clearly the best.
 */
import type { AreaCode, Catalog, CatalogIndicator, CatalogTask } from '../model';
import { foldKey } from '../text/normalize';

export interface CatalogIndex {
  indicators: Map<string, CatalogIndicator>;
  tasks: Map<string, CatalogTask>;
  areas: Map<AreaCode, { code: AreaCode; name: string }>;
}

/** The catalog's rows and areas by code. */
export function catalogIndex(catalog: Catalog): CatalogIndex {
  return {
    indicators: new Map(catalog.indicators.map((i) => [i.code, i])),
    tasks: new Map(catalog.tasks.map((t) => [t.code, t])),
    areas: new Map(catalog.areas.map((a) => [a.code, a])),
  };
}

// ---------------------------------------------------------------- words

/** Abbreviations plans use, spelled out so that "TTHC" meets "thủ tục hành chính". */
const ABBREVIATIONS: Record<string, string> = {
  tthc: 'thu tuc hanh chinh',
  cchc: 'cai cach hanh chinh',
  vbqppl: 'van ban quy pham phap luat',
  qppl: 'quy pham phap luat',
  dvc: 'dich vu cong',
  dvctt: 'dich vu cong truc tuyen',
  cbcc: 'can bo cong chuc',
  cbccvc: 'can bo cong chuc vien chuc',
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  pakn: 'phan anh kien nghi',
  sncl: 'su nghiep cong lap',
  cntt: 'cong nghe thong tin',
  cds: 'chuyen doi so',
  csdl: 'co so du lieu',
  nsnn: 'ngan sach nha nuoc',
  kh: 'ke hoach',
  bc: 'bao cao',
  hs: 'ho so',
  cb: 'can bo',
  cc: 'cong chuc',
  vc: 'vien chuc',
  wifi: 'wi fi',
};

/**
 * Folding merges sơ/số/sở into "so" and xã/xa into "xa": the phrases where they matter are joined
 * into one word first. Unit words (thị trấn, đặc khu, "UBND phường") go, so a thị trấn's, phường's or
 * đặc khu's copy matches the catalog's "xã".
 */
const JOINS: readonly [RegExp, string][] = [
  [/\bthi tran\b/g, ' '],
  [/\bdac khu\b/g, ' '],
  [/\b(uy ban nhan dan|cong an|hanh chinh cong|thuoc|cua) phuong\b/g, '$1'],
  [/\bxa hoi\b/g, 'xahoi'],
  [/\bho so\b/g, 'hoso'],
  [/\bco so\b/g, 'coso'],
  [/\bso hoa\b/g, 'sohoa'],
  [/\btruc tuyen\b/g, 'tructuyen'],
  [/\btuyen truyen\b/g, 'tuyentruyen'],
  [/\b(ky|quyen|doi|te|nang|lieu|xahoi) so\b/g, '$1 digital'],
];

/** Words that say nothing about which row is meant. */
const STOPWORDS = new Set([
  'cac', 'cua', 'va', 'trong', 'tren', 'duoc', 'theo', 'cho', 'voi', 'nhung', 'la', 'de', 'o', 'tai', 've',
  'nam', 'xa', 'so', 'da', 'khi', 'nay', 'neu', 'co',
]);

/** Folded content words of a name, abbreviations spelled out, numbers (years, counts) dropped. */
export function nameWords(text: string): string[] {
  let s = foldKey(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(' ');
  for (const [pattern, replacement] of JOINS) s = s.replace(pattern, replacement);
  return s.split(' ').filter((w) => w && !STOPWORDS.has(w) && !/^\d+$/.test(w));
}

// ---------------------------------------------------------------- scoring

interface Candidate {
  code: string;
  /** Word sets of the name and each alias. */
  forms: Set<string>[];
  keys: string[];
}

interface Matcher {
  candidates: Candidate[];
  weight: (word: string) => number;
  /** Words few rows use ("chữ ký số", "thanh toán"), as opposed to "tỷ lệ", "hồ sơ", "kế hoạch". */
  distinctive: (word: string) => boolean;
}

const matchers = new WeakMap<object, Matcher>();

function matcherFor(rows: readonly (CatalogIndicator | CatalogTask)[]): Matcher {
  const cached = matchers.get(rows);
  if (cached) return cached;
  const candidates: Candidate[] = rows.map((r) => {
    const texts = [r.name, ...(r.aliases ?? [])];
    return {
      code: r.code,
      forms: texts.map((t) => new Set(nameWords(t))),
      keys: texts.map((t) => nameWords(t).join(' ')),
    };
  });
  // Inverse document frequency over rows: "tỷ lệ", "hồ sơ" say little, "chữ ký số" says a lot.
  const df = new Map<string, number>();
  for (const c of candidates) {
    const seen = new Set<string>();
    for (const f of c.forms) for (const w of f) seen.add(w);
    for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const n = Math.max(1, candidates.length);
  // A word no row uses is most often a place name or a typo ("Bình Dương", "truyền"): it counts
  // against a match, but less than a word that names another row.
  const weight = (w: string) => {
    const d = df.get(w);
    return d === undefined ? UNKNOWN_WORD_WEIGHT : Math.max(0.1, Math.log((n + 1) / d));
  };
  const rare = Math.max(2, Math.ceil(n * 0.1));
  const distinctive = (w: string) => (df.get(w) ?? Infinity) <= rare;
  const m = { candidates, weight, distinctive };
  matchers.set(rows, m);
  return m;
}

interface Fit {
  /** Weighted Tversky similarity, 0…1. */
  score: number;
  /** Share of the catalog form's weight the name covers, 0…1. */
  coverage: number;
}

/**
 * How well a row name (query) fits one catalog form. A word of the name that the catalog row lacks
 * counts fully against it (the name speaks of something else); a catalog word the name lacks counts
 * half (names get shortened when copied).
 */
function fit(query: Set<string>, form: Set<string>, weight: (w: string) => number): Fit {
  let shared = 0;
  let queryOnly = 0;
  let formOnly = 0;
  for (const w of query) {
    if (form.has(w)) shared += weight(w);
    else queryOnly += weight(w);
  }
  for (const w of form) if (!query.has(w)) formOnly += weight(w);
  const denominator = shared + queryOnly + 0.5 * formOnly;
  return {
    score: denominator === 0 ? 0 : shared / denominator,
    coverage: shared + formOnly === 0 ? 0 : shared / (shared + formOnly),
  };
}

const UNKNOWN_WORD_WEIGHT = 1;

/** A match needs a score at least this high… */
const MIN_SCORE = 0.65;
/** …ahead of the runner-up by at least this much, sharing a distinctive word with the row. */
const MIN_MARGIN = 0.1;

export interface NameScore extends Fit {
  code: string;
}

/** Catalog rows ranked by how well their name (or an alias) fits, best first: for "did you mean…" lists. */
export function rankByName(rows: readonly (CatalogIndicator | CatalogTask)[], name: string, limit = 5): NameScore[] {
  const words = nameWords(name);
  if (words.length === 0) return [];
  const { candidates, weight } = matcherFor(rows);
  const query = new Set(words);
  return candidates
    .map((c) => {
      let best: Fit = { score: 0, coverage: 0 };
      for (const f of c.forms) {
        const x = fit(query, f, weight);
        if (x.score > best.score) best = x;
      }
      return { code: c.code, ...best };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

function bestMatch(rows: readonly (CatalogIndicator | CatalogTask)[], name: string): string | null {
  if (typeof name !== 'string') return null;
  const words = nameWords(name);
  if (words.length === 0) return null;
  const { candidates } = matcherFor(rows);
  const key = words.join(' ');
  const exact = candidates.filter((c) => c.keys.includes(key));
  if (exact.length === 1) return exact[0].code;
  if (exact.length > 1) return null;
  const [best, second] = rankByName(rows, name, 2);
  if (!best || best.score < MIN_SCORE) return null;
  if (second && best.score - second.score < MIN_MARGIN) return null;
  // Common words alone ("Tỷ lệ hồ sơ") do not say which row is meant.
  const { distinctive } = matcherFor(rows);
  const forms = candidates.find((c) => c.code === best.code)?.forms ?? [];
  if (!words.some((w) => distinctive(w) && forms.some((f) => f.has(w)))) return null;
  return best.code;
}

/** Code of the catalog indicator this name clearly means, or null when none or several fit. */
export function matchIndicatorByName(catalog: Catalog, name: string): string | null {
  return bestMatch(catalog.indicators, name);
}

/** Code of the catalog task this name clearly means, or null when none or several fit. */
export function matchTaskByName(catalog: Catalog, name: string): string | null {
  return bestMatch(catalog.tasks, name);
}
