/**
 * Parsers never throw: they return a value or a reason. `reason` is Vietnamese, shown to users;
 * `code` is stable, for tests and for hosts that want to group problems.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; reason: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T = never>(code: string, reason: string): Parsed<T> => ({ ok: false, code, reason });
