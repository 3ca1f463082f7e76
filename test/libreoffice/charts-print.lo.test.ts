/**
 * A real spreadsheet program opens, re-saves and prints what the .xlsx writer makes of charts and
 * print setup. LibreOffice converts two workbooks to .xlsx again and to PDF:
 * - a chart sheet with a chart of each type (columns, horizontal bars, stacked bars) whose name has
 *   spaces, Vietnamese letters and apostrophes: its own .xlsx must still hold the three charts, each
 *   with our series references; printed, each chart's series colours must cover real areas of the page;
 * - a sheet of a header row and 60 rows with page breaks before the 21st and the 41st and page numbers:
 *   printed on exactly three pages, each holding the header and its own 20 rows, and "Trang k/3".
 * A hidden sheet leads each workbook: it is never printed and stays hidden.
 * KEEP_LO=1 keeps the files (the PDFs and a PNG of each printed chart page) to look at.
 */
import { strFromU8, unzipSync } from 'fflate';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptySheet, type SheetModel } from '../../shared/layout/sheet-model';
import { writeXlsx } from '../../io/xlsx/write';
import { nodeDeflate } from '../../cli/codecs';
import { convertAllWithLibreOffice } from '../support/libreoffice';
import { countColour, pdfPageCount, pdfPagePixels, pdfPageText, type Raster } from '../support/poppler';

jest.setTimeout(180_000);

const CHART_SHEET = "Biểu đồ 'chỉ tiêu' 2025";
const PRINT_SHEET = 'Tổng hợp chỉ tiêu';
const HIDDEN_TEXT = 'DỮ LIỆU ẨN KHÔNG IN';
const Q = `'Biểu đồ ''chỉ tiêu'' 2025'!`;
/** Each chart's series get colours of their own, so the printed page shows which chart drew. */
const COLUMN_COLOURS = ['#1F4E79', '#C00000'];
const BAR_COLOURS = ['#7030A0', '#FFC000'];
const STACK_COLOURS = ['#00B050', '#FF66CC', '#00B0F0'];

function hiddenSheet(): SheetModel {
  const s = emptySheet('_du_lieu');
  s.hidden = true;
  s.rows = [[HIDDEN_TEXT]];
  return s;
}

const UNITS = ['Xã Xuân Lâm', 'Phường Bắc Sơn', 'Xã Tân Hòa', 'Xã An Phú', 'Phường Đông Hải', 'Xã Mỹ Lộc'];

function chartBook(): SheetModel[] {
  const s = emptySheet(CHART_SHEET);
  s.rows = [['Kết quả từng đơn vị so với chỉ tiêu'], ['Đơn vị', 'Kết quả', 'Chỉ tiêu']];
  UNITS.forEach((u, i) => s.rows.push([u, 0.35 + 0.1 * i, 0.8]));
  s.rows.push([], ['Chỉ tiêu', 'Đạt', 'Chưa đạt', 'Chưa có số liệu hợp lệ']);
  ['1. Hồ sơ trực tuyến', '2. Số hóa kết quả', '3. Thanh toán trực tuyến'].forEach((n, i) => s.rows.push([n, 5 + i, 4 - i, 2]));
  s.columnWidths = [24, 10, 10, 12];
  // Data kept out of sight is still drawn: the stacked chart's third series sits in a hidden column.
  s.hiddenColumns = [3];
  s.print = { paper: 'A4', orientation: 'landscape', fitToWidth: true, pageNumbers: true };
  s.charts = [
    { sheet: CHART_SHEET, range: 'A2:C8', title: 'Cột: kết quả và chỉ tiêu', anchor: 'F2', seriesBy: 'Columns', type: 'columnClustered', valueFormat: '0%', seriesColors: COLUMN_COLOURS },
    { sheet: CHART_SHEET, range: 'A2:C8', title: 'Thanh ngang: kết quả và chỉ tiêu', anchor: 'F19', seriesBy: 'Columns', type: 'barClustered', valueFormat: '0%', seriesColors: BAR_COLOURS, size: { columns: 8, rows: 18 } },
    { sheet: CHART_SHEET, range: 'A10:D13', title: 'Số đơn vị theo mức', anchor: 'A16', seriesBy: 'Columns', type: 'barStacked', valueFormat: '0', seriesColors: STACK_COLOURS, size: { columns: 4, rows: 14 } },
  ];
  return [hiddenSheet(), s];
}

function printBook(): SheetModel[] {
  const s = emptySheet(PRINT_SHEET);
  // A header row repeated on every page, then "Dòng k" in 0-based row k.
  s.rows = [['Nội dung', 'STT', 'Đơn vị'], ...Array.from({ length: 60 }, (_, r) => [`Dòng ${r + 1}`, r + 1, `Đơn vị số ${r + 1}`])];
  s.columnWidths = [14, 8, 30];
  s.printTitleRows = '1:1';
  s.print = { paper: 'A4', orientation: 'portrait', fitToWidth: true, pageNumbers: true, rowBreaks: [21, 41] };
  return [hiddenSheet(), s];
}

/** "Dòng 7" labels on a printed page, in order. */
const rowsOn = (text: string): number[] => [...text.matchAll(/Dòng (\d+)\b/g)].map((m) => Number(m[1]));
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function unzipText(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

/** A sheet part of a package by the sheet's name, through workbook.xml and its rels. */
function sheetPart(xml: Record<string, string>, name: string): string {
  const escaped = name.replace(/&/g, '&amp;').replace(/'/g, '&apos;');
  const sheet = [...xml['xl/workbook.xml'].matchAll(/<sheet [^>]*>/g)].map((m) => m[0])
    .find((t) => t.includes(`name="${name}"`) || t.includes(`name="${escaped}"`));
  const id = sheet && /r:id="([^"]+)"/.exec(sheet)?.[1];
  const target = id && new RegExp(`<Relationship [^>]*Id="${id}"[^>]*>`).exec(xml['xl/_rels/workbook.xml.rels'])?.[0];
  const path = target && /Target="([^"]+)"/.exec(target)?.[1];
  if (!path) throw new Error(`no sheet ${name}`);
  return xml[`xl/${path.replace(/^\/?xl\//, '')}`];
}

const decodeXml = (s: string): string => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('LibreOffice re-saves and prints our charts and print setup', () => {
  let dir: string;
  let resaved: Record<string, string>;
  let resavedPrint: Record<string, string>;
  let chartPdf: string;
  let printPdf: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cchc-lo-charts-'));
    const charts = join(dir, 'bieu-do.xlsx');
    const print = join(dir, 'in-trang.xlsx');
    await writeFile(charts, await writeXlsx(chartBook(), { deflate: nodeDeflate }));
    await writeFile(print, await writeXlsx(printBook()));
    const [chartsXlsx, printXlsx] = await convertAllWithLibreOffice([charts, print], join(dir, 'xlsx'), 'xlsx:Calc MS Excel 2007 XML', 'xlsx');
    [chartPdf, printPdf] = await convertAllWithLibreOffice([charts, print], join(dir, 'pdf'), 'pdf', 'pdf');
    resaved = unzipText(new Uint8Array(await readFile(chartsXlsx)));
    resavedPrint = unzipText(new Uint8Array(await readFile(printXlsx)));
  });

  afterAll(async () => {
    if (dir && !process.env.KEEP_LO) await rm(dir, { recursive: true, force: true });
    else if (dir) console.log(`LibreOffice's files kept in ${dir}`);
  });

  test('its own .xlsx still holds the three charts, each with our type and series references', () => {
    const parts = Object.keys(resaved).filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k));
    const charts = parts.map((k) => {
      const x = resaved[k];
      return {
        dir: /<c:barDir val="(\w+)"\/>/.exec(x)?.[1],
        grouping: /<c:grouping val="(\w+)"\/>/.exec(x)?.[1],
        refs: [...x.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => decodeXml(m[1])),
      };
    }).sort((a, b) => `${a.dir}${a.grouping}`.localeCompare(`${b.dir}${b.grouping}`));
    const results = (n: string) => [`${Q}$${n}$2`, `${Q}$A$3:$A$8`, `${Q}$${n}$3:$${n}$8`];
    expect(charts).toEqual([
      { dir: 'bar', grouping: 'clustered', refs: [...results('B'), ...results('C')] },
      {
        dir: 'bar', grouping: 'stacked',
        refs: ['B', 'C', 'D'].flatMap((n) => [`${Q}$${n}$10`, `${Q}$A$11:$A$13`, `${Q}$${n}$11:$${n}$13`]),
      },
      { dir: 'col', grouping: 'clustered', refs: [...results('B'), ...results('C')] },
    ]);
    // The sheet still draws them, and the leading sheet is still hidden.
    expect(sheetPart(resaved, CHART_SHEET)).toMatch(/<drawing r:id="[^"]+"\/>/);
    expect(resaved['xl/workbook.xml']).toMatch(/<sheet name="_du_lieu"[^>]*state="hidden"/);
  });

  test('its own .xlsx keeps the page breaks (brk id = the 0-based row a page starts with) and the footer', () => {
    const sheet = sheetPart(resavedPrint, PRINT_SHEET);
    expect([...sheet.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([21, 41]);
    expect(decodeXml(/<oddFooter>([^<]*)<\/oddFooter>/.exec(sheet)?.[1] ?? '')).toContain('Trang &P/&N');
  });

  test('printed: three pages, rows 1–20, 21–40 and 41–60 under the repeated header, each numbered "Trang k/3"; the hidden sheet is not printed', async () => {
    expect(await pdfPageCount(printPdf)).toBe(3);
    const pages = await Promise.all([1, 2, 3].map((p) => pdfPageText(printPdf, p)));
    expect(pages.map(rowsOn)).toEqual([range(1, 20), range(21, 40), range(41, 60)]);
    pages.forEach((text, i) => {
      expect([i + 1, text.trimStart().split('\n')[0].split(/\s{2,}/)]).toEqual([i + 1, ['Nội dung', 'STT', 'Đơn vị']]);
      expect([i + 1, text.match(/Trang \d+\/\d+/g)]).toEqual([i + 1, [`Trang ${i + 1}/3`]]);
      expect(text).not.toContain(HIDDEN_TEXT);
    });
  });

  test('printed: the chart page shows titles, units and axes, and every series is drawn in its colour', async () => {
    expect(await pdfPageCount(chartPdf)).toBe(1);
    const text = await pdfPageText(chartPdf, 1);
    // pdftotext splits chart text where glyphs are spaced ("mứ c"): compare without white space.
    const flat = text.replace(/\s+/g, '');
    for (const words of ['Cột: kết quả và chỉ tiêu', 'Thanh ngang: kết quả và chỉ tiêu', 'Số đơn vị theo mức', 'Chưa có số liệu hợp lệ', '80%', 'Trang 1/1']) {
      expect([words, flat.includes(words.replace(/\s+/g, ''))]).toEqual([words, true]);
    }
    expect(text).not.toContain(HIDDEN_TEXT);

    const page: Raster = await pdfPagePixels(chartPdf, 1, 60, process.env.KEEP_LO ? join(dir, 'pdf', 'bieu-do-trang-1') : undefined);
    const area = page.width * page.height;
    const coverage = Object.fromEntries([...COLUMN_COLOURS, ...BAR_COLOURS, ...STACK_COLOURS].map((c) => [c, countColour(page, c) / area]));
    // Each series covers at least 0.1% of the page (a bar a few pixels wide and tall would be far less).
    for (const [colour, share] of Object.entries(coverage)) expect([colour, share > 0.001]).toEqual([colour, true]);
    // The control: the printed table without charts has none of these colours.
    const plain = await pdfPagePixels(printPdf, 1, 60);
    for (const colour of Object.keys(coverage)) expect([colour, countColour(plain, colour)]).toEqual([colour, 0]);
  });
});
