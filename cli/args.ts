/**
 * A small argument reader: positional words and --flags (with "--flag value" or "--flag=value").
 * Each flag may have a Vietnamese spelling without diacritics and an English one.
 */
export interface ParsedArgs {
  command: string;
  positional: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const [command = 'help', ...rest] = argv;
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
      else if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) flags.set(a.slice(2), rest[++i]);
      else flags.set(a.slice(2), true);
    } else if (a === '-h') {
      flags.set('help', true);
    } else {
      positional.push(a);
    }
  }
  return { command, positional, flags };
}

/** The first of the given flag names that is set, as text. */
export function flag(args: ParsedArgs, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = args.flags.get(n);
    if (typeof v === 'string') return v;
    if (v === true) return '';
  }
  return undefined;
}

/** A mistake in how the command was called: shown as is, exit code 2. */
export class UsageError extends Error {}

/** The options each command reads (Vietnamese spelling first, then English), besides --help. */
export const KNOWN_FLAGS: Record<string, readonly string[]> = {
  template: ['don-vi', 'unit-name', 'ma', 'unit-code', 'loai', 'kind', 'nam', 'year', 'ky', 'period', 'ra', 'out', 'tong-hop', 'parent', 'cap', 'level',
    'ke-hoach', 'plan-number', 'ngay-ke-hoach', 'plan-date', 'chot-so-lieu', 'cutoff', 'nguoi-bao-cao', 'reporter', 'danh-muc', 'catalog'],
  nhap: ['don-vi', 'unit-name', 'ma', 'unit-code', 'loai', 'kind', 'nam', 'year', 'ky', 'period', 'ra', 'out', 'tong-hop', 'parent', 'cap', 'level',
    'ke-hoach', 'plan-number', 'ngay-ke-hoach', 'plan-date', 'chot-so-lieu', 'cutoff', 'nguoi-bao-cao', 'reporter', 'danh-muc', 'catalog'],
  validate: [],
  consolidate: ['nam', 'year', 'ky', 'period', 'ra', 'out', 'don-vi-tong-hop', 'consolidating-unit', 'cap', 'level', 'danh-sach', 'expected',
    'han', 'due', 'chot-so-lieu', 'cutoff', 'ngay-tong-hop', 'now', 'phan-hoi', 'feedback', 'danh-muc', 'catalog'],
  demo: ['thu-muc', 'dir'],
  'danh-muc': ['ra', 'out', 'tu', 'from', 'nam', 'year', 'thay-the', 'replaces'],
};

/** Edit distance (insertions, deletions, substitutions), for suggesting the option meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The known option closest to `typed` ("danhsach" → "danh-sach"), or null when none is close. */
export function closestFlag(typed: string, known: readonly string[]): string | null {
  const plain = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  let best: string | null = null;
  let bestScore = Infinity;
  for (const k of known) {
    const score = plain(k) === plain(typed) ? 0 : distance(typed.toLowerCase(), k);
    if (score < bestScore) { best = k; bestScore = score; }
  }
  return best !== null && bestScore <= Math.max(2, Math.floor(typed.length / 3)) ? best : null;
}

/**
 * Refuses an option the command does not read: a misspelt one (--danhsach) would otherwise be
 * ignored and the run go on without it. Names the closest known option.
 */
export function checkFlags(args: ParsedArgs): void {
  const known = KNOWN_FLAGS[args.command];
  if (!known) return;
  for (const name of args.flags.keys()) {
    if (name === 'help' || known.includes(name)) continue;
    const near = closestFlag(name, known);
    const list = known.filter((_, i) => i % 2 === 0);
    throw new UsageError(
      near
        ? `Lệnh ${args.command} không có tùy chọn --${name}. Có phải ý bạn là --${near}?`
        : `Lệnh ${args.command} không có tùy chọn --${name}.${list.length ? ` Các tùy chọn: ${list.map((k) => `--${k}`).join(', ')}.` : ' Lệnh này không nhận tùy chọn nào.'} Gõ "cchc help" để xem hướng dẫn.`,
    );
  }
}
