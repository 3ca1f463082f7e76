/** ingestWorkbook refuses what the sniffer refuses, with the sniffer's very code and message. */
import { strToU8, zipSync } from 'fflate';
import { ingestWorkbook } from '../../io/ingest';
import { sniffSpreadsheet } from '../../io/xlsx/sniff';
import { buildRichWorkbook, toBytes } from './xlsx-fixtures';

function cfb(streams: string[]): Uint8Array {
  const out = new Uint8Array(512 * 3);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  streams.forEach((name, i) => {
    for (let j = 0; j < name.length; j++) out[512 + i * 128 + j * 2] = name.charCodeAt(j);
  });
  return out;
}

describe('ingestWorkbook and the sniffer', () => {
  it('refuse every kind of foreign file alike', async () => {
    const real = await toBytes(buildRichWorkbook());
    const cases: [string, Uint8Array][] = [
      ['rong.xlsx', new Uint8Array(0)],
      ['cu.xls', cfb(['Root Entry', 'Workbook'])],
      ['mat-khau.xlsx', cfb(['Root Entry', 'EncryptedPackage'])],
      ['van-ban.xlsx', zipSync({ 'word/document.xml': strToU8('<w:document/>') })],
      ['bang.ods', zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8('<x/>') })],
      ['nhi-phan.xlsb', zipSync({ 'xl/workbook.bin': new Uint8Array(10) })],
      ['trang.xlsx', strToU8('<!DOCTYPE html><html><body><table></table></body></html>')],
      ['so-lieu.xlsx', strToU8('Mã,Tên\n90001,An Phú\n')],
      ['tai-lieu.xlsx', strToU8('%PDF-1.7 ...')],
      ['cut.xlsx', real.slice(0, real.length >> 1)],
    ];
    for (const [name, bytes] of cases) {
      const sniffed = sniffSpreadsheet(bytes, name);
      expect(sniffed.ok).toBe(false);
      if (sniffed.ok) continue;
      const input = ingestWorkbook(bytes, name, 'x');
      expect(input).toMatchObject({ report: null, refused: { code: sniffed.code, message: sniffed.reason } });
    }
  });
});
