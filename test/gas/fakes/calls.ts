/**
 * Every call the script makes on a fake service object is logged with the object's owner (a
 * spreadsheet id, a Drive file id, or a service name), so tests can count calls per spreadsheet.
 */
export interface CallEntry {
  owner: string;
  method: string;
}

export class CallLog {
  readonly entries: CallEntry[] = [];
  /** Called on every service call (the meter: it charges the clock and enforces the time limit). */
  onCall: ((owner: string, method: string, cells: number) => void) | null = null;
  /** `cells`: how many cells the call reads or writes (a range's size), 0 when none. */
  add(owner: string, method: string, cells = 0): void {
    this.entries.push({ owner, method });
    this.onCall?.(owner, method, cells);
  }
  countFor(owner: string): number {
    return this.entries.filter((e) => e.owner === owner).length;
  }
  methodsFor(owner: string): string[] {
    return this.entries.filter((e) => e.owner === owner).map((e) => e.method);
  }
  clear(): void {
    this.entries.length = 0;
  }
}

/**
 * Wraps a fake so every public method call is logged. Members starting with '_' are the fakes'
 * own plumbing (not part of the Apps Script API) and are not counted.
 */
export function counted<T extends object>(target: T, owner: () => string, log: CallLog): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const v = Reflect.get(t, prop, receiver);
      if (typeof v !== 'function' || typeof prop !== 'string' || prop.startsWith('_') || prop === 'constructor') {
        return v;
      }
      return (...args: unknown[]) => {
        const box = (t as { _box?: { rows: number; cols: number } })._box;
        log.add(owner(), prop, box ? box.rows * box.cols : 0);
        return (v as (...a: unknown[]) => unknown).apply(t, args);
      };
    },
  });
}

/**
 * The fakes' shape: the Apps Script member names they implement, with Apps Script's parameter
 * types (last overload) so a fake cannot drift from the real signature; return types are the fakes'.
 */
export type Shape<T> = {
  [K in keyof T]?: T[K] extends (...args: infer A) => unknown ? (...args: A) => unknown : T[K];
};
