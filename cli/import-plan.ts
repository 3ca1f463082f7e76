/**
 * cchc nhap: a commune's plan as it already wrote it — a Word document (.docx) or a sheet it made
 * itself (.xlsx) — read into the standard workbook, pre-filled with its own targets, owners and
 * deadlines, and a short Vietnamese report of what was matched and what to check. The input file is
 * only read; the workbook is written beside any previous one (kept as ….ban-truoc.xlsx).
 */
import { basename, resolve } from 'node:path';
import { importPlan, type ImportSource } from '../shared/import/plan-import';
import { importReport, noTableMessage } from '../shared/import/report';
import { importedWorkbook } from '../shared/import/workbook';
import type { PeriodCode } from '../shared/model';
import { parsePeriod, periodOfYear } from '../shared/period';
import { readDocxTables } from '../io/docx/read-tables';
import { readXlsxValues } from '../io/xlsx/read-values';
import { sniffSpreadsheet } from '../io/xlsx/sniff';
import { isZipProblem, readZipDirectory, startsWithZipSignature } from '../io/xlsx/zip';
import { writeXlsx } from '../io/xlsx/write';
import { flag, UsageError, type ParsedArgs } from './args';
import { NODE_XLSX_CODECS, nodeDeflate } from './codecs';
import { catalogOption, EXIT, readYear, required, templateInfo, type Output } from './commands';
import { readInputFile, writeFileAtomic } from './files';

/** A workbook by its bytes (or its name, for the .xls that shares the .doc's container). */
function isWorkbook(bytes: Uint8Array, name: string): boolean {
  if (/\.xls[xmb]?$/i.test(name)) return true;
  if (!startsWithZipSignature(bytes)) return /\.(csv|ods|html?)$/i.test(name);
  const dir = readZipDirectory(bytes);
  return !isZipProblem(dir) && (dir.byName.has('xl/workbook.xml') || dir.byName.has('xl/workbook.bin') || dir.byName.has('content.xml'));
}

/** The grids of the file: each sheet, or each Word table; a Vietnamese refusal otherwise. */
export function planSources(bytes: Uint8Array, name: string): { ok: true; sources: ImportSource[] } | { ok: false; reason: string } {
  if (isWorkbook(bytes, name)) {
    const sniffed = sniffSpreadsheet(bytes, name);
    if (!sniffed.ok) return { ok: false, reason: sniffed.reason };
    const read = readXlsxValues(bytes, { fileName: name, ...NODE_XLSX_CODECS });
    if (!read.ok) return { ok: false, reason: read.reason };
    return { ok: true, sources: read.value.sheets.map((s) => ({ kind: 'sheet', name: s.name, grid: s.grid })) };
  }
  const read = readDocxTables(bytes, { fileName: name, inflate: NODE_XLSX_CODECS.inflate, crc32: NODE_XLSX_CODECS.crc32 });
  if (!read.ok) return { ok: false, reason: read.reason };
  return { ok: true, sources: read.value.map((t) => ({ kind: 'table', name: String(t.index), grid: t.rows })) };
}

export async function importCommand(args: ParsedArgs, io: Output): Promise<number> {
  const file = required(args.positional[0], 'tệp kế hoạch cần nhập', 'cchc nhap ke-hoach.docx --ma 90002 --nam 2025 --ra bao-cao.xlsx');
  const year = readYear(args);
  const out = required(flag(args, 'ra', 'out'), 'tên sổ làm việc sẽ tạo', '--ra bao-cao.xlsx');
  if (resolve(out) === resolve(file)) {
    throw new UsageError(`Tệp ghi ra (--ra) trùng với tệp kế hoạch "${file}": kế hoạch gốc không bao giờ bị ghi đè. Hãy đặt tên khác, ví dụ --ra bao-cao-${year}.xlsx.`);
  }
  const periodText = flag(args, 'ky', 'period');
  const period: PeriodCode | null = periodText === undefined ? 'Q1' : parsePeriod(periodText);
  if (!period) throw new UsageError(`Kỳ báo cáo "${periodText}" không hợp lệ. Ghi một trong: Quý I, Quý II, Quý III, Quý IV, 6 tháng, 9 tháng, Năm.`);
  const catalog = catalogOption(args);
  const info = templateInfo(args, year, period, catalog);

  const bytes = readInputFile(file);
  const name = basename(file);
  const read = planSources(bytes, name);
  if (!read.ok) {
    io.err(read.reason);
    return EXIT.usage;
  }
  const plan = importPlan(read.sources, { catalog, year, unitCode: info.unitCode });
  if (plan.tables.length === 0) {
    io.err(`${noTableMessage(`tệp "${name}"`)} Chưa ghi gì.`);
    return EXIT.usage;
  }
  const { sheets, problems } = importedWorkbook(info, plan, catalog);
  for (const p of problems) io.err(`Cảnh báo: ${p.message}`);
  const written = await writeXlsx(sheets, { deflate: nodeDeflate });
  const previous = writeFileAtomic(out, written);
  for (const line of importReport(plan, `tệp "${name}"`)) io.out(line);
  io.out(
    `Đã tạo sổ làm việc ${periodOfYear(period, year)}${info.unitName ? ` của ${info.unitName}` : ''} theo kế hoạch đã nhập: ${out}` +
      (periodText === undefined ? ' (kỳ báo cáo Quý I; chọn kỳ khác bằng --ky).' : '.'),
  );
  io.out('Cột Ghi chú của từng dòng ghi dòng nguồn trong kế hoạch và mức độ khớp; hãy xem lại các dòng cần kiểm tra trước khi báo cáo.');
  if (previous) io.out(`Tệp cũ được giữ lại: ${previous}`);
  return EXIT.ok;
}
