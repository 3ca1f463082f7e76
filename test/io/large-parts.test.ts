/**
 * How the values reader keeps a hostile file's memory down (not timed): a shared string too long for
 * any cell is never turned into text, a file's large parts are let go of one by one (the host's
 * afterLargePart between them), a far cell's empty rows are one row, and a refused file leaves
 * nothing of its text in what the command line keeps of it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_XLSX_CODECS, nodeBinaryText, nodeInflateRaw } from '../../cli/codecs';
import { ingestItem } from '../../cli/ingest-pool';
import fc from 'fast-check';
import { ElideRunPieces, elideLongRuns, MAX_RAW_ITEM, parseSharedStrings } from '../../io/xlsx/parts';
import { LARGE_PART_BYTES, readXlsxValues } from '../../io/xlsx/read-values';
import { buildPackage, sheetXml } from './xlsx-fixtures';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const LONG = 'a'.repeat(MAX_RAW_ITEM + 10);
const SST = `<sst count="3" uniqueCount="3"><si><t>Tối thiểu 90%</t></si><si><t>${LONG}</t></si><si><t>Hoàn thành</t></si></sst>`;

describe('a shared string too long for any cell is never turned into text', () => {
  it('elideLongRuns leaves the run out, marked, and parseSharedStrings reads the table as it reads it whole', () => {
    const { bytes, elided } = elideLongRuns(enc(SST));
    expect(elided).toBe(true);
    expect(bytes.length).toBeLessThan(200);
    expect(dec(bytes)).toBe(SST.replace(LONG, '\u0001'));
    const wholeTooLong = new Set<number>();
    const whole = parseSharedStrings(SST, undefined, undefined, wholeTooLong);
    const cutTooLong = new Set<number>();
    const cut = parseSharedStrings(dec(bytes), undefined, undefined, cutTooLong, true);
    expect(cut).toEqual(['Tối thiểu 90%', '', 'Hoàn thành']);
    expect(cut).toEqual(whole);
    expect([...cutTooLong]).toEqual([1]);
    expect([...wholeTooLong]).toEqual([1]);
  });

  it('leaves a part without such a run as it is, and white space between items is not text', () => {
    const short = enc(`<sst><si><t>${'a'.repeat(1000)}</t></si></sst>`);
    expect(elideLongRuns(short)).toEqual({ bytes: short, elided: false });
    const spaced = enc(`<sst><si><t>A</t></si>${' '.repeat(MAX_RAW_ITEM + 5)}<si><t>B</t></si></sst>`);
    const r = elideLongRuns(spaced);
    expect(r.elided).toBe(false);
    expect(r.bytes).toBe(spaced);
  });

  it('a long run between items still refuses the table, as it does read whole', () => {
    const between = `<sst><si><t>A</t></si>${LONG}<si><t>B</t></si></sst>`;
    const { bytes, elided } = elideLongRuns(enc(between));
    expect(elided).toBe(true);
    expect(() => parseSharedStrings(dec(bytes), undefined, undefined, new Set(), true)).toThrow('text between items');
    expect(() => parseSharedStrings(between, undefined, undefined, new Set())).toThrow('text between items');
  });

  it('a workbook with a 20-million-character string: refused naming the cell, and no text made of more than a few kilobytes', () => {
    const made: number[] = [];
    const bytes = buildPackage({
      sharedStrings: `<sst><si><t>Tên đơn vị</t></si><si><t>${'a'.repeat(20_000_000)}</t></si></sst>`,
      sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="C3" t="s"><v>1</v></c></row>') }],
    });
    const read = readXlsxValues(bytes, { ...NODE_XLSX_CODECS, fileName: 'dai.xlsx', binaryText: (b) => (made.push(b.length), nodeBinaryText(b)) });
    expect(read).toMatchObject({ ok: false, code: 'file.text_too_long' });
    expect(!read.ok && read.reason).toContain('Ô C3 của trang tính "S" trong tệp "dai.xlsx" chứa văn bản dài hơn 32.767 ký tự');
    expect(made.length).toBe(2); // the shared strings and the sheet
    expect(Math.max(...made)).toBeLessThan(4096);
  });
});

describe('the shared strings elided as they are inflated, piece by piece', () => {
  /** Bytes of tags, text, white space and long runs, with a small run limit so that runs pass it. */
  const parts = fc.array(
    fc.oneof(fc.constantFrom('<', '>', '<si><t>', '</t></si>', ' ', '\n', '  \t '), fc.string({ maxLength: 12 }), fc.nat(40).map((n) => 'x'.repeat(n)), fc.nat(40).map((n) => ' '.repeat(n))),
    { maxLength: 30 },
  );

  it('gives what elideLongRuns gives for the whole, wherever the pieces are cut', () => {
    fc.assert(
      fc.property(parts, fc.nat(20), fc.array(fc.nat(), { maxLength: 6 }), (items, maxRun, cuts) => {
        const bytes = enc(items.join(''));
        const at = cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b);
        const runs = new ElideRunPieces(maxRun);
        let from = 0;
        for (const c of [...at, bytes.length]) { runs.push(bytes.slice(from, c)); from = c; }
        const whole = elideLongRuns(bytes, maxRun);
        const got = runs.end();
        expect(got.elided).toBe(whole.elided);
        expect([...got.bytes]).toEqual([...whole.bytes]);
      }),
      { numRuns: 5000 },
    );
  });

  it('holds no more than the bytes kept: a 20-million-character item pushed in 64 KB pieces leaves a few bytes', () => {
    const runs = new ElideRunPieces();
    runs.push(enc('<sst><si><t>A</t></si><si><t>'));
    const piece = enc('a'.repeat(65536));
    for (let i = 0; i < 20_000_000 / 65536; i++) runs.push(piece);
    runs.push(enc('</t></si></sst>'));
    const { bytes, elided } = runs.end();
    expect(elided).toBe(true);
    expect(dec(bytes)).toBe('<sst><si><t>A</t></si><si><t>\u0001</t></si></sst>');
  });
});

describe('a file’s large parts are let go of one by one', () => {
  it('the host’s afterLargePart comes after the large shared strings and before the next part is inflated', () => {
    const events: string[] = [];
    const bytes = buildPackage({
      sharedStrings: `<sst><si><t>x</t></si>${'<si><t>y</t></si>'.repeat(Math.ceil(LARGE_PART_BYTES / 17))}</sst>`,
      sheets: [
        { name: 'S1', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') },
        { name: 'S2', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
      ],
    });
    const read = readXlsxValues(bytes, {
      ...NODE_XLSX_CODECS,
      inflate: (data, max) => {
        const out = nodeInflateRaw(data, max);
        events.push(`inflate ${out && out.length >= LARGE_PART_BYTES ? 'large' : 'small'}`);
        return out;
      },
      binaryText: (b) => (events.push(`text ${b.length >= LARGE_PART_BYTES ? 'large' : 'small'}`), nodeBinaryText(b)),
      afterLargePart: () => events.push('let go'),
    });
    expect(read).toMatchObject({ ok: true, value: { sheets: [{ grid: [['x']] }, { grid: [[1]] }] } });
    // workbook rels, workbook, rels…, then the shared strings (inflated piece by piece, not by the
    // host's inflater, and made text once), let go of, then the two sheets.
    const at = events.indexOf('text large');
    expect(events.slice(at)).toEqual(['text large', 'let go', 'inflate small', 'text small', 'inflate small', 'text small']);
    expect(events.slice(0, at)).not.toContain('inflate large');
  });
});

describe('a far cell’s empty rows', () => {
  it('are one frozen row of nulls, shared: one value at XFD305 holds one row of 16,384 cells and one more', () => {
    const bytes = buildPackage({ sheets: [{ name: 'S', xml: sheetXml('<row r="305"><c r="XFD305"><v>7</v></c></row>') }] });
    const read = readXlsxValues(bytes, NODE_XLSX_CODECS);
    if (!read.ok) throw new Error(read.reason);
    const grid = read.value.sheets[0].grid;
    expect(grid.length).toBe(305);
    expect(grid[304][16383]).toBe(7);
    expect(grid[0].length).toBe(16384);
    expect(new Set(grid.slice(0, 304)).size).toBe(1);
    expect(Object.isFrozen(grid[0])).toBe(true);
    expect(grid[0].every((v) => v === null)).toBe(true);
    expect(Object.isFrozen(grid[304])).toBe(false);
  });
});

describe('a refused hostile file leaves nothing large in what the batch keeps', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'cchc-large-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('its contribution is a refusal of a few hundred characters naming the file and cell', () => {
    const path = join(dir, 'xa-dai.xlsx');
    writeFileSync(path, buildPackage({
      sharedStrings: `<sst><si><t>${'a'.repeat(20_000_000)}</t></si></sst>`,
      sheets: [{ name: 'Phụ lục 1', xml: sheetXml('<row r="2"><c r="B2" t="s"><v>0</v></c></row>') }],
    }));
    const item = ingestItem(path, { options: { year: 2025, period: 'Q1' }, keepInputs: false });
    const kept = JSON.stringify(item);
    expect(kept.length).toBeLessThan(2000);
    expect(kept).toContain('file.text_too_long');
    expect(kept).toContain('Ô B2 của trang tính \\"Phụ lục 1\\" trong tệp \\"xa-dai.xlsx\\"');
  });
});
