/**
 * Microsoft's own Excel runtime (node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js, the
 * Office.js that Excel on the web loads) run in Node, to measure what the add-in sends. With a small
 * window stubbed and `OfficeExtension.HttpUtility.sendRequest` answered here, `new
 * Excel.RequestContext(url)` queues real proxy objects and each `sync()` hands over the exact JSON
 * body Excel on the web would receive. The answer is an empty result list: enough for writes; loads
 * are answered by the fake that runs alongside (mirror.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runInContext, createContext } from 'node:vm';

export interface OfficeRuntime {
  /** A new real request context whose request bodies' UTF-8 sizes are appended to `requests`. */
  context(requests: number[]): Excel.RequestContext;
}

let loaded: { Excel: { RequestContext: new (url: string) => Excel.RequestContext }; hook: { sink: number[] | null } } | null = null;

function runtimePath(): string {
  const req = createRequire(join(process.cwd(), 'package.json'));
  return join(req.resolve('@microsoft/office-js/package.json'), '..', 'dist', 'excel-web-16.00.debug.js');
}

/** Loads the runtime once per process. */
export function officeRuntime(): OfficeRuntime {
  if (!loaded) {
    const win: Record<string, unknown> = {
      location: { href: 'https://localhost/taskpane.html', protocol: 'https:', hostname: 'localhost', search: '', hash: '' },
      navigator: { userAgent: 'Mozilla/5.0 (Windows NT 10.0) Node' },
      document: { getElementsByTagName: () => [], createElement: () => ({}), addEventListener() {}, readyState: 'complete' },
      addEventListener() {},
      removeEventListener() {},
      setTimeout,
      clearTimeout,
      console: { log() {}, warn() {}, error() {}, info() {} },
    };
    win.window = win;
    win.self = win;
    createContext(win);
    runInContext(readFileSync(runtimePath(), 'utf8'), win, { filename: 'excel-web-16.00.debug.js' });
    const hook: { sink: number[] | null } = { sink: null };
    const OE = win.OfficeExtension as { HttpUtility: { sendRequest: (req: { body: unknown }) => Promise<unknown> } };
    OE.HttpUtility.sendRequest = (req) => {
      const body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
      hook.sink?.push(Buffer.byteLength(body, 'utf8'));
      return Promise.resolve({ statusCode: 200, headers: {}, body: JSON.stringify({ Results: [] }) });
    };
    loaded = { Excel: win.Excel as never, hook };
  }
  const { Excel: X, hook } = loaded;
  return {
    context(requests) {
      const ctx = new X.RequestContext('https://localhost/excel');
      const sync = ctx.sync.bind(ctx);
      // Each context records into its own list while its sync runs.
      (ctx as { sync: () => Promise<void> }).sync = async () => {
        hook.sink = requests;
        try {
          await sync();
        } finally {
          hook.sink = null;
        }
      };
      return ctx;
    },
  };
}
