/**
 * The pane in a real ES5 engine. Internet Explorer 11 runs add-ins in Excel 2016/2019 volume-licensed
 * ("Browsers and webview controls used by Office Add-ins", learn.microsoft.com): it parses ES5 only and
 * has no BigInt, Promise, Map, Symbol.iterator or String.prototype.normalize. duk (Debian's duktape)
 * is an ES5.1 engine with none of them either. The add-in is built as shipped, and duk runs it with
 * the Excel fake and a small DOM (es5/duk-host.ts): start-up, Chèn Phụ lục and the check that follows.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { communeCode, communeWorkbook, NOT_A_WORKBOOK } from './commune-files';

const root = join(__dirname, '..', '..');
const DUK = '/usr/bin/duk';
const canRun = existsSync(DUK) || Boolean(process.env.CI);
if (!canRun) console.log('es5-bundle.test: duk not found and CI is not set; apt-get install duktape to run it.');
const maybe = canRun ? describe : describe.skip;

interface ElementSpec {
  id: string;
  tag: string;
  value: string;
}

/** The elements of taskpane.html that have an id, with a select's first option as its value. */
function paneElements(html: string): ElementSpec[] {
  const out: ElementSpec[] = [];
  const tag = /<(\w+)\b[^>]*\bid="([^"]+)"/g;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const value = m[1] === 'select' ? (/<option value="([^"]*)"/.exec(html.slice(tag.lastIndex))?.[1] ?? '') : '';
    out.push({ id: m[2], tag: m[1], value });
  }
  return out;
}

function duk(dir: string, name: string, parts: string[]): { out: string; err: string; status: number | null } {
  const file = join(dir, name);
  writeFileSync(file, parts.join('\n;\n'));
  const r = spawnSync(DUK, [file], { encoding: 'utf8', timeout: 120_000 });
  return { out: r.stdout.trim(), err: (r.stderr ?? '').trim(), status: r.status };
}

maybe('the built pane in duk, an ES5 engine', () => {
  let dir: string;
  let pane: string;
  let host: string;
  let html: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cchc-es5-'));
    execFileSync(process.execPath, [join(__dirname, 'es5', 'build-for-duk.mjs'), dir], { cwd: root, stdio: 'pipe' });
    pane = readFileSync(join(dir, 'taskpane.js'), 'utf8');
    host = readFileSync(join(dir, 'duk-host.js'), 'utf8');
    html = readFileSync(join(dir, 'taskpane.html'), 'utf8');
  }, 120_000);

  test('duk itself refuses ES2015 syntax and lacks what IE 11 lacks (so passing below means something)', () => {
    expect(duk(dir, 'arrow.js', ['var f = () => 1;']).err).toMatch(/SyntaxError/);
    expect(duk(dir, 'builtins.js', ['print([typeof Promise, typeof Map, typeof BigInt, typeof "".normalize].join())']).out).toBe(
      'undefined,undefined,undefined,undefined',
    );
  });

  test('both scripts parse as ES5 and the pane bundle never calls BigInt while loading', () => {
    expect(duk(dir, 'commands-run.js', ['var Office = { onReady: function (cb) { cb && cb({}); } };', readFileSync(join(dir, 'commands.js'), 'utf8')]).status).toBe(0);
    const load = duk(dir, 'pane-parse.js', [host, `__installDom(${JSON.stringify(paneElements(html))}, "");`, 'var Office = { onReady: function () {} };', pane, 'print(typeof BigInt)']);
    expect(load.err).toBe('');
    expect(load.out).toBe('undefined');
  });

  test('start-up, Chèn Phụ lục and the check that follows run in ES5', () => {
    const drive = `
      __drain();
      var el = __el;
      var out = { startNotice: el('notice').hidden ? null : el('notice').textContent, year: el('year').value,
        buttons: [el('btn-insert').disabled, el('btn-check').disabled, el('btn-consolidate').disabled] };
      el('year').value = '2025'; el('period').value = 'Q2';
      el('parentName').value = 'Sở Nội vụ tỉnh Nghệ An';
      el('unitName').value = 'UBND xã Anh Sơn'; el('unitCode').value = '16279';
      el('planNumber').value = '05/KH-UBND'; el('planDate').value = '10/01/2025';
      el('btn-insert').click();
      __drain();
      out.notice = el('notice').hidden ? null : el('notice').textContent;
      out.insert = el('insert-result').textContent;
      out.sheets = __book.names;
      out.unit = __book.sheet('Thông tin').value('B3');
      out.summary = el('check-summary').textContent;
      out.groups = el('issues').childNodes.length;
      print(JSON.stringify(out));`;
    const r = duk(dir, 'pane-run.js', [host, `__installDom(${JSON.stringify(paneElements(html))}, "");`, '__installExcel(["Sheet1"]);', pane, drive]);
    expect(r.err).toBe('');
    const out = JSON.parse(r.out);
    expect(out.startNotice).toBeNull();
    expect(out.year).toBe(String(new Date().getFullYear()));
    expect(out.buttons).toEqual([false, false, false]);
    expect(out.notice).toBeNull();
    expect(out.insert).toMatch(/^Đã tạo: Thông tin, Phụ lục 1 - Chỉ tiêu, Phụ lục 2 - Nhiệm vụ\./);
    expect(out.sheets).toEqual(['Sheet1', 'Thông tin', 'Phụ lục 1 - Chỉ tiêu', 'Phụ lục 2 - Nhiệm vụ', '_cchc_meta', '_cchc_danh_muc']);
    expect(out.unit).toBe('UBND xã Anh Sơn');
    expect(out.summary).toMatch(/^\d+ lỗi/);
    expect(out.groups).toBeGreaterThan(0);
  }, 120_000);

  test('Nhập từ bảng có sẵn recognises a plan table and inserts the pre-filled annexes in ES5', () => {
    const rows = [
      ['TT', 'Nhiệm vụ', 'Sản phẩm', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
      ['I', 'Cải cách thể chế', '', '', ''],
      ['1', 'Xây dựng Kế hoạch và tổ chức tuyên truyền, phổ biến giáo dục pháp luật năm 2025', 'Kế hoạch', 'Tư pháp - Hộ tịch', 'Ban hành: Quý I; Thực hiện: Cả năm'],
      ['2', 'Việc riêng của xã', 'Báo cáo', 'Văn phòng', 'Quy II'],
      ['Nơi nhận:', '', '', '', ''],
    ];
    const drive = `
      __drain();
      var el = __el;
      var rows = ${JSON.stringify(rows)};
      var sheet = __book.sheet('Ke hoach');
      for (var i = 0; i < rows.length; i++) for (var j = 0; j < rows[i].length; j++)
        if (rows[i][j] !== '') sheet.cells.set((i + 1) + ',' + (j + 1), { value: rows[i][j], formula: null, numberFormat: '@' });
      el('year').value = '2025'; el('period').value = 'Q1';
      el('parentName').value = 'Sở Nội vụ tỉnh Nghệ An';
      el('unitName').value = 'UBND xã Anh Sơn'; el('unitCode').value = '16279';
      el('planNumber').value = '05/KH-UBND'; el('planDate').value = '10/01/2025';
      el('btn-import').click();
      __drain();
      var pl2 = __book.sheet('Phụ lục 2 - Nhiệm vụ').grid();
      var codes = [];
      for (var r = 0; r < pl2.length; r++) if (/^NV\./.test(String(pl2[r][0]))) codes.push(pl2[r][0]);
      print(JSON.stringify({ notice: el('notice').hidden ? null : el('notice').textContent, report: el('import-result').textContent, codes: codes }));`;
    const r = duk(dir, 'pane-import.js', [host, `__installDom(${JSON.stringify(paneElements(html))}, "");`, '__installExcel(["Ke hoach"]);', pane, drive]);
    expect(r.err).toBe('');
    const out = JSON.parse(r.out);
    expect(out.notice).toBeNull();
    expect(out.report).toMatch(/^Đã đọc trang “Ke hoach”: 1 bảng phụ lục \(2 nhiệm vụ\)\.Khớp với biểu mẫu chuẩn: 1 dòng/);
    expect(out.codes).toEqual(['NV.TC.02', 'NV.TC.16279.01']);
  }, 120_000);

  test('when the script cannot start, the page says so in Vietnamese and disables the buttons', () => {
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(inline).toContain('window.onerror');
    const r = duk(dir, 'fallback.js', [
      host,
      `__installDom(${JSON.stringify(paneElements(html))}, "");`,
      'document.readyState = "complete";',
      inline,
      'window.onerror("SyntaxError", "taskpane.js", 1);',
      'print(JSON.stringify({ hidden: __el("notice").hidden, text: __el("notice").textContent, disabled: __el("btn-consolidate").disabled }));',
    ]);
    expect(r.err).toBe('');
    const out = JSON.parse(r.out);
    expect(out.hidden).toBe(false);
    expect(out.text).toMatch(/^Phiên bản Excel này không chạy được phần bổ trợ CCHC\. Hãy cập nhật Office/);
    expect(out.disabled).toBe(true);
  });
});

maybe('Tổng hợp in duk', () => {
  test('picked files are read with FileReader, hashed without Web Crypto, ingested and summarised in ES5', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-es5c-'));
    execFileSync(process.execPath, [join(__dirname, 'es5', 'build-for-duk.mjs'), dir], { cwd: root, stdio: 'pipe' });
    const html = readFileSync(join(dir, 'taskpane.html'), 'utf8');
    const files = [];
    for (const i of [1, 2]) files.push({ name: `xa-${communeCode(i)}.xlsx`, bytes: [...(await communeWorkbook(i))] });
    files.push({ name: 'ghi-chu.xlsx', bytes: [...NOT_A_WORKBOOK] });
    const drive = `
      __drain();
      var el = __el;
      el('year').value = '2025'; el('period').value = 'Q2'; el('parentName').value = 'Sở Nội vụ tỉnh Nghệ An';
      el('files').files = ${JSON.stringify(files)};
      el('expected-file').files = [];
      el('btn-consolidate').click();
      __drain();
      var lists = [];
      var nodes = el('consolidate-lists').childNodes;
      for (var i = 0; i < nodes.length; i++) lists.push(nodes[i].textContent);
      print(JSON.stringify({ notice: el('notice').hidden ? null : el('notice').textContent, result: el('consolidate-result').textContent,
        level: el('consolidate-result').className, lists: lists, sheets: __book.names }));`;
    const r = duk(dir, 'consolidate-run.js', [
      readFileSync(join(dir, 'duk-host.js'), 'utf8'),
      `__installDom(${JSON.stringify(paneElements(html))}, "");`,
      '__installExcel(["Sheet1"]);',
      readFileSync(join(dir, 'taskpane.js'), 'utf8'),
      drive,
    ]);
    expect(r.err).toBe('');
    const out = JSON.parse(r.out);
    expect(out.notice).toBeNull();
    expect(out.result).toMatch(/^Đã tổng hợp 2 đơn vị \(2\/3 tệp\) cho Quý II năm 2025\./);
    expect(out.level).toBe('result warning');
    expect(out.lists[0]).toBe('Tệp bị từ chối (1):');
    expect(out.lists[1]).toMatch(/^ghi-chu\.xlsx: /);
    expect(out.sheets).toEqual(expect.arrayContaining(['Tổng hợp chỉ tiêu', 'Chi tiết theo đơn vị']));
  }, 240_000);
});
