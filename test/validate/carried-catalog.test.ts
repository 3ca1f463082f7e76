/**
 * A commune workbook checked against the catalog it carries: a template made from a province's 2027
 * catalog, then edited as officials edit — a foreign code, a renamed row, a row moved to another
 * area, ratio parts typed on a count row — raises each at its sheet and cell, naming the catalog;
 * fresh templates, filled reports, imported plans, the demo's reports and the benchmark's workbooks
 * raise nothing new.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../cli/main';
import { writeDemoInputs } from '../../cli/demo';
import { nodeDeflate } from '../../cli/codecs';
import { writeXlsx } from '../../io/xlsx/write';
import { a1, type Grid, type WorkbookGrids } from '../../shared/cell';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { CATALOG_SHEET } from '../../shared/catalog/embed';
import { readCatalogBook } from '../../shared/catalog/read-book';
import { buildPlan } from '../../shared/catalog/plan';
import { importedWorkbook } from '../../shared/import/workbook';
import { isOwnRowCode } from '../../shared/import/own-code';
import { standardTemplate } from '../../shared/layout/standard-template';
import type { SheetModel } from '../../shared/layout/sheet-model';
import type { Catalog } from '../../shared/model';
import { columnIndex, INDICATOR_SHEET, TASK_SHEET } from '../../shared/spec/annex';
import { readReport } from '../../shared/validate';
import { carriedCatalogRows } from '../../shared/validate/carried-check';
import { SAMPLE_COMMUNES } from '../../sample/communes';
import { sampleInfo, sampleReport } from '../../sample/generate';
import { importFixture } from '../import/fixtures';
import { removeDir, tempDir } from '../cli/fixtures';
import { edit, grids, make2027Reports, sheet, UNIT } from '../support/catalog-2027';

jest.setTimeout(120_000);

const PL1 = INDICATOR_SHEET.name;
const PL2 = TASK_SHEET.name;
const CATALOG = 'danh mục CCHC-THANHHOA phiên bản 2027.1';
const col = (spec: typeof INDICATOR_SHEET, key: string) => columnIndex(spec, key);

/** Issues the carried catalog's check raises (its rules all start "catalog."; the damaged-sheet one aside). */
function carriedIssues(g: WorkbookGrids, opts: { catalog?: Catalog } = {}) {
  return readReport(g, opts).issues.filter((i) => i.rule.startsWith('catalog.') && i.rule !== 'catalog.embedded_edited');
}

const copy = (g: WorkbookGrids): WorkbookGrids => Object.fromEntries(Object.entries(g).map(([k, v]) => [k, v.map((r) => [...(r ?? [])])]));
/** Names are quoted in messages up to 60 characters. */
const short = (t: string) => (t.length > 60 ? `${t.slice(0, 57)}…` : t);
const rowOf = (grid: Grid, code: string) => grid.findIndex((r) => r?.[0] === code);
const gridsOf = (sheets: SheetModel[]): WorkbookGrids => Object.fromEntries(sheets.map((s) => [s.name, s.rows.map((r) => [...r])]));

let dir: string;
let template: WorkbookGrids;
let published: Catalog;
beforeAll(async () => {
  dir = tempDir('carried');
  await make2027Reports(dir);
  template = grids(join(dir, 'mau-90002.xlsx'));
  published = readCatalogBook(grids(join(dir, 'danh-muc-2027.xlsx'))).catalog as Catalog;
});
afterAll(() => removeDir(dir));

describe('a 2027 template edited by hand is checked against the catalog it carries', () => {
  it('a row given a code of no catalog row: a warning at its code cell naming the catalog', () => {
    const g = copy(template);
    const r = rowOf(g[PL1], 'CT.TC.01');
    g[PL1][r][0] = 'CT.TC.77';
    expect(carriedIssues(g)).toEqual([{
      sheet: PL1, address: `A${r + 1}`, severity: 'warning', rule: 'catalog.foreign_code',
      message:
        `Ô A${r + 1} (Mã): mã “CT.TC.77” của dòng “${short(String(g[PL1][r][col(INDICATOR_SHEET, 'name')]))}” không có trong ${CATALOG} mà biểu mẫu được lập theo, ` +
        'cũng không phải mã dòng riêng của đơn vị, nên khi tổng hợp dòng có thể không ghép đúng với số liệu của các đơn vị khác. ' +
        'Nếu là dòng của biểu mẫu, chép lại cả dòng từ biểu mẫu gốc (giữ cột Mã ẩn); nếu là dòng đơn vị tự thêm, xóa mã ở cột Mã.',
    }]);
  });

  it('a removed indicator’s code and a task’s code on the indicator sheet are foreign too; the unit’s own codes are not', () => {
    const g = copy(template);
    const r1 = rowOf(g[PL1], 'CT.TC.01');
    const r2 = rowOf(g[PL1], 'CT.TTHC.01');
    g[PL1][r1][0] = 'CT.TC.02'; // removed from the 2027 catalog
    g[PL1][r2][0] = 'NV.MTDT.01'; // the catalog's new task
    const r3 = rowOf(g[PL1], 'CT.CDCV.01');
    g[PL1][r3][0] = 'CT.CDCV.90002.01'; // an own row as the plan import codes it
    const found = carriedIssues(g).filter((i) => i.rule === 'catalog.foreign_code');
    expect(found.map((i) => i.address)).toEqual([r1, r2].sort((a, b) => a - b).map((r) => `A${r + 1}`));
    expect(found.find((i) => i.address === `A${r1 + 1}`)?.message).toContain(`mã “CT.TC.02” của dòng “`);
    expect(found.find((i) => i.address === `A${r2 + 1}`)?.message).toContain(
      `là mã nhiệm vụ “Tổ chức hội nghị đối thoại với doanh nghiệp trên địa bàn xã” của ${CATALOG}, thuộc trang “${PL2}”, không phải trang này`,
    );
  });

  it('a renamed task: a warning at its name cell saying which catalog row it is', () => {
    const g = copy(template);
    const r = rowOf(g[PL2], 'NV.MTDT.01');
    const nameCol = col(TASK_SHEET, 'name');
    g[PL2][r][nameCol] = 'Tổ chức gặp mặt doanh nghiệp đầu xuân';
    const cell = a1(r, nameCol);
    expect(carriedIssues(g)).toEqual([{
      sheet: PL2, address: cell, severity: 'warning', rule: 'catalog.renamed',
      message:
        `Ô ${cell} (Nhiệm vụ): tên dòng đã bị sửa so với ${CATALOG} mà biểu mẫu được lập theo; dòng này là nhiệm vụ ` +
        '“Tổ chức hội nghị đối thoại với doanh nghiệp trên địa bàn xã” (mã NV.MTDT.01). Số liệu của dòng vẫn được tổng hợp vào nhiệm vụ đó. ' +
        'Nếu dòng đã được dùng cho nội dung khác, hãy chép lại dòng từ biểu mẫu gốc và thêm một dòng mới cho nội dung riêng của đơn vị.',
    }]);
  });

  it('a name typed without diacritics, in other case or spacing, or with another year is the same name', () => {
    const g = copy(template);
    const nameCol = col(TASK_SHEET, 'name');
    const r = rowOf(g[PL2], 'NV.MTDT.01');
    g[PL2][r][nameCol] = '  TO CHUC hoi nghi doi thoai voi doanh nghiep tren dia ban xa ';
    const withYear = g[PL2].findIndex((row) => typeof row?.[nameCol] === 'string' && /2027/.test(String(row[nameCol])) && String(row[0]).startsWith('NV.'));
    expect(withYear).toBeGreaterThan(0);
    g[PL2][withYear][nameCol] = String(g[PL2][withYear][nameCol]).replace(/2027/g, '2026');
    expect(carriedIssues(g)).toEqual([]);
  });

  it('an indicator moved under another area: a warning naming both areas', () => {
    const g = copy(template);
    const grid = g[PL1];
    const [moved] = grid.splice(rowOf(grid, 'CT.TC.01'), 1);
    const section = rowOf(grid, 'LV.TTHC');
    expect(section).toBeGreaterThan(0);
    grid.splice(section + 1, 0, moved);
    const cell = a1(section + 1, col(INDICATOR_SHEET, 'name'));
    const area = (code: string) => published.areas.find((a) => a.code === code)?.name;
    const found = carriedIssues(g);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ sheet: PL1, address: cell, severity: 'warning', rule: 'catalog.area_moved' });
    expect(found[0].message).toBe(
      `Ô ${cell} (Chỉ tiêu): chỉ tiêu ${published.indicators.find((i) => i.code === 'CT.TC.01')?.stt} “${short(String(moved[col(INDICATOR_SHEET, 'name')]))}” (mã CT.TC.01) ` +
        `thuộc lĩnh vực “${area('TC')}” trong ${CATALOG}, nhưng đang nằm trong phần “${area('TTHC')}”. ` +
        `Khi tổng hợp, dòng vẫn được tính vào lĩnh vực của danh mục; hãy chuyển dòng về phần “${area('TC')}”.`,
    );
  });

  it('ratio parts typed on a row the catalog counts: an error at the part, since those figures are never read', () => {
    const g = copy(template);
    const count = published.indicators.find((i) => i.kind === 'count' && rowOf(g[PL1], i.code) > 0);
    if (!count) throw new Error('the 2027 catalog has a count indicator');
    const r = rowOf(g[PL1], count.code);
    g[PL1][r][col(INDICATOR_SHEET, 'numerator')] = 3;
    g[PL1][r][col(INDICATOR_SHEET, 'denominator')] = 5;
    const cell = a1(r, col(INDICATOR_SHEET, 'numerator'));
    const found = carriedIssues(g);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ sheet: PL1, address: cell, severity: 'error', rule: 'catalog.kind_mismatch' });
    expect(found[0].message).toMatch(new RegExp(`^Ô ${cell} \\(Tử số\\): chỉ tiêu ([0-9.]+ )?“.+” \\(mã ${count.code.replace(/\./g, '\\.')}\\) là chỉ tiêu số lượng theo ${CATALOG}, không tính bằng tử số và mẫu số`));
    expect(found[0].message).toContain('Nhập kết quả vào cột “Kết quả” rồi xóa tử số và mẫu số.');
  });

  it('holds whatever catalog the batch is read with (consolidate --danh-muc): the unit’s own copy is what is checked', () => {
    const g = copy(template);
    const r = rowOf(g[PL1], 'CT.TC.01');
    g[PL1][r][0] = 'CT.TC.77';
    expect(carriedIssues(g, { catalog: CATALOG_2025 }).map((i) => `${i.address} ${i.rule}`)).toEqual([`A${r + 1} catalog.foreign_code`]);
  });

  it('a carried catalog that does not match its hash is flagged, whatever catalog reads the batch, and nothing is checked against it', () => {
    const g = copy(template);
    const hash = g[CATALOG_SHEET].find((row) => row[0] === 'hash');
    if (!hash) throw new Error('the catalog sheet has its hash');
    hash[1] = String(hash[1]).replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    g[PL1][rowOf(g[PL1], 'CT.TC.01')][0] = 'CT.TC.77';
    for (const opts of [{}, { catalog: published }]) {
      const issues = readReport(g, opts).issues.filter((i) => i.rule.startsWith('catalog.'));
      expect(issues.map((i) => `${i.sheet} ${i.severity} ${i.rule}`)).toEqual([`${CATALOG_SHEET} warning catalog.embedded_edited`]);
    }
  });

  it('the command line prints it with file, sheet and cell', async () => {
    const out = join(dir, 'sua-ten.xlsx');
    await edit(join(dir, 'mau-90002.xlsx'), out, (wb) => {
      const ws = sheet(wb, PL2);
      for (let r = 1; r <= ws.rowCount; r++) {
        if (ws.getCell(r, 1).value === 'NV.MTDT.01') ws.getCell(r, col(TASK_SHEET, 'name') + 1).value = 'Gặp mặt doanh nghiệp';
      }
    });
    const lines: string[] = [];
    await main(['validate', out], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(new RegExp(`${PL2}!C\\d+ — cảnh báo: Ô C\\d+ \\(Nhiệm vụ\\): tên dòng đã bị sửa so với ${CATALOG}`));
  });
});

describe('legitimate workbooks raise nothing new', () => {
  it('the 2027 template, the filled reports, and a phường’s template in its own words', async () => {
    expect(carriedIssues(template)).toEqual([]);
    for (const f of ['bao-cao-90002.xlsx', 'bao-cao-90003.xlsx']) expect(carriedIssues(grids(join(dir, f)))).toEqual([]);
    const ward = join(dir, 'mau-phuong.xlsx');
    const args = [...UNIT('90009', 'UBND phường Hạc Thành'), '--loai', 'phuong'];
    expect(await main(['template', ...args, '--nam', '2027', '--ky', 'Quý II', '--danh-muc', join(dir, 'danh-muc-2027.xlsx'), '--ra', ward], { out: () => {}, err: () => {} })).toBe(0);
    const g = grids(ward);
    expect(g[PL1].some((r) => /phường/.test(String(r?.[col(INDICATOR_SHEET, 'name')] ?? '')))).toBe(true);
    expect(carriedIssues(g)).toEqual([]);
  });

  it.each(['seed-000.docx', 'seed-001.docx', 'seed-002.docx', 'seed-000.xlsx', 'seed-001.xlsx', 'seed-002.xlsx'])(
    'a plan imported from %s, with the unit’s own rows', (file) => {
      const p = importFixture(file, 2025);
      const { sheets } = importedWorkbook({ unitName: 'UBND xã Anh Sơn', unitCode: '90002', unitKind: 'xa', year: 2025, period: 'Q2' }, p);
      const g = gridsOf(sheets);
      expect(g[CATALOG_SHEET]).toBeDefined();
      expect(p.outcomes.filter((o) => o.match.how === 'own').every((o) => isOwnRowCode(o.code, o.row.kind))).toBe(true);
      expect(carriedIssues(g)).toEqual([]);
    },
  );

  it('the demo’s reports, those typed without diacritics and with data errors included', async () => {
    const files = await writeDemoInputs(join(dir, 'demo'));
    const books = readdirSync(files.reportsFolder).filter((f) => f.endsWith('.xlsx') && !f.startsWith('ghi-chu'));
    expect(books.length).toBeGreaterThan(10);
    for (const f of books) expect([f, carriedIssues(grids(join(files.reportsFolder, f)))]).toEqual([f, []]);
  });

  it('the benchmark’s base workbooks (every sample unit, filled) and a fresh 2025 template written to a file', async () => {
    const plan = buildPlan(CATALOG_2025);
    SAMPLE_COMMUNES.forEach((unit, b) => {
      const report = sampleReport(unit, plan.indicators, plan.tasks, 2025, 'Q2', b + 1);
      const { sheets } = standardTemplate(sampleInfo(unit, 2025, 'Q2'), { report });
      expect([unit.code, carriedIssues(gridsOf(sheets))]).toEqual([unit.code, []]);
    });
    const path = join(dir, 'mau-2025.xlsx');
    writeFileSync(path, await writeXlsx(standardTemplate(sampleInfo(SAMPLE_COMMUNES[0], 2025, 'Q2')).sheets, { deflate: nodeDeflate }));
    expect(carriedIssues(grids(path))).toEqual([]);
  });
});

describe('the catalog’s rows are made once', () => {
  it('per hash, plan year and unit kind', () => {
    const a = carriedCatalogRows(published, 'h1', 'xa');
    expect(carriedCatalogRows(published, 'h1', 'xa')).toBe(a);
    expect(carriedCatalogRows(published, 'h1', 'phuong')).not.toBe(a);
    expect(a.rows.indicator.size).toBe(published.indicators.length);
    expect(a.label).toBe(CATALOG);
  });
});
