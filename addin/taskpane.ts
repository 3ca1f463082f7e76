/**
 * The task pane: wires the form and buttons to the three commands. Each command runs in one
 * Excel.run batch; host errors become Vietnamese notices (excel/host-errors.ts), never raw text.
 * Every ribbon button opens this one page at one address, so clicks never reload it and the form,
 * results and picked files stay. The check also runs by itself after edits (pane/auto-check.ts).
 */
import './platform/polyfills';
import type { ValidationIssue } from '../shared/model';
import { readReport } from '../shared/validate';
import { catalogTemplate } from './annex-template';
import { checkWorkbook, selectIssue, watchSheets } from './commands/check-workbook';
import { consolidateFiles, type PickedFile } from './commands/consolidate-files';
import { importPlanFromSelection } from './commands/import-plan';
import { insertAnnexes, ORPHAN_SHEET, type AnnexForm } from './commands/insert-annexes';
import { loadCatalog } from './commands/load-catalog';
import { AutoCheck } from './pane/auto-check';
import { MINIMUM_EXCEL_API, supportsExcelApi } from './excel/capabilities';
import { describeHostError } from './excel/host-errors';
import { consolidateReport } from './pane/consolidate-report';
import { fillFromInfo, focusField, readAnnexForm, readConsolidateForm, readExpectedSheet, restoreForm, saveForm } from './pane/form';
import { renderIssues, renderSummary } from './pane/issues-view';
import { sharedPipeline, sharedValidator } from './pipeline';
import { appendAll, clearChildren, readFileBytes } from './platform/dom';

const doc = document;
const $ = <T extends HTMLElement = HTMLElement>(id: string) => doc.getElementById(id) as T;
const buttons = () => ['btn-insert', 'btn-import', 'btn-check', 'btn-consolidate'].map((id) => $<HTMLButtonElement>(id));
const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
})();

let busy = false;
const watched = new Set<string>();

function notice(kind: 'error' | 'info' | null, text = ''): void {
  const n = $('notice');
  n.hidden = kind === null;
  n.className = `notice ${kind ?? ''}`;
  n.textContent = text;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Runs one pane action: buttons disabled meanwhile, any error shown as a Vietnamese notice. */
async function guarded(action: () => Promise<void>): Promise<void> {
  if (busy) return;
  busy = true;
  for (const b of buttons()) b.disabled = true;
  notice(null);
  try {
    await action();
  } catch (e) {
    notice('error', describeHostError(e).message);
    console.error(e);
  } finally {
    busy = false;
    // Whatever the command wrote raises onChanged too: not an edit to check again.
    autoCheck.ownWritesDone();
    for (const b of buttons()) b.disabled = false;
  }
}

const autoCheck = new AutoCheck({
  run: (delay) =>
    delay
      ? Excel.run({ delayForCellEdit: true }, (context) => checkWorkbook(context, sharedValidator))
      : Excel.run((context) => checkWorkbook(context, sharedValidator)),
  canDelayForCellEdit: () => supportsExcelApi('1.11'),
  show: (r) => showIssues(r.issues, r.sheetOrder),
  enabled: () => $<HTMLInputElement>('auto-check').checked,
  busy: () => busy,
  log: (e) => console.warn('automatic check skipped', e),
});

async function watch(names: readonly string[]): Promise<void> {
  const fresh = names.filter((n) => !watched.has(n));
  if (fresh.length === 0) return;
  await Excel.run((context) => watchSheets(context, fresh, () => autoCheck.onChanged()));
  for (const n of fresh) watched.add(n);
}

function showIssues(issues: ValidationIssue[], sheetOrder: string[]): void {
  renderSummary(doc, $('check-summary'), issues);
  renderIssues(doc, $('issues'), issues, sheetOrder, (issue) =>
    void guarded(() => Excel.run((context) => selectIssue(context, issue))),
  );
}

async function runCheck(): Promise<void> {
  const result = await Excel.run((context) => checkWorkbook(context, sharedValidator));
  showIssues(result.issues, result.sheetOrder);
  await watch(result.annexSheets);
}

/** The form's unit, year and period, saved for next time; a wrong field is said and focused (null). */
function annexForm(): AnnexForm | null {
  const form = readAnnexForm(doc);
  if (!form.ok) {
    notice('error', form.message);
    focusField(doc, form.field);
    return null;
  }
  saveForm(doc, storage);
  return form.value;
}

async function runInsert(): Promise<void> {
  const form = annexForm();
  if (!form) return;
  const r = await Excel.run((context) => insertAnnexes(context, form, catalogTemplate));
  const parts: string[] = [];
  if (r.created.length) parts.push(`Đã tạo: ${r.created.filter((n) => !n.startsWith('_')).join(', ')}.`);
  if (r.updated.length) parts.push(`Đã cập nhật: ${r.updated.filter((n) => !n.startsWith('_')).join(', ')}.`);
  if (r.kept) parts.push(`Giữ lại ${r.kept} ô số liệu đã nhập.`);
  if (r.orphans.length) {
    parts.push(`${r.orphans.length} dòng có số liệu không còn trong mẫu mới đã được chép sang trang “${ORPHAN_SHEET}”.`);
  }
  if (!r.pageLayout) parts.push('Phiên bản Excel này chưa hỗ trợ thiết lập trang in: hãy tự chọn khổ A4, in ngang.');
  const out = $('insert-result');
  out.className = 'result ok';
  out.textContent = parts.join(' ');
  await runCheck();
}

/** Nhập từ bảng có sẵn: the unit, year and period of the form head the pre-filled annexes. */
async function runImport(): Promise<void> {
  const form = annexForm();
  if (!form) return;
  const r = await Excel.run((context) => importPlanFromSelection(context, form));
  const out = $('import-result');
  out.className = 'result ok';
  clearChildren(out);
  for (const line of r.report) {
    const p = doc.createElement('div');
    p.textContent = line;
    appendAll(out, p);
  }
  if (r.insert.orphans.length) {
    const p = doc.createElement('div');
    p.textContent = `${r.insert.orphans.length} dòng có số liệu không còn trong sổ mới đã được chép sang trang “${ORPHAN_SHEET}”.`;
    appendAll(out, p);
  }
  await runCheck();
}

/** Nạp danh mục: the picked catalog workbook, checked and kept in this workbook. */
async function runLoadCatalog(): Promise<void> {
  const input = $<HTMLInputElement>('catalog-file');
  const f = input.files?.[0];
  if (!f) return;
  input.value = '';
  const c = await Excel.run((context) => loadCatalog(context, pickedFile(f)));
  $('catalog-chosen').textContent = `Danh mục ${c.id} phiên bản ${c.version} năm ${c.year} (${c.indicators.length} chỉ tiêu, ${c.tasks.length} nhiệm vụ)`;
  notice('info', `Đã nạp danh mục “${c.name ?? c.id}” phiên bản ${c.version}. Bấm Chèn Phụ lục để tạo hoặc cập nhật các phụ lục theo danh mục này.`);
}

function pickedFile(f: File): PickedFile {
  return { name: f.name, arrayBuffer: () => readFileBytes(f) };
}

async function runConsolidate(): Promise<void> {
  const opts = readConsolidateForm(doc, today());
  if (!opts.ok) {
    notice('error', opts.message);
    focusField(doc, opts.field);
    return;
  }
  const picked = $<HTMLInputElement>('files').files;
  const files: PickedFile[] = [];
  for (let i = 0; picked && i < picked.length; i++) files.push(pickedFile(picked[i]));
  if (files.length === 0) {
    notice('error', 'Hãy chọn ít nhất một tệp báo cáo .xlsx (có thể chọn nhiều tệp cùng lúc).');
    return;
  }
  const listFile = $<HTMLInputElement>('expected-file').files?.[0];
  const expected = { sheet: readExpectedSheet(doc), file: listFile ? pickedFile(listFile) : undefined };
  saveForm(doc, storage);
  const bar = $<HTMLProgressElement>('progress');
  const text = $('progress-text');
  $('progress-wrap').hidden = false;
  bar.max = files.length;
  bar.value = 0;
  text.textContent = `0/${files.length}`;
  const out = $('consolidate-result');
  const advice = $('consolidate-advice');
  const lists = $('consolidate-lists');
  out.textContent = '';
  advice.hidden = true;
  clearChildren(lists);
  const r = await Excel.run((context) =>
    consolidateFiles(
      context,
      files,
      opts.value,
      sharedPipeline,
      (done, total, name) => {
        bar.value = done;
        text.textContent = `${done}/${total} · ${name}`;
      },
      undefined,
      expected,
    ),
  );
  text.textContent = `${files.length}/${files.length} · xong`;
  const report = consolidateReport(r.summary, files.length);
  out.className = `result ${report.level}`;
  out.textContent =
    report.headline +
    (r.written.length ? ` Các trang: ${r.written.join(', ')}.` : '') +
    (r.charts ? ` Đã vẽ ${r.charts} biểu đồ.` : '');
  if (report.advice) {
    advice.hidden = false;
    advice.textContent = report.advice;
  }
  for (const l of report.lists) {
    const h = doc.createElement('h3');
    h.textContent = l.title;
    const ul = doc.createElement('ul');
    for (const item of l.items) {
      const li = doc.createElement('li');
      li.textContent = item;
      appendAll(ul, li);
    }
    appendAll(lists, h, ul);
  }
}

/** On opening: read the workbook once, fill the form from its Thông tin, list current issues. */
async function start(): Promise<void> {
  const result = await Excel.run((context) => checkWorkbook(context, sharedValidator));
  const info = readReport(result.grids, { date1904: result.date1904 }).report?.info ?? null;
  if (info) {
    fillFromInfo(doc, info);
    showIssues(result.issues, result.sheetOrder);
    await watch(result.annexSheets);
  }
}

function bind(): void {
  $('btn-insert').addEventListener('click', () => void guarded(runInsert));
  $('btn-import').addEventListener('click', () => void guarded(runImport));
  $('btn-check').addEventListener('click', () => void guarded(runCheck));
  $('btn-consolidate').addEventListener('click', () => void guarded(runConsolidate));
  $<HTMLInputElement>('files').addEventListener('change', () => {
    const n = $<HTMLInputElement>('files').files?.length ?? 0;
    $('files-chosen').textContent = n === 0 ? 'Chưa chọn tệp nào' : `Đã chọn ${n} tệp`;
  });
  $<HTMLInputElement>('catalog-file').addEventListener('change', () => void guarded(runLoadCatalog));
  $<HTMLInputElement>('expected-file').addEventListener('change', () => {
    const f = $<HTMLInputElement>('expected-file').files?.[0];
    $('expected-chosen').textContent = f ? `Danh sách: ${f.name}` : 'Chưa chọn tệp danh sách';
  });
}

Office.onReady((info) => {
  restoreForm(doc, storage, new Date());
  bind();
  // From here on errors are the pane's to show (taskpane.html's fallback notice stands down).
  (window as unknown as { __cchcStarted: boolean }).__cchcStarted = true;
  if (info.host !== Office.HostType.Excel) {
    notice('info', 'Trang này là phần bổ trợ của Excel: hãy mở nó trong Excel (Trang đầu → nhóm CCHC).');
    for (const b of buttons()) b.disabled = true;
    return;
  }
  if (!supportsExcelApi(MINIMUM_EXCEL_API)) {
    notice('error', `Phiên bản Excel này quá cũ (cần ExcelApi ${MINIMUM_EXCEL_API}, có từ Excel 2019 / Microsoft 365). Hãy cập nhật Office hoặc dùng Excel trên web.`);
    for (const b of buttons()) b.disabled = true;
    return;
  }
  void guarded(start);
});
