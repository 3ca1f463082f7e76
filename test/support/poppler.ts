/**
 * Reads PDFs that LibreOffice printed, with poppler's command-line tools (Debian: poppler-utils):
 * the page count (pdfinfo), a page's text (pdftotext -layout) and a page's pixels (pdftoppm, as a
 * binary PPM: a short text header, then RGB bytes).
 */
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';

export const POPPLER_MISSING =
  'poppler-utils is not installed (pdfinfo, pdftotext, pdftoppm): these tests read the PDF LibreOffice prints. '
  + 'Install it with `apt-get install -y --no-install-recommends poppler-utils`.';

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        reject(missing ? new Error(POPPLER_MISSING) : Object.assign(error, { stdout, stderr }));
      } else resolve(stdout);
    });
  });
}

export async function pdfPageCount(path: string): Promise<number> {
  const info = await run('pdfinfo', [path]);
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo gave no page count for ${path}:\n${info}`);
  return Number(m[1]);
}

/** The text of one page (1-based), laid out as printed. */
export function pdfPageText(path: string, page: number): Promise<string> {
  return run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), path, '-']);
}

export interface Raster {
  width: number;
  height: number;
  /** RGB, 3 bytes a pixel, row after row. */
  rgb: Uint8Array;
}

/** One page (1-based) as pixels at `dpi`; `keepAs` also leaves a PNG of it there (to look at). */
export async function pdfPagePixels(path: string, page: number, dpi: number, keepAs?: string): Promise<Raster> {
  const base = `${path}-p${page}`;
  await run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', path, base]);
  if (keepAs) await run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', path, keepAs]);
  const bytes = new Uint8Array(await readFile(`${base}.ppm`));
  await rm(`${base}.ppm`, { force: true });
  // "P6\n<width> <height>\n<max>\n" then the pixels.
  let at = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (at < bytes.length && /\s/.test(String.fromCharCode(bytes[at]))) at++;
    let word = '';
    while (at < bytes.length && !/\s/.test(String.fromCharCode(bytes[at]))) word += String.fromCharCode(bytes[at++]);
    fields.push(word);
  }
  at++;
  const [magic, w, h, max] = fields;
  if (magic !== 'P6' || max !== '255') throw new Error(`not an 8-bit binary PPM: ${fields.join(' ')}`);
  const width = Number(w);
  const height = Number(h);
  return { width, height, rgb: bytes.subarray(at, at + width * height * 3) };
}

/** How many pixels are within `tolerance` (per channel) of the colour '#RRGGBB'. */
export function countColour(raster: Raster, colour: string, tolerance = 12): number {
  const r = parseInt(colour.slice(1, 3), 16);
  const g = parseInt(colour.slice(3, 5), 16);
  const b = parseInt(colour.slice(5, 7), 16);
  const px = raster.rgb;
  let n = 0;
  for (let i = 0; i + 2 < px.length; i += 3) {
    if (Math.abs(px[i] - r) <= tolerance && Math.abs(px[i + 1] - g) <= tolerance && Math.abs(px[i + 2] - b) <= tolerance) n++;
  }
  return n;
}
