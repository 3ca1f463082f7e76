/**
 * The command line protects the office's work: nothing written when nothing could be read, the
 * previous summary kept whole whatever stops a write, every system error in Vietnamese, misspelt
 * options refused, every file of a folder accounted for, nothing raw reaching the terminal.
 */
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main, printable } from '../../cli/main';
import { nodeFs, writeFileAtomic, type WriteFs } from '../../cli/files';
import { FileError } from '../../cli/system-errors';
import { ingestPath } from '../../cli/ingest-pool';
import * as fs from 'node:fs';
import { runConsolidation } from '../../cli/commands';
import { readExpectedUnits } from '../../cli/expected-units';
import { buildReport, bundleWorker, captureOutput, removeDir, tempDir, unit, writeFile, type WrittenReport } from './fixtures';

let root: string;
let good: WrittenReport;
let goodFolder: string;
const PERIOD = ['--nam', '2025', '--ky', 'Quý II'];

async function run(argv: string[]) {
  const io = captureOutput();
  const code = await main(argv, io);
  return { code, out: io.outLines.join('\n'), err: io.errLines.join('\n') };
}

beforeAll(async () => {
  root = tempDir('office-work');
  good = await buildReport('90002');
  goodFolder = join(root, 'bao-cao');
  mkdirSync(join(goodFolder, 'thu-gui-lai', 'dinh-kem'), { recursive: true });
  writeFile(goodFolder, '90002-anh-son.xlsx', good.bytes);
  writeFile(join(goodFolder, 'thu-gui-lai', 'dinh-kem'), 'bao-cao-da-ky.pdf', '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< >>\nendobj\n');
  writeFile(join(goodFolder, 'thu-gui-lai'), 'cong-van.docx', fs.readFileSync(join(__dirname, '..', '..', 'package.json')));
}, 60_000);
afterAll(() => removeDir(root));

describe('nothing is written when nothing could be read', () => {
  it('a folder that does not exist, an empty folder, files of another period, only damaged files: exit 2, the old summary untouched', async () => {
    const out = join(root, 'giu-nguyen', 'tong-hop.xlsx');
    mkdirSync(join(root, 'giu-nguyen'), { recursive: true });
    writeFileSync(out, 'bản tổng hợp tốt của văn phòng');
    const empty = join(root, 'trong');
    mkdirSync(empty, { recursive: true });
    const damaged = join(root, 'hong');
    mkdirSync(damaged, { recursive: true });
    writeFile(damaged, 'a.xlsx', good.bytes.slice(0, 300));

    const missing = await run(['consolidate', join(root, 'bao-cao-quy-2'), ...PERIOD, '--ra', out]);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.err).toBe(`Không tìm thấy "${join(root, 'bao-cao-quy-2')}". Kiểm tra lại tên thư mục hoặc tệp báo cáo; chưa ghi gì, tệp tổng hợp cũ (nếu có) giữ nguyên.`);

    const none = await run(['consolidate', empty, ...PERIOD, '--ra', out]);
    expect(none).toMatchObject({ code: 2 });
    expect(none.err).toContain('không có tệp nào để tổng hợp');

    const other = await run(['consolidate', goodFolder, '--nam', '2025', '--ky', 'Quý III', '--ra', out]);
    expect(other.code).toBe(2);
    expect(other.err).toBe(
      'Không có báo cáo nào của Quý III năm 2025 trong 3 tệp: các tệp là báo cáo kỳ khác (1 tệp Quý II năm 2025). ' +
        'Nếu cần tổng hợp kỳ đó, chạy lại với --nam 2025 --ky "Quý II". Chưa ghi gì, tệp tổng hợp cũ (nếu có) giữ nguyên.',
    );

    const broken = await run(['consolidate', damaged, ...PERIOD, '--ra', out]);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/Tệp "a\.xlsx" bị cắt cụt[\s\S]*Không đọc được báo cáo nào trong 1 tệp \(lý do từng tệp ở trên\)\. Chưa ghi gì/);

    expect(readFileSync(out, 'utf8')).toBe('bản tổng hợp tốt của văn phòng');
    expect(readdirSync(join(root, 'giu-nguyen'))).toEqual(['tong-hop.xlsx']);
  });
});

describe('the previous summary is kept, and every file is accounted for', () => {
  it('a second run keeps the first summary as .ban-truoc.xlsx; subfolders are read and a PDF or Word file is listed, not passed over', async () => {
    const dir = join(root, 'hai-lan');
    const out = join(dir, 'tong-hop.xlsx');
    mkdirSync(dir, { recursive: true });
    const first = await run(['consolidate', goodFolder, ...PERIOD, '--ra', out]);
    expect(first.err).toBe('');
    expect(first.code).toBe(1); // the PDF and the Word file are refused, and said so
    const firstBytes = readFileSync(out);
    const second = await run(['consolidate', goodFolder, ...PERIOD, '--ra', out]);
    expect(second.out).toContain(`(bản trước giữ tại ${join(dir, 'tong-hop.ban-truoc.xlsx')})`);
    expect(readFileSync(join(dir, 'tong-hop.ban-truoc.xlsx'))).toEqual(firstBytes);
    expect(readdirSync(dir).sort()).toEqual(['tong-hop.ban-truoc.xlsx', 'tong-hop.xlsx']);
    expect(first.out).toContain('bao-cao-da-ky.pdf');
    expect(first.out).toContain('cong-van.docx');
  });

  it('the PDF in a subfolder is named with what to ask the unit for', async () => {
    const pdf = ingestPath(join(goodFolder, 'thu-gui-lai', 'dinh-kem', 'bao-cao-da-ky.pdf'));
    expect(pdf).toMatchObject({
      refused: { code: 'file.not_spreadsheet', message: 'Tệp "bao-cao-da-ky.pdf" là tệp PDF, không phải sổ làm việc Excel. Hãy chọn đúng tệp phụ lục (.xlsx) rồi gửi lại.' },
    });
  });
});

describe('write faults become Vietnamese messages, and nothing is lost', () => {
  const OLD = Uint8Array.from([1, 2, 3]);
  const NEW = Uint8Array.from([4, 5, 6, 7]);
  const OLD_BACKUP = Uint8Array.from([9]);

  function setUp(name: string): { dir: string; target: string; backup: string } {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    const target = join(dir, 'tong-hop.xlsx');
    const backup = join(dir, 'tong-hop.ban-truoc.xlsx');
    writeFileSync(target, OLD);
    writeFileSync(backup, OLD_BACKUP);
    return { dir, target, backup };
  }

  /** Node's file system, failing with `code` at the named call. */
  function failing(call: keyof WriteFs, code: string): WriteFs {
    return { ...nodeFs, [call]: () => { throw Object.assign(new Error(`${code}: simulated`), { code }); } };
  }

  it.each([
    ['EBUSY', 'renameSync', 'Không ghi được tệp "%T" vì tệp đang mở trong chương trình khác. Hãy đóng tệp tong-hop.xlsx trong Excel rồi chạy lại.'],
    ['EACCES', 'writeFileSync', 'Không có quyền ghi tệp "%T" (tệp đang mở trong Excel, chỉ cho đọc, hoặc thư mục "%D" không cho ghi). Hãy đóng tệp trong Excel rồi chạy lại, hoặc ghi sang thư mục khác bằng --ra.'],
    ['EPERM', 'renameSync', 'Không có quyền ghi tệp "%T" (tệp đang mở trong Excel, chỉ cho đọc, hoặc thư mục "%D" không cho ghi). Hãy đóng tệp trong Excel rồi chạy lại, hoặc ghi sang thư mục khác bằng --ra.'],
    ['EROFS', 'writeFileSync', 'Thư mục "%D" chỉ cho đọc (đĩa hoặc thẻ nhớ khóa ghi) nên không ghi được "%T". Hãy ghi sang thư mục khác bằng --ra, ví dụ --ra D:\\tong-hop.xlsx.'],
    ['ENOSPC', 'writeFileSync', 'Ổ đĩa đã đầy nên không ghi được "%T"; tệp tổng hợp cũ vẫn giữ nguyên. Hãy xóa bớt tệp không cần hoặc ghi sang ổ khác bằng --ra rồi chạy lại.'],
    ['ENOENT', 'writeFileSync', 'Không có thư mục "%D" để ghi "%T". Hãy tạo thư mục đó hoặc sửa đường dẫn sau --ra.'],
  ] as const)('%s at %s: its message, the old summary and its backup untouched, no temporary file left', (code, call, message) => {
    const { dir, target, backup } = setUp(`loi-${code}`);
    let thrown: unknown;
    try {
      writeFileAtomic(target, NEW, failing(call, code));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FileError);
    expect((thrown as Error).message).toBe(message.replace('%T', target).replace('%D', dir));
    // A failed final rename may leave the backup already refreshed with the old summary: whole either way.
    expect(new Uint8Array(readFileSync(target))).toEqual(OLD);
    expect([OLD_BACKUP, OLD]).toContainEqual(new Uint8Array(readFileSync(backup)));
    expect(readdirSync(dir).sort()).toEqual(['tong-hop.ban-truoc.xlsx', 'tong-hop.xlsx']);
  });

  it('an output that is a folder, and one in a folder that does not exist, through the command', async () => {
    const asFolder = join(root, 'la-thu-muc.xlsx');
    mkdirSync(asFolder, { recursive: true });
    const a = await run(['consolidate', goodFolder, ...PERIOD, '--ra', asFolder]);
    expect(a.code).toBe(2);
    expect(a.err).toBe(`"${asFolder}" là một thư mục, không phải tệp. Hãy ghi tên tệp cần tạo, ví dụ --ra ${asFolder}/tong-hop.xlsx.`);
    const nowhere = join(root, 'khong-co-thu-muc', 'tong-hop.xlsx');
    const b = await run(['consolidate', goodFolder, ...PERIOD, '--ra', nowhere]);
    expect(b.code).toBe(2);
    expect(b.err).toBe(`Không có thư mục "${join(root, 'khong-co-thu-muc')}" để ghi "${nowhere}". Hãy tạo thư mục đó hoặc sửa đường dẫn sau --ra.`);
    expect(`${a.err}${b.err}`).not.toMatch(/[A-Z]{4,}|Error|errno/);
  });

  it('stopped at any step, the target is the old file or the new one and the backup the old backup or the old file, both whole', () => {
    for (const stopAt of ['write', 'keep', 'keep-rename', 'replace', 'done']) {
      const { target, backup } = setUp(`dung-${stopAt}`);
      try {
        writeFileAtomic(target, NEW, undefined, (step) => {
          if (step === stopAt) throw new Error('killed');
        });
      } catch {
        /* stopped */
      }
      const t = new Uint8Array(readFileSync(target));
      const b = new Uint8Array(readFileSync(backup));
      expect([OLD, NEW]).toContainEqual(t);
      expect([OLD_BACKUP, OLD]).toContainEqual(b);
      if (stopAt === 'done') expect({ t, b }).toEqual({ t: NEW, b: OLD });
    }
  });

  it('killed (SIGKILL) at random moments while writing a large summary: the target and the backup are always whole', async () => {
    const dir = join(root, 'kill');
    mkdirSync(dir, { recursive: true });
    const script = join(dir, 'writer.js');
    const entry = join(dir, 'writer.ts');
    writeFileSync(entry, `import { writeFileAtomic } from ${JSON.stringify(join(__dirname, '..', '..', 'cli', 'files'))};\n` +
      `const target = process.argv[2];\nlet n = 0;\nfor (;;) { n++; const b = Buffer.alloc(4 << 20, n % 251); writeFileAtomic(target, b); }\n`);
    await bundleWorker(entry, script);
    const target = join(dir, 'tong-hop.xlsx');
    const whole = (p: string) => {
      const b = readFileSync(p);
      return b.length === 4 << 20 && b.every((x) => x === b[0]);
    };
    writeFileSync(target, Buffer.alloc(4 << 20, 0));
    for (let round = 0; round < 8; round++) {
      const child = spawn(process.execPath, [script, target], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, 150 + Math.floor(Math.random() * 300)));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      expect(whole(target)).toBe(true);
      if (existsSync(join(dir, 'tong-hop.ban-truoc.xlsx'))) expect(whole(join(dir, 'tong-hop.ban-truoc.xlsx'))).toBe(true);
    }
  }, 60_000);
});

describe('expected-units lists as offices keep them', () => {
  async function completeness(list: string) {
    const listPath = writeFile(root, `ds-${list.length}.csv`, list);
    const run = await runConsolidation([join(goodFolder, '90002-anh-son.xlsx')], {
      year: 2025, period: 'Q2', consolidatingUnit: { name: 'Sở Nội vụ', level: 'tinh' }, expectedUnits: readExpectedUnits(listPath),
      outPath: join(root, `tong-hop-ds-${list.length}.xlsx`), now: '2025-06-20',
    });
    return { c: run.summary.aggregates.completeness, reasons: run.summary.provenance.flatMap((p) => p.reasons.map((r) => r.code)) };
  }

  it('a code with a leading zero the report lost is the same unit: neither missing nor unexpected', async () => {
    const { c, reasons } = await completeness(`STT;Mã đơn vị;Tên đơn vị\n1;090002;${unit('90002').name}\n2;90099;UBND xã Khác\n`);
    expect(c.missing.map((u) => u.code)).toEqual(['90099']);
    expect(reasons).not.toContain('unit.unexpected');
    expect(c.receivedCount).toBe(1);
  });

  it('a list of names alone is matched by the folded name', async () => {
    const { c, reasons } = await completeness(`STT,Tên đơn vị\n1,${unit('90002').name.replace('UBND ', '').toUpperCase()}\n2,UBND xã Không Có\n`);
    expect(c.missing).toEqual([{ code: '', name: 'UBND xã Không Có' }]);
    expect(reasons).not.toContain('unit.unexpected');
  });
});

describe('the terminal', () => {
  it('a misspelt option is refused with the closest one, not ignored', async () => {
    const r = await run(['consolidate', goodFolder, ...PERIOD, '--ra', join(root, 'x.xlsx'), '--danhsach', 'ds.csv']);
    expect(r).toMatchObject({ code: 2, err: 'Lệnh consolidate không có tùy chọn --danhsach. Có phải ý bạn là --danh-sach?' });
    expect(existsSync(join(root, 'x.xlsx'))).toBe(false);
    const v = await run(['validate', 'a.xlsx', '--chi-tiet']);
    expect(v).toMatchObject({ code: 2, err: 'Lệnh validate không có tùy chọn --chi-tiet. Lệnh này không nhận tùy chọn nào. Gõ "cchc help" để xem hướng dẫn.' });
  });

  it('control characters and escape sequences in a file name never reach the terminal', () => {
    expect(printable('Tệp "\u001b[2J\u001b]0;pwned\u0007xa\u0000-an\u202ephu.xlsx" bị hỏng\tở ô A1')).toBe('Tệp "xa-anphu.xlsx" bị hỏng\tở ô A1');
  });

  it('piping the output to a reader that stops early (| head -1) ends quietly', async () => {
    const cli = join(root, 'cchc.js');
    await bundleWorker(join(__dirname, '..', '..', 'cli', 'main.ts'), cli);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" help | head -1`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('cchc — Phụ lục kế hoạch cải cách hành chính: tạo biểu mẫu, kiểm tra, tổng hợp báo cáo');
    expect(r.stderr).toBe('');
  }, 60_000);
});

describe('reading faults', () => {
  it('validate given a folder or a file that is not there says so in Vietnamese (exit 2)', async () => {
    const folder = await run(['validate', goodFolder]);
    expect(folder).toMatchObject({ code: 2, err: `"${goodFolder}" là một thư mục, không phải tệp. Hãy ghi tên một tệp báo cáo, ví dụ ${goodFolder}/bao-cao.xlsx.` });
    const gone = await run(['validate', join(root, 'khong-co.xlsx')]);
    expect(gone).toMatchObject({ code: 2, err: `Không tìm thấy "${join(root, 'khong-co.xlsx')}". Kiểm tra lại tên thư mục hoặc tệp (có thể đã bị đổi tên hoặc chuyển đi).` });
  });
});
