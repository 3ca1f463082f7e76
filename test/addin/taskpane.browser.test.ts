/**
 * The task pane in headless Chromium: the add-in is built (npm run build:addin), dist/addin is
 * served over plain http on 127.0.0.1, and the Office.js CDN address is answered with a bundle of the
 * in-memory Excel fake, so the page runs with no network. The test clicks the three commands as a
 * person would and checks the workbook the fake holds, then saves test-output/taskpane.png.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { communeWorkbook, NOT_A_WORKBOOK } from './commune-files';
import type { FakeWorkbook } from './fake-excel';
import { NODE_XLSX_CODECS } from '../../cli/codecs';
import { readXlsxValues } from '../../io/xlsx/read-values';
import { writeXlsx } from '../../io/xlsx/write';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { buildCatalogBook } from '../../shared/layout/catalog-book';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CHROMIUM = '/usr/bin/chromium';
const root = join(__dirname, '..', '..');
const dist = join(root, 'dist', 'addin');
const canRun = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!canRun) {
  console.log(`taskpane.browser.test: ${CHROMIUM} not found and CI is not set; skipping the browser test (apt-get install chromium to run it).`);
}
const maybe = canRun ? describe : describe.skip;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.png': 'image/png', '.xml': 'application/xml', '.map': 'application/json',
};

declare global {
  interface Window {
    __book: FakeWorkbook;
  }
}

maybe('task pane in headless Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let base: string;
  const pageErrors: string[] = [];
  const outsideRequests: string[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'addin', 'build.mjs')], { cwd: root, stdio: 'pipe' });
    const host = await build({
      entryPoints: [join(__dirname, 'browser-host.ts')],
      bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2020', logLevel: 'silent',
    });
    const hostJs = host.outputFiles[0].text;

    server = createServer((req, res) => {
      const rel = decodeURIComponent((req.url ?? '/').split('?')[0]).slice(1) || 'taskpane.html';
      const file = normalize(join(dist, rel));
      if (!file.startsWith(dist + sep) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const context = await browser.newContext({ viewport: { width: 380, height: 1100 }, locale: 'vi-VN' });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('https://appsforoffice.microsoft.com/')) {
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: hostJs });
      }
      if (url.startsWith(base)) return route.continue();
      outsideRequests.push(url);
      return route.abort();
    });
    await page.goto(`${base}/taskpane.html`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  test('Chèn Phụ lục creates the annex sheets from the form', async () => {
    await page.fill('#year', '2025');
    await page.selectOption('#period', 'Q2');
    await page.fill('#parentName', 'Sở Nội vụ tỉnh Nghệ An');
    await page.fill('#unitName', 'UBND xã Anh Sơn');
    await page.fill('#unitCode', '16279');
    await page.fill('#planNumber', '05/KH-UBND');
    await page.fill('#planDate', '10/01/2025');
    await page.click('#btn-insert');
    await page.waitForSelector('#insert-result:has-text("Đã tạo")');
    const names = await page.evaluate(() => window.__book.names);
    expect(names).toEqual(['Sheet1', 'Thông tin', 'Phụ lục 1 - Chỉ tiêu', 'Phụ lục 2 - Nhiệm vụ', '_cchc_meta', '_cchc_danh_muc']);
    const info = await page.evaluate(() => [window.__book.sheet('Thông tin').value('B3'), window.__book.sheet('Thông tin').value('B4')]);
    expect(info).toEqual(['UBND xã Anh Sơn', '16279']);
    // the check ran after inserting: the report date is still empty
    await page.waitForSelector('.issue[data-address="B13"]');
  });

  test('a pasted value is caught by the automatic check; Kiểm tra lists it; clicking selects the cell', async () => {
    // Edits reported just after a command are taken for its own writes (pane/auto-check.ts): a person
    // pastes a moment later.
    await page.waitForTimeout(1600);
    const row = await page.evaluate(async () => {
      const grid = window.__book.sheet('Phụ lục 1 - Chỉ tiêu').grid();
      const r = grid.findIndex((x) => x[0] === 'CT.CDDH.02') + 1;
      await window.__book.userEdit('Phụ lục 1 - Chỉ tiêu', `G${r}`, [['abc']]);
      return r;
    });
    await page.waitForSelector(`.sheet-group[data-sheet="Phụ lục 1 - Chỉ tiêu"] .issue[data-address="G${row}"]`, { timeout: 5000 });
    await page.click('#btn-check');
    const item = page.locator(`.issue[data-address="G${row}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('“abc” không phải là số');
    expect(await item.locator('.badge').textContent()).toBe('lỗi');
    await item.click();
    await page.waitForFunction((r) => window.__book.selection?.address === `G${r}`, row);
    expect(await page.evaluate(() => window.__book.selection)).toEqual({ sheet: 'Phụ lục 1 - Chỉ tiêu', address: `G${row}` });
    expect(await page.locator('#check-summary .badge.error').textContent()).toMatch(/^\d+ lỗi$/);
  });

  test('Tổng hợp reads the picked files, writes the summary sheets and lists refused files', async () => {
    const files = [];
    for (const i of [1, 2, 3]) {
      files.push({ name: `xa-1600${i}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await communeWorkbook(i)) });
    }
    files.push({ name: 'ghi-chu.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(NOT_A_WORKBOOK) });
    await page.setInputFiles('#files', files);
    await page.click('#btn-consolidate');
    await page.waitForSelector('#consolidate-result:has-text("Đã tổng hợp")', { timeout: 30_000 });
    expect(await page.locator('#consolidate-result').textContent()).toMatch(/^Đã tổng hợp 3 đơn vị \(3\/4 tệp\) cho Quý II năm 2025\./);
    // a refused file needs attention: not shown as a plain success
    expect(await page.locator('#consolidate-result').getAttribute('class')).toBe('result warning');
    expect(await page.locator('#progress').evaluate((p) => [(p as HTMLProgressElement).value, (p as HTMLProgressElement).max])).toEqual([4, 4]);
    expect(await page.locator('#consolidate-lists h3').allTextContents()).toEqual([
      'Tệp bị từ chối (1):',
      'Những điểm cần chú ý (chỉ tiêu chưa đạt, thiếu nhiều nhất trước):',
    ]);
    const refused = await page.locator('#consolidate-lists ul').first().locator('li').allTextContents();
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/^ghi-chu\.xlsx: /);
    const attention = await page.locator('#consolidate-lists ul').nth(1).locator('li').allTextContents();
    expect(attention.length).toBeGreaterThan(0);
    for (const line of attention) expect(line).toMatch(/đơn vị có số liệu chưa đạt chỉ tiêu của mình\.$/);
    const state = await page.evaluate(() => ({
      names: window.__book.names,
      units: window.__book.sheet('Tình hình nộp báo cáo').grid().map((r) => r[8]),
      charts: window.__book.sheet('Biểu đồ chỉ tiêu').charts.length,
    }));
    expect(state.names).toEqual(expect.arrayContaining(['Tổng hợp chỉ tiêu', 'Chi tiết theo đơn vị', 'Tổng hợp nhiệm vụ', 'Tình hình nộp báo cáo', 'Nguồn dữ liệu', 'Lỗi dữ liệu']));
    expect(state.units).toEqual(expect.arrayContaining(['16001', '16002', '16003']));
    expect(state.charts).toBeGreaterThan(0);
  }, 60_000);

  test('for 2026 the form offers đặc khu and refuses a thị trấn or a district level, saying why', async () => {
    const kinds = await page.locator('#unitKind option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(kinds).toEqual(['xa', 'phuong', 'dac_khu', 'thi_tran']);
    await page.fill('#year', '2026');
    await page.selectOption('#period', 'Q1');
    await page.selectOption('#parentLevel', 'huyen');
    await page.click('#btn-insert');
    await page.waitForSelector('#notice.error:has-text("Từ ngày 01/07/2025 không còn cấp huyện")');
    await page.selectOption('#parentLevel', 'tinh');
    await page.selectOption('#unitKind', 'thi_tran');
    await page.click('#btn-insert');
    await page.waitForSelector('#notice.error:has-text("không còn thị trấn")');
    await page.selectOption('#unitKind', 'xa');
    await page.fill('#year', '2025');
    await page.selectOption('#period', 'Q2');
  });

  test('Nạp danh mục takes a picked catalog workbook and names it in the pane', async () => {
    const bytes = await writeXlsx(buildCatalogBook(CATALOG_2025));
    await page.setInputFiles('#catalog-file', { name: 'danh-muc.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(bytes) });
    await page.waitForSelector('#notice:has-text("Đã nạp danh mục")');
    expect(await page.locator('#catalog-chosen').textContent()).toBe(
      `Danh mục ${CATALOG_2025.id} phiên bản ${CATALOG_2025.version} năm 2025 (${CATALOG_2025.indicators.length} chỉ tiêu, ${CATALOG_2025.tasks.length} nhiệm vụ)`,
    );
    expect(await page.evaluate(() => window.__book.names)).toContain('_cchc_danh_muc');
  });

  test('Nhập từ bảng có sẵn reads the plan table of the active sheet and shows the report', async () => {
    const r = readXlsxValues(readFileSync(join(root, 'test', 'import', 'files', 'seed-000.xlsx')), { ...NODE_XLSX_CODECS });
    if (!r.ok) throw new Error(r.reason);
    const grid = r.value.sheets[0].grid.map((row) => row.map((v) => (v === null ? '' : String(v))));
    await page.evaluate((g) => {
      const book = window.__book;
      const sheet = book.addSheet('Ke hoach');
      g.forEach((row, i) => row.forEach((v, j) => v !== '' && sheet.cells.set(`${i},${j}`, { value: v, formula: null, numberFormat: '@' })));
      book.active = sheet;
    }, grid);
    const before = await page.evaluate(() => window.__book.sheet('Ke hoach').grid());
    await page.click('#btn-import');
    await page.waitForSelector('#import-result:has-text("Đã đọc")', { timeout: 30_000 });
    const lines = await page.locator('#import-result div').allTextContents();
    expect(lines.slice(0, 3)).toEqual([
      'Đã đọc trang “Ke hoach”: 2 bảng phụ lục (20 chỉ tiêu; 18 nhiệm vụ).',
      'Khớp với biểu mẫu chuẩn: 36 dòng (theo mã: 0; theo tên: 36).',
      'Dòng riêng của đơn vị (giữ nguyên như kế hoạch): 2.',
    ]);
    expect(await page.evaluate(() => window.__book.sheet('Ke hoach').grid())).toEqual(before);
    const tasks = await page.evaluate(() => window.__book.sheet('Phụ lục 2 - Nhiệm vụ').grid().filter((x) => /^NV\./.test(String(x[0]))).length);
    expect(tasks).toBe(18);
  }, 60_000);

  test('no page errors, no request leaves the machine; screenshot saved', async () => {
    mkdirSync(join(root, 'test-output'), { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(root, 'test-output', 'taskpane.png') });
    await page.locator('#section-consolidate').screenshot({ path: join(root, 'test-output', 'taskpane-consolidate.png') });
    expect(pageErrors).toEqual([]);
    expect(outsideRequests).toEqual([]);
  });
});
