import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { readXlsxValues } from '../../io/xlsx/read-values';
import { sniffSpreadsheet } from '../../io/xlsx/sniff';
import { NODE_XLSX_CODECS } from '../../cli/codecs';
import { buildPackage, buildRichWorkbook, lieAboutSize, patchPackage, sheetXml, toBytes } from './xlsx-fixtures';

const SAVE = 'lưu lại dạng Sổ làm việc Excel (.xlsx) rồi gửi lại.';

/** Both entry points refuse with this code and message, and leave the bytes as they were. */
function expectRefusal(
  bytes: Uint8Array,
  fileName: string,
  code: string,
  reason: string | RegExp,
  opts: { sniffAgrees?: boolean; maxInflatedBytes?: number } = {},
) {
  const before = bytes.slice();
  const read = readXlsxValues(bytes, { fileName, maxInflatedBytes: opts.maxInflatedBytes });
  expect(read).toEqual({ ok: false, code, reason: expect.any(String) });
  if (!read.ok) {
    if (typeof reason === 'string') expect(read.reason).toBe(reason);
    else expect(read.reason).toMatch(reason);
  }
  if (opts.sniffAgrees !== false) {
    const sniffed = sniffSpreadsheet(bytes, fileName);
    expect(sniffed).toEqual(read);
  }
  expect(bytes).toEqual(before);
}

function millisToRead(bytes: Uint8Array): number {
  const started = performance.now();
  readXlsxValues(bytes);
  return performance.now() - started;
}

/** A compound-file (OLE) header and one directory sector naming the given streams in UTF-16LE. */
function compoundFile(streams: string[]): Uint8Array {
  const out = new Uint8Array(512 * 3);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  streams.forEach((name, i) => {
    for (let j = 0; j < name.length; j++) {
      out[512 + i * 128 + j * 2] = name.charCodeAt(j);
      out[512 + i * 128 + j * 2 + 1] = 0;
    }
  });
  return out;
}

describe('refusals found by looking at the bytes', () => {
  it('an empty file', () => {
    expectRefusal(new Uint8Array(0), 'xa-an-phu.xlsx', 'file.empty',
      `Tệp "xa-an-phu.xlsx" trống (0 byte), có thể do lưu hoặc tải về chưa xong. Hãy mở tệp gốc trong Excel, ${SAVE}`);
  });

  it('a download cut off half way, and one missing only its last bytes', async () => {
    const bytes = await toBytes(buildRichWorkbook());
    const message = 'Tệp "phu-luc.xlsx" bị cắt cụt (thiếu phần cuối), thường do tải về hoặc sao chép chưa xong. Hãy tải lại tệp hoặc xin người gửi gửi lại tệp gốc.';
    expectRefusal(bytes.slice(0, Math.floor(bytes.length / 2)), 'phu-luc.xlsx', 'file.truncated', message);
    expectRefusal(bytes.slice(0, bytes.length - 10), 'phu-luc.xlsx', 'file.truncated', message);
  });

  it('an Excel 97-2003 workbook', () => {
    expectRefusal(compoundFile(['Root Entry', 'Workbook', '\u0005SummaryInformation']), 'abc.xls', 'file.xls',
      'Tệp "abc.xls" là định dạng Excel 97-2003 (.xls). Hãy mở tệp trong Excel và lưu lại dạng Sổ làm việc Excel (.xlsx) rồi gửi lại.');
  });

  it('a password-protected workbook (an encrypted package inside a compound file)', () => {
    expectRefusal(compoundFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']), 'mat-khau.xlsx', 'file.encrypted',
      'Tệp "mat-khau.xlsx" đang được đặt mật khẩu mở tệp nên không đọc được. Hãy mở tệp trong Excel, vào Tệp > Thông tin > Bảo vệ Sổ làm việc > Mã hóa bằng Mật khẩu, xóa mật khẩu, ' + SAVE);
  });

  it('an OpenDocument spreadsheet', () => {
    const ods = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8('<office:document-content/>'),
      'META-INF/manifest.xml': strToU8('<manifest:manifest/>'),
    });
    expectRefusal(ods, 'bang-tinh.xlsx', 'file.ods',
      `Tệp "bang-tinh.xlsx" là bảng tính OpenDocument (.ods) của LibreOffice/OpenOffice. Hãy mở tệp trong LibreOffice Calc hoặc Excel và ${SAVE}`);
  });

  it('an Excel binary workbook', () => {
    const xlsb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.bin': new Uint8Array([0x83, 0x01, 0x00]) });
    expectRefusal(xlsb, 'nhi-phan.xlsx', 'file.xlsb', `Tệp "nhi-phan.xlsx" là Sổ làm việc Nhị phân Excel (.xlsb). Hãy mở tệp trong Excel và ${SAVE}`);
  });

  it('a web page renamed .xlsx', () => {
    const html = strToU8('\uFEFF<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body><table><tr><td>Chỉ tiêu</td></tr></table></body></html>');
    expectRefusal(html, 'xuat-tu-phan-mem.xlsx', 'file.html',
      `Tệp "xuat-tu-phan-mem.xlsx" thực chất là trang web (HTML) mang đuôi Excel, thường do phần mềm khác xuất ra. Hãy mở tệp trong Excel và ${SAVE}`);
  });

  it('an XML Spreadsheet 2003 renamed .xlsx', () => {
    const xml = strToU8('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>');
    expectRefusal(xml, 'cu.xlsx', 'file.xml2003', `Tệp "cu.xlsx" là Bảng tính XML 2003 (XML Spreadsheet), không phải sổ làm việc .xlsx. Hãy mở tệp trong Excel và ${SAVE}`);
  });

  it('CSV text renamed .xlsx, in UTF-8, a Vietnamese code page, or UTF-16 as Excel writes "Unicode Text"', () => {
    const message = `Tệp "so-lieu.xlsx" là văn bản thuần (CSV/TXT), không phải sổ làm việc Excel. Hãy mở tệp trong Excel, kiểm tra các cột và ${SAVE}`;
    expectRefusal(strToU8('STT,Chỉ tiêu,Chỉ tiêu phấn đấu\n1,Tỷ lệ hồ sơ trực tuyến,80%\n'), 'so-lieu.xlsx', 'file.csv', message);
    // "Ch? ti?u" in Windows-1258: single bytes above 0x7F that are not valid UTF-8.
    expectRefusal(new Uint8Array([0x53, 0x54, 0x54, 0x3b, 0x43, 0x68, 0xec, 0x20, 0x74, 0x69, 0xea, 0x75, 0x0d, 0x0a, 0x31, 0x3b, 0x38, 0x30]), 'so-lieu.xlsx', 'file.csv', message);
    const utf16 = [0xff, 0xfe, ...Array.from('STT\tChỉ tiêu\r\n').flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])];
    expectRefusal(new Uint8Array(utf16), 'so-lieu.xlsx', 'file.csv', message);
  });

  it('a zip that is not a workbook, a Word document, a PDF and random bytes', () => {
    const generic = `Tệp "khac.xlsx" không phải sổ làm việc Excel (.xlsx). Hãy kiểm tra đã chọn đúng tệp chưa; nếu đúng, hãy mở tệp trong Excel và ${SAVE}`;
    expectRefusal(zipSync({ 'readme.txt': strToU8('xin chào') }), 'khac.xlsx', 'file.not_spreadsheet', generic);
    expectRefusal(zipSync({ 'word/document.xml': strToU8('<w:document/>') }), 'khac.xlsx', 'file.not_spreadsheet',
      'Tệp "khac.xlsx" là tài liệu Word (.docx), không phải sổ làm việc Excel. Hãy chọn đúng tệp phụ lục (.xlsx) rồi gửi lại.');
    expectRefusal(strToU8('%PDF-1.7\n%âãÏÓ\n'), 'khac.xlsx', 'file.not_spreadsheet',
      'Tệp "khac.xlsx" là tệp PDF, không phải sổ làm việc Excel. Hãy chọn đúng tệp phụ lục (.xlsx) rồi gửi lại.');
    const noise = new Uint8Array(2048);
    let x = 12345;
    for (let i = 0; i < noise.length; i++) noise[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    expectRefusal(noise, 'khac.xlsx', 'file.not_spreadsheet', generic);
  });

  it('names no file when none is given', () => {
    expect(sniffSpreadsheet(new Uint8Array(0), '')).toMatchObject({ code: 'file.empty', reason: expect.stringMatching(/^Tệp này trống/) });
  });

  it('accepts a real workbook', async () => {
    expect(sniffSpreadsheet(await toBytes(buildRichWorkbook()), 'phu-luc.xlsx')).toEqual({ ok: true, value: 'xlsx' });
  });
});

describe('zip bombs', () => {
  const SIXTY_MB = 60 * 1024 * 1024;
  /** A workbook whose only sheet is 60 MB of zeros, deflated to about 60 KB. */
  let bomb: Uint8Array;
  beforeAll(() => {
    const files = unzipSync(buildPackage({ sheets: [{ name: 'S', xml: sheetXml('') }] }));
    bomb = zipSync({ ...files, 'xl/worksheets/sheet1.xml': [new Uint8Array(SIXTY_MB), { level: 1 }] });
  });
  const bombMessage = (name: string, limit = '50 MB') =>
    `Tệp "${name}" khi giải nén lớn bất thường (vượt giới hạn an toàn ${limit} hoặc lớn hơn kích thước ghi trong tệp) nên không được mở. Hãy mở tệp trong Excel, xóa các trang tính và hình ảnh không cần thiết, ${SAVE}`;

  it('refuses a 60 MB entry of zeros that deflates to almost nothing, from its declared size, before inflating', () => {
    expect(bomb.length).toBeLessThan(200 * 1024);
    expectRefusal(bomb, 'bom.xlsx', 'file.zip_bomb', bombMessage('bom.xlsx'));
    expect(millisToRead(bomb)).toBeLessThan(500);
  });

  it('stops inflating an entry whose header lies about its size, after a few megabytes', () => {
    const liar = lieAboutSize(bomb, 'xl/worksheets/sheet1.xml', 2000);
    // The sniffer trusts the directory, which now claims 2 000 bytes; only inflating finds out.
    expect(sniffSpreadsheet(liar, 'noi-doi.xlsx')).toEqual({ ok: true, value: 'xlsx' });
    expectRefusal(liar, 'noi-doi.xlsx', 'file.zip_bomb', bombMessage('noi-doi.xlsx'), { sniffAgrees: false });
    expect(millisToRead(liar)).toBeLessThan(1000);
  });

  it('counts entries it never reads (images) by their declared size', () => {
    const withImage = buildPackage({
      sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }],
      extra: { 'xl/media/image1.png': new Uint8Array(2 * 1024 * 1024) },
    });
    expectRefusal(withImage, 'anh.xlsx', 'file.zip_bomb', bombMessage('anh.xlsx', '1 MB'), { sniffAgrees: false, maxInflatedBytes: 1024 * 1024 });
    expect(readXlsxValues(withImage, { maxInflatedBytes: 3 * 1024 * 1024 }).ok).toBe(true);
  });

  it('counts every entry read against maxInflatedBytes', async () => {
    const bytes = await toBytes(buildRichWorkbook());
    expectRefusal(bytes, 'nho.xlsx', 'file.zip_bomb', bombMessage('nho.xlsx', '4 KB'), { sniffAgrees: false, maxInflatedBytes: 4096 });
    expect(readXlsxValues(bytes, { maxInflatedBytes: 64 * 1024 }).ok).toBe(true);
  });
});

describe('sheets that reach past Excel limits', () => {
  const tooLarge = (sheet: string, cell: string, file = 'lon.xlsx') =>
    `Trang tính "${sheet}" của tệp "${file}" có ô ${cell} nằm ngoài giới hạn đọc được (Excel có tối đa 1.048.576 dòng và 16.384 cột; vùng dữ liệu đọc tối đa 5.000.000 ô). Tệp có thể bị hỏng hoặc do phần mềm khác tạo ra: hãy xóa dữ liệu thừa ở xa vùng bảng, ${SAVE}`;

  it('refuses a cell reference A900000000 at once, in a workbook exceljs wrote', async () => {
    const bytes = patchPackage(await toBytes(buildRichWorkbook()), (path, text) =>
      path === 'xl/worksheets/sheet1.xml' ? text.replace('<c r="H9"', '<c r="A900000000"') : undefined,
    );
    expectRefusal(bytes, 'lon.xlsx', 'file.too_large_sheet', tooLarge('Phụ lục 1', 'A900000000'), { sniffAgrees: false });
    expect(millisToRead(bytes)).toBeLessThan(1000);
  });

  it.each([
    ['a row number', '<row r="900000000"><c><v>1</v></c></row>', '', 'A900000000'],
    ['a column past XFD', '<row r="1"><c r="XFE1"><v>1</v></c></row>', '', 'XFE1'],
    ['a four-letter column', '<row r="1"><c r="AAAA1"><v>1</v></c></row>', '', 'AAAA1'],
    ['a merged range', '<row r="1"><c r="A1"><v>1</v></c></row>', '<mergeCells><mergeCell ref="A1:B2000000"/></mergeCells>', 'B2000000'],
    ['a value at the last cell Excel has (a 17-billion-cell grid)', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', '', 'XFD1048576'],
  ])('refuses %s', (_, data, after, cell) => {
    const bytes = buildPackage({ sheets: [{ name: 'Phụ lục 2', xml: sheetXml(data, after) }] });
    expectRefusal(bytes, 'lon.xlsx', 'file.too_large_sheet', tooLarge('Phụ lục 2', cell), { sniffAgrees: false });
  });

  it('refuses a dimension past Excel limits before reading any cell', () => {
    const xml = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>').replace('<sheetData>', '<dimension ref="A1:XFE3"/><sheetData>');
    expectRefusal(buildPackage({ sheets: [{ name: 'S', xml }] }), 'lon.xlsx', 'file.too_large_sheet', tooLarge('S', 'XFE3'), { sniffAgrees: false });
  });

  it('skips sheets left out by the filter, even hostile ones', () => {
    const bytes = buildPackage({
      sheets: [
        { name: 'Tốt', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
        { name: 'Xấu', xml: sheetXml('<row r="1"><c r="A900000000"><v>1</v></c></row>') },
      ],
    });
    expect(readXlsxValues(bytes, { sheetFilter: (n) => n === 'Tốt' })).toMatchObject({ ok: true, value: { sheets: [{ name: 'Tốt', grid: [[1]] }] } });
  });
});

const corrupt = (sheet: string, reason?: string) =>
  `Tệp "hong.xlsx" bị hỏng ở trang tính "${sheet}"${reason ? `: ${reason}` : ''} nên không đọc được. Hãy mở tệp trong Excel (chấp nhận nếu Excel đề nghị sửa tệp), ${SAVE}`;

describe('broken packages', () => {

  it.each([
    ['a cell that is never closed', '<row r="1"><c r="A1"><v>1</v></row>', 'ô A1 thiếu thẻ đóng'],
    ['a cell whose </c> was lost (it would swallow the next cell)', '<row r="1"><c r="A1"><v>1</v><c r="B1"><v>2</v></c></row>', 'ô A1 có thẻ “<c>” lạ'],
    ['a shared string that does not exist', '<row r="1"><c r="A1" t="s"><v>7</v></c></row>', 'ô A1 trỏ tới chuỗi dùng chung “7” không có trong tệp'],
    ['a shared-string index written as a number, not a plain integer', '<row r="1"><c r="A1" t="s"><v>0e0</v></c></row>', 'ô A1 trỏ tới chuỗi dùng chung “0e0” không có trong tệp'],
    ['a number that is not a number', '<row r="1"><c r="A1"><v>abc</v></c></row>', 'ô A1 có số “abc” không đúng dạng'],
    ['a hexadecimal number', '<row r="1"><c r="A1"><v>0x1A</v></c></row>', 'ô A1 có số “0x1A” không đúng dạng'],
    ['Infinity', '<row r="1"><c r="A1"><v>Infinity</v></c></row>', 'ô A1 có số “Infinity” không đúng dạng'],
    ['an empty number (Number("") is 0)', '<row r="1"><c r="A1"><v></v></c></row>', 'ô A1 có giá trị trống không hợp lệ'],
    ['an unknown cell type', '<row r="1"><c r="A1" t="x"><v>1</v></c></row>', 'ô A1 có kiểu dữ liệu “x” không có trong Excel'],
    ['a cell written twice', '<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>', 'ô A1 được ghi hai lần'],
    ['a malformed reference', '<row r="1"><c r="1A"><v>1</v></c></row>', 'có ô mang địa chỉ “1A” không hợp lệ'],
    ['a row number that is not one', '<row r="x"><c><v>1</v></c></row>', 'có số dòng “x” không hợp lệ'],
  ])('refuses %s, saying where', (_, data, reason) => {
    const bytes = buildPackage({ sheets: [{ name: 'Phụ lục 1', xml: sheetXml(data) }] });
    expectRefusal(bytes, 'hong.xlsx', 'file.corrupt', corrupt('Phụ lục 1', reason), { sniffAgrees: false });
  });

  it('refuses a sheet part without <sheetData> rather than reading it as an empty sheet', () => {
    const bytes = buildPackage({ sheets: [{ name: 'Phụ lục 1', xml: sheetXml('').replace(/<sheetData>.*<\/sheetData>|<sheetData\/>/, '') }] });
    expectRefusal(bytes, 'hong.xlsx', 'file.corrupt', corrupt('Phụ lục 1', 'không có phần dữ liệu ô (sheetData)'), { sniffAgrees: false });
  });

  it('refuses a part whose bytes do not match the CRC-32 its directory records (a flipped byte of a stored part)', () => {
    const files = unzipSync(buildPackage({ sheets: [{ name: 'Phụ lục 1', xml: sheetXml('<row r="1"><c r="A1"><v>123</v></c></row>') }] }));
    const stored = zipSync(files, { level: 0 });
    const at = findBytes(stored, strToU8('<v>123<'));
    const flipped = stored.slice();
    flipped[at + 4] = '7'.charCodeAt(0); // 123 → 173, still a number: only the CRC can tell
    expectRefusal(flipped, 'hong.xlsx', 'file.corrupt', `Tệp "hong.xlsx" bị hỏng (phần "xl/worksheets/sheet1.xml") nên không đọc được. Hãy mở tệp trong Excel (chấp nhận nếu Excel đề nghị sửa tệp), ${SAVE}`, { sniffAgrees: false });
    expect(readXlsxValues(stored)).toMatchObject({ ok: true, value: { sheets: [{ grid: [[123]] }] } });
  });

  it('refuses invalid UTF-8 instead of reading U+FFFD into a unit name, whichever decoder reads it', () => {
    const files = unzipSync(buildPackage({ sheets: [{ name: 'Thông tin', xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Xã An</t></is></c></row>') }] }));
    const xml = files['xl/worksheets/sheet1.xml'];
    const at = findBytes(xml, strToU8('Xã'));
    const broken = xml.slice();
    broken[at + 2] = 0x28; // the second byte of "ã" (C3 A3) replaced: C3 28 is not UTF-8
    const bytes = zipSync({ ...files, 'xl/worksheets/sheet1.xml': broken });
    const reason = `Tệp "hong.xlsx" bị hỏng ở trang tính "Thông tin": có chữ không đọc được (mã hóa văn bản sai), nếu đọc tiếp tên đơn vị hoặc nội dung sẽ bị sai. Hãy mở tệp gốc trong Excel, ${SAVE}`;
    expectRefusal(bytes, 'hong.xlsx', 'file.bad_text', reason, { sniffAgrees: false });
    expect(readXlsxValues(bytes, { fileName: 'hong.xlsx', ...NODE_XLSX_CODECS })).toEqual({ ok: false, code: 'file.bad_text', reason });
  });

  it('refuses shared strings that lost a tag or an item (every later index would point at another text)', () => {
    const sheet = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>');
    const cases = [
      '<sst uniqueCount="2"><t>Xã</t></si><si><t>An</t></si></sst>',
      '<sst uniqueCount="2"><si><t>Xã</t><si><t>An</t></si></sst>',
      '<sst uniqueCount="2"><si>Xã</t></si><si><t>An</t></si></sst>',
      '<sst uniqueCount="3"><si><t>Xã</t></si><si><t>An</t></si></sst>',
      '<sst uniqueCount="2"><si><t>Xã &amp An</t></si><si><t>An</t></si></sst>',
    ];
    for (const sharedStrings of cases) {
      const bytes = buildPackage({ sharedStrings, sheets: [{ name: 'S', xml: sheet }] });
      expectRefusal(bytes, 'hong.xlsx', 'file.corrupt',
        `Tệp "hong.xlsx" bị hỏng (phần "xl/sharedStrings.xml"): có văn bản với thẻ hỏng nên không đọc được. Hãy mở tệp trong Excel (chấp nhận nếu Excel đề nghị sửa tệp), ${SAVE}`, { sniffAgrees: false });
    }
  });
});

describe('bounds that keep a batch alive', () => {
  it('refuses a cell longer than Excel’s 32,767 characters, naming it, and reads one at the limit', () => {
    const at = 'a'.repeat(32767);
    const ok = buildPackage({ sharedStrings: `<sst><si><t>${at}</t></si></sst>`, sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }] });
    expect(readXlsxValues(ok)).toMatchObject({ ok: true, value: { sheets: [{ grid: [[at]] }] } });
    const reason = `Ô B2 của trang tính "S" trong tệp "dai.xlsx" chứa văn bản dài hơn 32.767 ký tự, giới hạn của một ô Excel, nên tệp không được đọc. Hãy rút gọn nội dung ô đó, ${SAVE}`;
    for (const sharedStrings of [`<sst><si><t>${at}b</t></si></sst>`, `<sst><si><t>${'x'.repeat(4_000_000)}</t></si></sst>`]) {
      const long = buildPackage({ sharedStrings, sheets: [{ name: 'S', xml: sheetXml('<row r="2"><c r="B2" t="s"><v>0</v></c></row>') }] });
      expectRefusal(long, 'dai.xlsx', 'file.text_too_long', reason, { sniffAgrees: false });
    }
    const inline = buildPackage({ sheets: [{ name: 'S', xml: sheetXml(`<row r="2"><c r="B2" t="inlineStr"><is><t>${at}b</t></is></c></row>`) }] });
    expectRefusal(inline, 'dai.xlsx', 'file.text_too_long', reason, { sniffAgrees: false });
  });

  it('caps the cells of a whole workbook, not only of each sheet (one value at XFD305 in each of four sheets)', () => {
    const far = sheetXml('<row r="305"><c r="XFD305"><v>1</v></c></row>');
    const bytes = buildPackage({ sheets: ['A', 'B', 'C', 'D'].map((name) => ({ name, xml: far })) });
    const started = performance.now();
    expectRefusal(bytes, 'xa.xlsx', 'file.too_many_cells',
      `Tệp "xa.xlsx" có quá nhiều ô (các trang tính cộng lại vượt 5.000.000 ô, tính đến trang tính "A"). Tệp có thể bị hỏng hoặc có dữ liệu thừa ở xa vùng bảng: hãy xóa các dòng, cột thừa, ${SAVE}`.replace('"A"', '"B"'),
      { sniffAgrees: false });
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('the date system', () => {
  it('reads date1904 from the main workbookPr only: Excel 2013’s x15:workbookPr after it does not override it', () => {
    const bytes = buildPackage({ sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }] });
    const files = unzipSync(bytes);
    const wb = new TextDecoder().decode(files['xl/workbook.xml']);
    const main = wb.includes('<workbookPr') ? wb.replace(/<workbookPr[^>]*>/, '<workbookPr date1904="1"/>') : wb.replace('<sheets>', '<workbookPr date1904="1"/><sheets>');
    const x15 = main.replace('<sheets>', '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" url="C:\\"/></mc:Choice></mc:AlternateContent><x15:workbookPr xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" chartTrackingRefBase="1"/><sheets>');
    const read = readXlsxValues(zipSync({ ...files, 'xl/workbook.xml': strToU8(x15) }));
    expect(read).toMatchObject({ ok: true, value: { date1904: true } });
    const prefixed = x15.replace('<workbookPr date1904="1"/>', '<workbookPr/>').replace('chartTrackingRefBase="1"', 'date1904="1"');
    expect(readXlsxValues(zipSync({ ...files, 'xl/workbook.xml': strToU8(prefixed) }))).toMatchObject({ ok: true, value: { date1904: false } });
  });
});

function findBytes(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error('not found');
}

describe('broken packages, continued', () => {

  it('refuses merged ranges that overlap (which Excel itself will not open)', () => {
    const data = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>1</v></c></row>';
    const after = `<mergeCells>${'<mergeCell ref="A1:B2"/>'.repeat(3)}</mergeCells>`;
    const bytes = buildPackage({ sheets: [{ name: 'Phụ lục 1', xml: sheetXml(data, after) }] });
    expectRefusal(bytes, 'hong.xlsx', 'file.corrupt', corrupt('Phụ lục 1', 'có các vùng gộp ô chồng lên nhau'), { sniffAgrees: false });
  });

  it('refuses a package holding two parts with the same name (ignoring case)', () => {
    const bytes = buildPackage({ sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }] });
    const files = unzipSync(bytes);
    const twin = zipSync({ ...files, 'XL/Worksheets/Sheet1.xml': strToU8(sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>')) });
    expectRefusal(twin, 'hong.xlsx', 'file.corrupt',
      `Tệp "hong.xlsx" bị hỏng nên không đọc được. Hãy mở tệp trong Excel (chấp nhận nếu Excel đề nghị sửa tệp), ${SAVE}`);
  });

  it('refuses a workbook without its sheet part', () => {
    const bytes = buildPackage({ sheets: [{ name: 'S', xml: sheetXml('') }] });
    const files = unzipSync(bytes);
    delete files['xl/worksheets/sheet1.xml'];
    expectRefusal(zipSync(files), 'hong.xlsx', 'file.corrupt', corrupt('S').replace(' ở trang tính "S"', ' (phần "xl/worksheets/sheet1.xml")'), { sniffAgrees: false });
  });

  it('stays linear on start tags that never end (no pattern rescans the rest of the part for each)', () => {
    const n = 100000;
    const bytes = buildPackage({
      sharedStrings: `<sst><si>${'<t>'.repeat(n)}</si><si><r>${'<rPh>'.repeat(n)}<t>Xã</t></r></si></sst>`,
      sheets: [
        {
          name: 'S',
          xml: sheetXml(
            `<row r="1"><c r="A1">${'<v>'.repeat(n)}</c><c r="B1" t="inlineStr"><is>${'<t x="1">'.repeat(n)}</is></c>` +
              `<c r="C1" t="s"><v>0</v></c><c r="D1" t="s"><v>1</v></c></row>`,
            '<mergeCells>' + '<mergeCell ref="A1'.repeat(n) + '</mergeCells>',
          ),
        },
      ],
    });
    const started = performance.now();
    const r = readXlsxValues(bytes);
    expect(performance.now() - started).toBeLessThan(1500);
    // Texts whose tags never end are damage: refused, not read as empty.
    expect(r).toMatchObject({ ok: false, code: 'file.corrupt' });
  });

  it('never throws, whatever bytes of a real workbook are damaged', async () => {
    const bytes = await toBytes(buildRichWorkbook());
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const damaged = bytes.slice();
        for (const [at, b] of edits) damaged[at] = b;
        const r = readXlsxValues(damaged, { fileName: 'x.xlsx' });
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.reason).toContain('"x.xlsx"');
      }),
      { numRuns: 200 },
    );
  });
});

describe('styles that lost a part', () => {
  it('refuses a date format the cells use but the file no longer declares, and a cellXfs list shorter than its count', () => {
    const styles = (numFmts: string, xfs: string, count = 2) =>
      `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${numFmts}<cellXfs count="${count}"><xf numFmtId="0"/>${xfs}</cellXfs></styleSheet>`;
    const sheets = [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" s="1"><v>45658</v></c></row>') }];
    const fine = buildPackage({ sheets, styles: styles('<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>', '<xf numFmtId="164"/>') });
    expect(readXlsxValues(fine)).toMatchObject({ ok: true, value: { sheets: [{ grid: [[new Date(Date.UTC(2025, 0, 1))]] }] } });
    const styleRefusal = `Tệp "hong.xlsx" bị hỏng (phần "xl/styles.xml"): phần định dạng ô mất thẻ, ngày tháng có thể bị đọc thành số nên không đọc được. Hãy mở tệp trong Excel (chấp nhận nếu Excel đề nghị sửa tệp), ${SAVE}`;
    for (const broken of [
      styles('<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>', '<xf numFmtId="164"/>'),
      styles('', '<xf numFmtId="164"/>'),
      styles('<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>', '<xf numFmtId="164"/>'),
      styles('', '', 2),
    ]) {
      expectRefusal(buildPackage({ sheets, styles: broken }), 'hong.xlsx', 'file.corrupt', styleRefusal, { sniffAgrees: false });
    }
  });
});
