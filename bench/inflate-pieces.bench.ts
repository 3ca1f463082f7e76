/**
 * Speed and memory of io/xlsx/inflate-pieces.ts against zlib.inflateRawSync and fflate's inflateSync,
 * on the large parts of the hostile workbooks and on the parts of a corpus report.
 *   npm run bench:inflate            (after `npm run bench` has made .tmp/bench)
 * Speed: inflated MB/s, median of 5 (after a warm-up run). Memory: extra maxRSS of a fresh process that
 * inflates one part (the consumer of the pieces only computes a checksum), less that of one that reads
 * the part without inflating it (maxRSS before and after in one process is hidden by the start-up peak).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { inflateSync } from 'fflate';
import { inflatePieces } from '../io/xlsx/inflate-pieces';
import { entryData, isZipProblem, readZipDirectory } from '../io/xlsx/zip';

function rawPart(file: string, name: string): { data: Uint8Array; size: number } {
  const bytes = new Uint8Array(readFileSync(file));
  const dir = readZipDirectory(bytes);
  if (isZipProblem(dir)) throw new Error(dir.detail);
  const entry = dir.byName.get(name.toLowerCase());
  if (!entry) throw new Error(`${name} not in ${file}`);
  const data = entryData(bytes, entry);
  if (isZipProblem(data)) throw new Error(data.detail);
  return { data, size: entry.size };
}

function checksumPieces(data: Uint8Array): number {
  let sum = 0;
  inflatePieces(data, Infinity, (piece) => {
    for (let i = 0; i < piece.length; i += 64) sum = (sum + piece[i]) | 0;
  });
  return sum;
}

const runners: Record<string, (data: Uint8Array, size: number) => unknown> = {
  pieces: (data) => checksumPieces(data),
  zlib: (data, size) => inflateRawSync(data, { maxOutputLength: size + 1, chunkSize: Math.max(64, size + 1) }),
  fflate: (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function speed(label: string, parts: { data: Uint8Array; size: number }[]): void {
  const total = parts.reduce((n, p) => n + p.size, 0);
  const cols: string[] = [];
  for (const [name, run] of Object.entries(runners)) {
    const times: number[] = [];
    for (let r = 0; r < 6; r++) {
      const t = process.hrtime.bigint();
      for (const p of parts) run(p.data, p.size);
      if (r > 0) times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const ms = median(times);
    cols.push(`${name} ${ms.toFixed(1)} ms, ${(total / 1e6 / (ms / 1000)).toFixed(0)} MB/s`);
  }
  console.log(`${label} (${(total / 1e6).toFixed(1)} MB): ${cols.join(' | ')}`);
}

/** Prints the peak RSS in MB of a process that reads the part and inflates it with `which` (or not at all). */
function rssChild(file: string, name: string, which: string): void {
  const { data, size } = rawPart(file, name);
  if (which !== 'none') runners[which](data, size);
  console.log(String(process.resourceUsage().maxRSS / 1024));
}

const BIG_PARTS: [string, string][] = [
  ['million-cells.xlsx', 'xl/worksheets/big.xml'],
  ['entities.xlsx', 'xl/worksheets/sheet1.xml'],
  ['long-string.xlsx', 'xl/sharedStrings.xml'],
];

function main(): void {
  if (process.argv[2] === '--rss') return rssChild(process.argv[3], process.argv[4], process.argv[5]);
  const root = process.argv[2] ?? '.tmp/bench';
  console.log('Giải nén phần lớn: inflatePieces (từng mẩu 64 KB) so với zlib và fflate (cả phần một lần), trung vị 5 lần');
  for (const [file, name] of BIG_PARTS) speed(`${file} ${name}`, [rawPart(join(root, 'hostile-v3', file), name)]);

  const corpusDir = join(root, 'corpus-v4-1000');
  if (existsSync(corpusDir)) {
    const files = readdirSync(corpusDir).filter((f) => f.endsWith('.xlsx')).sort().slice(0, 100);
    const parts: { data: Uint8Array; size: number }[] = [];
    for (const f of files) {
      const bytes = new Uint8Array(readFileSync(join(corpusDir, f)));
      const dir = readZipDirectory(bytes);
      if (isZipProblem(dir)) continue;
      for (const e of dir.entries) {
        if (e.method !== 8) continue;
        const data = entryData(bytes, e);
        if (!isZipProblem(data)) parts.push({ data, size: e.size });
      }
    }
    speed(`${parts.length} phần nén của ${files.length} báo cáo`, parts);
  }

  for (const [file, name] of BIG_PARTS.slice(0, 2)) {
    const peak = (which: string): number => {
      const mbs: number[] = [];
      for (let r = 0; r < 5; r++) {
        // Through a shell that forks: a child forked from this process would start its peak at ours.
        const args = [process.execPath, process.argv[1], '--rss', join(root, 'hostile-v3', file), name, which];
        const out = execFileSync('/bin/sh', ['-c', '"$@"; :', 'sh', ...args]);
        mbs.push(Number(out.toString().trim()));
      }
      return median(mbs);
    };
    const base = peak('none');
    const cols = Object.keys(runners).map((which) => `${which} +${(peak(which) - base).toFixed(1)} MB`);
    console.log(`Đỉnh bộ nhớ thêm (tiến trình mới, so với tiến trình chỉ đọc tệp: ${base.toFixed(1)} MB), ${file} ${name}: ${cols.join(' | ')}`);
  }
}

main();
