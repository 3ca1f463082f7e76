/**
 * A worksheet part read piece by piece (SheetScan, for large parts) gives exactly what the part read
 * whole gives: the same values, merged ranges, formulas without value and error cells, or the same
 * refusal with the same reason and cell, wherever the pieces are cut. Checked on sheets of every form
 * the scanner reads, whole and randomly damaged (characters deleted, repeated or inserted), each cut
 * at random places, down to one character a piece.
 */
import { readSheetXml, RESTART, SheetScan, type SheetContext, type SheetProblem, type SheetValues } from '../../io/xlsx/sheet';

/** mulberry32: a failure can be replayed from its seed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)];

const context = (): SheetContext => ({
  sharedStrings: ['không', 'một', ''],
  tooLongStrings: new Set([2]),
  dateStyles: [false, true],
  styleCount: 2,
  date1904: false,
  cellBudget: { remaining: 5_000_000 },
});

/** The sheet read in pieces cut at `cuts` (positions in it), restarted carefully when the scan asks. */
function readInPieces(xml: string, cuts: number[]): SheetValues | SheetProblem {
  for (const careful of [false, true]) {
    const scan = new SheetScan(context(), careful);
    let out: ReturnType<SheetScan['push']> = null;
    let from = 0;
    for (const cut of [...cuts, xml.length]) {
      const last = cut === xml.length;
      out = scan.push(xml.slice(from, cut), last);
      from = cut;
      if (out !== null || last) break;
    }
    if (out !== RESTART) return out!;
  }
  throw new Error('read again twice');
}

/**
 * What a reading gives, its detail left out (positions in the part, never shown to a user); a text
 * whose markup is broken throws (the reader refuses the file for it), by either way alike.
 */
function comparable(read: () => SheetValues | SheetProblem): unknown {
  let r: SheetValues | SheetProblem;
  try {
    r = read();
  } catch (e) {
    return { threw: (e as Error).message };
  }
  if ('problem' in r && r.problem === 'corrupt') return { problem: r.problem, reason: r.reason };
  return r;
}

function cutsFor(length: number, rnd: () => number): number[] {
  const mode = rnd();
  const cuts = new Set<number>();
  if (mode < 0.2) {
    // Every character its own piece.
    for (let k = 1; k < length; k++) cuts.add(k);
  } else {
    const n = 1 + Math.floor(rnd() * (mode < 0.6 ? 4 : 40));
    for (let k = 0; k < n; k++) cuts.add(Math.floor(rnd() * length));
  }
  return [...cuts].filter((c) => c > 0 && c < length).sort((a, b) => a - b);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** One cell of a random form at row r, column c (letters). */
function randomCell(col: string, r: number, rnd: () => number, prefix: string): string {
  const ref = rnd() < 0.1 ? '' : ` r="${col}${r}"`;
  const c = `${prefix}c`;
  const valid = [
    `<${c}${ref} t="s"><v>${pick(['0', '1', ' 1 '], rnd)}</v></${c}>`,
    `<${c}${ref}><v>${pick(['2.5', '-1234567.25', '1E3', '45658'], rnd)}</v></${c}>`,
    `<${c}${ref} s="1"><v>45658.5</v></${c}>`,
    `<${c}${ref} t="inlineStr"><is><t>chữ ${'x'.repeat(Math.floor(rnd() * 400))}</t></is></${c}>`,
    `<${c}${ref} t="inlineStr"><is><r><t>Đảm bảo </t></r><r><rPr><b/></rPr><t>đúng hạn</t></r></is></${c}>`,
    `<${c}${ref}><f>SUM(A1:A3)</f><v>3</v></${c}>`,
    `<${c}${ref}><f>SUM(A1:A3)</f></${c}>`,
    `<${c}${ref} t="str"><f>B2&amp;"x"</f><v>a &lt; b</v></${c}>`,
    `<${c}${ref} t="b"><v>${pick(['1', '0', 'true'], rnd)}</v></${c}>`,
    `<${c}${ref} t="e"><v>${pick(['#N/A', '#DIV/0!'], rnd)}</v></${c}>`,
    `<${c}${ref} t="d"><v>${pick(['2025-03-31', '12:30:00'], rnd)}</v></${c}>`,
    `<${c}${ref}/>`,
    `<${c}${ref} s="0" t="n" cm="1"><v>4</v></${c}>`,
    `<${c}${ref} t='s' ><v>1</v><extLst><ext uri="x"/></extLst></${c}>`,
  ];
  const invalid = [
    `<${c}${ref} t="s"><v>${pick(['2', '7', '5e0'], rnd)}</v></${c}>`,
    `<${c}${ref}><v>${pick(['0x1A', ''], rnd)}</v></${c}>`,
    `<${c}${ref} s="9"><v>1</v></${c}>`,
    `<${c}${ref} t="b"><v>yes</v></${c}>`,
    `<${c}${ref} t="e"><v>oops</v></${c}>`,
    `<${c}${ref} t="d"><v>2025-02-30</v></${c}>`,
    `<${c}${ref} t="zz"><v>1</v></${c}>`,
  ];
  const forms = rnd() < 0.03 ? invalid : valid;
  return pick(forms, rnd);
}

function randomSheet(rnd: () => number): string {
  const prefix = rnd() < 0.15 ? 'x:' : '';
  const rows: string[] = [];
  const nRows = 1 + Math.floor(rnd() * 8);
  let r = 0;
  for (let i = 0; i < nRows; i++) {
    r += rnd() < 0.1 ? 0 : 1 + Math.floor(rnd() * 3);
    const cells: string[] = [];
    const nCells = Math.floor(rnd() * 6);
    for (let k = 0; k < nCells; k++) {
      const col = rnd() < 0.005 ? 'XFE' : String.fromCharCode(65 + Math.min(25, k + Math.floor(rnd() * 2)));
      cells.push(randomCell(col, Math.max(r, 1), rnd, prefix));
      if (rnd() < 0.1) cells.push(pick(['<!-- chú thích -->', '<?pi x?>', '\n  ', ' '], rnd));
    }
    const rowTag = pick([`<${prefix}row r="${Math.max(r, 1)}">`, `<${prefix}row r="${Math.max(r, 1)}" spans="1:6" x14ac:dyDescent="0.25">`, `<${prefix}row>`, `<${prefix}row r='${Math.max(r, 1)}' >`], rnd);
    const ext = rnd() < 0.05 ? `<${prefix}extLst><${prefix}ext/></${prefix}extLst>` : '';
    rows.push(`${rowTag}${cells.join('')}${ext}</${prefix}row>`);
  }
  const dim = rnd() < 0.5 ? `<${prefix}dimension ref="A1:${pick(['F9', 'XFE3', 'B2'], rnd)}"/>` : '';
  const merges = rnd() < 0.4 ? `<${prefix}mergeCells count="2"><${prefix}mergeCell ref="A1:B1"/><${prefix}mergeCell ref="${pick(['C2:D3', 'A1:A2', 'A1:XFE1'], rnd)}"/></${prefix}mergeCells>` : '';
  const xmlns = prefix ? `xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : NS;
  const data = rnd() < 0.03 ? `<${prefix}sheetData/>` : `<${prefix}sheetData>${rows.join(rnd() < 0.2 ? '\n' : '')}</${prefix}sheetData>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${prefix}worksheet ${xmlns}>${dim}<${prefix}sheetViews/>${data}${merges}<${prefix}pageMargins left="0.7"/></${prefix}worksheet>`;
}

/** A random damage: characters deleted, repeated or inserted (tags cut, lost, stray text). */
function damage(xml: string, rnd: () => number): string {
  const at = Math.floor(rnd() * xml.length);
  const len = 1 + Math.floor(rnd() * 12);
  const kind = rnd();
  if (kind < 0.4) return xml.slice(0, at) + xml.slice(at + len);
  if (kind < 0.6) return xml.slice(0, at) + xml.slice(at, at + len) + xml.slice(at);
  return xml.slice(0, at) + pick(['<', '>', '"', "'", '/', 'x', '</c>', '<c r="A1">', '</row>', '</sheetData>', '<!--', '<?', ' '], rnd) + xml.slice(at);
}

describe('SheetScan: a part read in pieces reads as the whole part', () => {
  it('gives the same values and refusals on fixed sheets cut everywhere', () => {
    const fixed = [
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1"><v>2.5</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>`,
      `<worksheet ${NS}><sheetData><row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row></sheetData></worksheet>`,
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row></sheetData></worksheet>`,
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c> stray <c r="B1"><v>2</v></c></row></sheetData></worksheet>`,
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row>`,
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row>   `,
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row>   tail text`,
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'a'.repeat(33_000)}</t></is></c></row></sheetData></worksheet>`,
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'&amp;'.repeat(7_000)}</t></is></c></row></sheetData></worksheet>`,
      `<worksheet ${NS}><dimension ref="A1:XFE2"/><sheetData/></worksheet>`,
      `<worksheet ${NS}><sheetViews/></worksheet>`,
      `<worksheet ${NS}><sheetData a="x>y"><row r="1"><c r="A1" foo="a>b"><v>1</v></c></row></sheetData></worksheet>`,
      `<x:worksheet xmlns:x="m"><x:sheetData><x:row r="3"><x:c r="C3"><x:v>5</x:v></x:c></x:row><!-- c --><?p q?></x:sheetData><x:mergeCells><x:mergeCell ref="C3:D4"/></x:mergeCells></x:worksheet>`,
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells></worksheet>`,
    ];
    for (const xml of fixed) {
      const whole = comparable(() => readSheetXml(xml, context()));
      for (const size of [1, 2, 3, 7, 64, 255, 256, 257, 1000]) {
        const cuts: number[] = [];
        for (let k = size; k < xml.length; k += size) cuts.push(k);
        expect([size, comparable(() => readInPieces(xml, cuts))]).toEqual([size, whole]);
      }
    }
    // What the fixed sheets give, so that a scan which always refused would not pass.
    expect(readSheetXml(fixed[0], context())).toMatchObject({ grid: [['một']], merges: ['A1:B1'] });
    expect(readSheetXml(fixed[2], context())).toEqual({ problem: 'corrupt', detail: 'duplicate cell', reason: 'ô A1 được ghi hai lần' });
    expect(readSheetXml(fixed[7], context())).toEqual({ problem: 'text_too_long', cell: 'A1', length: 33_000 });
  });

  it('gives the same values and refusals on random sheets, whole and damaged, cut at random', () => {
    const rnd = random(20261207);
    const seen = { values: 0, refused: 0 };
    for (let n = 0; n < 3000; n++) {
      let xml = randomSheet(rnd);
      const damages = rnd() < 0.5 ? 0 : 1 + Math.floor(rnd() * 3);
      for (let d = 0; d < damages; d++) xml = damage(xml, rnd);
      const whole = comparable(() => readSheetXml(xml, context()));
      if (typeof whole === 'object' && whole !== null && 'grid' in whole) seen.values++;
      else seen.refused++;
      const cuts = cutsFor(xml.length, rnd);
      const pieces = comparable(() => readInPieces(xml, cuts));
      if (JSON.stringify(pieces) !== JSON.stringify(whole)) expect({ n, xml, cuts, pieces }).toEqual({ n, xml, cuts, pieces: whole });
    }
    // Both outcomes are well represented.
    expect(seen.values).toBeGreaterThan(300);
    expect(seen.refused).toBeGreaterThan(300);
  });
});
