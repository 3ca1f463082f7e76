/**
 * A request context that drives two at once: the Excel fake (test/addin/fake-excel.ts), which holds
 * the workbook and answers every read, and Office.js's real runtime (office-runtime.ts), which
 * builds the request Excel on the web would receive for the same calls. Every call, property write
 * and sync goes to both; reads come from the fake. So a command runs unchanged and each of its
 * syncs is measured in bytes as Office.js serialises it, and any property or method the add-in uses
 * that Office.js lacks shows up as an error in `mismatches`.
 */
import type { FakeRequestContext } from '../../test/addin/fake-excel';
import { officeRuntime } from './office-runtime';

export interface MirroredSync {
  /** Request body bytes as Office.js serialised them (0 when nothing was queued). */
  request: number;
  /** Response bytes as the fake computed them for the loads of this sync. */
  response: number;
  /** The fake's own estimate of the request (what its request limit is checked against). */
  fakeRequest: number;
}

export interface Mirror {
  context: Excel.RequestContext;
  syncs: MirroredSync[];
  /** Calls Office.js's runtime refused or does not have (should stay empty). */
  mismatches: string[];
}

const PAIR = Symbol('pair');
type Pair = { fake: unknown; real: unknown };

function isObject(x: unknown): x is Record<string | symbol, unknown> {
  return typeof x === 'object' && x !== null;
}

export function mirrorContext(fake: FakeRequestContext): Mirror {
  const requests: number[] = [];
  const real = officeRuntime().context(requests);
  const syncs: MirroredSync[] = [];
  const mismatches: string[] = [];

  const unwrap = (v: unknown, side: 'fake' | 'real'): unknown => {
    const pair = isObject(v) ? (v[PAIR] as Pair | undefined) : undefined;
    if (pair) return pair[side];
    if (Array.isArray(v)) return v.map((x) => unwrap(x, side));
    return v;
  };

  const wrap = (f: unknown, r: unknown, path: string): unknown => {
    if (!isObject(f) || Array.isArray(f)) return f;
    return new Proxy(f, {
      get(target, prop) {
        if (prop === PAIR) return { fake: target, real: r };
        if (prop === 'sync' && path === 'context') {
          return async () => {
            const before = requests.length;
            try {
              await (r as { sync(): Promise<void> }).sync();
            } catch {
              // Loads get no answer from the stub; what matters is the request already measured.
            }
            const responseBefore = fake.responseBytes;
            const estimatesBefore = fake.requestBytes.length;
            await fake.sync();
            syncs.push({
              request: requests.slice(before).reduce((a, b) => a + b, 0),
              response: fake.responseBytes - responseBefore,
              fakeRequest: fake.requestBytes.slice(estimatesBefore).reduce((a, b) => a + b, 0),
            });
          };
        }
        const fv = Reflect.get(target, prop, target);
        if (typeof prop === 'symbol') return fv;
        let rv: unknown;
        try {
          rv = isObject(r) ? (r as Record<string, unknown>)[prop] : undefined;
        } catch {
          rv = undefined; // e.g. a real property not loaded: only the fake answers reads
        }
        if (typeof fv === 'function') {
          return (...args: unknown[]) => {
            const out = (fv as (...a: unknown[]) => unknown).apply(target, args.map((a) => unwrap(a, 'fake')));
            let realOut: unknown;
            if (typeof rv === 'function') {
              try {
                realOut = (rv as (...a: unknown[]) => unknown).apply(r, args.map((a) => unwrap(a, 'real')));
              } catch (e) {
                mismatches.push(`${path}.${prop}(): ${(e as Error).message}`);
              }
            } else if (isObject(r)) mismatches.push(`${path}.${prop}() does not exist in Office.js`);
            if (out instanceof Promise) return out;
            return wrap(out, realOut, `${path}.${prop}()`);
          };
        }
        return wrap(fv, rv, `${path}.${prop}`);
      },
      set(target, prop, value) {
        Reflect.set(target, prop, unwrap(value, 'fake'), target);
        if (isObject(r) && typeof prop === 'string') {
          try {
            if (!(prop in r)) mismatches.push(`${path}.${prop} is not a property in Office.js`);
            else (r as Record<string, unknown>)[prop] = unwrap(value, 'real');
          } catch (e) {
            mismatches.push(`${path}.${prop} = …: ${(e as Error).message}`);
          }
        }
        return true;
      },
    });
  };

  return { context: wrap(fake, real, 'context') as Excel.RequestContext, syncs, mismatches };
}
