/**
 * The list of units that must report, as offices keep it: a CSV saved by Excel (comma, or semicolon
 * under Vietnamese regional settings; UTF-8 with a byte-order mark, or the Windows code page),
 * tab-separated or "Unicode Text", with a header line, blank lines and repeated units; or an .xlsx.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { UsageError } from '../../cli/args';
import { decodeListText, expectedUnitsFromRows, parseDelimited, readExpectedUnits } from '../../cli/expected-units';
import { compoundFile, removeDir, tempDir } from './fixtures';

const ANH_SON = { code: '90002', name: 'UBND xã Anh Sơn' };
const BUT_SON = { code: '90003', name: 'UBND thị trấn Bút Sơn' };
const DONG_SON = { code: '90006', name: 'UBND phường Đông Sơn' };
const THREE = [ANH_SON, BUT_SON, DONG_SON];

let dir: string;
let n = 0;

beforeAll(() => {
  dir = tempDir('expected-units');
});
afterAll(() => removeDir(dir));

/** Writes bytes (or UTF-8 text) under a fresh name and reads them as a list. */
function listFrom(content: string | Uint8Array, ext = 'csv') {
  const path = join(dir, `danh-sach-${++n}.${ext}`);
  writeFileSync(path, content);
  return readExpectedUnits(path);
}

function usageError(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error('no UsageError');
}

describe('rows to units', () => {
  it('takes code and name from the first two cells, cleaned', () => {
    expect(expectedUnitsFromRows([['90002', 'UBND  xã\u00a0Anh Sơn '], [' 90003 ', 'UBND thị trấn Bút Sơn']])).toEqual([ANH_SON, BUT_SON]);
  });

  it('skips header lines ("Mã", "Mã đơn vị", "MA DON VI"), rows without a code, and later repeats of a code', () => {
    const rows = [
      ['Mã đơn vị', 'Tên đơn vị'],
      ['MA DON VI', 'TEN DON VI'],
      ['', 'Ghi chú: danh sách năm 2025'],
      ['90002', 'UBND xã Anh Sơn'],
      [null, null],
      ['90002', 'UBND xã Anh Sơn (gửi lại)'],
      ['90003', 'UBND thị trấn Bút Sơn'],
    ];
    expect(expectedUnitsFromRows(rows)).toEqual([ANH_SON, BUT_SON]);
  });

  it('a code typed as a number reads as its digits; a unit without a name keeps its code', () => {
    expect(expectedUnitsFromRows([[90002, 'UBND xã Anh Sơn'], [90003]])).toEqual([ANH_SON, { code: '90003', name: '' }]);
  });
});

describe('CSV and text files', () => {
  const lines = THREE.map((u) => `${u.code},${u.name}`);

  it('comma-separated, UTF-8 with a byte-order mark, a header line and CRLF (Excel "CSV UTF-8")', () => {
    expect(listFrom('\uFEFFMã đơn vị,Tên đơn vị\r\n' + lines.join('\r\n') + '\r\n')).toEqual(THREE);
  });

  it('semicolon-separated, as Excel saves CSV under Vietnamese regional settings; commas inside names kept', () => {
    const text = ['Mã;Tên đơn vị', '90002;UBND xã Anh Sơn, huyện Anh Sơn', '90003;UBND thị trấn Bút Sơn'].join('\n');
    expect(listFrom(text)).toEqual([{ code: '90002', name: 'UBND xã Anh Sơn, huyện Anh Sơn' }, BUT_SON]);
  });

  it('tab-separated', () => {
    expect(listFrom(THREE.map((u) => `${u.code}\t${u.name}\tghi chú, nếu có`).join('\n'), 'txt')).toEqual(THREE);
  });

  it('quoted fields, as Excel writes a name that holds the separator or a quote', () => {
    const text = 'Mã,Tên\n"90002","UBND xã Anh Sơn, huyện Anh Sơn"\n90003,"UBND thị trấn ""Bút Sơn"""\n';
    expect(listFrom(text)).toEqual([
      { code: '90002', name: 'UBND xã Anh Sơn, huyện Anh Sơn' },
      { code: '90003', name: 'UBND thị trấn "Bút Sơn"' },
    ]);
  });

  it('blank lines, lines of spaces and repeated units', () => {
    const text = ['', 'Mã,Tên', '', lines[0], '   ', lines[1], lines[0], ',', lines[2], '', ''].join('\n');
    expect(listFrom(text)).toEqual(THREE);
  });

  it('Excel "Unicode Text": UTF-16 little-endian with its byte-order mark, tab-separated', () => {
    const text = '\uFEFFMã\tTên đơn vị\r\n' + THREE.map((u) => `${u.code}\t${u.name}`).join('\r\n') + '\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    expect(listFrom(bytes, 'txt')).toEqual(THREE);
  });

  it('Excel "CSV (Comma delimited)" on Vietnamese Windows: code page 1258, tones as combining marks', () => {
    // "UBND xã Anh Sơn" and "UBND thị trấn Bút Sơn" in Windows-1258: ã = a + 0xDE (combining tilde),
    // ơ = 0xF5, ị = i + 0xF2 (dot below), ấ = 0xE2 + 0xEC (acute), ú = u + 0xEC.
    const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
    const bytes = new Uint8Array([
      ...ascii('90002,UBND xa'), 0xde, ...ascii(' Anh S'), 0xf5, ...ascii('n\r\n'),
      ...ascii('90003,UBND thi'), 0xf2, ...ascii(' tr'), 0xe2, 0xec, ...ascii('n Bu'), 0xec, ...ascii('t S'), 0xf5, ...ascii('n\r\n'),
    ]);
    expect(listFrom(bytes)).toEqual([ANH_SON, BUT_SON]);
  });
});

describe('.xlsx lists', () => {
  async function xlsxList(rows: ExcelJS.CellValue[][], opts: { after?: string } = {}): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    for (const r of rows) ws.addRow(r);
    if (opts.after) wb.addWorksheet(opts.after).addRow(['99999', 'không thuộc danh sách']);
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  it('code in column A (text or number), name in column B; header, blank rows and repeats skipped', async () => {
    const bytes = await xlsxList([
      ['Mã đơn vị', 'Tên đơn vị'],
      [90002, 'UBND xã Anh Sơn'],
      [],
      ['90003', 'UBND thị trấn Bút Sơn'],
      [90002, 'UBND xã Anh Sơn'],
      ['90006', 'UBND phường Đông Sơn'],
    ]);
    expect(listFrom(bytes, 'xlsx')).toEqual(THREE);
  });

  it('reads the first sheet only', async () => {
    const bytes = await xlsxList([['90002', 'UBND xã Anh Sơn']], { after: 'Ghi chú' });
    expect(listFrom(bytes, 'xlsx')).toEqual([ANH_SON]);
  });
});

describe('lists that cannot be used: a wrong call (UsageError), never an empty list', () => {
  it('a file that is not there', () => {
    const path = join(dir, 'khong-co.csv');
    expect(usageError(() => readExpectedUnits(path)).message).toBe(`Danh sách đơn vị phải báo cáo: Không tìm thấy "${path}". Kiểm tra lại tên thư mục hoặc tệp (có thể đã bị đổi tên hoặc chuyển đi).`);
  });

  it('an .xls list: the same refusal as for a report, naming the file', () => {
    const e = usageError(() => listFrom(compoundFile(['Root Entry', 'Workbook']), 'xls'));
    expect(e.message).toMatch(/^Danh sách đơn vị phải báo cáo: Tệp "danh-sach-\d+\.xls" là định dạng Excel 97-2003 \(\.xls\)\./);
  });

  it('a CSV named .xlsx is still read as the CSV it is', () => {
    expect(listFrom('Mã,Tên\n90002,UBND xã Anh Sơn\n', 'xlsx')).toEqual([ANH_SON]);
  });

  it('a list with a header and no unit', () => {
    const e = usageError(() => listFrom('Mã,Tên đơn vị\n\n'));
    expect(e.message).toMatch(/^Danh sách đơn vị "[^"]+danh-sach-\d+\.csv" không có đơn vị nào\./);
  });
});

describe('lists as offices keep them', () => {
  it('finds the header under title rows, in any column order, with STT, and keeps leading zeros', () => {
    const rows = [
      ['DANH SÁCH ĐƠN VỊ PHẢI BÁO CÁO CCHC NĂM 2025', null, null],
      ['(Kèm theo Công văn số 12/SNV)', null, null],
      ['STT', 'Tên đơn vị', 'Mã đơn vị'],
      [1, 'UBND xã Anh Sơn', '09002'],
      [2, 'UBND thị trấn Bút Sơn', '90003'],
    ];
    expect(expectedUnitsFromRows(rows)).toEqual([{ code: '09002', name: 'UBND xã Anh Sơn' }, BUT_SON]);
    const csv = parseDelimited(decodeListText(new TextEncoder().encode('\uFEFFSTT;Mã đơn vị;Tên đơn vị\n1;09002;UBND xã Anh Sơn\n2;90003;UBND thị trấn Bút Sơn\n')));
    expect(expectedUnitsFromRows(csv)).toEqual([{ code: '09002', name: 'UBND xã Anh Sơn' }, BUT_SON]);
  });

  it('reads a list of names alone (codes empty, to be matched by name), never its header as a unit', () => {
    expect(expectedUnitsFromRows([['STT', 'Tên đơn vị'], [1, 'UBND xã Anh Sơn'], [2, 'UBND thị trấn Bút Sơn']])).toEqual([
      { code: '', name: 'UBND xã Anh Sơn' },
      { code: '', name: 'UBND thị trấn Bút Sơn' },
    ]);
  });

  it('without a header, passes over a title row and keeps the rows whose first cell is a code', () => {
    expect(expectedUnitsFromRows([['Danh sách các xã'], ['90002', 'UBND xã Anh Sơn'], ['90003', 'UBND thị trấn Bút Sơn']])).toEqual([ANH_SON, BUT_SON]);
  });
});
