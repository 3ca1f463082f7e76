/**
 * Hostile workbooks for `npm run bench`: each is made from one of the corpus's real reports (or by
 * hand) and is at most 4 MB on disk; the goal is that any such file is read (and refused or taken) in
 * at most 2 s and 100 MB more memory than the process held before, so that a batch's peak memory does
 * not grow with hostile files.
 *   long-string     one shared string of 20 million characters (a 47 KB file)
 *   long-target     a target cell of 4 million letters (the grammar's worst case)
 *   far-cells       one value at XFD305 in each of four sheets (20 million cells if read as a grid)
 *   entities        a shared string of 2.1 million `&amp;` and 200 cells of 32,000 decoded characters
 *   many-targets    every target of a report 30,000 characters long, each different
 *   million-cells   a sheet of a million numbers beside the report
 *
 * Where a batch's peak went with these six among 1,000 reports (measured part by part, warm process,
 * before the reader released parts early): inflated bytes outside the heap and their one-byte text
 * copy, both held at once, and every large part of a file held until the file was done — entities
 * held its 10.5 MB shared strings (bytes and text) while its 32 MB sheet was inflated and copied
 * (+92 MB); long-string 20 MB bytes and 20 MB text for one item a sheet refers to
 * (+40 MB); million-cells 27 + 27 MB and its grid (+55 MB); far-cells' grid, 305 rows of 16,384
 * nulls (+40 MB of heap). Not the read-ahead worker (it leaves parts past 4 MB to the main thread),
 * not the consolidation (a refused file keeps under 1 KB; many-targets, accepted, keeps 2 MB of its
 * own targets). After such a file the process's resident memory stayed up although the heap and the
 * external bytes went back down (freed memory the allocator keeps), so the next large file climbed
 * from there.
 * Since: the shared strings' runs too long for any cell are left out before the text is made, each
 * large part is let go of (and collected) before the next, a far cell's empty rows are one row. Per
 * file, warm process: entities +61 MB (its 32 MB sheet and that sheet's text), long-string +20,
 * far-cells ~0, million-cells +56 (accepted: its 27 MB sheet and text, and the grid) — what a part
 * costs while it is read whole, bytes and text, is still twice its size.
 * Since: sheets of 4 MB or more are scanned 64 KB of text at a time, so a large sheet costs its bytes,
 * not its bytes and its text: the batch with the six among 1,000 reports peaks at 175 MB (198 before),
 * with thirty at 229 MB (246). In a fresh process the scan's pieces grow V8's young generation to
 * 16 MB semi-spaces (entities +77 MB, 62 when it is held at 8 MB as consolidate holds it).
 * many-targets allocated 208 MB while read for its 2 MB of text: cleanText's global replaces copied
 * each 30,000-character target and collected its 10,000 spaces (121 MB), word keys built a
 * character at a time (53 MB), the UTF-8 decoder's array regrown per chunk (15 MB); and finishing
 * wrote each of its copies as JSON to compare them (+36 MB at the peak with five copies). Since:
 * 16 MB allocated, the copies compared without text; five copies among 1,000 reports add 14 MB at
 * the peak (62 before), one copy 2 MB (14); in a fresh process it adds 18 MB (43), a report 16.
 * Since: parts of 1 MB or more are inflated 64 KB at a time as they are read (inflate-pieces.ts), never
 * whole, on every host; a report is read from its own sheets only, so the million numbers beside it
 * are not even inflated. Five copies of each among 1,000 reports (warm batch, against 127–129 MB
 * without): long-string, long-target and far-cells add nothing measurable (+30, +9 and 0 before),
 * million-cells +6 (+49), entities +8 (+52: its 200 cells of 160 KB of entities, each joined across
 * pieces as one string), many-targets +14 (one copy +1). The six among 1,000: +6 MB (+46); the
 * thirty: +28 (+88). In a fresh process: long-string 5 MB, million-cells 8 MB, entities 48 MB (its
 * young generation grows to 16 MB semi-spaces, as a fresh process's does).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The same package with each text part passed through `edit`. */
function patch(bytes: Uint8Array, edit: (path: string, xml: string) => string, extra: Zippable = {}): Uint8Array {
  const files = unzipSync(bytes);
  const out: Zippable = {};
  for (const [path, data] of Object.entries(files)) out[path] = path.endsWith('.xml') || path.endsWith('.rels') ? strToU8(edit(path, strFromU8(data))) : data;
  return zipSync({ ...out, ...extra }, { level: 9 });
}

/** A workbook of plain sheets, written by hand. */
function handPackage(sheets: string[], sharedStrings?: string): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
  };
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  sheets.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<worksheet xmlns="${MAIN_NS}"><sheetData>${xml}</sheetData></worksheet>`)));
  if (sharedStrings) {
    files['xl/sharedStrings.xml'] = strToU8(sharedStrings);
    rels.push(`<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  files['xl/_rels/workbook.xml.rels'] = strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  files['xl/workbook.xml'] = strToU8(`<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets.map((_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`);
  return zipSync(files, { level: 9 });
}

export interface HostileFile { name: string; path: string; bytes: number }

/** Writes the hostile files (once) beside the corpus; `base` is one of the corpus's reports. */
export function ensureHostileFiles(root: string, base: string): HostileFile[] {
  const dir = join(root, 'hostile-v3');
  mkdirSync(dir, { recursive: true });
  const report = new Uint8Array(readFileSync(base));
  const makers: Record<string, () => Uint8Array> = {
    'long-string': () => patch(report, (path, xml) => (path === 'xl/sharedStrings.xml' ? xml.replace(/<t>UBND xã Mẫu[^<]*<\/t>/, `<t>${'a'.repeat(20_000_000)}</t>`) : xml)),
    'long-target': () => patch(report, (path, xml) => (path === 'xl/sharedStrings.xml' ? xml.replace(/<t>Tối thiểu[^<]*<\/t>|<t>100%<\/t>/, `<t>${'a'.repeat(4_000_000)}</t>`) : xml)),
    'far-cells': () => handPackage(['A', 'B', 'C', 'D'].map(() => '<row r="305"><c r="XFD305"><v>1</v></c></row>')),
    entities: () => {
      const cells = Array.from({ length: 200 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${i}${'&amp;'.repeat(31_990)}</t></is></c></row>`).join('');
      return handPackage([cells, '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'], `<sst><si><t>${'&amp;'.repeat(2_100_000)}</t></si></sst>`);
    },
    'many-targets': () => patch(report, (path, xml) => {
      if (path !== 'xl/sharedStrings.xml') return xml;
      let n = 0;
      return xml.replace(/<t>([^<]*(?:%|Hoàn thành)[^<]*)<\/t>/g, () => `<t>Tối thiểu ${n++}% ${'tỷ lệ hồ sơ '.repeat(2_500)}</t>`);
    }),
    'million-cells': () => {
      const row = (r: number) => `<row r="${r}">${Array.from({ length: 1000 }, (_, c) => `<c r="${col(c)}${r}"><v>${(r * 7 + c) % 1000}</v></c>`).join('')}</row>`;
      const rows = Array.from({ length: 1000 }, (_, r) => row(r + 1)).join('');
      return patch(report, (path, xml) => (path === 'xl/workbook.xml' ? xml.replace('</sheets>', `<sheet name="Số liệu thô" sheetId="99" r:id="rIdBig"/></sheets>`) : path === 'xl/_rels/workbook.xml.rels' ? xml.replace('</Relationships>', `<Relationship Id="rIdBig" Type="${REL_NS}/worksheet" Target="worksheets/big.xml"/></Relationships>`) : xml), {
        'xl/worksheets/big.xml': strToU8(`<worksheet xmlns="${MAIN_NS}"><sheetData>${rows}</sheetData></worksheet>`),
      });
    },
  };
  return Object.entries(makers).map(([name, make]) => {
    const path = join(dir, `${name}.xlsx`);
    if (!existsSync(path)) writeFileSync(path, make());
    return { name, path, bytes: readFileSync(path).length };
  });
}

function col(n: number): string {
  return (n < 26 ? '' : col(Math.floor(n / 26) - 1)) + String.fromCharCode(65 + (n % 26));
}
