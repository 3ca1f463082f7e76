#!/usr/bin/env node
// Makes the import fixtures in test/import/files/ from the seeds' annex tables (seed-tables.mjs):
// - seed-000.docx, seed-001.docx, seed-002.docx: Word documents written by LibreOffice Writer from
//   HTML tables — merged header cells, the header repeated mid-table where the seed's page broke,
//   rows broken over two table rows, the national header and the signature block as borderless
//   tables, as plans are typed;
// - seed-000.xlsx, seed-001.xlsx, seed-002.xlsx: the same tables as a hand-made sheet written by
//   LibreOffice Calc — columns in reverse order, no diacritics (as seed 003 is typed), one header
//   row, section rows merged across.
// Run: node test/import/make-fixtures.mjs   (needs soffice; uses a throw-away profile)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SEED_000_P1, SEED_000_P2, SEED_001, SEED_002 } from './seed-tables.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'files');

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paras = (s) => String(s).split('\n').map((line) => `<p>${esc(line)}</p>`).join('');
const fold = (s) => String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

const BORDER = 'border="1" cellspacing="0" cellpadding="3" style="border-collapse:collapse"';

function headerHtml(t, text = (s) => s) {
  return t.header
    .map((row) => `<tr>${row.map((c) => `<td${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}${c.colspan ? ` colspan="${c.colspan}"` : ''}><b>${paras(text(c.text))}</b></td>`).join('')}</tr>`)
    .join('\n');
}

/** One annex as a Word table. */
function docxTable(t) {
  const width = t.columns.length;
  const body = t.rows.map((r) => {
    if (r === 'HEADER') return headerHtml(t);
    if (r.merged) return `<tr><td colspan="${width}"><b>${paras(r.merged)}</b></td></tr>`;
    const cells = Array.isArray(r) ? r : r.cells;
    const spans = Array.isArray(r) ? {} : r.rowspan;
    return `<tr>${cells.map((c, i) => (c === null ? '' : `<td${spans[i] ? ` rowspan="${spans[i]}"` : ''}>${paras(c)}</td>`)).join('')}</tr>`;
  });
  return `<table ${BORDER}>\n${headerHtml(t)}\n${body.join('\n')}\n</table>`;
}

const NATIONAL = (unit) =>
  `<table border="0"><tr><td>${paras(`ỦY BAN NHÂN DÂN\n${unit}`)}</td><td>${paras('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc')}</td></tr></table>`;
const SIGNATURE = (t) => {
  const list = t.after ?? [];
  const cut = list.findIndex((l) => /^TM\./.test(l));
  const left = cut < 0 ? list : list.slice(0, cut);
  const right = cut < 0 ? [] : list.slice(cut);
  return `<table border="0"><tr><td>${paras(left.join('\n'))}</td><td>${paras(right.join('\n'))}</td></tr></table>`;
};

function docxHtml(tables, unit) {
  const parts = tables.map((t) => `${NATIONAL(unit)}\n${t.title.map((l) => `<p align="center"><b>${esc(l)}</b></p>`).join('')}\n${docxTable(t)}\n${SIGNATURE(t)}`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Phụ lục</title></head><body>\n${parts.join('\n<p style="page-break-before:always"></p>\n')}\n</body></html>`;
}

/** The same tables as someone retypes them in a sheet: columns reversed, no diacritics, one header row. */
function sheetTable(t) {
  const order = t.columns.map((_, i) => t.columns.length - 1 - i);
  const headerTexts = sheetHeader(t);
  const rows = [`<tr>${order.map((i) => `<td>${esc(fold(headerTexts[i]))}</td>`).join('')}</tr>`];
  for (const r of t.rows) {
    if (r === 'HEADER') continue;
    if (r.merged) {
      rows.push(`<tr><td colspan="${order.length}">${esc(fold(r.merged))}</td></tr>`);
      continue;
    }
    const cells = Array.isArray(r) ? r : r.cells;
    // A merged cell of the Word table is typed once, on its first row.
    rows.push(`<tr>${order.map((i) => `<td>${esc(fold(cells[i] ?? '')).replace(/\n/g, '<br>')}</td>`).join('')}</tr>`);
  }
  return `<table border="1">\n${rows.join('\n')}\n</table>`;
}

/** One header text per column, from the (possibly two-row) Word header. */
function sheetHeader(t) {
  const texts = [];
  const [first, second] = t.header;
  let secondAt = 0;
  for (const c of first) {
    if (c.colspan) for (let k = 0; k < c.colspan; k++) texts.push(second[secondAt++].text.replace(/\n/g, ' '));
    else texts.push(c.text.replace(/\n/g, ' '));
  }
  return texts;
}

function xlsxHtml(tables) {
  const parts = tables.map((t) => `<table><tr><td>${esc(fold(t.title[0]))}</td></tr><tr><td>${esc(fold(t.title[1]))}</td></tr></table>\n${sheetTable(t)}\n<table><tr><td>${esc(fold((t.after ?? ['Noi nhan:'])[0]))}</td></tr></table>`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n${parts.join('\n<br>\n')}\n</body></html>`;
}

function soffice(args, profile) {
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', '--nologo', ...args], { stdio: 'pipe', timeout: 180_000 });
}

const DOCS = [
  { name: 'seed-000', tables: [SEED_000_P1, SEED_000_P2], unit: 'THỊ TRẤN BÌNH DƯƠNG' },
  { name: 'seed-001', tables: [SEED_001], unit: 'XÃ ANH SƠN' },
  { name: 'seed-002', tables: [SEED_002], unit: 'THỊ TRẤN BÚT SƠN' },
];

mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'cchc-fixtures-'));
const profile = mkdtempSync(join(tmpdir(), 'lo-fixtures-'));
try {
  const docxIn = join(work, 'docx');
  const xlsxIn = join(work, 'xlsx');
  mkdirSync(docxIn);
  mkdirSync(xlsxIn);
  for (const d of DOCS) {
    writeFileSync(join(docxIn, `${d.name}.html`), docxHtml(d.tables, d.unit));
    writeFileSync(join(xlsxIn, `${d.name}.html`), xlsxHtml(d.tables));
  }
  const converted = join(work, 'out');
  mkdirSync(converted);
  soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', converted, ...DOCS.map((d) => join(docxIn, `${d.name}.html`))], profile);
  soffice(['--infilter=HTML (StarCalc)', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', converted, ...DOCS.map((d) => join(xlsxIn, `${d.name}.html`))], profile);
  for (const f of readdirSync(converted)) renameSync(join(converted, f), join(out, f));
  console.log(`Đã tạo ${readdirSync(out).length} tệp trong ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
