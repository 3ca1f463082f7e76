import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { readDocxTables, tablesOfXml } from '../../io/docx/read-tables';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string) => `<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (inner: string, pr = '') => `<w:tc><w:tcPr><w:tcW w:w="100" w:type="dxa"/>${pr}</w:tcPr>${inner}</w:tc>`;
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;

describe('tables of document.xml', () => {
  it('joins a cell’s paragraphs and line breaks, spreads gridSpan, repeats vMerge down, honours gridBefore', () => {
    const xml = doc(
      `<w:tbl><w:tblPr/><w:tblGrid/>` +
        `<w:tr>${tc(p('STT'), '<w:vMerge w:val="restart"/>')}${tc(p('Trách nhiệm') + p('cụ thể'), '<w:gridSpan w:val="2"/>')}</w:tr>` +
        `<w:tr>${tc('<w:p/>', '<w:vMerge/>')}${tc(p('Theo dõi'))}${tc(`<w:p><w:r><w:t>Thực</w:t><w:br/><w:t>hiện</w:t><w:tab/><w:t>&amp; phối hợp</w:t></w:r></w:p>`)}</w:tr>` +
        `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p('a'))}${tc(p('b'))}</w:tr>` +
        `</w:tbl>${p('Nơi nhận')}`,
    );
    expect(tablesOfXml(xml)).toEqual([
      { index: 1, rows: [['STT', 'Trách nhiệm\ncụ thể', ''], ['STT', 'Theo dõi', 'Thực\nhiện & phối hợp'], ['', 'a', 'b']] },
    ]);
  });

  it('a table inside a cell becomes lines of that cell, not a table of its own; mc:Fallback is not read twice', () => {
    const inner = `<w:tbl><w:tr>${tc(p('x'))}${tc(p('y'))}</w:tr><w:tr>${tc(p('z'))}</w:tr></w:tbl>`;
    const xml = doc(
      `<w:tbl><w:tr>${tc(p('ngoài') + inner)}${tc(`<w:p><mc:AlternateContent><mc:Choice><w:r><w:t>một</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>một</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>`)}</w:tr></w:tbl>` +
        `<w:tbl><w:tr>${tc(p('bảng 2'))}</w:tr></w:tbl>`,
    );
    expect(tablesOfXml(xml)).toEqual([
      { index: 1, rows: [['ngoài\nx y\nz', 'một']] },
      { index: 2, rows: [['bảng 2']] },
    ]);
  });
});

describe('reading a .docx file', () => {
  const pack = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));

  it('reads the tables of a Word document made by LibreOffice, leaving the bytes as they were', () => {
    const bytes = readFileSync(join(__dirname, '../import/files/seed-002.docx'));
    const before = Buffer.from(bytes);
    const r = readDocxTables(bytes, { fileName: 'ke-hoach.docx' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.map((t) => t.rows.length)).toEqual([1, 31, 1]);
    expect(r.value[1].rows[0]).toEqual(['TT', 'Nội dung thực hiện', 'Sản phẩm/kết quả', 'Cơ quan thực hiện', 'Thời gian hoàn\nthành']);
    expect(Buffer.compare(before, bytes)).toBe(0);
  });

  it.each([
    ['ke-hoach.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'docx.doc',
      'Tệp "ke-hoach.doc" là tài liệu Word 97-2003 (.doc), chưa đọc được. Hãy mở tệp trong Word, chọn Tệp → Lưu thành → Tài liệu Word (*.docx), rồi chọn tệp .docx vừa lưu.'],
    ['ke-hoach.pdf', strToU8('%PDF-1.7\n...'), 'docx.pdf',
      'Tệp "ke-hoach.pdf" là tệp PDF: bảng trong PDF không đọc lại được chính xác. Hãy mở bản Word của kế hoạch, chọn Tệp → Lưu thành → Tài liệu Word (*.docx); nếu chỉ có bản PDF, chép các bảng phụ lục sang Excel rồi chọn tệp .xlsx đó.'],
    ['ke-hoach.rtf', strToU8('{\\rtf1\\ansi ...}'), 'docx.rtf',
      'Tệp "ke-hoach.rtf" là văn bản RTF, chưa đọc được. Hãy mở tệp trong Word, chọn Tệp → Lưu thành → Tài liệu Word (*.docx), rồi chọn tệp .docx vừa lưu.'],
  ])('refuses %s, saying how to save it as .docx', (name, bytes, code, reason) => {
    expect(readDocxTables(bytes, { fileName: name })).toEqual({ ok: false, code, reason });
  });

  it('refuses an .odt, a workbook and a package whose document part fails its CRC', () => {
    expect(readDocxTables(pack({ 'content.xml': '<x/>', mimetype: 'application/vnd.oasis.opendocument.text' }), { fileName: 'a.odt' })).toMatchObject({ ok: false, code: 'docx.odt' });
    expect(readDocxTables(pack({ 'xl/workbook.xml': '<x/>' }), { fileName: 'a.xlsx' })).toMatchObject({ ok: false, code: 'docx.xlsx' });
    const good = pack({ 'word/document.xml': doc(`<w:tbl><w:tr>${tc(p('Nhiệm vụ'))}</w:tr></w:tbl>`) });
    expect(readDocxTables(good)).toEqual({ ok: true, value: [{ index: 1, rows: [['Nhiệm vụ']] }] });
    const bad = Uint8Array.from(good);
    // Flip one byte of the stored CRC-32 in the central directory.
    const central = Buffer.from(bad).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bad[central + 16] ^= 0xff;
    expect(readDocxTables(bad, { fileName: 'hong.docx' })).toMatchObject({ ok: false, code: 'docx.corrupt' });
  });
});
