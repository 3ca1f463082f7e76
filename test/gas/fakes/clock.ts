/**
 * A clock the script's `Date` reads: `new Date()` and `Date.now()` inside the sandbox return
 * `clock.now`, which tests set and which fake services advance (e.g. opening a spreadsheet takes
 * time). The class extends the test realm's Date, so dates cross between test and sandbox intact.
 */
export interface Clock {
  now: number;
}

export function makeDateClass(clock: Clock): DateConstructor {
  class FakeDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.now);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return clock.now;
    }
  }
  return FakeDate as unknown as DateConstructor;
}
