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
