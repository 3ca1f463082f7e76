/**
 * The host side for running the built pane in duk (a real ES5 engine, like Internet Explorer 11's):
 * the in-memory Excel fake as the `Office` and `Excel` globals, and the little of the DOM the pane
 * touches. Built with the same ES5 pipeline as the pane (addin/build.mjs buildEs5), so the fake too
 * runs on ES5 with core-js. Timers and microtasks are queued and run by `__drain()`.
 *
 * What IE 11 has and duk lacks is stubbed to IE 11's behaviour: `Intl.Collator` (IE 11 has it) as a
 * plain code-point comparison, `window.location`, `localStorage`. Nothing here adds what IE 11 lacks.
 */
import { FakeWorkbook } from '../fake-excel';

interface Listener {
  type: string;
  fn: (e: unknown) => void;
}

export interface ElementSpec {
  id: string;
  tag: string;
  value?: string;
}

const g = Function('return this')() as Record<string, unknown>;

// ---------------------------------------------------------------- timers and microtasks

const tasks: { at: number; fn: () => void; id: number }[] = [];
const micro: (() => void)[] = [];
let clock = 0;
let nextId = 1;
g.setTimeout = (fn: () => void, ms?: number) => {
  const id = nextId++;
  tasks.push({ at: clock + (ms ?? 0), fn, id });
  return id;
};
g.clearTimeout = (id: number) => {
  const i = tasks.findIndex((t) => t.id === id);
  if (i >= 0) tasks.splice(i, 1);
};
g.queueMicrotask = (fn: () => void) => void micro.push(fn);
/** Runs queued work (timers in time order) until nothing is left or `limit` steps passed. */
g.__drain = (limit = 100000) => {
  for (let step = 0; step < limit; step++) {
    if (micro.length) {
      micro.shift()!();
      continue;
    }
    if (!tasks.length) return step;
    tasks.sort((a, b) => a.at - b.at || a.id - b.id);
    const t = tasks.shift()!;
    clock = Math.max(clock, t.at);
    t.fn();
  }
  throw new Error('work never settled');
};

// ---------------------------------------------------------------- a DOM just large enough

class Node {
  nodeType = 1;
  parentNode: Node | null = null;
  childNodes: Node[] = [];
  ownerDocument: unknown = null;
  private text = '';
  get firstChild(): Node | null {
    return this.childNodes[0] ?? null;
  }
  appendChild(c: Node): Node {
    c.parentNode = this;
    this.childNodes.push(c);
    return c;
  }
  removeChild(c: Node): Node {
    this.childNodes.splice(this.childNodes.indexOf(c), 1);
    c.parentNode = null;
    return c;
  }
  get textContent(): string {
    return this.nodeType === 3 ? this.text : this.childNodes.map((c) => c.textContent).join('');
  }
  set textContent(v: string) {
    if (this.nodeType === 3) this.text = v;
    else {
      this.childNodes = [];
      if (v !== '') {
        const t = new Node();
        t.nodeType = 3;
        t.text = v;
        this.appendChild(t);
      }
    }
  }
}

class Element extends Node {
  id = '';
  className = '';
  value = '';
  checked = false;
  disabled = false;
  hidden = false;
  max = 0;
  files: unknown = null;
  dataset: Record<string, string> = {};
  style: Record<string, string> = {};
  title = '';
  type = '';
  private listeners: Listener[] = [];
  constructor(readonly tagName: string) {
    super();
  }
  addEventListener(type: string, fn: (e: unknown) => void): void {
    this.listeners.push({ type, fn });
  }
  removeEventListener(type: string, fn: (e: unknown) => void): void {
    this.listeners = this.listeners.filter((l) => l.type !== type || l.fn !== fn);
  }
  dispatch(type: string): void {
    for (const l of this.listeners.slice()) if (l.type === type) l.fn({ type, target: this, preventDefault() {} });
  }
  click(): void {
    this.dispatch('click');
  }
  setAttribute(name: string, v: string): void {
    (this as unknown as Record<string, string>)[name] = v;
  }
  focus(): void {
    (g.document as { activeElement: unknown }).activeElement = this;
  }
  scrollIntoView(): void {}
  querySelectorAll(): Element[] {
    return [];
  }
}

export function installDom(specs: ElementSpec[], search: string): void {
  const byId: Record<string, Element> = {};
  const doc = {
    activeElement: null as unknown,
    getElementById: (id: string) => byId[id] ?? null,
    createElement: (tag: string) => {
      const e = new Element(tag.toUpperCase());
      e.ownerDocument = doc;
      return e;
    },
    createTextNode: (text: string) => {
      const t = new Node();
      t.nodeType = 3;
      t.textContent = text;
      t.ownerDocument = doc;
      return t;
    },
    addEventListener() {},
  };
  for (const s of specs) {
    const e = doc.createElement(s.tag);
    e.id = s.id;
    e.value = s.value ?? '';
    if (s.id === 'auto-check') e.checked = true;
    byId[s.id] = e;
  }
  const storage: Record<string, string> = {};
  g.document = doc;
  g.window = g;
  g.location = { search, href: `https://localhost:3000/taskpane.html${search}` };
  g.navigator = { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko' };
  g.localStorage = {
    getItem: (k: string) => (k in storage ? storage[k] : null),
    setItem: (k: string, v: string) => void (storage[k] = String(v)),
    removeItem: (k: string) => void delete storage[k],
  };
  g.console = { log() {}, error() {}, warn() {}, info() {} };
  if (!g.Intl) {
    const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    g.Intl = {
      Collator: function Collator() {
        return { compare };
      },
    };
  }
  g.__el = (id: string) => byId[id];
  // Internet Explorer 11 has FileReader but no Blob.arrayBuffer: picked files here are read the IE way.
  g.FileReader = function FileReader(this: { result: unknown; onload: (() => void) | null; onerror: (() => void) | null; readAsArrayBuffer(b: { bytes: number[] }): void }) {
    this.result = null;
    this.onload = null;
    this.onerror = null;
    this.readAsArrayBuffer = (blob: { bytes: number[] }) => {
      (g.setTimeout as (fn: () => void, ms: number) => void)(() => {
        this.result = new Uint8Array(blob.bytes).buffer;
        this.onload?.();
      }, 0);
    };
  };
}

export function installExcel(sheetNames: string[]): FakeWorkbook {
  const book = new FakeWorkbook(sheetNames);
  const { Office, Excel } = book.globals();
  g.Office = Office;
  g.Excel = Excel;
  g.__book = book;
  return book;
}

g.__installDom = installDom;
g.__installExcel = installExcel;
