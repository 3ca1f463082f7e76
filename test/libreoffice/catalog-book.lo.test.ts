/**
 * LibreOffice opens what an office edits and what communes receive: the authoring workbook (every
 * sheet, list and help text) and a commune template carrying its catalog. Each is opened and saved by
 * soffice; its copy must still read back as the same catalog, lists included, and the commune's
 * hidden copy of the catalog must still match its hash.
 */
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Grid } from '../../shared/cell';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { CATALOG_SHEET, readEmbeddedCatalog } from '../../shared/catalog/embed';
import { catalogHash } from '../../shared/catalog/hash';
import { readCatalogBook } from '../../shared/catalog/read-book';
import { buildCatalogBook } from '../../shared/layout/catalog-book';
import { standardTemplate } from '../../shared/layout/standard-template';
import { readXlsxValues } from '../../io/xlsx/read-values';
import { writeXlsx } from '../../io/xlsx/write';
import { nodeDeflate } from '../../cli/codecs';
import { recalcAllWithLibreOffice } from '../support/libreoffice';

jest.setTimeout(180_000);

async function grids(path: string): Promise<Record<string, Grid>> {
  const values = readXlsxValues(new Uint8Array(await readFile(path)), { fileName: path });
  if (!values.ok) throw new Error(values.reason);
  return Object.fromEntries(values.value.sheets.map((s) => [s.name, s.grid]));
}

describe('LibreOffice and the catalog workbooks', () => {
  let dir: string;
  let bookOut: string;
  let templateOut: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cchc-lo-catalog-'));
    const book = join(dir, 'danh-muc.xlsx');
    await writeFile(book, await writeXlsx(buildCatalogBook(CATALOG_2025), { deflate: nodeDeflate }));
    const template = join(dir, 'bieu-mau.xlsx');
    const { sheets } = standardTemplate({ unitName: 'UBND xã Anh Sơn', unitCode: '90002', year: 2026, period: 'Q1' });
    await writeFile(template, await writeXlsx(sheets, { deflate: nodeDeflate }));
    [bookOut, templateOut] = await recalcAllWithLibreOffice([book, template], join(dir, 'out'));
  });

  afterAll(async () => {
    if (dir && !process.env.KEEP_LO) await rm(dir, { recursive: true, force: true });
  });

  it('opens the authoring workbook and saves a copy that reads back as the same catalog, unedited', async () => {
    const r = readCatalogBook(await grids(bookOut));
    expect(r.issues).toEqual([]);
    expect(r.catalog).toEqual(CATALOG_2025);
    expect(r.storedHash).toBe(catalogHash(CATALOG_2025));
  });

  it('keeps every sheet, the native lists and their help', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(bookOut);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Thông tin danh mục', 'Lĩnh vực', 'Chỉ tiêu', 'Nhóm chỉ tiêu', 'Nhiệm vụ', 'Lịch báo cáo', 'Hướng dẫn']);
    const kind = wb.getWorksheet('Chỉ tiêu')?.getCell('E5').dataValidation;
    // LibreOffice writes an unused second formula ("0") beside a list's source; the source is what counts.
    expect(kind).toMatchObject({ type: 'list', showErrorMessage: true });
    expect(kind?.formulae?.[0]).toBe('"Tỷ lệ,Số lượng,Thời gian,Định tính"');
    expect(kind?.prompt).toBe('Tỷ lệ, Số lượng, Thời gian hoặc Định tính.');
    const period = wb.getWorksheet('Lịch báo cáo')?.getCell('A4').dataValidation;
    expect(period?.type).toBe('list');
    expect(period?.formulae?.[0]).toBe('"Quý I,Quý II,Quý III,Quý IV,6 tháng,9 tháng,Năm"');
  });

  it('a commune template saved by LibreOffice still carries its catalog, matching its hash', async () => {
    const g = await grids(templateOut);
    const carried = readEmbeddedCatalog(g[CATALOG_SHEET]);
    expect(carried).toEqual({ ok: true, catalog: CATALOG_2025, hash: catalogHash(CATALOG_2025) });
  });
});
