/**
 * Damaged copies of the demo's workbooks (byte flips inside stored and deflated parts, tag deletions,
 * lexical changes of numbers and indexes): none may be read with a changed value. A mutant is either
 * refused, or read exactly as the original: the lexical changes made are either illegal (refused) or
 * another legal spelling of the same value (same value), so any other difference is a damaged file read
 * wrong. Every mutant is read by both decoding paths (the command line's zlib, Latin-1 copy and native
 * checks; the browser's fflate and UTF-8), which must agree; and by the command line reading every sheet
 * in pieces, as it reads large ones, which must give the same outcome, message for message.
 * MUTANTS=10000 npx jest test/io/mutation prints the counts for a larger run.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { NODE_XLSX_CODECS } from '../../cli/codecs';
import { writeDemoInputs } from '../../cli/demo';
import { readXlsxValues, type ReadXlsxOptions } from '../../io/xlsx/read-values';

const MUTANTS = Number(process.env.MUTANTS ?? 600);

/** mulberry32: a failure can be replayed from its seed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a reading gives, as text: refused (with its code, and its message when `reason`) or the values of every sheet. */
function outcome(bytes: Uint8Array, opts: ReadXlsxOptions, reason = false): { ok: boolean; text: string } {
  const r = readXlsxValues(bytes, opts);
  if (!r.ok) return { ok: false, text: reason ? `${r.code}: ${r.reason}` : r.code };
  return { ok: true, text: JSON.stringify({ date1904: r.value.date1904, sheets: r.value.sheets.map((s) => [s.name, s.hidden, s.grid]) }) };
}

const PATHS: [string, ReadXlsxOptions][] = [
  ['command line', { ...NODE_XLSX_CODECS }],
  ['browser', {}],
];
/** The command line reading every sheet piece by piece, as it reads large ones: the same outcome, message for message. */
const IN_PIECES: ReadXlsxOptions = { ...NODE_XLSX_CODECS, streamPartBytes: 0 };

/** The parts whose text the reader reads. */
const READ_PARTS = /^(xl\/worksheets\/sheet\d+\.xml|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|_rels\/\.rels)$/;

/** Where each entry's data lies in a package (local header parsed). */
function dataRanges(zip: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let p = 0; p + 30 <= zip.length && view.getUint32(p, true) === 0x04034b50; ) {
    const size = view.getUint32(p + 18, true);
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    out.push([start, start + size]);
    p = start + size;
  }
  return out;
}

type Mutate = (files: Record<string, Uint8Array>, rnd: () => number) => Uint8Array | null;

const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)];

/** Every value of a number or index read by the reader: `<v>` contents with their cell's type. */
function values(xml: string): { at: number; end: number; text: string; shared: boolean; formula: boolean }[] {
  const out: { at: number; end: number; text: string; shared: boolean; formula: boolean }[] = [];
  const re = /<c ([^>]*?)(\/?)>(?:<f[^>]*?(?:\/>|>[^<]*<\/f>))?<v>([^<]*)<\/v>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const type = /\bt="([^"]*)"/.exec(m[1])?.[1] ?? 'n';
    if (m[2] || (type !== 'n' && type !== 's')) continue;
    const end = m.index + m[0].length - 4;
    out.push({ at: end - m[3].length, end, text: m[3], shared: type === 's', formula: m[0].includes('<f') });
  }
  return out;
}

/**
 * Spellings of the same value (XML Schema forms) and spellings that are no value at all. (An empty
 * `<v></v>` after a formula is legal, a formula saved without its result, so it is not made there.)
 */
function respell(v: { text: string; shared: boolean; formula: boolean }, rnd: () => number): string {
  const same = v.shared
    ? [`0${v.text}`, ` ${v.text} `]
    : [`0${v.text}`, `${v.text}e0`, `+${v.text}`, v.text.includes('.') || /e/i.test(v.text) ? `${v.text}E0` : `${v.text}.0`];
  const illegal = v.shared
    ? [`${v.text}e0`, `${v.text}.0`, `+${v.text}`, `0x${v.text}`, '', ' ', `${v.text}x`, `-${v.text}`]
    : [v.formula ? '-' : '', ' ', `0x${v.text}`, 'Infinity', 'NaN', '1e999', v.text.replace('.', ','), `${v.text}x`, `${v.text} 1`, `${v.text}.5.5`];
  return rnd() < 0.3 ? pick(same, rnd) : pick(illegal, rnd);
}

const rezip = (files: Record<string, Uint8Array>, name: string, text: string): Uint8Array =>
  zipSync({ ...files, [name]: strToU8(text) } as Zippable);

const mutations: Record<string, Mutate> = {
  'byte flip, deflated part': (files, rnd) => {
    const zip = zipSync(files as Zippable, { level: 6 });
    const ranges = dataRanges(zip).filter(([a, b]) => b > a);
    const [a, b] = pick(ranges, rnd);
    const out = zip.slice();
    out[a + Math.floor(rnd() * (b - a))] ^= 1 << Math.floor(rnd() * 8);
    return out;
  },
  'byte flip, stored part': (files, rnd) => {
    const zip = zipSync(files as Zippable, { level: 0 });
    const ranges = dataRanges(zip).filter(([a, b]) => b > a);
    const [a, b] = pick(ranges, rnd);
    const out = zip.slice();
    const at = a + Math.floor(rnd() * (b - a));
    // Often a digit turned into another digit: still a number, only the CRC can tell.
    out[at] = out[at] >= 48 && out[at] <= 57 && rnd() < 0.7 ? 48 + ((out[at] - 48 + 1 + Math.floor(rnd() * 9)) % 10) : out[at] ^ (1 << Math.floor(rnd() * 8));
    return out;
  },
  'byte flip, anywhere': (files, rnd) => {
    const zip = zipSync(files as Zippable, { level: rnd() < 0.5 ? 0 : 6 });
    const out = zip.slice();
    out[Math.floor(rnd() * out.length)] ^= 1 << Math.floor(rnd() * 8);
    return out;
  },
  'tag deleted': (files, rnd) => {
    const name = pick(Object.keys(files).filter((n) => READ_PARTS.test(n)), rnd);
    const xml = strFromU8(files[name]);
    const tags = [...xml.matchAll(/<[^<>]+>/g)].filter((m) => !m[0].startsWith('<?'));
    if (tags.length === 0) return null;
    const m = pick(tags, rnd);
    return rezip(files, name, xml.slice(0, m.index) + xml.slice(m.index! + m[0].length));
  },
  'number or index respelt': (files, rnd) => {
    const name = pick(Object.keys(files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)), rnd);
    const xml = strFromU8(files[name]);
    const vs = values(xml);
    if (vs.length === 0) return null;
    const v = pick(vs, rnd);
    return rezip(files, name, xml.slice(0, v.at) + respell(v, rnd) + xml.slice(v.end));
  },
};

describe('damaged copies of the demo workbooks', () => {
  let folder = '';
  let originals: { name: string; files: Record<string, Uint8Array>; text: string }[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'cchc-mutants-'));
    const demo = await writeDemoInputs(folder);
    originals = readdirSync(demo.reportsFolder)
      .filter((n) => n.endsWith('.xlsx'))
      .map((n) => readFileSync(join(demo.reportsFolder, n)))
      .filter((b) => b[0] === 0x50)
      .map((b, i) => {
        const bytes = new Uint8Array(b);
        const read = outcome(bytes, PATHS[0][1]);
        if (!read.ok) throw new Error(`demo workbook ${i} refused: ${read.text}`);
        return { name: String(i), files: unzipSync(bytes), text: read.text };
      });
  }, 60_000);

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it(`no mutant is accepted with a changed value, and both decoding paths agree, sheets read whole or in pieces (${MUTANTS} mutants)`, () => {
    expect(originals.length).toBeGreaterThanOrEqual(10);
    const rnd = random(20251207);
    const counts: Record<string, { made: number; refused: number; same: number; changed: number }> = {};
    const changed: string[] = [];
    const disagreements: string[] = [];
    const kinds = Object.keys(mutations);
    for (let n = 0; n < MUTANTS; n++) {
      const kind = kinds[n % kinds.length];
      const original = pick(originals, rnd);
      const bytes = mutations[kind](original.files, rnd);
      if (bytes === null) continue;
      const c = (counts[kind] ??= { made: 0, refused: 0, same: 0, changed: 0 });
      c.made++;
      const [line, browser] = PATHS.map(([, opts]) => outcome(bytes, opts));
      if (line.ok !== browser.ok || (line.ok && line.text !== browser.text)) disagreements.push(`${kind} #${n}: ${line.text.slice(0, 40)} / ${browser.text.slice(0, 40)}`);
      const whole = outcome(bytes, PATHS[0][1], true);
      const pieces = outcome(bytes, IN_PIECES, true);
      if (pieces.text !== whole.text) disagreements.push(`${kind} #${n} in pieces: ${whole.text.slice(0, 120)} / ${pieces.text.slice(0, 120)}`);
      if (!line.ok) c.refused++;
      else if (line.text === original.text) c.same++;
      else {
        c.changed++;
        changed.push(`${kind} #${n}`);
      }
    }
    const total = Object.values(counts).reduce((a, c) => ({ made: a.made + c.made, refused: a.refused + c.refused, same: a.same + c.same, changed: a.changed + c.changed }), { made: 0, refused: 0, same: 0, changed: 0 });
    // eslint-disable-next-line no-console
    console.log(['mutants: made / refused / read the same / read changed', ...Object.entries({ ...counts, total }).map(([k, c]) => `${k}: ${c.made} / ${c.refused} / ${c.same} / ${c.changed}`)].join('\n'));
    expect(changed).toEqual([]);
    expect(disagreements).toEqual([]);
    // The mutations do damage: most are refused, not passed over.
    expect(total.refused).toBeGreaterThan(total.made / 2);
  }, 600_000);
});
