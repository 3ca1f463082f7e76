/**
 * The summary as the office prints it: LibreOffice converts the command line's summary workbook of
 * 13 communes to PDF and to .xlsx again. Every printed sheet starts with the national header and
 * carries page numbers; Tổng hợp chỉ tiêu and Tình hình nộp báo cáo fit in a few pages; the hidden
 * data sheet is never printed; the charts survive LibreOffice's own save.
 */
import { strFromU8, unzipSync } from 'fflate';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSummaryWorkbook } from '../../shared/layout/summary';
import { writeXlsx } from '../../io/xlsx/write';
import { nodeDeflate } from '../../cli/codecs';
import { generatedSummary } from '../consolidate/generated-batch';
import { convertAllWithLibreOffice } from '../support/libreoffice';
import { pdfPageCount, pdfPageText } from '../support/poppler';

jest.setTimeout(180_000);

const TITLES: [string, string][] = [
  ['Tổng hợp chỉ tiêu', 'TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH'],
  ['Biểu đồ chỉ tiêu', 'CÁC CHỈ TIÊU CẦN CHÚ Ý'],
  ['Chi tiết theo đơn vị', 'KẾT QUẢ THỰC HIỆN CHỈ TIÊU THEO TỪNG ĐƠN VỊ'],
  ['Tổng hợp nhiệm vụ', 'TỔNG HỢP TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ TRỌNG TÂM'],
  ['Tình hình nộp báo cáo', 'TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC ĐƠN VỊ'],
  ['Nguồn dữ liệu', 'NGUỒN DỮ LIỆU TỔNG HỢP'],
];

let dir: string;
const pages: string[] = [];
let resaved: Record<string, Uint8Array>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cchc-summary-pdf-'));
  const xlsx = join(dir, 'tong-hop.xlsx');
  await writeFile(xlsx, await writeXlsx(buildSummaryWorkbook(generatedSummary(13)), { deflate: nodeDeflate }));
  const [pdf] = await convertAllWithLibreOffice([xlsx], join(dir, 'pdf'), 'pdf', 'pdf');
  const count = await pdfPageCount(pdf);
  for (let p = 1; p <= count; p++) pages.push(await pdfPageText(pdf, p));
  const [again] = await convertAllWithLibreOffice([xlsx], join(dir, 'xlsx'), 'xlsx:Calc MS Excel 2007 XML', 'xlsx');
  resaved = unzipSync(await readFile(again));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Pages each printed sheet takes: from the page with its title to the next sheet's title. */
function pagesPerSheet(): Record<string, number> {
  const starts = TITLES.map(([sheet, title]) => [sheet, pages.findIndex((t) => t.includes(title))] as const).filter(([, at]) => at >= 0);
  const out: Record<string, number> = {};
  starts.forEach(([sheet, at], i) => {
    const next = starts.slice(i + 1).map(([, a]) => a).find((a) => a > at) ?? pages.findIndex((t, p) => p > at && t.includes('LỖI VÀ CẢNH BÁO'));
    out[sheet] = (next > at ? next : pages.length) - at;
  });
  return out;
}

test('every printed sheet opens with the agency block and the national header, and every page is numbered', () => {
  for (const [, title] of TITLES.filter(([s]) => s !== 'Biểu đồ chỉ tiêu')) {
    // pdftotext spaces out some bold letters ("S Ở N Ộ I VỤ"): compare without spaces.
    const first = pages.find((t) => t.includes(title))!.replace(/\s+/g, '');
    expect(first).toContain('CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM');
    expect(first).toContain('Độclập-Tựdo-Hạnhphúc');
    expect(first).toContain('UBNDTỈNHTHỬNGHIỆM');
    expect(first).toContain('SỞNỘIVỤ');
  }
  pages.forEach((t, i) => expect(t).toContain(`Trang ${i + 1}/${pages.length}`));
});

test('Tổng hợp chỉ tiêu and Tình hình nộp báo cáo fit in a few pages; signatures at the end of each', () => {
  const counts = pagesPerSheet();
  // Printed for the README: how the summary of 13 communes prints on A4.
  console.log(`Trang in (13 đơn vị, A4 ngang): ${JSON.stringify(counts)}; tổng ${pages.length}`);
  expect(counts['Tổng hợp chỉ tiêu']).toBeLessThanOrEqual(5);
  expect(counts['Tình hình nộp báo cáo']).toBeLessThanOrEqual(2);
  expect(pages.filter((t) => t.includes('NGƯỜI LẬP BIỂU')).length).toBeGreaterThanOrEqual(5);
});

test('the hidden data sheet is never printed', () => {
  expect(pages.some((t) => t.includes('don-vi') || t.includes('bang-tong-hop'))).toBe(false);
});

test('the charts survive LibreOffice’s own save, still drawn from the chart sheet', () => {
  const charts = Object.keys(resaved).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
  expect(charts.length).toBe(2);
  const xml = charts.map((p) => strFromU8(resaved[p])).join('');
  expect(xml).toMatch(/(?:'|&apos;)Biểu đồ chỉ tiêu(?:'|&apos;)!\$A\$5:\$A\$12/);
  expect(xml).toMatch(/<c:grouping val="stacked"\/>/);
});
