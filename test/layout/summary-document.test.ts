/**
 * The summary at scale (a generated 300-commune batch) and on the sample data: plan order, what
 * needs attention, units without valid data, nothing internal in sight, every layout writable in
 * every host, and a size that grows with content only.
 */
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { attentionList } from '../../shared/consolidate/attention';
import { consolidate } from '../../shared/consolidate/consolidate';
import { readSummarySheets } from '../../shared/consolidate/read-summary';
import { checkSheet, checkWorkbook, storedCells } from '../../shared/layout/host-check';
import { emptySheet, type SheetModel } from '../../shared/layout/sheet-model';
import { standardTemplate } from '../../shared/layout/standard-template';
import { buildSummaryWorkbook } from '../../shared/layout/summary';
import { BANDS, chartSheet } from '../../shared/layout/summary-charts';
import { SAMPLE_COMMUNES } from '../../sample/communes';
import { sampleInfo } from '../../sample/generate';
import { ALL_EXPECTED, Q2_2025, district1Inputs, district2Inputs } from '../consolidate/fixtures';
import { generatedSummary } from '../consolidate/generated-batch';

const UNITS = 300;
const big = generatedSummary(UNITS);
const bigBook = buildSummaryWorkbook(big);
const sheet = (name: string) => bigBook.find((s) => s.name === name)!;
const headerOf = (s: SheetModel) => Number(s.printTitleRows!.split(':')[0]) - 1;

const small = consolidate([...district1Inputs(), ...district2Inputs()], {
  ...Q2_2025,
  consolidatingUnit: { name: 'Sở Nội vụ tỉnh Bình Định', level: 'tinh' },
  expectedUnits: ALL_EXPECTED,
});

/** Visible cells: on visible sheets, outside hidden columns. */
function visibleTexts(book: SheetModel[]): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const s of book) {
    if (s.hidden) continue;
    const hidden = new Set(s.hiddenColumns);
    s.rows.forEach((row, r) => row.forEach((v, c) => {
      if (typeof v === 'string' && v !== '' && !hidden.has(c)) out.push({ where: `${s.name}!R${r + 1}C${c + 1}`, text: v });
    }));
  }
  return out;
}

describe('a 300-commune summary', () => {
  test('indicators in the catalog’s order under reform-area headings: a parent before its unnumbered sub-rows', () => {
    const s = sheet('Tổng hợp chỉ tiêu');
    const codes = s.rows.map((r) => r[12]).filter((c): c is string => typeof c === 'string' && c.startsWith('CT.'));
    const catalogOrder = CATALOG_2025.indicators.map((i) => i.code).filter((c) => codes.includes(c));
    expect(codes).toEqual(catalogOrder);
    const first = s.rows.findIndex((r) => r[12] === 'CT.CDDH.01');
    expect(s.rows[first - 1].slice(0, 2)).toEqual(['I', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH']);
    expect(s.rows[first][0]).toBe('1');
    expect(s.rows.slice(first + 1, first + 4).map((r) => r[12])).toEqual(['CT.CDDH.02', 'CT.CDDH.03', 'CT.CDDH.04']);
    const headings = s.rows.filter((r) => /^[IVX]+$/.test(String(r[0]))).map((r) => r[0]);
    expect(headings).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'].slice(0, headings.length));
    expect(headings.length).toBeGreaterThanOrEqual(6);
  });

  test('the attention list holds only indicators below target, the largest shortfall against target first', () => {
    const list = attentionList(big);
    expect(list.length).toBeGreaterThan(0);
    for (const x of list) expect(x.indicator.met === false || x.indicator.missedCount > 0).toBe(true);
    const missedOverall = list.filter((x) => x.indicator.met === false);
    // Indicators missed as a whole come first, by shortfall as a share of their target.
    expect(list.slice(0, missedOverall.length)).toEqual(missedOverall);
    const shortfalls = missedOverall.map((x) => x.shortfall as number);
    expect(shortfalls).toEqual([...shortfalls].sort((a, b) => b - a));
    // Never a met indicator with no unit below target, whatever its raw rate.
    const met = big.aggregates.indicators.filter((a) => a.met === true && a.missedCount === 0).map((a) => a.code);
    expect(list.filter((x) => met.includes(x.indicator.code))).toEqual([]);
  });

  test('units without valid data: the expected list minus valid reports, on every indicator row', () => {
    const s = sheet('Tổng hợp chỉ tiêu');
    const rows = s.rows.filter((r) => typeof r[12] === 'string' && String(r[12]).startsWith('CT.'));
    expect(rows.length).toBe(big.aggregates.indicators.length);
    for (const r of rows) expect([r[12], r[10]]).toEqual([r[12], UNITS - (r[7] as number)]);
    expect(s.rows[6][0]).toBe('Đã tổng hợp 297/300 đơn vị · 3 đơn vị chưa có số liệu hợp lệ · hạn nộp 20/06/2025: đúng hạn 297, trễ hạn 0');
  });

  test('the per-unit detail prints in blocks of 8 units, each block on a new page, every unit named once', () => {
    const s = sheet('Chi tiết theo đơn vị');
    const headers = s.rows.filter((r) => r[0] === 'STT');
    expect(headers).toHaveLength(Math.ceil(UNITS / 8));
    expect(s.print?.rowBreaks).toHaveLength(headers.length - 1);
    const named = headers.flatMap((r) => r.slice(3)).filter((v) => v !== '');
    expect(named).toHaveLength(UNITS);
    expect(named).toContain('UBND xã Thử 300 (chưa nộp)');
    expect(named).toContain('UBND xã Thử 6 (báo cáo không tổng hợp được)');
    expect(Math.max(...s.rows.map((r) => r.length))).toBe(11);
  });

  test('no visible cell holds a row code, a reason code, JSON or English', () => {
    const patterns: [string, RegExp][] = [
      ['row code', /\b(?:CT|NV)\.[A-Z]+\.\d+\b/],
      ['reason code', /\b[a-z]+\.[a-z_]+\b/],
      ['JSON', /^\s*[[{]|":/],
      ['summary kind', /cchc-summary/],
      ['English', /\b(?:the|and|error|warning|true|false|null|undefined|NaN|sheet|summary|file)\b/i],
    ];
    const found = visibleTexts(bigBook).flatMap(({ where, text }) => patterns.filter(([, re]) => re.test(text)).map(([what]) => `${where} (${what}): ${text.slice(0, 80)}`));
    expect(found).toEqual([]);
  });

  test('at most 600 stored cells per unit, visible and hidden together', () => {
    const cells = bigBook.reduce((n, s) => n + storedCells(s), 0);
    expect(cells / UNITS).toBeLessThanOrEqual(600);
    // And far from the old layout's 18,609 × 66 block on the detail sheet alone.
    expect(storedCells(sheet('Chi tiết theo đơn vị')) / UNITS).toBeLessThan(100);
  });

  test('re-consolidation reads the same summary back from the hidden data sheet', () => {
    const grids = Object.fromEntries(bigBook.map((s) => [s.name, s.rows]));
    expect(readSummarySheets(grids)).toEqual({ ok: true, value: big });
  });

  test('charts: units by band of their own target for the indicators that need attention, readable at any scale', () => {
    const { sheet: s, charts } = chartSheet(big);
    expect(charts.map((c) => c.type)).toEqual(['barStacked', 'barClustered'].slice(0, charts.length));
    const header = s!.rows.findIndex((r) => r[1] === BANDS[0]);
    const rows = s!.rows.slice(header + 1).filter((r) => typeof r[1] === 'number' && r.length === 6);
    expect(rows.length).toBe(Math.min(8, attentionList(big).length));
    // Every unit is in one band: those with the row, plus the units without valid data.
    for (const r of rows) expect((r.slice(1) as number[]).reduce((a, b) => a + b, 0)).toBe(UNITS);
  });
});

describe('every layout passes the hosts’ documented limits', () => {
  test('the summary at 300 communes and on the sample data, with its chart sheet', () => {
    expect(checkWorkbook(bigBook)).toEqual([]);
    expect(checkWorkbook(buildSummaryWorkbook(small))).toEqual([]);
    expect(checkWorkbook(buildSummaryWorkbook(consolidate([], { ...Q2_2025, consolidatingUnit: { name: 'Sở Nội vụ', level: 'tinh' } })))).toEqual([]);
  });

  test('the annex template of every kind of unit', () => {
    for (const unit of SAMPLE_COMMUNES.slice(0, 4)) {
      const { sheets } = standardTemplate(sampleInfo(unit, 2025, 'Q3'));
      expect(checkWorkbook(sheets)).toEqual([]);
    }
  });
});

describe('the host check refuses what the hosts refuse', () => {
  const base = () => emptySheet('Trang');
  test('a merged range across a frozen column or row boundary (Sheets: “You can’t freeze columns which contain only part of a merged cell”)', () => {
    const s = base();
    s.frozenColumns = 2;
    s.frozenRows = 3;
    s.merges = ['A1:E1', 'A2:B2', 'C5:D9', 'A3:A4'];
    expect(checkSheet(s).map((p) => [p.rule, p.detail])).toEqual([
      ['merge-crosses-frozen-columns', 'A1:E1'],
      ['merge-crosses-frozen-rows', 'A3:A4'],
    ]);
  });

  test('sheet names: 31 characters at most, none of : \\ / ? * [ ], no apostrophe at either end, unique whatever the case', () => {
    const named = (n: string) => ({ ...base(), name: n });
    expect(checkSheet(named('x'.repeat(31)))).toEqual([]);
    expect(checkSheet(named('x'.repeat(32))).map((p) => p.rule)).toEqual(['sheet-name-length']);
    for (const ch of [':', '\\', '/', '?', '*', '[', ']']) expect(checkSheet(named(`Quý I${ch}2025`)).map((p) => p.rule)).toEqual(['sheet-name-character']);
    expect(checkSheet(named("'Tổng hợp")).map((p) => p.rule)).toEqual(['sheet-name-apostrophe']);
    expect(checkWorkbook([named('Tổng hợp'), named('TỔNG HỢP')]).map((p) => p.rule)).toEqual(['sheet-name-duplicate']);
  });

  test('text over 32,767 characters in a cell; list sources over 255 characters; validation texts over their limits', () => {
    const s = base();
    s.rows = [['x'.repeat(32_767), 'y'.repeat(32_768)]];
    s.validations = [
      { range: 'A2:A9', kind: 'list', values: Array.from({ length: 60 }, (_, i) => `Mục ${i}`), strict: true },
      { range: 'B2:B9', kind: 'decimal', title: 't'.repeat(33), prompt: 'p'.repeat(256), error: 'e'.repeat(226) },
    ];
    expect(checkSheet(s).map((p) => p.rule)).toEqual([
      'cell-text-length', 'list-source-length', 'validation-title-length', 'validation-prompt-length', 'validation-error-length',
    ]);
  });

  test('more than 1,026 manual page breaks on a sheet', () => {
    const s = base();
    s.print = { paper: 'A4', orientation: 'landscape', fitToWidth: true, rowBreaks: Array.from({ length: 1_027 }, (_, i) => (i + 1) * 10) };
    expect(checkSheet(s).map((p) => p.rule)).toEqual(['row-breaks']);
    s.print.rowBreaks = s.print.rowBreaks!.slice(1);
    expect(checkSheet(s)).toEqual([]);
  });

  test('a workbook with no visible sheet, and one over 10 million cells', () => {
    const hidden = { ...base(), hidden: true };
    expect(checkWorkbook([hidden]).map((p) => p.rule)).toEqual(['no-visible-sheet']);
    const row = new Array(10_000).fill(1);
    const huge = { ...base(), rows: Array.from({ length: 1001 }, () => row) };
    expect(checkWorkbook([huge]).map((p) => p.rule)).toEqual(['spreadsheet-cells']);
  });
});
